"""The reviewed worksheet, read back for `lawsite tally`.

`lawsite sort` writes it (`sort/worksheet.py`; the columns are in `worksheet_layout`);
an editor fills 处理结果 and 理由 on the sheet `GROUP_SHEET`, and may change
建议条文 (the drop-down) or the sample text, or move a comment to another
group by changing its `group` cell on `COMMENT_SHEET`. Read back:

* one `Decided` per group row with an outcome, its members (id, source,
  count) from `COMMENT_SHEET`, the full membership;
* rows without an outcome (or 待处理) are `undecided`, listed, never dropped;
  groups on `none` are off-topic, counted only;
* 部分采纳、未采纳、留作研究 need a 理由 (`NEEDS_REASON`): the commenter reads
  it on the site;
* every problem is named by sheet, row and column as Excel writes them
  (``意见分组!K12``), in the `field` of a Problem whose line is the row.

Bounded: a file that is no zip or unpacks too large is refused before
openpyxl opens it (`collect.sheet`'s check), a sheet of more than `MAX_ROWS`
rows is refused after counting its rows in the XML (cheap, without parsing),
and only `MAX_COLUMNS` columns are read. openpyxl reads read-only (streamed)
and through defusedxml.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from openpyxl.utils import get_column_letter

from .collect.sheet import _cell_text, _refused_unpacked
from .collect.table import source_of
from .messages import Text, msg
from .model import Document, Outcome, Problem, Severity
from .numerals import whole_number
from .parse.notice import named_outcome, resolve_article
from .worksheet_layout import COMMENT_SHEET, GENERAL_LABEL, GROUP_COLUMNS, GROUP_SHEET, NEEDS_REASON, NONE_LABEL, OFF_TOPIC_LABELS, OUTCOMES

MAX_ROWS = 200_000  # of one sheet: twice the 100,000 comments `sort` is made for
MAX_COLUMNS = 64
MAX_PROBLEMS = 50  # listed; the rest are counted
#: Group columns tally reads (the others are the editor's aids).
READ = ("group", "article", "sample", "outcome", "outcome_reason")
#: Comment columns tally reads; `id` and `group` are required.
MEMBER_COLUMNS = ("id", "group", "channel", "point", "from", "count")
_HEADERS = {c.key: c.header for c in GROUP_COLUMNS}
_POSITIONS = {c.key: n for n, c in enumerate(GROUP_COLUMNS)}
_ROW_TAG = re.compile(rb"<(?:\w+:)?row(?=[\s>/])([^>]*)")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')


@dataclass(frozen=True)
class Member:
    id: str
    source: str  # `from` (`collect.table.source_of`)
    count: int
    row: int  # on COMMENT_SHEET


@dataclass
class Decided:
    """A group row with an outcome."""

    group: str
    row: int
    article: str  # an article id or GENERAL
    outcome: Outcome
    reason: str | None
    text: str
    members: list[Member]


@dataclass(frozen=True)
class Undecided:
    group: str
    cell: str  # where its 处理结果 is to be filled, 意见分组!K5
    comments: int  # weighted by their count


@dataclass
class Review:
    decided: list[Decided] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)
    off_topic: int = 0  # comments in groups on `none`, weighted by their count
    problems: list[Problem] = field(default_factory=list)
    dropped: list[Severity] = field(default_factory=list)  # problems past MAX_PROBLEMS

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


@dataclass
class _Reader:
    path: str
    review: Review

    def report(self, sheet: str, row: int | None, column: int | None, message: Text, hint: Text, code: str, severity: Severity = Severity.ERROR) -> None:
        where = f"{sheet}!{get_column_letter(column + 1)}{row}" if row and column is not None else sheet
        if len(self.review.problems) < MAX_PROBLEMS:
            self.review.problems.append(Problem(self.path, row, where, message, hint, severity, code))
        else:
            self.review.dropped.append(severity)


def is_workbook(raw_start: bytes) -> bool:
    """Whether a file's first bytes are a zip's (an .xlsx) rather than text."""
    return raw_start.startswith(b"PK\x03\x04")


def read_review(path: Path, draft: Document) -> Review:
    """The decisions on the worksheet at `path` about `draft`, with every problem."""
    review = Review()
    reader = _Reader(str(path), review)
    refused = _refused_unpacked(path) or _too_many_rows(path)
    if refused:
        reason, code = refused
        review.problems.append(Problem(str(path), None, None, reason, msg("sheet-unreadable.hint"), code=code))
        return review
    from openpyxl import load_workbook  # only when a worksheet is tallied

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not read
            book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook (KeyError, BadZipFile, XML errors …)
        review.problems.append(Problem(str(path), None, None, msg("collect-xlsx-unreadable", error=str(exc)[:200]), msg("sheet-unreadable.hint"), code="collect-xlsx-unreadable"))
        return review
    try:
        missing = [name for name in (GROUP_SHEET, COMMENT_SHEET) if name not in book.sheetnames]
        if missing:
            found = "、".join(book.sheetnames[:10])
            review.problems.append(Problem(str(path), None, None, msg("sheet-missing", sheets="、".join(missing), found=found), msg("sheet-missing.hint"), code="sheet-missing"))
            return review
        found = _members(_rows(book[COMMENT_SHEET]), reader)
        if found is not None:
            _groups(_rows(book[GROUP_SHEET]), *found, draft, reader)
    except Exception as exc:  # a part openpyxl only reads while streaming (a broken sheet XML)
        review.problems.append(Problem(str(path), None, None, msg("collect-xlsx-unreadable", error=str(exc)[:200]), msg("sheet-unreadable.hint"), code="collect-xlsx-unreadable"))
    finally:
        book.close()
    if review.dropped:
        severity = Severity.ERROR if Severity.ERROR in review.dropped else Severity.WARNING
        review.problems.append(Problem(str(path), None, None, msg("too-many-problems", n=len(review.dropped)), msg("too-many-problems.hint"), severity=severity, code="too-many-problems"))
    return review


def _too_many_rows(path: Path) -> tuple[Text, str] | None:
    """(why, code) when a worksheet has more than MAX_ROWS rows, or a row
    numbered past it (openpyxl would fill the rows up to it): found in its XML,
    streamed, so a million rows are refused in a fraction of a second."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml") and _rows_past_limit(archive, info):
                return msg("sheet-too-many-rows", part=info.filename, limit=f"{MAX_ROWS:,}"), "sheet-too-many-rows"
    return None


def _rows_past_limit(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    rows, tail = 0, b""
    with archive.open(info) as part:
        while chunk := part.read(1 << 20):
            # Each tag is counted in the chunk it starts in: one cut in two is
            # found in the tail before and the chunk, one in the tail alone was counted already.
            found = _ROW_TAG.findall(tail + chunk)
            rows += len(found) - len(_ROW_TAG.findall(tail))
            number = _ROW_NUMBER.search(found[-1]) if found else None  # rows are in order: the last is the highest
            if rows > MAX_ROWS or (number is not None and int(number.group(1)[:12]) > MAX_ROWS):
                return True
            tail = (tail + chunk)[-256:]
    return False


def _rows(sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cell values) of each row that is not empty; a value is made
    text only where it is read (`_text_at`): 100,000 rows of 64 columns."""
    for number, values in enumerate(sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True), start=1):
        if any(v is not None for v in values):
            yield number, values


def _text_at(values: tuple[Any, ...], column: int) -> str:
    return _cell_text(values[column]) if column < len(values) else ""


def _members(rows: Iterator[tuple[int, tuple[Any, ...]]], reader: _Reader) -> tuple[dict[str, list[Member]], int] | None:
    """The comment sheet's members by group name, and the column of `group`;
    None when its header is unusable."""
    by_group: dict[str, list[Member]] = {}
    seen: dict[str, int] = {}
    header: dict[str, int] | None = None
    for number, values in rows:
        if header is None:
            names = [_cell_text(v).lower() for v in values]
            header = {name: names.index(name) for name in MEMBER_COLUMNS if name in names}
            missing = [name for name in ("id", "group") if name not in header]
            if missing:
                reader.report(COMMENT_SHEET, number, None, msg("sheet-header.comments", missing=", ".join(missing)), msg("sheet-header.comments.hint"), "sheet-header")
                return None
            continue
        cell = {name: _text_at(values, i) for name, i in header.items()}
        member = _member(number, cell, header, seen, reader)
        if member is not None:
            by_group.setdefault(cell["group"], []).append(member)
    return by_group, (header or {}).get("group", 0)


def _member(number: int, cell: dict[str, str], header: dict[str, int], seen: dict[str, int], reader: _Reader) -> Member | None:
    def report(column: str, message: Text, hint: Text, code: str) -> None:
        reader.report(COMMENT_SHEET, number, header[column], message, hint, code)

    comment_id, group = cell["id"], cell["group"]
    if not comment_id:
        report("id", msg("sheet-empty.id"), msg("sheet-empty.id.hint"), "sheet-empty")
        return None
    if comment_id in seen:
        report("id", msg("sheet-duplicate-id", id=comment_id[:40], first=seen[comment_id]), msg("duplicate-id.row.hint"), "sheet-duplicate-id")
        return None
    seen[comment_id] = number
    if not group:
        report("group", msg("sheet-empty.group"), msg("sheet-empty.group.hint"), "sheet-empty")
        return None
    count = whole_number(cell["count"]) if cell.get("count") else 1
    if count is None or count < 1:
        report("count", msg("sheet-bad-count", count=cell["count"][:40]), msg("bad-number.count.hint"), "sheet-bad-count")
        return None
    return Member(comment_id, source_of(cell), count, number)


def _groups(rows: Iterator[tuple[int, tuple[Any, ...]]], members: dict[str, list[Member]], group_column: int, draft: Document, reader: _Reader) -> None:
    columns: dict[str, int] | None = None
    named: dict[str, int] = {}
    for number, values in rows:
        if columns is None:
            columns = _group_header(number, [_cell_text(v) for v in values], reader)
            if columns is None:
                return
            continue
        cell = {key: _text_at(values, i) for key, i in columns.items()}
        _group(number, cell, columns, members, named, draft, reader)
    for name, orphans in members.items():
        if name not in named:
            first = orphans[0]
            reader.report(COMMENT_SHEET, first.row, group_column, msg("sheet-unknown-group", group=name[:40], n=len(orphans), first=first.id[:40]), msg("sheet-unknown-group.hint"), "sheet-unknown-group")


def _group_header(number: int, cells: list[str], reader: _Reader) -> dict[str, int] | None:
    """Column of each group column tally reads, by its header; None (and a
    problem at the cell where each missing one was written) when one is missing."""
    found = {key: cells.index(_HEADERS[key]) for key in READ if _HEADERS[key] in cells}
    missing = [key for key in READ if key not in found]
    for key in missing:
        at = _POSITIONS[key]
        now = cells[at] if at < len(cells) else ""
        reader.report(GROUP_SHEET, number, at, msg("sheet-header", expected=_HEADERS[key], found=now or "（空）"), msg("sheet-header.hint", expected=_HEADERS[key]), "sheet-header")
    return None if missing else found


def _group(number: int, cell: dict[str, str], columns: dict[str, int], members: dict[str, list[Member]], named: dict[str, int], draft: Document, reader: _Reader) -> None:
    review = reader.review

    def report(key: str, message: Text, hint: Text, code: str) -> None:
        reader.report(GROUP_SHEET, number, columns[key], message, hint, code)

    name = cell["group"]
    if name in named:
        report("group", msg("sheet-duplicate-group", group=name[:40], first=named[name]), msg("sheet-duplicate-group.hint"), "sheet-duplicate-group")
        return
    named[name] = number
    group_members = members.get(name, [])
    if not group_members:  # every comment moved to other groups: only a decision on it is wrong
        if cell["outcome"]:
            report("group", msg("sheet-empty-group", group=name[:40] or "（空）"), msg("sheet-empty-group.hint"), "sheet-empty-group")
        return
    if cell["article"] in OFF_TOPIC_LABELS:
        review.off_topic += sum(m.count for m in group_members)
        return
    article = resolve_article(cell["article"], draft) if cell["article"] else None
    outcome = _outcome(cell["outcome"], report)
    if article is None:
        labels = [a.label for a in draft.legal.articles] if draft.legal else []
        span = f"{labels[0]}–{labels[-1]}" if labels else "—"
        report("article", msg("sheet-unknown-article", article=cell["article"][:40] or "（空）", draft=draft.id), msg("sheet-unknown-article.hint", span=span, general=GENERAL_LABEL, none=NONE_LABEL), "sheet-unknown-article")
    if outcome is None or article is None:
        if outcome is None and not cell["outcome"]:
            letter = get_column_letter(columns["outcome"] + 1)
            review.undecided.append(Undecided(name, f"{GROUP_SHEET}!{letter}{number}", sum(m.count for m in group_members)))
        return
    reason = cell["outcome_reason"] or None
    if outcome in NEEDS_REASON and reason is None:
        report("outcome_reason", msg("sheet-missing-reason", outcome=_outcome_word(outcome)), msg("sheet-missing-reason.hint"), "sheet-missing-reason")
        return
    if not cell["sample"]:
        report("sample", msg("sheet-empty.sample"), msg("sheet-empty.sample.hint"), "sheet-empty")
        return
    review.decided.append(Decided(name, number, article, outcome, reason, cell["sample"], group_members))


def _outcome(written: str, report: Any) -> Outcome | None:
    """The outcome a 处理结果 cell names; None when it is empty, 待处理, or wrong (reported)."""
    value = written.strip()
    outcome = named_outcome(value)
    if outcome is Outcome.PENDING or (not value):
        return None
    if outcome is None:
        report("outcome", msg("sheet-unknown-outcome", value=value[:40]), msg("sheet-unknown-outcome.hint", outcomes="、".join(OUTCOMES)), "sheet-unknown-outcome")
    return outcome


def _outcome_word(outcome: Outcome) -> str:
    return next(word for word, o in OUTCOMES.items() if o is outcome)

