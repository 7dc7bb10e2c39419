"""`lawsite tally` on the reviewed worksheet: the round trip (collect table →
`lawsite sort` → cells edited with openpyxl as an editor would → `lawsite
tally` → `lawsite check` → the built draft page shows the outcomes), and one
test per problem a sheet can have, each named by sheet, row and column."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import REPO, SAMPLE_NOW, build_site
from lawsite.cli import EXIT_OK, EXIT_PROBLEMS, main
from lawsite.model import GENERAL, Outcome
from lawsite.sort.drafts import draft_from_file
from lawsite.review import read_review
from lawsite.worksheet_layout import COMMENT_SHEET, GROUP_COLUMNS, GROUP_SHEET
from lawsite.tally import tally_worksheet

DRAFT_ID = "qingchuan-civilized-behavior-2026"
DRAFT = REPO / "content" / "drafts" / "civilized-behavior.md"
POINTS = ("xinghai-road", "nanmen-community", "hubin-street", "kaifaqu-enterprise")
NOISE = "强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离"
# The collect format, as `lawsite collect` writes it (a campaign from two contact points and the web).
COMMENTS = f"""id,channel,point,article,text,received
7KQ2-M9XD-4TNB,web,,,第十二条应当写明志愿服务组织要为志愿者购买保险,2026-11-12
mail-3f9a2c81,mail,xinghai-road,,{NOISE}！,2026-11-13
mail-3f9a2c82,paper,xinghai-road,,{NOISE}。,2026-11-13
P3,paper,nanmen-community,,本人{NOISE}！谢谢,2026-11-13
W4,web,,,{NOISE}！！,2026-11-13
W5,web,,总体,总体上支持这部条例，希望尽快通过,2026-11-14
W6,web,,,请问社保卡丢了去哪里补办,2026-11-14
"""
COLUMN = {c.key: openpyxl.utils.get_column_letter(n) for n, c in enumerate(GROUP_COLUMNS, start=1)}


def write_site(root: Path) -> Path:
    """A site with the sample's 文明行为促进条例 and its contact points; returns mkdocs.yml."""
    (root / "content" / "drafts").mkdir(parents=True)
    (root / "content" / "contact-points").mkdir()
    shutil.copy(DRAFT, root / "content" / "drafts")
    for point in POINTS:
        shutil.copy(REPO / "content" / "contact-points" / f"{point}.md", root / "content" / "contact-points")
    (root / "theme").mkdir()
    (root / "theme" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: t\ndocs_dir: content\ntheme: {name: material, custom_dir: theme, language: zh}\nplugins:\n  - lawsite\n", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def sorted_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worksheet `lawsite sort` writes for COMMENTS, not yet reviewed."""
    folder = tmp_path_factory.mktemp("sorted")
    table = folder / "comments.csv"
    table.write_text(COMMENTS, encoding="utf-8")
    sheet = folder / "sheet.xlsx"
    assert main(["sort", str(table), "--concerns", str(DRAFT), "-o", str(sheet)]) == EXIT_OK
    return sheet


@pytest.fixture(scope="module")
def draft():
    return draft_from_file(DRAFT)


def rows_by_first_id(sheet: Path) -> dict[str, int]:
    """The group rows by the first id of their 意见编号, so that tests do not depend on the order of groups."""
    book = openpyxl.load_workbook(sheet, read_only=True)
    ids = list(GROUP_COLUMNS).index(next(c for c in GROUP_COLUMNS if c.key == "ids"))
    found = {row[ids].split()[0]: n for n, row in enumerate(book[GROUP_SHEET].iter_rows(min_row=2, values_only=True), start=2)}
    book.close()
    return found


def reviewed(source: Path, target: Path, decisions: dict[str, tuple[str | None, str | None]], cells: dict[str, object] | None = None, sheet: str = GROUP_SHEET) -> Path:
    """`source` as an editor leaves it: 处理结果 and 理由 per group (by first id), other cells as given."""
    rows = rows_by_first_id(source)
    book = openpyxl.load_workbook(source)
    groups = book[GROUP_SHEET]
    for first_id, (outcome, reason) in decisions.items():
        groups[f"{COLUMN['outcome']}{rows[first_id]}"] = outcome
        groups[f"{COLUMN['outcome_reason']}{rows[first_id]}"] = reason
    for ref, value in (cells or {}).items():
        book[sheet][ref] = value
    book.save(target)
    return target


DECISIONS = {
    "7KQ2-M9XD-4TNB": ("采纳", None),
    "mail-3f9a2c81": ("部分采纳", "公共交通工具上禁止外放声音已写入第六条，医院和图书馆由其管理规定调整。"),
    "W5": ("采纳", None),
}


# --- the round trip ------------------------------------------------------------------------


def test_round_trip_from_the_collect_table_to_the_built_draft_page(tmp_path: Path) -> None:
    config = write_site(tmp_path / "site")
    table = tmp_path / "comments.csv"
    table.write_text(COMMENTS, encoding="utf-8")
    sheet = tmp_path / "sheet.xlsx"
    assert main(["-f", str(config), "sort", str(table), "--concerns", DRAFT_ID, "-o", str(sheet)]) == EXIT_OK
    rows = rows_by_first_id(sheet)
    assert len(rows) == 4, rows  # the campaign is one group; the off-topic comment is one
    campaign = f"{COLUMN['article']}{rows['mail-3f9a2c81']}"
    assert openpyxl.load_workbook(sheet)[GROUP_SHEET][campaign].value == "第五条"  # proposed: 公共场所
    # The editor moves the campaign to 第六条 (交通出行) and decides every group but the off-topic one.
    reviewed(sheet, sheet, DECISIONS, {campaign: "第六条"})
    assert main(["-f", str(config), "tally", str(sheet), "--concerns", DRAFT_ID]) == EXIT_OK
    notice_file = tmp_path / "site" / "content" / "notices" / f"{DRAFT_ID}-feedback.md"
    front = yaml.safe_load(notice_file.read_text(encoding="utf-8").split("---")[1])
    assert front["received"] == 7
    noise = [s for s in front["suggestions"] if s["article"] == "第六条"]
    # One suggestion per source among the group's members, each with its ids and count.
    assert [(s["from"], s["count"], s["ids"], s["outcome"]) for s in noise] == [
        ("xinghai-road", 2, ["mail-3f9a2c81", "mail-3f9a2c82"], "partly"),
        ("nanmen-community", 1, ["P3"], "partly"),
        ("网民", 1, ["W4"], "partly"),
    ]
    assert {s["reason"] for s in noise} == {DECISIONS["mail-3f9a2c81"][1]}
    assert [s["article"] for s in front["suggestions"]] == ["总体", "第六条", "第六条", "第六条", "第十二条"]
    assert main(["-f", str(config), "check", "--strict"]) == EXIT_OK
    site_dir = tmp_path / "built"
    build_site(config, site_dir, int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
    page = (site_dir / "drafts" / "civilized-behavior" / "index.html").read_text(encoding="utf-8")
    sections = {m["id"]: m[0] for m in re.finditer(r'<section class="ls-article[^"]*" id="(?P<id>art_[^"]+)".*?</section>', page, re.S)}
    line_of = {a: re.sub(r"<[^>]+>", "", m.group(1)) for a, s in sections.items() if (m := re.search(r'<a class="ls-ledger-line"[^>]*>(.*?)</a>', s, re.S))}
    assert line_of == {"art_6": "第六条：本条意见 4 条 · 部分采纳 4", "art_12": "第十二条：本条意见 1 条 · 采纳 1"}
    notice_page = next(site_dir.glob("notices/*/index.html")).read_text(encoding="utf-8")
    assert DECISIONS["mail-3f9a2c81"][1] in notice_page
    assert "7KQ2-M9XD-4TNB" not in page + notice_page  # receipts are never published as they are


# --- what tally makes of a reviewed sheet ----------------------------------------------------


def test_undecided_groups_are_listed_and_off_topic_ones_counted(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {"7KQ2-M9XD-4TNB": ("采纳", None), "W6": ("采纳", None)})
    result = tally_worksheet(sheet, draft)
    assert result.problems == []
    assert [(e.article, e.ids, e.outcome) for e in result.entries] == [("art_12", ["7KQ2-M9XD-4TNB"], Outcome.ADOPTED)]
    rows = rows_by_first_id(sorted_sheet)
    assert [(u.cell, u.comments) for u in result.undecided] == sorted(
        [(f"{GROUP_SHEET}!{COLUMN['outcome']}{rows['mail-3f9a2c81']}", 4), (f"{GROUP_SHEET}!{COLUMN['outcome']}{rows['W5']}", 1)]
    )
    assert result.off_topic == 1  # W6 on `none`, whatever its outcome
    assert result.received == 7


def test_tally_names_the_undecided_groups_in_chinese(sorted_sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(tmp_path / "site")
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {"7KQ2-M9XD-4TNB": ("采纳", None)})
    assert main(["-f", str(config), "tally", str(sheet), "--concerns", DRAFT_ID]) == EXIT_OK
    out = capsys.readouterr().out
    assert "2 组尚未填写处理结果（5 件意见），未列入说明" in out
    assert f"{GROUP_SHEET}!{COLUMN['outcome']}" in out and "与草案无关（none）的意见 1 件" in out
    body = (tmp_path / "site" / "content" / "notices" / f"{DRAFT_ID}-feedback.md").read_text(encoding="utf-8")
    assert "尚有 2 组意见未填写处理结果" in body
    assert main(["-f", str(config), "check"]) == EXIT_OK


def test_a_comment_moved_to_another_group_goes_with_it(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet, read_only=True)
    header = next(book[COMMENT_SHEET].iter_rows(max_row=1, values_only=True))
    ids = [r[0] for r in book[COMMENT_SHEET].iter_rows(min_row=2, values_only=True)]
    target = next(r[header.index("group")] for r in book[COMMENT_SHEET].iter_rows(min_row=2, values_only=True) if r[0] == "7KQ2-M9XD-4TNB")
    book.close()
    group_cell = f"{openpyxl.utils.get_column_letter(header.index('group') + 1)}{ids.index('W4') + 2}"
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {"7KQ2-M9XD-4TNB": ("采纳", None)}, {group_cell: target}, sheet=COMMENT_SHEET)
    result = tally_worksheet(sheet, draft)
    assert [(e.source, e.ids) for e in result.entries] == [("网民", ["7KQ2-M9XD-4TNB", "W4"])]


def test_general_article_and_typed_outcome_words(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {"W5": ("已采纳", None), "7KQ2-M9XD-4TNB": ("not-adopted", "已有规定。")})
    entries = tally_worksheet(sheet, draft).entries
    assert [(e.article, e.outcome, e.reason) for e in entries] == [(GENERAL, Outcome.ADOPTED, None), ("art_12", Outcome.NOT_ADOPTED, "已有规定。")]


# --- bad sheets: one test per problem ---------------------------------------------------------


def only(sheet: Path, draft, code: str):
    review = read_review(sheet, draft)
    found = [p for p in review.problems if p.code == code]
    assert len(found) == 1, review.problems
    assert found[0].path == str(sheet)
    return found[0]


def test_an_unknown_article_is_named_by_its_cell(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    rows = rows_by_first_id(sorted_sheet)
    ref = f"{COLUMN['article']}{rows['7KQ2-M9XD-4TNB']}"
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", DECISIONS, {ref: "第九十九条"})
    problem = only(sheet, draft, "sheet-unknown-article")
    assert (problem.line, problem.field) == (rows["7KQ2-M9XD-4TNB"], f"{GROUP_SHEET}!{ref}")
    assert "第九十九条" in problem.message.render("zh") and "第一条–第二十条" in problem.hint.render("zh")


def test_an_outcome_outside_the_list_is_named_by_its_cell(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    rows = rows_by_first_id(sorted_sheet)
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {**DECISIONS, "W5": ("同意", None)})
    problem = only(sheet, draft, "sheet-unknown-outcome")
    assert problem.field == f"{GROUP_SHEET}!{COLUMN['outcome']}{rows['W5']}" and problem.line == rows["W5"]
    assert "“同意”不在列表中" in problem.message.render("zh") and "采纳、部分采纳、未采纳、留作研究" in problem.hint.render("zh")


@pytest.mark.parametrize(("outcome", "needed"), [("部分采纳", True), ("未采纳", True), ("留作研究", True), ("采纳", False)])
def test_a_reason_is_required_for_partly_not_adopted_and_noted(sorted_sheet: Path, tmp_path: Path, draft, outcome: str, needed: bool) -> None:
    rows = rows_by_first_id(sorted_sheet)
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {**DECISIONS, "7KQ2-M9XD-4TNB": (outcome, None)})
    review = read_review(sheet, draft)
    if not needed:
        assert review.problems == []
        return
    problem = only(sheet, draft, "sheet-missing-reason")
    assert problem.field == f"{GROUP_SHEET}!{COLUMN['outcome_reason']}{rows['7KQ2-M9XD-4TNB']}"
    assert f"处理结果为“{outcome}”时必须写明理由" in problem.message.render("zh")


def test_an_edited_header_is_named_by_its_cell(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", DECISIONS, {f"{COLUMN['outcome']}1": "处理意见"})
    problem = only(sheet, draft, "sheet-header")
    assert (problem.line, problem.field) == (1, f"{GROUP_SHEET}!{COLUMN['outcome']}1")
    assert "表头应为“处理结果”，现在是“处理意见”" in problem.message.render("zh")


def test_a_renamed_sheet_is_named(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet)
    book[GROUP_SHEET].title = "Sheet1"
    book.save(tmp_path / "s.xlsx")
    problem = only(tmp_path / "s.xlsx", draft, "sheet-missing")
    assert "意见分组" in problem.message.render("zh") and "Sheet1" in problem.message.render("zh")


def test_a_copied_group_row_is_named(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    rows = rows_by_first_id(sorted_sheet)
    book = openpyxl.load_workbook(sorted_sheet)
    groups = book[GROUP_SHEET]
    last = groups.max_row + 1
    for column in range(1, len(GROUP_COLUMNS) + 1):
        groups.cell(last, column, groups.cell(rows["W5"], column).value)
    book.save(tmp_path / "s.xlsx")
    problem = only(tmp_path / "s.xlsx", draft, "sheet-duplicate-group")
    assert (problem.line, problem.field) == (last, f"{GROUP_SHEET}!A{last}")


def test_a_comment_in_a_group_that_is_not_listed_is_named(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet)
    comments = book[COMMENT_SHEET]
    group_column = [c.value for c in comments[1]].index("group") + 1
    comments.cell(2, group_column, "G9999")
    book.save(tmp_path / "s.xlsx")
    problem = only(tmp_path / "s.xlsx", draft, "sheet-unknown-group")
    assert "G9999" in problem.message.render("zh")
    assert (problem.line, problem.field) == (2, f"{COMMENT_SHEET}!{openpyxl.utils.get_column_letter(group_column)}2")


def test_a_comment_without_its_id_is_named_by_its_cell(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet)
    book[COMMENT_SHEET]["A3"] = None
    book.save(tmp_path / "s.xlsx")
    problem = only(tmp_path / "s.xlsx", draft, "sheet-empty")
    assert (problem.line, problem.field) == (3, f"{COMMENT_SHEET}!A3")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("reviewed.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),  # Excel 97–2003
        ("reviewed.xlsx", "组,建议条文\nG0001,第一条\n".encode()),  # a CSV saved under the wrong name
        ("reviewed.ods", b"PK\x03\x04" + bytes(64)),
    ],
)
def test_a_file_that_is_no_xlsx_or_csv_is_refused(tmp_path: Path, name: str, data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(tmp_path / "site")
    source = tmp_path / name
    source.write_bytes(data)
    assert main(["-f", str(config), "tally", str(source), "--concerns", DRAFT_ID]) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert "(sheet-not-xlsx)" in err and "不是 .xlsx 或 CSV 文件" in err and "另存为" in err
    assert not (tmp_path / "site" / "content" / "notices").exists()


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path, draft) -> None:
    source = tmp_path / "s.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("hello.txt", "你好")
    review = read_review(source, draft)
    assert [p.code for p in review.problems] == ["collect-xlsx-unreadable"]


def test_a_bad_sheet_writes_no_notice(sorted_sheet: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_site(tmp_path / "site")
    sheet = reviewed(sorted_sheet, tmp_path / "s.xlsx", {**DECISIONS, "W5": ("同意", None)})
    assert main(["-f", str(config), "tally", str(sheet), "--concerns", DRAFT_ID]) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert f"[{GROUP_SHEET}!{COLUMN['outcome']}" in err and "(sheet-unknown-outcome)" in err
    assert not (tmp_path / "site" / "content" / "notices").exists()


def test_a_group_emptied_by_moving_its_comments_is_passed_over_unless_decided(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet)
    comments = book[COMMENT_SHEET]
    header = [c.value for c in comments[1]]
    rows = {r[0].value: r for r in comments.iter_rows(min_row=2)}
    rows["W5"][header.index("group")].value = rows["7KQ2-M9XD-4TNB"][header.index("group")].value  # W5 joins the 第十二条 group
    book.save(tmp_path / "moved.xlsx")
    sheet = reviewed(tmp_path / "moved.xlsx", tmp_path / "s.xlsx", {"7KQ2-M9XD-4TNB": ("采纳", None)})
    result = tally_worksheet(sheet, draft)
    assert result.problems == [] and [e.ids for e in result.entries] == [["7KQ2-M9XD-4TNB", "W5"]]
    decided = reviewed(tmp_path / "moved.xlsx", tmp_path / "d.xlsx", {"7KQ2-M9XD-4TNB": ("采纳", None), "W5": ("采纳", None)})
    problem = only(decided, draft, "sheet-empty-group")
    assert problem.field == f"{GROUP_SHEET}!A{rows_by_first_id(sorted_sheet)['W5']}"


def test_an_edited_header_on_the_comment_sheet_is_named(sorted_sheet: Path, tmp_path: Path, draft) -> None:
    book = openpyxl.load_workbook(sorted_sheet)
    comments = book[COMMENT_SHEET]
    column = [c.value for c in comments[1]].index("group") + 1
    comments.cell(1, column, "组别")
    book.save(tmp_path / "s.xlsx")
    problem = only(tmp_path / "s.xlsx", draft, "sheet-header")
    assert (problem.line, problem.field) == (1, COMMENT_SHEET) and "group" in problem.message.render("zh")


@pytest.mark.parametrize("added", [("处理结果", "理由"), ("outcome", "outcome_reason")])
def test_round_trip_through_sorts_csv(tmp_path: Path, added: tuple[str, str]) -> None:
    """`lawsite sort --format csv`, the rows edited as a spreadsheet would
    (an article moved, 处理结果 and 理由 added as the worksheet names them),
    then `lawsite tally` on that CSV: the sorter's own reason is not taken
    for an outcome's, the off-topic row is counted, and `check` accepts it."""
    import csv
    import io

    config = write_site(tmp_path / "site")
    table = tmp_path / "comments.csv"
    table.write_text(COMMENTS, encoding="utf-8")
    sorted_csv = tmp_path / "sorted.csv"
    assert main(["-f", str(config), "sort", str(table), "--concerns", DRAFT_ID, "-o", str(sorted_csv), "--format", "csv"]) == EXIT_OK
    header, *rows = list(csv.reader(io.StringIO(sorted_csv.read_text(encoding="utf-8-sig"))))
    assert header[:5] == ["id", "article", "group", "confidence", "reason"]
    by_id = {row[0]: dict(zip(header, row)) for row in rows}
    assert by_id["W6"]["article"] == "none" and by_id["mail-3f9a2c81"]["reason"]  # the sorter's reason
    reason = DECISIONS["mail-3f9a2c81"][1]
    for row in by_id.values():
        if row["group"] == by_id["mail-3f9a2c81"]["group"]:  # the campaign, moved and decided
            row.update(article="第六条", outcome="部分采纳", outcome_reason=reason)
    by_id["W5"].update(outcome="采纳", outcome_reason="")
    out = io.StringIO()
    writer = csv.DictWriter(out, [*header, "outcome", "outcome_reason"], restval="", lineterminator="\r\n")
    out.write(",".join([*header, *added]) + "\r\n")  # the columns added, under the worksheet's names or its keys
    writer.writerows(by_id.values())
    sorted_csv.write_bytes(out.getvalue().encode("gbk"))  # saved again by a spreadsheet in China
    assert main(["-f", str(config), "tally", str(sorted_csv), "--concerns", DRAFT_ID]) == EXIT_OK
    notice_file = tmp_path / "site" / "content" / "notices" / f"{DRAFT_ID}-feedback.md"
    front = yaml.safe_load(notice_file.read_text(encoding="utf-8").split("---")[1])
    assert front["received"] == 7  # six itemised, the off-topic one counted
    got = [(s["article"], s["from"], s["count"], s["outcome"], s.get("reason")) for s in front["suggestions"]]
    assert ("总体", "网民", 1, "adopted", None) in got
    assert [g for g in got if g[0] == "第六条"] == [("第六条", "xinghai-road", 2, "partly", reason), ("第六条", "nanmen-community", 1, "partly", reason), ("第六条", "网民", 1, "partly", reason)]
    assert ("第十二条", "网民", 1, "pending", None) in got  # left undecided: pending, without the sorter's reason
    assert not any(s.get("reason") == by_id["7KQ2-M9XD-4TNB"]["reason"] for s in front["suggestions"])
    assert main(["-f", str(config), "check", "--strict"]) == EXIT_OK
