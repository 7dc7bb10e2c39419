"""Contact points in tiers: `parent:` makes a tree, counts roll up, check refuses bad links."""

from __future__ import annotations

from pathlib import Path

from lawsite.gather.site import gather
from lawsite.model import Source
from lawsite.settings import Settings

DRAFT = "---\nkind: draft\nid: d1\ntitle: 测试条例（草案）\n---\n\n第一条 为了测试，制定本条例。\n\n第二条 本条例自公布之日起施行。\n"


def point(pid: str, parent: str | None = None) -> Source:
    line = f"parent: {parent}\n" if parent else ""
    return Source(f"points/{pid}.md", f"---\nkind: contact-point\nid: {pid}\ntitle: {pid}联系点\nlevel: 县级\nregion: 东区\n{line}---\n\n介绍。\n")


NOTICE = """---
kind: notice
id: n1
concerns: d1
suggestions:
- {article: 第一条, from: top, count: 1, text: 甲, outcome: adopted}
- {article: 第一条, from: station, count: 2, text: 乙, outcome: partly, reason: 部分}
- {article: 第二条, from: collector, count: 4, text: 丙, outcome: not-adopted, reason: 不宜}
---
"""


def tiered(*extra: Source):
    sources = [Source("d1.md", DRAFT), point("top"), point("station", "top"), point("collector", "station"), point("other"), Source("n1.md", NOTICE), *extra]
    return gather(sources, Settings(), read_file=lambda path: None)


def test_counts_roll_up_to_every_point_above() -> None:
    site = tiered()
    assert site.errors == []
    assert site.tiers.above("collector") == ["top", "station"]
    assert site.tiers.below("top") == ["station", "collector"]
    top, station, collector = (site.ledger.for_point(p) for p in ("top", "station", "collector"))
    assert top and station and collector
    assert (top.tally.total, station.tally.total, collector.tally.total) == (1, 2, 4)  # their own
    assert (top.rolled.total, station.rolled.total, collector.rolled.total) == (7, 6, 4)
    assert (top.rolled.adopted, top.rolled.partly, top.rolled.not_adopted) == (1, 2, 4)
    assert top.rolled_consultations == ["d1"]
    other = site.ledger.for_point("other")
    assert other and other.rolled.total == 0


def test_unknown_parent_is_refused_with_file_line_field_and_hint() -> None:
    site = tiered(point("stray", "nowhere"))
    [problem] = site.errors
    assert (problem.path, problem.line, problem.field, problem.code) == ("points/stray.md", 7, "parent", "unknown-parent")
    assert "nowhere" in problem.message.render("en") and "top" in (problem.hint.render("en") if problem.hint else "")
    assert "stray" not in site.tiers.parents  # it stands at the top of its own tree


def test_a_circle_of_parents_is_refused_once_and_broken() -> None:
    site = tiered(point("a", "c"), point("b", "a"), point("c", "b"), point("self", "self"))
    cycles = [p for p in site.errors if p.code == "tier-cycle"]
    assert [p.path for p in cycles] == ["points/a.md", "points/self.md"]
    assert all(p.field == "parent" and p.line == 7 and p.hint for p in cycles)
    assert "a → c → b → a" in cycles[0].message.render("zh")
    assert site.tiers.below("a") == ["b", "c"]  # the link from a is dropped: a tree again
    assert len(site.errors) == 2


def test_check_shows_the_tier_problems(tmp_path: Path) -> None:
    from lawsite.cli import main

    content = tmp_path / "content"
    (content / "points").mkdir(parents=True)
    for source in (point("a", "b"), point("b", "a")):
        (content / source.path).write_text(source.text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) != 0


def test_the_directory_is_a_tree_and_a_point_shows_its_place() -> None:
    from site_pages import SitePages

    site = tiered()
    urls = {"d1": "d1/", "n1": "n1/", **{p: f"points/{p}/" for p in ("top", "station", "collector", "other")}, "lawsite-statistics": "statistics/", "lawsite-contact-points": "points/"}
    pages = SitePages(site, Settings(), urls)
    directory = pages.markdown("points/index.md", "points/")
    top_card = directory.index("top联系点")
    below = directory.index("ls-cards--below", top_card)
    assert top_card < below < directory.index("station联系点") < directory.index("collector联系点")
    assert directory.count("ls-cards--below") == 2  # top → station → collector; other has none
    assert "报送意见 7 条" in directory  # top's card counts what its tiers submitted
    station = pages.markdown("points/station.md", "points/station/")
    assert "上级：" in station and 'href="../top/"' in station
    assert "下设站点" in station and 'href="../collector/"' in station
    assert "统计含下设站点" in station
