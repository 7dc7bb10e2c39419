"""The review worksheet (.xlsx) and the per-comment CSV.

Their sheets and columns are defined in `worksheet_layout` (`tally` reads the
reviewed worksheet back by those headers, without loading the sorter).

* Sheet `GROUP_SHEET`, one row per group (`GROUP_COLUMNS`): the proposed
  article is a drop-down of the draft's articles, 总体 and none; 处理结果 is a
  drop-down of `OUTCOMES`; 理由 is free text. 意见编号 lists the members' ids
  separated by spaces (shortened past Excel's 32,767 characters per cell: the full membership is
  the `group` column of the other sheet).
* Sheet `COMMENT_SHEET`, one row per comment (`comment_header`): the same
  columns as ``--format csv``.
* Sheet `LISTS_SHEET` (hidden): the drop-downs' values. Excel refuses inline
  lists over 255 characters, and a draft's labels are longer than that.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from copy import copy
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..worksheet_layout import COMMENT_COLUMNS, COMMENT_SHEET, GROUP_COLUMNS, GROUP_SHEET, LISTS_SHEET, NAMED_ARTICLE, OUTCOMES, Column
from . import Group, Result, Sorted
from .matching import LOW_CONFIDENCE, ArticleIndex

FLAG = "待核"  # the value of the check column when a named article looks wrong
MAX_CELL = 32_767  # Excel's limit on the characters of one cell


def comment_header(input_header: list[str]) -> list[str]:
    rest = [NAMED_ARTICLE if name == "article" else name for name in input_header if name != "id"]
    return list(COMMENT_COLUMNS) + rest


def comment_row(item: Sorted, index: ArticleIndex, input_header: list[str]) -> list[str]:
    proposal = item.proposal
    first = [item.comment.id, index.label(proposal.article), item.group, f"{proposal.confidence:.2f}", proposal.reason]
    return first + [item.comment.cells.get(name, "") for name in input_header if name != "id"]


def write_csv(result: Result, index: ArticleIndex, input_header: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(comment_header(input_header))
    writer.writerows(comment_row(item, index, input_header) for item in result.comments)
    return out.getvalue()


def group_row(group: Group, index: ArticleIndex) -> dict[str, object]:
    sample = group.sample
    flagged = next((m for m in group.members if m.proposal.flagged), None)
    return {
        "group": group.name,
        "article": index.label(group.article),
        "confidence": round(group.confidence, 2),
        "reason": (flagged or sample).proposal.reason,
        "check": FLAG if group.flagged else "",
        "count": len(group.members),
        "sample": _fit(sample.comment.text),
        "ids": _fit(" ".join(m.comment.id for m in group.members), f"…（共 {len(group.members)} 条，见“{COMMENT_SHEET}”表的 group 列）"),
        "channels": _fit(group.counted("channel")),
        "points": _fit(group.counted("point")),
        "outcome": None,
        "outcome_reason": None,
    }


def write_workbook(result: Result, index: ArticleIndex, input_header: list[str], path: Path) -> None:
    """The review worksheet; write-only and streamed, so 100,000 comments stay within memory."""
    book = Workbook(write_only=True)
    groups = book.create_sheet(GROUP_SHEET)
    comments = book.create_sheet(COMMENT_SHEET)
    lists = book.create_sheet(LISTS_SHEET)
    article_choices = [index.label(a) for a in index.ids] + [index.label("general"), index.label("none")]
    _groups_sheet(groups, result, index, len(article_choices))
    columns = _comments_sheet(comments, result, index, input_header)
    for n in range(max(len(article_choices), len(OUTCOMES))):
        lists.append([article_choices[n] if n < len(article_choices) else None, list(OUTCOMES)[n] if n < len(OUTCOMES) else None])
    lists.sheet_state = "hidden"
    book.save(path)
    if len(result.comments) > 1:
        _stream_comments(path, "xl/worksheets/sheet2.xml", result, index, input_header, columns)


def _groups_sheet(sheet, result: Result, index: ArticleIndex, choices: int) -> None:
    _layout(sheet, GROUP_COLUMNS)
    last = len(result.groups) + 1
    for key, formula in (("article", f"{LISTS_SHEET}!$A$1:$A${choices}"), ("outcome", f"{LISTS_SHEET}!$B$1:$B${len(OUTCOMES)}")):
        letter = get_column_letter(_position(key))
        validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorTitle="不在列表中", error="请从下拉列表中选择")
        validation.add(f"{letter}2:{letter}{max(last, 2)}")
        sheet.data_validations.append(validation)
    sheet.append(_header_cells(sheet, [c.header for c in GROUP_COLUMNS]))
    for number, group in enumerate(result.groups, start=2):
        row = group_row(group, index)
        _fit_height(sheet, number, [(row[c.key], c) for c in GROUP_COLUMNS])
        cells = [_cell(sheet, row[c.key], c.wrap) for c in GROUP_COLUMNS]
        if group.confidence < LOW_CONFIDENCE:  # the rows the editor must look at, marked
            cells[_position("confidence") - 1].fill = _LOW_FILL
        sheet.append(cells)


def _comments_sheet(sheet, result: Result, index: ArticleIndex, input_header: list[str]) -> list[Column]:
    """The header and the first comment through openpyxl (which registers the styles);
    the other rows are streamed in after saving (`_stream_comments`)."""
    header = comment_header(input_header)
    columns = [Column(name, name, 60 if name == "text" else 26 if name == "reason" else 12, wrap=name == "text") for name in header]
    _layout(sheet, columns)
    sheet.append(_header_cells(sheet, header))
    for item in result.comments[:1]:
        values = [_fit(v) for v in comment_row(item, index, input_header)]
        _fit_height(sheet, 2, list(zip(values, columns)))
        sheet.append([_plain(sheet, v, c.wrap) for v, c in zip(values, columns)])
    return columns


def _stream_comments(path: Path, member: str, result: Result, index: ArticleIndex, input_header: list[str], columns: list[Column]) -> None:
    """Rows 3… of the per-comment sheet, written as XML straight into the saved
    file: openpyxl takes ~30 µs a cell, and 100,000 comments are a million cells.
    The cells are inline strings, as openpyxl writes them; the text column keeps
    the style openpyxl gave row 2."""
    temporary = path.with_name(path.name + ".part")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != member:
                target.writestr(info, data)
                continue
            head, _, tail = data.decode("utf-8").rpartition("</sheetData>")
            letters = [get_column_letter(n) for n in range(1, len(columns) + 1)]
            styles = [re.search(rf'<c r="{letter}2" s="(\d+)"', head) for letter in letters]
            with target.open(member, "w") as out:
                out.write(head.encode("utf-8"))
                rows: list[str] = []
                for number, item in enumerate(result.comments[1:], start=3):
                    values = [_fit(v) for v in comment_row(item, index, input_header)]
                    rows.append(_row_xml(number, values, letters, styles, _lines(list(zip(values, columns)))))
                    if len(rows) == 1000:
                        out.write("".join(rows).encode("utf-8"))
                        rows.clear()
                out.write(("".join(rows) + "</sheetData>" + tail).encode("utf-8"))
    temporary.replace(path)


def _row_xml(number: int, values: list[object], letters: list[str], styles: list[re.Match[str] | None], lines: int) -> str:
    height = f' ht="{_LINE_POINTS * lines}" customHeight="1"' if lines > 1 else ""
    cells = []
    for letter, value, style in zip(letters, values, styles):
        if value == "" or value is None:
            continue
        s = f' s="{style.group(1)}"' if style else ""
        cells.append(f'<c r="{letter}{number}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>')
    return f'<row r="{number}"{height}>{"".join(cells)}</row>'


_LINE_POINTS, _MAX_LINES = 15, 8


def _fit_height(sheet, number: int, cells: list[tuple[object, Column]]) -> None:
    """A height for row `number` that shows its wrapped text (up to _MAX_LINES lines):
    neither Excel nor LibreOffice fits rows to wrapped text when they open a file."""
    lines = _lines(cells)
    if lines > 1:
        sheet.row_dimensions[number].height = _LINE_POINTS * lines


def _lines(cells: list[tuple[object, Column]]) -> int:
    """The lines the tallest wrapped cell needs, at most _MAX_LINES."""
    lines = 1
    for value, column in cells:
        if column.wrap and isinstance(value, str):
            head = value[: column.width * _MAX_LINES]
            width = (len(head.encode()) + len(head)) // 2  # Chinese (3 bytes in UTF-8) two units, ASCII one
            lines = max(lines, -(-width // max(1, column.width - 1)), value.count("\n") + 1)
    return min(lines, _MAX_LINES)


def _layout(sheet, columns) -> None:
    for n, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column.width
    sheet.freeze_panes = "A2"
    # Printed (and rendered to PDF) across the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LOW_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_WRAP_BOTTOM = Alignment(wrap_text=True)


def _header_cells(sheet, names: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _TOP
        cells.append(cell)
    return cells


def _cell(sheet, value: object, wrap: bool) -> WriteOnlyCell:
    """A cell aligned to the top (wrapped rows are several lines high), wrapped if asked."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):  # a comment starting with = is text, never a formula
        cell.data_type = "s"
    cell._style = copy(_shared_style(sheet, _WRAP if wrap else _TOP))  # setting .alignment on each cell is ten times slower
    return cell


def _plain(sheet, value: object, wrap: bool) -> object:
    """The per-comment sheet's cells: styled only where needed (100,000 rows), wrapped
    text aligned to the bottom like the unstyled cells beside it."""
    if wrap:
        cell = WriteOnlyCell(sheet, value=value)
        cell._style = copy(_shared_style(sheet, _WRAP_BOTTOM))
        return cell
    return _cell(sheet, value, False) if isinstance(value, str) and value.startswith("=") else value


def _shared_style(sheet, alignment: Alignment) -> StyleArray:
    styles = sheet.parent.__dict__.setdefault("_lawsite_styles", {})
    if alignment not in styles:
        template = WriteOnlyCell(sheet)
        template.alignment = alignment
        styles[alignment] = template._style
    return styles[alignment]


def _position(key: str) -> int:
    return next(n for n, c in enumerate(GROUP_COLUMNS, start=1) if c.key == key)


def _fit(text: object, tail: str = "…") -> object:
    """Text within Excel's limit on one cell, without the control characters
    that a worksheet cannot hold (openpyxl refuses them)."""
    if not isinstance(text, str):
        return text
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[: MAX_CELL - len(tail)] + tail if len(text) > MAX_CELL else text
