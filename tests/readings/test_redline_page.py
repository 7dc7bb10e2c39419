"""The built sample site: the redline page between the two readings of the
property draft, the chain of readings on both drafts' pages.

Uses the session-wide build of content/ (tests/conftest.py::sample_site).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO
from lawsite.redline import Status, align_readings, summary
from lawsite.gather.site import load_site

OLD_ID, NEW_ID = "qingchuan-property-2026-r1", "qingchuan-property-2026-r2"
REDLINE = f"redlines/{NEW_ID}"


class Sections(HTMLParser):
    """The outer HTML of every element with an id (for small, local assertions)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.starts: dict[str, int] = {}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if ident:
            line, col = self.getpos()
            offset = sum(len(x) + 1 for x in self.text.split("\n")[: line - 1]) + col
            self.starts[ident] = offset

    def element(self, ident: str, tag: str) -> str:
        """From the start tag with `ident` to its matching close tag (no nesting of `tag` assumed deeper than counted)."""
        start = self.starts[ident]
        depth, pos = 0, start
        pattern = re.compile(rf"<(/?){tag}\b")
        for m in pattern.finditer(self.text, start):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                pos = self.text.index(">", m.end()) + 1
                break
        return self.text[start:pos]


@pytest.fixture(scope="module")
def page(sample_site: Path) -> str:
    return (sample_site / REDLINE / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parts(page: str) -> Sections:
    return Sections(page)


@pytest.fixture(scope="module")
def changes():
    site = load_site(REPO / "content")
    return align_readings(site.get(OLD_ID).legal.articles, site.get(NEW_ID).legal.articles)


def test_inserted_articles_are_added_and_the_next_ones_renumbered(parts, changes):
    # 第四条, 第十四条 and 第二十四条 are new in the second reading …
    for art in ("art_4", "art_14", "art_24"):
        section = parts.element(f"rl-{art}", "section")
        assert "ls-rl--added" in section and "<ins>" in section and "<del>" not in section
    # … so the old 第十四条 is now 第十五条 (renumbered and changed), not removed + added.
    moved = parts.element("rl-art_15", "section")
    assert "ls-rl--renumbered-changed" in moved
    assert re.search(r'href="\.\./\.\./drafts/property-r1/#art_14">第十四条</a>.*→.*href="\.\./\.\./drafts/property-r2/#art_15">第十五条</a>', moved)
    # Merely renumbered ones are folded, each with its old → new label.
    quiet = parts.element("rl-art_16", "li")
    assert "调整序号" in quiet and "第十五条</a>" in quiet and "第十六条</a>" in quiet
    removed = {c.old.id for c in changes if c.status is Status.REMOVED}
    assert {k.removeprefix("rl-old-") for k in parts.starts if k.startswith("rl-old-")} == removed
    assert removed == {"art_7", "art_27"}  # merged into 第七条; 欠费公示 deleted


def test_changed_article_shows_deletions_and_insertions(parts):
    section = parts.element("rl-art_15", "section")
    assert re.search(r"<ins><span class=\"ls-sr\">［增加］</span>三十日内</ins>", section)
    merged = parts.element("rl-art_7", "section")  # 居民委员会职责 merged in as a paragraph
    assert "<ins>" in merged and "ls-rl--renumbered-changed" in merged
    removed = parts.element("rl-old-art_27", "section")
    assert re.search(r"<del><span class=\"ls-sr\">［删去］</span>（欠费公示）业主无正当理由", removed)


def test_outcomes_appear_beside_a_changed_article_by_its_earlier_number(parts):
    section = parts.element("rl-art_15", "section")
    aside = section[section.index("<aside") :]
    assert "对征求意见稿第十四条的意见" in aside  # the earlier number, not 第十五条
    assert "本条意见 39 条" in aside and "采纳 12" in aside and "部分采纳 23" in aside
    # the ledger's own badges and words, as on the notice page
    for outcome, badge in (("adopted", "采纳"), ("partly", "部分采纳"), ("pending", "待处理"), ("noted", "留作研究")):
        assert f'<span class="ls-badge ls-badge--{outcome}">{badge}</span>' in aside
    assert "临江区星海路街道基层立法联系点" in aside  # contact point id shown by its name
    assert 'href="../../notices/property-r1-feedback/#ledger-art_14"' in aside
    assert "ls-rl--with-ledger" in section


def test_articles_without_changes_are_folded_and_counted(page, parts, changes):
    counts = summary(changes)
    shown = dict(re.findall(r'ls-count--([a-z-]+)"><span class="ls-count__n">(\d+)</span>', page))
    assert {k: int(v) for k, v in shown.items()} == counts
    folded = re.findall(r'<details class="ls-rl-folded"><summary>未修改的条文 (\d+) 条', page)
    assert sum(map(int, folded)) == counts["unchanged"] + counts["renumbered"]
    full = re.findall(r'<section class="ls-rl ls-rl--([a-z-]+)', page)
    assert sorted(full) == sorted(c.status.value for c in changes if c.status not in (Status.UNCHANGED, Status.RENUMBERED))


def test_links_from_the_redline_land_on_existing_anchors(sample_site, page):
    for folder, anchor in re.findall(r'href="\.\./\.\./(drafts/[^/]+)/#([^"]+)"', page):
        assert f'id="{anchor}"' in (sample_site / folder / "index.html").read_text(encoding="utf-8"), (folder, anchor)


def test_both_readings_show_the_chain_and_link_the_redline(sample_site):
    for folder, current in (("drafts/property-r1", "征求意见稿"), ("drafts/property-r2", "二审稿")):
        html = (sample_site / folder / "index.html").read_text(encoding="utf-8")
        nav = html[html.index('<nav class="ls-readings"') :]
        nav = nav[: nav.index("</nav>")]
        assert nav.index("征求意见稿") < nav.index("二审稿")
        assert '<strong aria-current="page" title="' in nav and f">{current}</strong>" in nav
        assert f'href="../../{REDLINE}/"' in nav and "修改对照" in nav
    single = (sample_site / "drafts/civilized-behavior/index.html").read_text(encoding="utf-8")
    assert "ls-readings" not in single  # one reading: no chain


def test_redline_page_is_linked_not_listed_in_the_navigation(sample_site, page):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "redlines/" not in home
    assert '<h1 id="ls-redline-title">青川市物业管理条例修改对照：征求意见稿 → 二审稿</h1>' in page
    assert "<title>青川市物业管理条例修改对照：征求意见稿 → 二审稿 - " in page
