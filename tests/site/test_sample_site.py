"""The built sample site: anchors, comment links, consultation status, search.

The site is built once (tests/conftest.py::sample_site) at SAMPLE_NOW, when
the second reading of the property draft is open and the elderly-care draft
is closed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_NOW
from lawsite.settings import Settings
from lawsite.gather.site import load_site

SITE_URL = "https://lawsite.example.gov.cn/"
OPEN_DRAFT = "drafts/property-r2"
CLOSED_DRAFT = "drafts/elderly-care"
LAW = "laws/water-protection"


class Elements(HTMLParser):
    """Every start tag as (tag, attrs), with the text inside <a> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(site: Path, page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser.tags


def html_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def content():
    return load_site(REPO / "content", Settings())


def test_every_article_has_its_anchor_and_visible_permalink(sample_site, content):
    document = content.by_path["drafts/property-r2.md"]
    tags = elements(sample_site, OPEN_DRAFT)
    ids = {attrs.get("id") for _, attrs in tags}
    labels = {attrs.get("href") for tag, attrs in tags if tag == "a" and "ls-article__label" in (attrs.get("class") or "")}
    for article in document.legal.articles:
        assert article.id in ids
        assert f"#{article.id}" in labels
        for para in article.paragraphs:
            assert para.id in ids
            assert all(item.id in ids for item in para.items)


def test_chapters_and_sections_form_the_table_of_contents(sample_site, content):
    page = html_of(sample_site, OPEN_DRAFT)
    toc = page[page.index('data-md-component="toc"') :]
    document = content.by_path["drafts/property-r2.md"]
    for division in document.legal.divisions:
        assert f'href="#{division.id}"' in toc


def _comment_links(site: Path, page: str, article_id: str) -> dict[str, str]:
    html = html_of(site, page)
    start = html.index(f'id="{article_id}"')
    section = html[start : html.index("</section>", start)]
    return _links(section)


def _links(section: str) -> dict[str, str]:
    found = {}
    for match in re.finditer(r'<a [^>]*href="([^"]*)"[^>]*data-ls-channel="(\w+)"', section):
        found[match.group(2)] = match.group(1).replace("&amp;", "&")
    return found


def test_mail_entry_names_document_and_article_and_carries_the_permalink(sample_site):
    links = _comment_links(sample_site, OPEN_DRAFT, "art_12")
    mailto = urllib.parse.urlsplit(links["mail"])
    assert mailto.scheme == "mailto" and mailto.path == "fgw@example.gov.cn"
    query = urllib.parse.parse_qs(mailto.query)
    assert query["subject"] == ["征求意见：青川市物业管理条例（草案二审稿）第十二条"]
    body = query["body"][0]
    assert f"{SITE_URL}{OPEN_DRAFT}/#art_12" in body
    assert "《青川市物业管理条例（草案二审稿）》第十二条" in body


def test_form_entry_fills_the_template_percent_encoded(sample_site):
    links = _comment_links(sample_site, OPEN_DRAFT, "art_12")
    form = urllib.parse.urlsplit(links["form"])
    assert (form.scheme, form.netloc, form.path) == ("https", "yj.example.gov.cn", "/form")
    assert urllib.parse.parse_qs(form.query) == {"doc": ["qingchuan-property-2026-r2"], "article": ["art_12"]}


def test_open_draft_banner_counts_days_left_at_build_time(sample_site):
    html = html_of(sample_site, OPEN_DRAFT)
    today = dt.datetime.fromisoformat(SAMPLE_NOW).date()
    days = (dt.date(2028, 6, 30) - today).days
    assert 'class="ls-banner ls-banner--open"' in html
    assert f"还剩 {days} 天" in html
    # The deadline instant is in the page for the script: midnight after `closes`, Beijing time.
    assert 'data-ls-deadline="2028-07-01T00:00:00+08:00"' in html
    assert "lawsite.js" in html


def test_closed_draft_has_no_comment_entries(sample_site):
    html = html_of(sample_site, CLOSED_DRAFT)
    assert 'ls-banner--closed' in html and "征求意见已结束" in html
    assert "data-ls-comment" not in html and "mailto:" not in html
    assert 'id="art_1"' in html  # the text itself stays


def test_law_has_no_comment_entries_or_banner(sample_site):
    html = html_of(sample_site, LAW)
    assert "data-ls-comment" not in html and "ls-banner" not in html
    assert 'id="art_1"' in html


def test_cross_references_link_to_anchors_in_the_same_page(sample_site, content):
    html = html_of(sample_site, OPEN_DRAFT)
    refs = re.findall(r'<a class="ls-ref" href="#(art_[^"]+)">([^<]+)</a>', html)
    assert refs, "the sample draft cites its own articles"
    ids = set(re.findall(r'id="(art_[^"]+)"', html))
    assert all(target in ids for target, _ in refs)


def test_post_fax_and_phone_once_per_page(sample_site):
    html = html_of(sample_site, OPEN_DRAFT)
    assert html.count("0000-81000002") == 1  # fax
    channels = html[html.index('class="ls-channels"') : html.index("</dl>", html.index('class="ls-channels"'))]
    assert channels.count('href="tel:+86-000-81000001">0000-81000001</a>') == 1  # phone, as a tel: link
    assert html.count("0000-81000001</a>") == 2  # and the footer's contact, the same office
    assert html.count('class="ls-channels"') == 1


def test_home_lists_open_consultations_first(sample_site):
    html = html_of(sample_site, ".")
    open_section = html[html.index('id="ls-open-now"') :]
    first_group = open_section.index("ls-kind-")
    assert "property-r2/" in open_section[:first_group]
    assert "elderly-care/" not in open_section[:first_group]
    assert "elderly-care/" in open_section[first_group:]


def test_search_index_holds_segmented_words_of_an_article(sample_site):
    # Pagefind at every size (emit/search.py): the page's fragment holds its
    # words, segmented by the extended build, and not the comment buttons.
    import gzip

    fragments = []
    for path in (sample_site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        fragments.append(json.loads(raw[raw.index("{"):]))
    draft = next(f for f in fragments if f["url"] == f"/{OPEN_DRAFT}/")
    words = draft["content"].replace("\u200b", " ").split()
    assert "业主" in words and "物业" in words
    assert "发邮件" not in draft["content"]


def test_script_labels_come_once_per_site_before_the_scripts_that_read_them(sample_site):
    labels = (sample_site / "assets" / "lawsite" / "i18n.js").read_text(encoding="utf-8")
    assert labels.startswith("window.lawsiteLabels = {") and "copy_link" in labels
    for page in ("", OPEN_DRAFT, LAW):
        scripts = [attrs.get("src") or "" for tag, attrs in elements(sample_site, page) if tag == "script"]
        names = [src.rsplit("/", 1)[-1] for src in scripts if "assets/lawsite/" in src]
        assert names.index("i18n.js") < names.index("reader.js") < names.index("basket.js"), page
        assert "ls-i18n" not in html_of(sample_site, page)
