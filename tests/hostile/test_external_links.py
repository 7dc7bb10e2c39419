"""finish/harden.external_links_safe: every way an <a> can name another host
gets rel="noopener noreferrer"; links within the site are left as written
(most of a page's links are: they are passed over without reading their
attributes)."""

from __future__ import annotations

import pytest

from lawsite.finish.harden import external_links_safe

HOST = "lawsite.example.org"


@pytest.mark.parametrize(
    "href",
    [
        "https://evil.example/x",
        "http://evil.example",
        "//evil.example/x",
        "/\t/evil.example/x",  # a browser drops the tab: //evil.example
        "/\n/evil.example/x",
        "&#47;&#47;evil.example/x",  # entities, unescaped in an attribute
        "https:&#x2F;&#x2F;evil.example",
        "HTTPS://EVIL.EXAMPLE/",
    ],
)
def test_a_link_to_another_host_gets_noopener(href: str) -> None:
    out = external_links_safe(f'<p><a href="{href}" class="x">外</a></p>', HOST)
    assert 'rel="noopener noreferrer"' in out and 'class="x"' in out


@pytest.mark.parametrize(
    "tag",
    [
        '<a href="../laws/x/" class="md-nav__link">',
        '<a href="#art_12">',
        '<a href="https://lawsite.example.org/drafts/">',
        '<a href="/drafts/?a=1&amp;b=2">',
        '<a href="mailto:office@example.gov.cn">',
    ],
)
def test_a_link_within_the_site_is_left_as_written(tag: str) -> None:
    page = f"<p>{tag}内</a></p>"
    assert external_links_safe(page, HOST) == page


def test_a_rel_it_had_is_kept_and_merged() -> None:
    out = external_links_safe('<a rel="nofollow" href="https://evil.example">外</a>', HOST)
    assert out.count("rel=") == 1 and 'rel="nofollow noopener noreferrer"' in out
