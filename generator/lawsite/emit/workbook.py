"""The 台账 as a workbook an office can hand in (`lawsite ledger`).

Two sheets, each with title rows, a (merged) header frozen under them,
borders, and A4 landscape print setup fitted to the page width:

- 台账汇总: the year and each quarter (activities, people reached,
  suggestions collected, forwarded, adopted, rate, drafts concerned);
- 活动明细: every activity of the year, oldest first.

Counts are those of gather/accounts.py (the point's own and its tiers').
"""

from __future__ import annotations

from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..gather.accounts import QUARTERS, account, rate_text, title_of
from ..gather.site import Site
from ..model import Document

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E7ECF3")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="center", wrap_text=True)
SUMMARY_WIDTHS = (14, 10, 12, 12, 12, 12, 10, 48)
DETAIL_WIDTHS = (6, 12, 10, 34, 30, 10, 10, 40)
RATE_COLUMN = 7  # 台账汇总's 采纳率, a text ("84.4%", "—") shown like the numbers


def ledger_workbook(site: Site, point: Document, year: int) -> Workbook:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "台账汇总"
    _summary_sheet(summary, site, point, year)
    _detail_sheet(book.create_sheet("活动明细"), site, point, year)
    return book


def _titles(sheet: Worksheet, point: Document, parent_title: str | None, year: int, what: str, width: int) -> None:
    """Rows 1 and 2: the title and who reports on which period, across the table."""
    facts = point.contact_point
    parent = parent_title
    sheet.append([f"{point.title}{year}年度{what}"])
    sheet.append([f"填报单位：{point.title}　　级别：{(facts.level if facts else None) or '—'}" + (f"　　上级：{parent}" if parent else "") + f"　　统计期间：{year}年1月1日至{year}年12月31日"])
    for row, size in ((1, 16), (2, 10)):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = sheet.cell(row, 1)
        cell.font = Font(bold=row == 1, size=size)
        cell.alignment = Alignment(horizontal="center" if row == 1 else "left", vertical="center")
    sheet.row_dimensions[1].height = 30


def _summary_sheet(sheet: Worksheet, site: Site, point: Document, year: int) -> None:
    _titles(sheet, point, _parent(site, point), year, "工作台账", len(SUMMARY_WIDTHS))
    sheet.append(["期间", "开展活动", None, "意见（条）", None, None, "采纳率", "涉及草案"])
    sheet.append([None, "次数", "参加人次", "收集", "上报", "采纳", None, None])
    for first, last in (("A3", "A4"), ("B3", "C3"), ("D3", "F3"), ("G3", "G4"), ("H3", "H4")):
        sheet.merge_cells(f"{first}:{last}")
    periods = [(f"{year}年全年", account(site, point.id, year))] + [(f"第{q}季度", account(site, point.id, year, q)) for q in QUARTERS]
    for label, found in periods:
        sheet.append([label, *found.funnel, rate_text(found), "\n".join(title_of(site, d) for d in found.drafts)])
    _table(sheet, 3, 4, sheet.max_row, SUMMARY_WIDTHS)
    _sign_off(sheet, len(SUMMARY_WIDTHS))


def _detail_sheet(sheet: Worksheet, site: Site, point: Document, year: int) -> None:
    _titles(sheet, point, _parent(site, point), year, "活动明细", len(DETAIL_WIDTHS))
    sheet.append(["序号", "日期", "形式", "活动名称", "举办站点", "参加人次", "收集意见", "涉及草案"])
    for number, activity in enumerate(account(site, point.id, year).activities, start=1):
        facts = activity.activity
        assert facts is not None
        sheet.append([number, facts.date.isoformat(), facts.type, activity.title, title_of(site, facts.point), facts.participants, facts.collected, "\n".join(title_of(site, d) for d in facts.drafts)])
    _table(sheet, 3, 3, sheet.max_row, DETAIL_WIDTHS)
    _sign_off(sheet, len(DETAIL_WIDTHS))


def _table(sheet: Worksheet, head_first: int, head_last: int, last: int, widths: Sequence[int]) -> None:
    """Borders, the header's look, column widths, the frozen header and print setup."""
    for row in sheet.iter_rows(min_row=head_first, max_row=last, max_col=len(widths)):
        for cell in row:
            cell.border = BOX
            header = cell.row <= head_last
            cell.alignment = CENTRE if header or isinstance(cell.value, (int, float)) or cell.column == RATE_COLUMN else WRAP
            if header:
                cell.font, cell.fill = Font(bold=True), HEAD_FILL
    for number in range(head_last + 1, last + 1):  # spreadsheets do not grow a row for wrapped lines by themselves
        lines = max(str(c.value or "").count("\n") + 1 for c in sheet[number])
        sheet.row_dimensions[number].height = max(18, 16 * lines)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(head_last + 1, 1)
    sheet.print_title_rows = f"1:{head_last}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5


def _sign_off(sheet: Worksheet, width: int) -> None:
    sheet.append([])
    sheet.append(["填表人：　　　　　　　　审核人：　　　　　　　　填报日期：　　　　年　　月　　日"])
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)


def _parent(site: Site, point: Document) -> str | None:
    parent = site.tiers.parents.get(point.id)
    return title_of(site, parent) if parent else None
