"""The ledger in the built sample site: lines on the draft's articles, the
notice page grouped by article with totals and SVG charts, contact points,
their directory and the statistics page.

Expected figures come from the content itself (load_site + Site.ledger), so
the tests follow the sample content as it grows, and pin what the pages show.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from lawsite.gather.ledger import Ledger
from lawsite.model import GENERAL, Kind
from lawsite.render.ledger import ledger_line_text
from lawsite.gather.site import Site, load_site

R1 = "qingchuan-property-2026-r1"
R2 = "qingchuan-property-2026-r2"
NOTICE = "qingchuan-property-2026-r1-feedback"


@pytest.fixture(scope="module")
def content() -> tuple[Site, Ledger]:
    site = load_site(REPO / "content")
    return site, site.ledger


def page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def articles(html: str) -> dict[str, str]:
    return {m["id"]: m[0] for m in re.finditer(r'<section class="ls-article[^"]*" id="(?P<id>art_[^"]+)".*?</section>', html, re.S)}


def text_of(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def visible(fragment: str) -> str:
    """Text without what is there for screen readers only."""
    return text_of(re.sub(r'<span class="ls-sr">[^<]*</span>', "", fragment))


def test_each_article_of_the_first_reading_shows_its_ledger_line(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    _, ledger = content
    document = ledger.for_document(R1)
    assert document is not None and len(document.articles) >= 10
    sections = articles(page(sample_site, "drafts/property-r1"))
    for article_id, section in sections.items():
        lines = re.findall(r'<a class="ls-ledger-line" href="([^"]+)"[^>]*>(.*?)</a>', section, re.S)
        entry = ledger.for_article(R1, article_id)
        if entry is None:
            assert lines == [], article_id
            continue
        assert len(lines) == 1, article_id
        href, inner = lines[0]
        assert href == f"../../notices/property-r1-feedback/#ledger-{article_id}"
        assert visible(inner) == ledger_line_text(entry.tally, "zh")
        assert re.match(r'<span class="ls-sr">第[一二三四五六七八九十百]+条(之[一二三四五六七八九十]+)?：</span>', inner)


def test_ledger_line_reads_like_the_issue_says(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    # 第十四条 of the first reading drew suggestions with three different outcomes.
    entry = content[1].for_article(R1, "art_14")
    assert entry is not None
    section = articles(page(sample_site, "drafts/property-r1"))["art_14"]
    line = visible(re.search(r'<a class="ls-ledger-line".*?</a>', section, re.S)[0])  # type: ignore[index]
    # 本条意见, not 收到意见: the head's 收到意见 counts comments received, this the article's itemised suggestions.
    assert re.fullmatch(r"本条意见 \d+ 条( · (采纳|部分采纳|未采纳|留作研究|待处理) \d+)+", line)
    assert line.startswith(f"本条意见 {entry.total} 条 · 采纳 {entry.tally.adopted} · 部分采纳 {entry.tally.partly}")


def test_draft_head_shows_its_outcome_linked_to_the_notice(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    document = content[1].for_document(R1)
    assert document is not None
    html = page(sample_site, "drafts/property-r1")
    head = re.search(r'<p class="ls-draft-outcome">.*?</p>', html, re.S)
    assert head is not None
    tally = document.tally
    rate = f"{(tally.adopted + tally.partly) * 100 / tally.total:.1f}%"
    said = f"收到意见 {document.received} 条，逐条列出 {tally.total} 条，其中采纳 {tally.adopted} 条、部分采纳 {tally.partly} 条，采纳率 {rate}"
    assert said in text_of(head[0])
    assert 'href="../../notices/property-r1-feedback/"' in head[0]


def test_a_later_reading_has_no_ledger_of_its_own(sample_site: Path) -> None:
    html = page(sample_site, "drafts/property-r2")
    assert "ls-ledger-line" not in html and "ls-draft-outcome" not in html


def test_notice_groups_by_article_in_text_order_with_badges_and_reasons(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    site, ledger = content
    mine = ledger.notices[NOTICE]
    html = page(sample_site, "notices/property-r1-feedback")
    anchors = re.findall(r'<h3 id="(ledger-[^"]+)">', html)
    assert anchors == [entry.anchor for entry in mine.articles.values()]
    assert anchors[0] == "ledger-general" and list(mine.articles)[0] == GENERAL
    draft = site.get(R1)
    assert draft is not None and draft.legal is not None
    order = [a.id for a in draft.legal.articles]
    ids = [a.removeprefix("ledger-") for a in anchors[1:]]
    assert ids == sorted(ids, key=order.index)
    heading = re.search(r'<h3 id="ledger-art_13">(.*?)</h3>', html)
    assert heading is not None and heading[1] == "第十三条（表决规则）"
    groups = re.findall(r'<div class="ls-ledger-group" data-ls-group="([^"]+)">(.*?)</ul>\s*</div>', html, re.S)
    for anchor, body in groups:
        entry = mine.articles[anchor.removeprefix("ledger-")]
        items = re.findall(r'<li class="ls-sugg ls-sugg--([a-z-]+)"><span class="ls-badge ls-badge--\1">', body)
        assert items == [s.outcome.value for s in entry.suggestions]
        assert body.count('class="ls-sugg__reason"') == sum(1 for s in entry.suggestions if s.reason)
    assert 'href="../../drafts/property-r1/#art_13"' in html
    assert '<a href="../../contact-points/xinghai-road/">' in html


def test_notice_totals_and_charts(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    tally = content[1].notices[NOTICE].tally
    html = page(sample_site, "notices/property-r1-feedback")
    totals = dict(re.findall(r'<div class="ls-totals__item ls-totals__item--([a-z-]+)"><dt>[^<]*</dt><dd data-ls-figure="\1">([^<]*)</dd>', html))
    assert totals["received"] == "1028 条"
    assert totals["itemised"] == f"{tally.total} 条"
    assert totals["adopted"] == f"{tally.adopted} 条" and totals["partly"] == f"{tally.partly} 条" and totals["not-adopted"] == f"{tally.not_adopted} 条"
    assert totals["rate"] == f"{(tally.adopted + tally.partly) * 100 / tally.total:.1f}%"
    svgs = re.findall(r"<svg class=\"ls-chart\".*?</svg>", html, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby=" in svg
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title><desc id=\"[^\"]+\">[^<]+</desc>", svg)
        assert "fill=\"#" not in svg  # colours come from CSS, so dark mode applies
    per_article = svgs[1]
    assert per_article.count('class="ls-chart__row"') == len(content[1].notices[NOTICE].articles)
    assert "<script" not in "".join(svgs)


def test_contact_point_page_shows_its_record(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    record = content[1].for_point("xinghai-road")
    assert record is not None and record.tally.total > 0
    html = page(sample_site, "contact-points/xinghai-road")
    stats = re.findall(r'<div class="ls-totals__item"><dt>([^<]*)</dt><dd>([^<]*)</dd>', html)
    # Its counts include the points below it (海滨社区联络站 forwarded suggestions too); its list is its own.
    assert record.rolled.total > record.tally.total
    assert ("报送意见", f"{record.rolled.total} 条") in stats
    assert ("采纳（含部分采纳）", f"{record.rolled.adopted + record.rolled.partly} 条") in stats
    assert ("参与征求意见", str(len(record.rolled_consultations))) in stats
    assert html.count('class="ls-sugg ') == len(record.suggestions)
    assert 'href="../../drafts/property-r1/#art_14"' in html
    assert 'href="../../notices/property-r1-feedback/#ledger-art_14"' in html


def test_directory_groups_points_by_level(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    site, _ = content
    html = page(sample_site, "contact-points")
    levels = re.findall(r'<h2 id="ls-level-\d+">([^<]+)</h2>', html)
    present = {str(d.meta["level"]) for d in site.of_kind(Kind.CONTACT_POINT)}
    assert levels == [level for level in ("国家级", "省级", "市级", "县级") if level in present]
    for point in site.of_kind(Kind.CONTACT_POINT):
        assert f'href="{point.path.split("/")[-1].removesuffix(".md")}/"' in html


def test_statistics_page_and_navigation(sample_site: Path, content: tuple[Site, Ledger]) -> None:
    _, ledger = content
    html = page(sample_site, "statistics")
    assert "<h1" in html and "意见统计" in html
    assert html.count('<svg class="ls-chart"') == 3
    assert html.count('<table class="ls-stats-table">') == 4
    rows = re.findall(r'<tr><th scope="row"><span class="ls-badge ls-badge--([a-z-]+)">[^<]*</span></th><td>(\d+)</td>', html)
    assert {o: int(n) for o, n in rows} == {o.value: n for o, n in ledger.totals.counts.items()}
    home = page(sample_site, "")
    assert 'href="statistics/"' in home and 'href="contact-points/"' in home
    summary = re.search(r'<section class="ls-home-ledger".*?</section>', home, re.S)
    assert summary is not None and 'id="ls-chart-home"' in summary[0]
    total = ledger.totals
    assert f"收到意见 {ledger.received} 条，逐条列出 {total.total} 条，其中采纳 {total.adopted} 条、部分采纳 {total.partly} 条" in text_of(summary[0])
