"""Links keep their target but drop percent-escapes of Chinese characters
(finish/minify.py `readable_urls`)."""

from __future__ import annotations

import datetime as dt
import urllib.parse

from lawsite.finish.minify import readable_urls


def test_chinese_characters_in_links_are_written_as_utf8() -> None:
    html = '<a href="../../%E8%A1%8C%E6%94%BF%E6%B3%95%E8%A7%84/%E5%88%91%E6%B3%95/#art_1">刑法</a>'
    assert readable_urls(html) == '<a href="../../行政法规/刑法/#art_1">刑法</a>'


def test_the_link_resolves_to_the_same_url() -> None:
    href = "laws/%E8%A1%8C%E6%94%BF/a%20b%E3%80%80c%22d%25e%3Cf/"
    out = readable_urls(f'<a href="{href}">x</a>').split('"')[1]
    assert urllib.parse.quote(out, safe="/%") == href
    # ASCII escapes, the ideographic space and the quote stay escaped: nothing
    # can end the attribute or hide in it.
    assert out == "laws/行政/a%20b%E3%80%80c%22d%25e%3Cf/"


def test_only_link_attributes_and_only_valid_utf8_are_touched() -> None:
    html = '<p>%E8%A1%8C</p><img src="%E8%A1%8C.png"><a href="x%FF%E8%A1/">y</a><a title="%E8%A1%8C">z</a>'
    assert readable_urls(html) == '<p>%E8%A1%8C</p><img src="行.png"><a href="x%FF%E8%A1/">y</a><a title="%E8%A1%8C">z</a>'


def test_control_and_format_characters_stay_escaped() -> None:
    html = '<a href="a%C2%85b%E2%80%AEc%E2%80%8Bd">x</a>'  # NEL, RLO, zero-width space
    assert readable_urls(html) == html


TRICKY = "征求意见：草案\u3000第一条 a&b?c=d#e%f\r\n\u200b\u202e\x85/@+ü"


def test_quote_readable_is_quote_then_readable_urls_at_once() -> None:
    from lawsite.urls import quote_readable

    for safe in ("", "/", "@"):
        quoted = urllib.parse.quote(TRICKY, safe=safe)
        assert quote_readable(TRICKY, safe) == readable_urls(f'<a href="{quoted}">').split('"')[1]
        assert urllib.parse.unquote(quote_readable(TRICKY, safe)) == TRICKY


def test_mail_links_come_out_as_the_page_shows_them() -> None:
    from lawsite.model import Comments
    from lawsite.render.comments import mailto_href

    comments = Comments(None, dt.date(2999, 12, 31), email="意见@example.gov.cn", subject="征求意见：{title}{label}")
    href = mailto_href(comments, {"title": "草案\u3000", "label": "第一条"}, TRICKY)
    assert readable_urls(f'<a href="{href}">') == f'<a href="{href}">'  # nothing left for the page's pass
    subject, body = (urllib.parse.unquote(part.split("=", 1)[1]) for part in href.split("?", 1)[1].split("&"))
    assert href.startswith("mailto:意见@example.gov.cn?") and subject == "征求意见：草案 第一条" and body == TRICKY.replace("\n", "\r\n")
