"""A table typed in from paper forms or meeting minutes → rows: CSV (UTF-8,
UTF-8 with a BOM, GBK/GB18030) or `.xlsx`.

The first non-blank row names the columns, in English or Chinese
(`COLUMN_NAMES`; tally's names are read too). `text` is required. Columns of
personal data (姓名, 电话, 地址 …) are never copied: they stay in the table
they came in. A row naming an article the draft does not have keeps its
place, flagged for 整理.

Bounded: a file over MAX_TABLE_BYTES, a cell over MAX_CELL_CHARS, more than
MAX_ROWS rows or MAX_COLUMNS columns are refused with a reason; an `.xlsx`
whose parts would unpack to more than MAX_XLSX_UNPACKED is refused before
openpyxl opens it (a few kilobytes can unpack to gigabytes).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ..messages import Text, msg
from ..model import Problem, Severity
from ..numerals import whole_number
from ..parse.notice import ENCODING_NAMES, HEADER_ALIASES, decode_csv, resolve_article
from .table import CHANNELS, Collected, Row, Target, iso_day_or_moment

MAX_TABLE_BYTES = 64 * 1024 * 1024
MAX_XLSX_UNPACKED = 256 * 1024 * 1024
MAX_XLSX_MEMBERS = 10_000
MAX_CELL_CHARS = 20_000  # twice the intake's limit for one comment
MAX_ROWS = 20_000  # a paper campaign's table; ~30 µs a row
MAX_COLUMNS = 64

COLUMN_NAMES: dict[str, str] = {
    **{k: v for k, v in HEADER_ALIASES.items() if v in ("article", "from", "text", "count")},
    "id": "id", "编号": "id", "序号": "id",
    "渠道": "channel", "方式": "channel", "来源渠道": "channel",
    "联系点": "point", "基层立法联系点": "point",
    "条目": "article", "条": "article",
    "内容": "text", "建议": "text", "意见建议": "text", "意见和建议": "text", "comment": "text",
    "日期": "received", "时间": "received", "收到日期": "received", "收到时间": "received", "提出日期": "received", "date": "received",
    "提出单位": "from", "单位": "from", "会议": "from",
}
# Personal data: never copied into the collect table (`source` says where to find it).
PERSONAL = frozenset("name contact phone email address 姓名 名字 联系方式 联系电话 电话 手机 手机号 邮箱 电子邮箱 电子邮件 地址 通讯地址 身份证 身份证号".split())
KNOWN = frozenset({"id", "channel", "point", "article", "text", "received", "from", "count"})
CHANNEL_NAMES: dict[str, str] = {
    **{c: c for c in CHANNELS},
    "网上": "web", "网站": "web", "在线": "web", "邮件": "mail", "电子邮件": "mail", "来信": "paper", "信函": "paper",
    "书面": "paper", "纸质": "paper", "意见表": "paper", "座谈会": "meeting", "会议": "meeting", "论证会": "meeting",
    "听证会": "meeting", "调研": "meeting",
}
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def collect_csv(path: Path, channel: str, origin: str, target: Target, into: Collected) -> None:
    if path.stat().st_size > MAX_TABLE_BYTES:
        into.skip(_problem(path, None, None, msg("collect-table-too-large", size=f"{path.stat().st_size:,}", limit=f"{MAX_TABLE_BYTES:,}"), msg("collect-table-too-large.hint"), "collect-table-too-large"))
        return
    decoded = decode_csv(path.read_bytes())
    if decoded is None:
        into.skip(_problem(path, None, None, msg("csv-encoding"), msg("csv-encoding.hint"), "csv-encoding"))
        return
    text, encoding = decoded
    if encoding in ("gbk", "gb18030"):
        into.note(_problem(path, None, None, msg("csv-gbk", ENCODING_NAMES=ENCODING_NAMES[encoding]), msg("csv-gbk.hint"), "csv-gbk"))
    _collect_rows(path, str(path), _csv_rows(path, text, into), channel, origin, target, into)


def _csv_rows(path: Path, text: str, into: Collected) -> Iterator[tuple[int, list[Any]]]:
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    line = 0
    before = csv.field_size_limit(MAX_CELL_CHARS + 1)  # a longer cell is an error of its row (the limit is the process's: put back after)
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                into.skip(_problem(path, line + 1, None, msg("collect-bad-row.csv", error=str(exc)), msg("collect-bad-row.csv.hint", limit=MAX_CELL_CHARS), "collect-bad-row"))
                line = reader.line_num
                continue
            yield line + 1, cells
            line = reader.line_num
    finally:
        csv.field_size_limit(before)


def collect_xlsx(path: Path, channel: str, origin: str, target: Target, into: Collected) -> None:
    refused = _refused_unpacked(path)
    if refused:
        reason, code = refused
        into.skip(_problem(path, None, None, reason, msg("collect-xlsx.hint"), code))
        return
    from openpyxl import load_workbook  # only when a workbook is collected

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not read
            book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook (KeyError, zipfile.BadZipFile, XML errors …)
        into.skip(_problem(path, None, None, msg("collect-xlsx-unreadable", error=str(exc)), msg("collect-xlsx.hint"), "collect-xlsx-unreadable"))
        return
    try:
        many = len(book.sheetnames) > 1
        for sheet in book.worksheets:
            where = f"{path}#{sheet.title}" if many else str(path)
            rows = ((n, list(values)) for n, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), 1))
            _collect_rows(path, where, rows, channel, origin, target, into)
    finally:
        book.close()


def _refused_unpacked(path: Path) -> tuple[Text, str] | None:
    """(why, code) when the workbook is no zip or would unpack too large; None when openpyxl may open it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        return msg("collect-xlsx-unreadable.zip", error=str(exc)), "collect-xlsx-unreadable"
    if len(members) > MAX_XLSX_MEMBERS:
        return msg("collect-xlsx-too-large.parts", n=f"{len(members):,}", limit=f"{MAX_XLSX_MEMBERS:,}"), "collect-xlsx-too-large"
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED:
        return msg("collect-xlsx-too-large.unpacked", size=f"{unpacked:,}", limit=f"{MAX_XLSX_UNPACKED:,}"), "collect-xlsx-too-large"
    return None


def _collect_rows(path: Path, where: str, rows: Iterator[tuple[int, list[Any]]], channel: str, origin: str, target: Target, into: Collected) -> None:
    header: list[str] | None = None
    for count, (line, cells) in enumerate(rows, 1):
        if count > MAX_ROWS:
            into.skip(_problem(path, line, None, msg("collect-table-too-long", limit=f"{MAX_ROWS:,}"), msg("collect-table-too-large.hint"), "collect-table-too-long"))
            return
        cells = _trimmed(cells)
        if not cells:
            continue
        if header is None:
            header = _header(path, line, cells, into)
            if header is None:
                return
            continue
        _row(path, where, line, dict(zip(header, cells)), len(cells) <= len(header), channel, origin, target, into)


def _trimmed(cells: list[Any]) -> list[str]:
    """Cells as text, empty ones at the end dropped (spreadsheets export formatted empty columns)."""
    text = [_cell_text(c) for c in cells]
    while text and not text[-1]:
        text.pop()
    return text


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(path: Path, line: int, cells: list[str], into: Collected) -> list[str] | None:
    names = [COLUMN_NAMES.get(c, COLUMN_NAMES.get(c.lower(), c.lower())) for c in cells]
    if "text" not in names:
        into.skip(_problem(path, line, None, msg("collect-no-text-column"), msg("collect-no-text-column.hint"), "collect-no-text-column"))
        return None
    personal = [c for c, n in zip(cells, names) if n in PERSONAL]
    other = [c for c, n in zip(cells, names) if n not in KNOWN and n not in PERSONAL]
    if len(cells) > MAX_COLUMNS:
        other.append(f"(columns after {MAX_COLUMNS})")
    if personal:
        into.note(_problem(path, line, None, msg("collect-personal-column", columns=", ".join(personal)), msg("collect-personal-column.hint"), "collect-personal-column"))
    if other:
        into.note(_problem(path, line, None, msg("collect-unknown-column", columns=", ".join(other)), msg("collect-unknown-column.hint", known=", ".join(sorted(KNOWN))), "collect-unknown-column"))
    return names


def _row(path: Path, where: str, line: int, cell: dict[str, str], complete: bool, channel: str, origin: str, target: Target, into: Collected) -> None:
    if not complete:
        into.skip(_problem(path, line, None, msg("collect-cells"), msg("csv-cells.tally.hint"), "csv-cells"))
        return
    if any(len(value) > MAX_CELL_CHARS for value in cell.values()):
        into.skip(_problem(path, line, None, msg("collect-bad-row.cell", limit=MAX_CELL_CHARS), msg("collect-bad-row.cell.hint"), "collect-bad-row"))
        return
    if not cell.get("text"):
        into.skip(_problem(path, line, "text", msg("collect-empty.row"), msg("collect-empty.row.hint"), "collect-empty"))
        return
    flags: list[Text] = []

    def flag(field: str, message: Text, hint: Text, code: str) -> None:
        flags.append(message)
        into.flag(_problem(path, line, field, message, hint, code))

    article = _article(cell.get("article", ""), target)
    if article is None:
        flag("article", msg("collect-unknown-article", draft=target.draft.id, article=cell["article"]), msg("collect-unknown-article.table.hint"), "collect-unknown-article")
    point = cell.get("point", "")
    if point and point not in target.points:
        flag("point", msg("collect-unknown-point", point=point), msg("collect-unknown-point.hint"), "collect-unknown-point")
    row_channel = CHANNEL_NAMES.get(cell.get("channel", "").lower(), "") if cell.get("channel") else channel
    if not row_channel:
        flag("channel", msg("collect-unknown-channel", channel=cell["channel"], default=channel), msg("collect-unknown-channel.hint"), "collect-unknown-channel")
        row_channel = channel
    received = _day(cell.get("received", ""), target)
    if received is None:
        flag("received", msg("collect-bad-date", date=cell["received"]), msg("collect-bad-date.hint"), "collect-bad-date")
    count = cell.get("count", "")
    if count and (whole_number(count) or 0) < 1:
        flag("count", msg("collect-bad-count", count=count), msg("collect-bad-count.hint"), "collect-bad-count")
        count = ""
    source = f"{where}:{line}" + (f" ({cell['id']})" if cell.get("id") else "")  # the form's own number, to find the paper
    into.add(Row(f"{where}:{line}", row_channel, cell["text"], source, article=article or "", point=point, received=received or "",
                 from_=cell.get("from", ""), count=count, flags=tuple(flags)), origin)


def _article(written: str, target: Target) -> str | None:
    """The article id (or GENERAL) a cell names, "" for an empty cell, None for an article the draft lacks."""
    if not written:
        return ""
    return resolve_article(written, target.draft)


def _day(written: str, target: Target) -> str | None:
    """ISO 8601 of a date cell ("" when empty), None when it is not a date."""
    if not written:
        return ""
    if found := _DATE.match(written):
        try:
            return dt.date(*map(int, found.groups())).isoformat()
        except ValueError:
            return None
    try:
        return iso_day_or_moment(dt.datetime.fromisoformat(written), target.tz) if "T" in written or ":" in written else dt.date.fromisoformat(written).isoformat()
    except ValueError:
        return None


def _problem(path: Path, line: int | None, field: str | None, message: Text, hint: Text, code: str) -> Problem:
    return Problem(str(path), line, field, message, hint, Severity.WARNING, code)
