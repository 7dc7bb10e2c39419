"""Tables typed in from paper forms and meeting minutes → rows: CSV in
UTF-8, UTF-8 with a BOM, GBK and GB18030, and .xlsx written by openpyxl
here; Chinese headers; personal columns never copied; unknown articles
flagged, not dropped; the channel from the table or from `meeting:`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from intake.harness import POINT
from lawsite.model import GENERAL
from openpyxl import Workbook

HEADER = "条文,意见内容,姓名,联系电话,日期,联系点,人数\n"
ROWS = f"第一条,建议写明上位法。,张三,13800000000,2026年11月5日,{POINT},3\n总体,整体赞成。,,,2026/11/6,,\n第九十条,这条不存在。,李四,,2026-11-07,,\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding(draft, collected, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "forms.csv"
    path.write_bytes((HEADER + ROWS).encode(encoding))
    result = collected(path)
    assert [(r.article, r.text, r.received, r.point, r.count) for r in result.rows] == [
        ("art_1", "建议写明上位法。", "2026-11-05", POINT, "3"),
        (GENERAL, "整体赞成。", "2026-11-06", "", ""),
        ("", "这条不存在。", "2026-11-07", "", ""),
    ]
    assert [r.id for r in result.rows] == [f"{path}:2", f"{path}:3", f"{path}:4"] and all(r.source == r.id for r in result.rows)
    assert {r.channel for r in result.rows} == {"paper"}
    flagged = result.rows[2]
    assert "第九十条" in flagged.flag("en") and result.flagged == {"collect-unknown-article": 1}
    problem = next(p for p in result.problems if p.code == "collect-unknown-article")
    assert (problem.path, problem.line, problem.field) == (str(path), 4, "article")
    cells = "".join("".join(r.cells(draft.id)) for r in result.rows)
    assert "张三" not in cells and "13800000000" not in cells and "李四" not in cells
    personal = next(p for p in result.problems if p.code == "collect-personal-column")
    assert "姓名" in personal.message.render("en") and "联系电话" in personal.message.render("en")
    assert ("csv-gbk" in {p.code for p in result.problems}) == (encoding in ("gbk", "gb18030"))


def test_a_gb18030_only_character_and_crlf(collected, tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_bytes("意见,条文\r\n\"建议保护䶮字（GB18030 才有）\r\n第二行\",第二条\r\n".encode("gb18030"))
    (row,) = collected(path).rows
    assert row.text == "建议保护䶮字（GB18030 才有）\n第二行" and row.article == "art_2"


def test_rows_are_skipped_with_a_reason_never_silently(collected, tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("text,article,备注\n,art_1,空的意见\n有意见,art_1,x,多一格\n正常,art_2,备注不抄\n", encoding="utf-8")
    result = collected(path)
    assert [r.text for r in result.rows] == ["正常"]
    assert result.skipped == {"collect-empty": 1, "csv-cells": 1}
    assert {(p.line, p.code) for p in result.problems} >= {(2, "collect-empty"), (3, "csv-cells"), (1, "collect-unknown-column")}


def test_a_table_without_a_comment_column_is_refused_with_the_line(collected, tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("\n\n条文,备注\n第一条,x\n", encoding="utf-8")
    result = collected(path)
    assert not result.rows and result.skipped == {"collect-no-text-column": 1} and result.problems[0].line == 3


def test_the_channel_from_the_table_or_from_meeting_prefix(collected, tmp_path: Path) -> None:
    path = tmp_path / "minutes.csv"
    path.write_text("意见,渠道,来源,条文\n会上提出的意见,,西街座谈会,第三条\n来信的意见,来信,,\n怪渠道,飞鸽,,\n", encoding="utf-8")
    rows = collected(f"meeting:{path}").rows
    assert [(r.channel, r.from_, r.article) for r in rows] == [("meeting", "西街座谈会", "art_3"), ("paper", "", ""), ("meeting", "", "")]
    assert "飞鸽" in rows[2].flag("en")


def test_xlsx_with_dates_numbers_and_two_sheets(draft, collected, tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.title = "座谈会"
    first.append(["条文", "意见", "日期", "姓名"])
    first.append(["第二条", "适用范围过宽。", dt.datetime(2026, 11, 5), "赵六"])
    first.append([None, None, None, None])
    first.append(["art_3", "+1，赞成", dt.datetime(2026, 11, 6, 14, 30), None])
    second = book.create_sheet("来信")
    second.append(["text", "article", "count"])
    second.append(["纸质来信的意见。", "总体", 2])
    path = tmp_path / "minutes.xlsx"
    book.save(path)

    result = collected(f"meeting:{path}")
    assert [(r.article, r.text, r.received, r.count) for r in result.rows] == [
        ("art_2", "适用范围过宽。", "2026-11-05", ""),
        ("art_3", "+1，赞成", "2026-11-06T14:30:00+08:00", ""),
        (GENERAL, "纸质来信的意见。", "", "2"),
    ]
    assert [r.id for r in result.rows] == [f"{path}#座谈会:2", f"{path}#座谈会:4", f"{path}#来信:2"]
    assert result.rows[1].cells(draft.id)[4] == "+1，赞成"  # the cell as read; the CSV writer adds the spreadsheet rule's `'`  # the spreadsheet rule on the way out
    assert "赵六" not in "".join("".join(r.cells(draft.id)) for r in result.rows)


def test_a_file_that_is_no_workbook_is_skipped(collected, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = collected(path)
    assert not result.rows and result.skipped == {"collect-xlsx-unreadable": 1}  # not a zip: refused before openpyxl
    assert "not an .xlsx file" in result.problems[0].message.render("en")


def test_the_form_s_own_number_is_in_the_source(collected, tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("编号,意见\nA-017,纸上的意见\n", encoding="utf-8")
    (row,) = collected(path).rows
    assert row.id == f"{path}:2" and row.source == f"{path}:2 (A-017)"


def test_the_same_file_twice_is_collected_once(collected, tmp_path: Path) -> None:
    path = tmp_path / "forms.csv"
    path.write_text("意见\n一条意见\n", encoding="utf-8")
    result = collected(path, path)
    assert len(result.rows) == 1 and result.skipped == {"collect-duplicate": 1}
