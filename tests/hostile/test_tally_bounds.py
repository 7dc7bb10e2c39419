"""Hostile worksheets for `lawsite tally`: each is refused with its reason
(file and code named, exit 1, nothing written), never a traceback, a hang or
a blow-up — within the bound for one hostile file (≤ 2 s of CPU, ≤ 200 MB of
address space, `hostile.bounds`), the CLI run in a child.

The files are made here: an .xlsx whose sheet unpacks to gigabytes (a zip
bomb), a group sheet of a million rows, a row numbered past the limit (which
openpyxl would fill up to), and a broken sheet XML inside a good workbook.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
from conftest import REPO
from hostile.bounds import assert_refused_within_bounds, run_bounded, site_with
from lawsite.collect.sheet import MAX_XLSX_UNPACKED
from lawsite.review import MAX_ROWS
from lawsite.worksheet_layout import COMMENT_SHEET, GROUP_COLUMNS, GROUP_SHEET

DRAFT_ID = "qingchuan-civilized-behavior-2026"
GROUP_PART = "xl/worksheets/sheet1.xml"  # the first sheet: 意见分组


def _workbook(path: Path) -> dict[str, bytes]:
    """A small worksheet with both sheets, as the parts of its zip."""
    book = openpyxl.Workbook()
    groups = book.active
    groups.title = GROUP_SHEET
    groups.append([c.header for c in GROUP_COLUMNS])
    comments = book.create_sheet(COMMENT_SHEET)
    comments.append(["id", "article", "group", "confidence", "reason", "channel"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(path: Path, parts: dict[str, bytes], replace: str, body: Callable[[zipfile.ZipFile], None]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != replace:
                archive.writestr(name, data)
        body(archive)


def _sheet_xml(rows: bytes) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"


def _zip_bomb(path: Path) -> str:
    parts = _workbook(path)

    def bomb(archive: zipfile.ZipFile) -> None:
        with archive.open(GROUP_PART, "w", force_zip64=True) as member:
            zeros = b" " * (16 * 1024 * 1024)
            for _ in range(MAX_XLSX_UNPACKED // len(zeros) + 1):  # a little past the limit, a few hundred kB packed
                member.write(zeros)

    _write(path, parts, GROUP_PART, bomb)
    return "collect-xlsx-too-large"


def _million_rows(path: Path) -> str:
    parts = _workbook(path)

    def rows(archive: zipfile.ZipFile) -> None:
        with archive.open(GROUP_PART, "w", force_zip64=True) as member:
            member.write(_sheet_xml(b"")[: -len(b"</sheetData></worksheet>")])
            batch = 10_000
            for start in range(1, 1_000_001, batch):
                member.write(b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>G1</t></is></c></row>' % (n, n) for n in range(start, start + batch)))
            member.write(b"</sheetData></worksheet>")

    _write(path, parts, GROUP_PART, rows)
    return "sheet-too-many-rows"


def _far_row(path: Path) -> str:
    parts = _workbook(path)
    far = b'<row r="1"><c r="A1" t="inlineStr"><is><t>G</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    _write(path, parts, GROUP_PART, lambda archive: archive.writestr(GROUP_PART, _sheet_xml(far)))
    return "sheet-too-many-rows"


def _broken_sheet_xml(path: Path) -> str:
    parts = _workbook(path)
    _write(path, parts, GROUP_PART, lambda archive: archive.writestr(GROUP_PART, _sheet_xml(b'<row r="1"><c r="A1" t="inlineStr"><is><t>G')))
    return "collect-xlsx-unreadable"


HOSTILE: dict[str, Callable[[Path], str]] = {
    "a zip bomb": _zip_bomb,
    "a million rows": _million_rows,
    "a row numbered past the limit": _far_row,
    "a broken sheet XML": _broken_sheet_xml,
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tally-hostile")
    return site_with(root, {"drafts/civilized-behavior.md": (REPO / "content" / "drafts" / "civilized-behavior.md").read_text(encoding="utf-8")})


@pytest.mark.parametrize("name", list(HOSTILE))
def test_tally_refuses_each_hostile_worksheet_within_the_bounds(config: Path, tmp_path: Path, name: str) -> None:
    sheet = tmp_path / "reviewed.xlsx"
    code = HOSTILE[name](sheet)
    run = run_bounded(config, "tally", str(sheet), "--concerns", DRAFT_ID)
    assert_refused_within_bounds(run, str(sheet), code)
    assert not (config.parent / "content" / "notices").exists()


def test_the_row_limit_leaves_room_for_the_sorters_scale() -> None:
    """100,000 comments (the sorter's target) and their header fit under the limit the million rows are refused by."""
    assert 100_001 <= MAX_ROWS < 1_000_000
