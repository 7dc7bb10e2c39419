"""The 台账: per point and period, on the pages, and as a workbook read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl

from lawsite.gather.accounts import account, draft_accounts, stages, years
from lawsite.gather.site import Site, load_site
from lawsite.render.accounts import level_accounts

REPO = Path(__file__).resolve().parents[2]


def sample():
    site = load_site(REPO / "content")
    assert site.errors == []
    return site


def test_a_points_account_counts_its_tiers_per_year_and_quarter() -> None:
    site = sample()
    assert years(site) == [2026, 2025]
    whole = account(site, "xinghai-road", 2026)
    # 2026: its own 座谈会 ×2 and 培训, the 联络站's 板凳会, the 采集点's 走访.
    assert [d.id for d in whole.activities] == ["2026-03-xinghai-zuotanhui", "2026-03-haibin-bandenghui", "2026-03-haibin-building-zoufang", "2026-09-xinghai-peixun", "2026-11-xinghai-zuotanhui"]
    assert whole.people == 32 + 21 + 12 + 40 + 28
    # Collected: what its activities record per draft, never less than it forwarded:
    # on the property draft its 座谈会 recorded 26 and it forwarded 31 (the notice's
    # `forwarded:`); on the elderly-care draft it forwarded 5 with no activity recorded.
    assert whole.collected == 31 + 9 + 5 + 17 + 5
    # Forwarded: the notice of 2026-05-20 states 31 for it and 6 for the 联络站
    # (which itemises 2 of them, both adopted); the elderly-care notice itemises 5.
    own = account(site, "xinghai-road", 2026, own=True)
    assert (own.forwarded, whole.forwarded) == (31 + 5, 31 + 5 + 6) and whole.adopted == own.adopted + 2
    q1, q2, q3, q4 = (account(site, "xinghai-road", 2026, q) for q in (1, 2, 3, 4))
    # Held in March, but what they collected counts with what was forwarded and
    # adopted: when the notice came out in May (and July); the open draft's, when held.
    assert len(q1.activities) == 3 and q1.funnel[2:] == (0, 0, 0)
    assert (q2.collected, q2.forwarded) == (31 + 9 + 5, 31 + 6)
    assert q2.forwarded + q3.forwarded == whole.forwarded and q4.collected == 17
    assert "qingchuan-property-2026-r1" in whole.drafts and "qingchuan-civilized-behavior-2026" in whole.drafts
    assert account(site, "xinghai-road", 2025).people == 120


def test_no_funnel_of_the_sample_widens() -> None:
    """收集 ≥ 上报 ≥ 采纳 for every point, level, draft, year and quarter
    (it was upside down: 上报 162 > 收集 82 on the 2026 page)."""
    site = sample()
    found = []
    for year in years(site):
        for quarter in (None, 1, 2, 3, 4):
            found += [account(site, p, year, quarter, own=own) for p in site.ledger.points for own in (True, False)]
            found += list(level_accounts(site, year, quarter).values())
        found += list(draft_accounts(site, year).values())
    widened = [(a.point_id, a.year, a.quarter, a.funnel) for a in found if not a.collected >= a.forwarded >= a.adopted]
    assert widened == [] and sum(a.forwarded for a in found) > 0
    property_r1 = draft_accounts(site, 2026)["qingchuan-property-2026-r1"]
    # forwarded: the 4 points the notice states (31 + 6 + 52 + 27) and the itemised of the other 3 (14 + 13 + 9)
    assert property_r1.forwarded == 31 + 6 + 52 + 27 + 14 + 13 + 9 and property_r1.collected >= property_r1.forwarded


def _with_elderly_notice_edited(tmp_path: Path, old: str, new: str) -> Site:
    """The sample site with `old` replaced by `new` in the elderly-care notice."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    notice = content / "notices" / "elderly-care-feedback.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return load_site(content)


def test_a_notices_forwarded_figure_is_the_points_forwarded(tmp_path: Path) -> None:
    site = _with_elderly_notice_edited(tmp_path, "received: 386\n", "received: 386\nforwarded:\n  hubin-street: 40\n")
    assert site.errors == []
    hubin = account(site, "hubin-street", 2026)
    assert (hubin.collected, hubin.forwarded, hubin.adopted) == (40, 40, 16)  # its 座谈会 recorded 14 collected
    assert draft_accounts(site, 2026)["qingchuan-elderly-care-2026"].forwarded == 44 - 16 + 40


def test_a_notice_without_a_date_counts_on_the_day_its_consultation_closed(tmp_path: Path) -> None:
    site = _with_elderly_notice_edited(tmp_path, "published: 2026-07-10\n", "")
    hubin = [s for s in stages(site, "hubin-street") if s.doc_id == "qingchuan-elderly-care-2026"]
    assert [(s.day, s.recorded, s.forwarded) for s in hubin] == [(dt.date(2026, 5, 31), 14, 16)]
    assert account(site, "hubin-street", 2026, 2).forwarded == 16 and account(site, "hubin-street", 2026, 3).forwarded == 0


def test_levels_add_every_point_once() -> None:
    site = sample()
    levels = level_accounts(site, 2026)
    assert list(levels)[:4] == ["国家级", "省级", "市级", "县级"] and {"联络站", "信息采集点"} <= set(levels)
    total_people = sum(d.activity.participants or 0 for d in site.activities if d.activity and d.activity.date.year == 2026)
    assert sum(a.people for a in levels.values()) == total_people
    assert levels["联络站"].people == 21 + 38


def test_the_yearly_page_and_the_points_page(tmp_path: Path) -> None:
    from site_pages import SitePages

    from lawsite.plan import PageKind
    from lawsite.settings import Settings

    site = sample()
    pages = SitePages(site, Settings())
    assert pages.generated(PageKind.YEARLY) == ["statistics/2026.md", "statistics/2025.md"]
    yearly = pages.markdown("statistics/2026.md", "statistics/2026/")
    for word in ("按级别", "联络站", "信息采集点", "ls-chart-funnel", 'href="../2025/"', "第4季度"):
        assert word in yearly, word
    assert yearly.index("临江区星海路街道基层立法联系点") < yearly.index("星海路街道海滨社区立法联络站") < yearly.index("海滨商务楼宇立法信息采集点")
    point = pages.markdown("contact-points/xinghai-road.md", "contact-points/xinghai-road/")
    assert "工作台账" in point and 'href="../../statistics/2026/"' in point and "文明行为促进条例草案征求意见座谈会" in point
    statistics = pages.markdown("statistics.md", "statistics/")
    assert 'href="2026/"' in statistics and 'href="2025/"' in statistics


def test_lawsite_ledger_writes_a_workbook_to_hand_in(tmp_path: Path, capsys) -> None:
    from lawsite.cli import main

    for name in ("content", "theme"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    out = tmp_path / "台账.xlsx"
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "ledger", "--point", "xinghai-road", "--year", "2026", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["台账汇总", "活动明细"]
    summary = book["台账汇总"]
    assert summary["A1"].value == "临江区星海路街道基层立法联系点2026年度工作台账"
    assert {"A1:H1", "A3:A4", "B3:C3", "D3:F3", "G3:G4", "H3:H4"} <= {str(r) for r in summary.merged_cells.ranges}
    assert [c.value for c in summary[4]][:6] == [None, "次数", "参加人次", "收集", "上报", "采纳"]
    site = sample()
    whole = account(site, "xinghai-road", 2026)
    assert [c.value for c in summary[5]][:6] == ["2026年全年", *whole.funnel]
    assert [summary.cell(r, 1).value for r in range(6, 10)] == ["第1季度", "第2季度", "第3季度", "第4季度"]
    assert summary.freeze_panes == "A5"
    assert summary.page_setup.orientation == "landscape" and str(summary.page_setup.paperSize) == "9"  # 9: A4
    assert summary.print_title_rows == "$1:$4"
    assert summary["B5"].border.left.style == "thin" and summary["H9"].border.bottom.style == "thin"
    detail = book["活动明细"]
    rows = [[c.value for c in row] for row in detail.iter_rows(min_row=4, max_row=3 + len(whole.activities))]
    assert [r[3] for r in rows] == [d.title for d in whole.activities]
    assert rows[1][4] == "星海路街道海滨社区立法联络站" and rows[0][5] == 32
    assert detail.freeze_panes == "A4"


def test_lawsite_ledger_refuses_an_unknown_point(tmp_path: Path, capsys) -> None:
    from lawsite.cli import main

    assert main(["-f", str(REPO / "mkdocs.yml"), "ledger", "--point", "nowhere", "--year", "2026", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "xinghai-road" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_open_data_carries_tiers_accounts_and_activities(sample_site: Path) -> None:
    import json

    def record(doc_id: str) -> dict:
        return json.loads((sample_site / f"data/documents/{doc_id}.json").read_text(encoding="utf-8"))

    station = record("xinghai-haibin")
    assert station["tier"] == {"parent": "xinghai-road", "children": ["xinghai-haibin-building"]}
    top = record("xinghai-road")
    assert top["tier"]["parent"] is None and [a["year"] for a in top["accounts"]] == [2026, 2025]
    assert top["accounts"][0]["people"] == 133 and "2026-03-haibin-bandenghui" in top["accounts"][0]["activities"]
    meeting = record("2026-03-xinghai-zuotanhui")
    assert meeting["kind"] == "activity"
    assert meeting["activity"] == {"type": "座谈会", "date": "2026-03-12", "point": "xinghai-road", "drafts": ["qingchuan-property-2026-r1"], "participants": 32, "collected": 26, "photos": ["activities/2026-03-xinghai-zuotanhui.jpg"]}
    assert (sample_site / meeting["activity"]["photos"][0]).is_file()


def test_the_built_yearly_page_shows_the_funnel_per_point_and_draft(sample_site: Path) -> None:
    import html as html_lib
    import json
    import re

    import jsonschema

    page = (sample_site / "statistics/2026/index.html").read_text(encoding="utf-8")
    drafts = page[page.index('id="ls-yearly-drafts"'):]
    assert ">按法规草案</h2>" in page and "涉及草案：</h2>" not in page
    rows = {html_lib.unescape(re.sub(r"<[^>]+>", "", m[0])): [int(n) if n.isdigit() else n for n in re.findall(r"<td>([^<]*)</td>", m[1])] for m in re.findall(r"<th scope=\"row\"[^>]*>(.*?)</th>(.*?)</tr>", drafts)}
    # 活动, 参加人次, 收集, 上报, 采纳, 采纳率: the property draft's 上报 as its notice states it
    assert rows["青川市物业管理条例（草案征求意见稿）"][3] == 31 + 6 + 52 + 27 + 14 + 13 + 9
    for cells in rows.values():
        assert cells[2] >= cells[3] >= cells[4]
    # a 联络站 and its 信息采集点 are marked to be indented under their point
    assert re.search(r'<th scope="row" class="ls-funnel-table__below ls-funnel-table__below--2"><a [^>]*>海滨商务楼宇立法信息采集点', page)
    record = json.loads((sample_site / "data/documents/qingchuan-property-2026-r1-feedback.json").read_text(encoding="utf-8"))
    assert record["forwarded"] == {"xinghai-road": 31, "xinghai-haibin": 6, "nanmen-community": 52, "kaifaqu-enterprise": 27}
    schema = json.loads((REPO / "generator/lawsite/emit/schema/document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(record)
    bad = dict(record, forwarded={"xinghai-road": -1})
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)
