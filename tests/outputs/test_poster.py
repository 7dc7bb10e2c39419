"""The poster of a draft as HTML: which articles, which QR targets, and the
problems of a bad `poster:` range."""

from __future__ import annotations

import datetime as dt
import html
import re

from lawsite.model import Source
from lawsite.emit.poster import PosterLinks, poster_html, poster_uri
from lawsite.parse.poster import poster_articles, poster_problems
from lawsite.parse.document import parse_document
from lawsite.settings import Settings

SETTINGS = Settings(site_url="https://example.gov.cn/", now=dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc))
LINKS = PosterLinks(page_url="https://example.gov.cn/drafts/d/", back_href="../../drafts/d/", css_href="../../assets/lawsite/poster.css", js_href="../../assets/lawsite/poster.js")


def draft(extra: str = "", closes: str = "2026-12-31", form: bool = True):
    form_line = '  form: "https://yj.example.gov.cn/f?doc={doc}&article={article}"\n' if form else ""
    text = (
        "---\nkind: draft\nid: d\ntitle: 某某条例（草案）\nstage: 一审稿\n"
        f"comments:\n  opens: 2026-05-01\n  closes: {closes}\n  email: a@example.gov.cn\n{form_line}{extra}---\n\n"
        "## 第一章 总则\n\n"
        + "".join(f"第{n}条　第{n}条的内容，引用本条例第一条。\n\n" for n in "一二三四五")
        + "（一）第一项；\n\n（二）第二项。\n"
    )
    document, problems = parse_document(Source("drafts/d.md", text))
    assert document is not None and not [p for p in problems if p.is_error], problems
    return document


def qr_titles(page: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'<svg role="img"[^>]*class="ls-poster__code"><title>([^<]*)</title>', page)]


def test_every_article_with_its_form_address() -> None:
    page = poster_html(draft(), SETTINGS, LINKS)
    assert qr_titles(page) == [f"https://yj.example.gov.cn/f?doc=d&article=art_{n}" for n in range(1, 6)]
    assert page.count('class="ls-poster__article"') == 5
    assert '<html lang="zh">' in page and "某某条例（草案）" in page
    assert "a@example.gov.cn" in page and "扫码对本条提意见" in page
    assert "（一）第一项" in page  # items are printed too


def test_permalinks_without_a_form_and_when_closed() -> None:
    assert qr_titles(poster_html(draft(form=False), SETTINGS, LINKS))[0] == "https://example.gov.cn/drafts/d/#art_1"
    closed = poster_html(draft(closes="2026-05-20"), SETTINGS, LINKS)
    assert qr_titles(closed)[0] == "https://example.gov.cn/drafts/d/#art_1"
    assert "扫码阅读本条" in closed and "a@example.gov.cn" not in closed


def test_a_chosen_range() -> None:
    document = draft("poster:\n  from: 第二条\n  to: art_4\n")
    articles, problems = poster_articles(document)
    assert [a.id for a in articles] == ["art_2", "art_3", "art_4"] and problems == []
    page = poster_html(document, SETTINGS, LINKS)
    assert len(qr_titles(page)) == 3
    assert "本海报收录第二条至第四条，全文共 5 条。" in page
    assert poster_uri(document) == "posters/d/index.html"


def test_only_a_start() -> None:
    articles, _ = poster_articles(draft("poster:\n  from: 第四条\n"))
    assert [a.id for a in articles] == ["art_4", "art_5"]


def test_bad_bounds_are_reported_with_their_field() -> None:
    unknown = draft("poster:\n  from: 第九条\n")
    problems = poster_problems([unknown])
    assert [(p.field, p.code, p.path) for p in problems] == [("poster.from", "poster-range", "drafts/d.md")]
    assert "第九条" in problems[0].message.render("en") and "第一条" in (problems[0].hint.render("en") if problems[0].hint else "")
    assert len(poster_articles(unknown)[0]) == 5  # the whole draft is still printed
    reversed_ = poster_problems([draft("poster:\n  from: 第四条\n  to: 第二条\n")])
    assert [p.field for p in reversed_] == ["poster.to"]


def test_unknown_poster_key_is_a_schema_problem() -> None:
    text = "---\nkind: draft\nid: d\ntitle: t\nposter:\n  start: 第一条\n---\n\n第一条　内容。\n"
    _, problems = parse_document(Source("drafts/d.md", text))
    assert any(p.field == "poster.start" and p.code == "unknown-key" for p in problems)


def test_division_headings_open_their_articles_and_frame_a_mid_range() -> None:
    page = poster_html(draft(), SETTINGS, LINKS)
    assert page.count('class="ls-poster__division') == 1
    assert page.index("第一章 总则") < page.index('id="art_1"')
    ranged = poster_html(draft("poster:\n  from: 第三条\n"), SETTINGS, LINKS)
    assert ranged.index("第一章 总则") < ranged.index('id="art_3"')


def test_a_site_without_site_url_is_warned_about_its_posters() -> None:
    from lawsite.emit.poster import site_url_problem

    problem = site_url_problem("")
    assert problem is not None and problem.field == "site_url" and not problem.is_error
    assert site_url_problem("https://rd.example.gov.cn/") is None
