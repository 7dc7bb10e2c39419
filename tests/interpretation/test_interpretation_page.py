"""The built sample site: the interpretation page (text beside explanation)
and the 释义 links on exactly the interpreted articles of the draft page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, build_site
from lawsite.gather.readings import explained_articles
from lawsite.gather.site import load_site

DRAFT_PAGE = "drafts/property-r2"
INTERP_PAGE = "interpretations/property-r2-interpretation"


class ArticleLinks(HTMLParser):
    """Article id → the hrefs of 释义 links inside that article's <section>."""

    def __init__(self) -> None:
        super().__init__()
        self.current: str | None = None
        self.depth = 0
        self.links: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and "ls-article" in (a.get("class") or ""):
            self.current, self.depth = a["id"], 0
            self.links[self.current] = []
        if tag == "section" and self.current:
            self.depth += 1
        if tag == "a" and self.current and "ls-interp-link" in (a.get("class") or ""):
            self.links[self.current].append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.current:
            self.depth -= 1
            if self.depth == 0:
                self.current = None


def links_of(site: Path, page: str) -> dict[str, list[str]]:
    parser = ArticleLinks()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser.links


@pytest.fixture(scope="module")
def explained() -> set[str]:
    site = load_site(REPO / "content")
    return set(explained_articles(site, site.get("qingchuan-property-2026-r2")))


def test_explanation_link_on_exactly_the_interpreted_articles(sample_site, explained):
    links = links_of(sample_site, DRAFT_PAGE)
    assert len(links) == 45
    assert {art for art, hrefs in links.items() if hrefs} == explained
    assert all(len(hrefs) <= 1 for hrefs in links.values())
    assert {"art_1", "art_11", "art_12", "art_13", "art_17", "art_42"} <= explained
    assert links["art_12"] == [f"../../{INTERP_PAGE}/#art_12"]  # inside the 第十一条至第十三条 section


def test_no_explanation_links_on_a_reading_without_interpretation(sample_site):
    assert not any(links_of(sample_site, "drafts/property-r1").values())


def test_every_explanation_link_lands_on_the_article_on_the_interpretation_page(sample_site, explained):
    page = (sample_site / INTERP_PAGE / "index.html").read_text(encoding="utf-8")
    for art in explained:
        assert f'<div class="ls-interp__article" id="{art}">' in page


def test_interpretation_page_puts_each_text_beside_its_explanation(sample_site):
    page = (sample_site / INTERP_PAGE / "index.html").read_text(encoding="utf-8")
    preface = page.index("物业管理关系千家万户")
    first = page.index('id="sec-art_1"')
    assert preface < first  # the preface on top
    headings = re.findall(r'<h2 id="(sec-[^"]+)">([^<]+)</h2>', page)
    assert ("sec-art_11", "第十一条至第十三条") in headings and ("sec-art_17", "第十七条、第四十二条") in headings
    grids = page.count('<div class="ls-interp">')
    assert grids == len(headings) == 15
    # A range section quotes every article in it, each label linking back to the draft.
    section = page[page.index('id="sec-art_11"') : page.index('id="sec-art_14"')]
    for art, label in (("art_11", "第十一条"), ("art_12", "第十二条"), ("art_13", "第十三条")):
        assert f'<a class="ls-article__label" href="../../{DRAFT_PAGE}/#{art}" title="到草案中查看本条">{label}</a>' in section
    note = section[section.index('<div class="ls-interp__note"') :]
    assert "双三分之二" in note
    assert '解读对象：<a href="../../drafts/property-r2/">青川市物业管理条例（草案二审稿）</a>' in page


SMALL_DRAFT = "---\nkind: draft\nid: d\ntitle: 测试条例（草案）\n---\n\n第一条 为了测试，制定本条例。\n\n第二条 依照第一条的规定。\n\n第三条 本条例自公布之日起施行。\n"
SMALL_INTERP = (
    "---\nkind: interpretation\nid: i\ninterprets: d\ntitle: 测试条例解读\n---\n\n前言。\n\n"
    "## 第二条\n\n第二条引用了**第一条**。\n\n### 举例\n\n- 一个例子\n\n<script>alert(1)</script>\n"
)


def test_small_site_links_headings_lists_and_no_script(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: content\ntheme:\n  name: material\n  font: false\nplugins:\n  - lawsite\n", encoding="utf-8"
    )
    (content / "index.md").write_text("# t\n", encoding="utf-8")
    (content / "d.md").write_text(SMALL_DRAFT, encoding="utf-8")
    (content / "i.md").write_text(SMALL_INTERP, encoding="utf-8")
    build_site(tmp_path / "mkdocs.yml", tmp_path / "site", 1795320000)
    page = (tmp_path / "site" / "i" / "index.html").read_text(encoding="utf-8")
    note = page[page.index('<div class="ls-interp__note"') :]
    assert "<h3>举例</h3>" in note and "<li>一个例子</li>" in note  # headings stay inside the section
    assert "<script>alert" not in page
    assert '<a class="ls-ref" href="../d/#art_1">第一条</a>' in page  # a reference in the quoted text links to the draft
    links = links_of(tmp_path / "site", "d")
    assert links == {"art_1": [], "art_2": ["../i/#art_2"], "art_3": []}
