"""The comment table `lawsite sort` reads: the collect format.

A UTF-8 (or GBK) CSV with a header: ``id, channel, point, article, text,
received``, then any extra columns, kept and written back. Only ``id`` and
``text`` are required, so that a hand-made table works; ``article`` may be
empty (most are). Every problem names the file, the row's line and the
column; their number is bounded, and so is the text compared (a comment
longer than `MAX_TEXT` characters is compared by its beginning).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Problem, Severity
from ..parse.notice import decode_csv

COLUMNS = ("id", "channel", "point", "article", "text", "received")
REQUIRED = ("id", "text")
MAX_TEXT = 5_000
MAX_PROBLEMS = 50
MAX_ROWS = 2_000_000
MAX_BYTES = 512 * 1024 * 1024  # 2,000,000 comments of a few sentences; read whole, so bounded


@dataclass
class Comment:
    id: str
    text: str
    channel: str = ""
    point: str = ""
    article: str = ""  # as the row names it ('' when none)
    line: int = 0
    cells: dict[str, str] = field(default_factory=dict)  # every column of the row, in the header's order


@dataclass
class Table:
    header: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dropped: list[Severity] = field(default_factory=list)  # problems past MAX_PROBLEMS

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def read_table(path: Path) -> Table:
    """The comments of the CSV file at `path`, refused unread past MAX_BYTES."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Table(problems=[Problem(str(path), None, None, f"the file has {size:,} bytes, more than the {MAX_BYTES:,} read", "split the table by draft or by month", code="too-big")])
    return read_comments(path.read_bytes(), str(path))


def read_comments(raw: bytes, path: str) -> Table:
    """The comments of the CSV `raw` (read from `path`, named in problems)."""
    table = Table()
    decoded = decode_csv(raw)
    if decoded is None:
        table.problems.append(Problem(path, None, None, "the file is neither UTF-8 nor GBK", "in Excel: 另存为 → CSV UTF-8（逗号分隔）", code="csv-encoding"))
        return table
    text = decoded[0]
    if not text.strip():
        table.problems.append(Problem(path, None, None, "the file is empty", f"the first row is the header: {','.join(COLUMNS)}", code="csv-empty"))
        return table
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    seen: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if not table.header:
                if not _header(cells, path, line, table):
                    return table
                continue
            if len(table.comments) >= MAX_ROWS:
                _report(table, Problem(path, line, None, f"more than {MAX_ROWS:,} rows; the rest is not read", "split the table by draft or by month", code="too-many-rows"))
                break
            _row(cells, path, line, table, seen)
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), a NUL byte …
        _report(table, Problem(path, reader.line_num, None, f"row {reader.line_num}: the CSV cannot be read on from here: {exc}", "look for an unclosed quote (\") or a cell pasted with a whole document in it", code="csv-malformed"))
    _summarise(table, path)
    if not table.comments and not table.errors:
        table.problems.append(Problem(path, None, None, "the table has a header and no comments", "one row per comment under the header", code="csv-empty"))
    return table


def _header(cells: list[str], path: str, line: int, table: Table) -> bool:
    names = [c.strip().lstrip("\ufeff").lower() for c in cells]
    missing = [n for n in REQUIRED if n not in names]
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    if missing or repeated:
        what = "; ".join(filter(None, [f"missing column(s) {', '.join(missing)}" if missing else "", f"repeated column(s) {', '.join(repeated)}" if repeated else ""]))
        table.problems.append(Problem(path, line, None, f"header: {what}", f"the header row is {','.join(COLUMNS)} (extra columns after them are kept)", code="csv-header"))
        return False
    table.header = names
    return True


def _row(cells: list[str], path: str, line: int, table: Table, seen: dict[str, int]) -> None:
    header = table.header
    while len(cells) > len(header) and not cells[-1].strip():
        cells = cells[:-1]
    if len(cells) > len(header):
        _report(table, Problem(path, line, None, f"row {line}: {len(cells)} cells, the header has {len(header)}", "check for a missing or extra comma; quote text that contains commas with \"…\"", code="csv-cells"))
        return
    row = {name: cell.strip() for name, cell in zip(header, cells)}
    row.update({name: "" for name in header[len(cells) :]})
    for name in REQUIRED:
        if not row[name]:
            _report(table, Problem(path, line, name, f"row {line}, column {name}: empty; the row is left out", "every comment needs its id (the receipt) and its text", severity=Severity.WARNING, code="missing-key"))
            return
    if row["id"] in seen:
        _report(table, Problem(path, line, "id", f"row {line}, column id: `{row['id'][:40]}` is also the id of row {seen[row['id']]}", "ids are receipts: each comment has its own", code="duplicate-id"))
        return
    seen[row["id"]] = line
    text = row["text"]
    if len(text) > MAX_TEXT:
        _report(table, Problem(path, line, "text", f"row {line}, column text: {len(text):,} characters; only the first {MAX_TEXT:,} are compared", "a comment is a few paragraphs: check that the cell holds one comment", severity=Severity.WARNING, code="text-too-long"))
        text = text[:MAX_TEXT]
    table.comments.append(Comment(row["id"], text, row.get("channel", ""), row.get("point", ""), row.get("article", ""), line, row))


def _report(table: Table, problem: Problem) -> None:
    """Keep at most MAX_PROBLEMS problems; the rest are counted (`_summarise`)."""
    if len(table.problems) < MAX_PROBLEMS:
        table.problems.append(problem)
    else:
        table.dropped.append(problem.severity)


def _summarise(table: Table, path: str) -> None:
    if table.dropped:
        severity = Severity.ERROR if Severity.ERROR in table.dropped else Severity.WARNING
        table.problems.append(Problem(path, None, None, f"{len(table.dropped)} more problem(s) not listed", "fix those listed and run again", severity=severity, code="too-many-problems"))
