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

from ..messages import Text, msg
from ..model import Problem, Severity
from ..parse.notice import decode_csv, header_faults

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
        return Table(problems=[Problem(str(path), None, None, msg("too-big", size=size, limit=MAX_BYTES), msg("too-big.hint"), code="too-big")])
    return read_comments(path.read_bytes(), str(path))


def read_comments(raw: bytes, path: str) -> Table:
    """The comments of the CSV `raw` (read from `path`, named in problems)."""
    table = Table()
    decoded = decode_csv(raw)
    if decoded is None:
        table.problems.append(Problem(path, None, None, msg("csv-encoding"), msg("csv-encoding.hint"), code="csv-encoding"))
        return table
    text = decoded[0]
    if not text.strip():
        table.problems.append(Problem(path, None, None, msg("csv-empty.file"), msg("csv-empty.file.hint", columns=",".join(COLUMNS)), code="csv-empty"))
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
                _report(table, Problem(path, line, None, msg("too-many-rows", limit=MAX_ROWS), msg("too-many-rows.hint"), code="too-many-rows"))
                break
            _row(cells, path, line, table, seen)
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), a NUL byte …
        _report(table, Problem(path, reader.line_num, None, msg("csv-malformed.sort", line=reader.line_num, exc=str(exc)), msg("csv-malformed.sort.hint"), code="csv-malformed"))
    _summarise(table, path)
    if not table.comments and not table.errors:
        table.problems.append(Problem(path, None, None, msg("csv-empty.rows"), msg("csv-empty.rows.hint"), code="csv-empty"))
    return table


def _header(cells: list[str], path: str, line: int, table: Table) -> bool:
    names = [c.strip().lstrip("\ufeff").lower() for c in cells]
    missing = [n for n in REQUIRED if n not in names]
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    if missing or repeated:
        table.problems.append(Problem(path, line, None, _header_message(missing, repeated), msg("csv-header.sort.hint", columns=",".join(COLUMNS)), code="csv-header"))
        return False
    table.header = names
    return True


def _header_message(missing: list[str], repeated: list[str]) -> Text:
    if not repeated:
        return header_faults([], missing)
    if missing:
        return msg("csv-header.missing-repeated", missing=", ".join(missing), repeated=", ".join(repeated))
    return msg("csv-header.repeated", repeated=", ".join(repeated))


def _row(cells: list[str], path: str, line: int, table: Table, seen: dict[str, int]) -> None:
    header = table.header
    while len(cells) > len(header) and not cells[-1].strip():
        cells = cells[:-1]
    if len(cells) > len(header):
        _report(table, Problem(path, line, None, msg("csv-cells.row", line=line, n_cells=len(cells), n_header=len(header)), msg("csv-cells.hint"), code="csv-cells"))
        return
    row = {name: cell.strip() for name, cell in zip(header, cells)}
    row.update({name: "" for name in header[len(cells) :]})
    for name in REQUIRED:
        if not row[name]:
            _report(table, Problem(path, line, name, msg("missing-key.sort", line=line, name=name), msg("missing-key.sort.hint"), severity=Severity.WARNING, code="missing-key"))
            return
    if row["id"] in seen:
        _report(table, Problem(path, line, "id", msg("duplicate-id.row", line=line, id=row["id"][:40], first=seen[row["id"]]), msg("duplicate-id.row.hint"), code="duplicate-id"))
        return
    seen[row["id"]] = line
    text = row["text"]
    if len(text) > MAX_TEXT:
        _report(table, Problem(path, line, "text", msg("text-too-long", line=line, n=len(text), limit=MAX_TEXT), msg("text-too-long.hint"), severity=Severity.WARNING, code="text-too-long"))
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
        table.problems.append(Problem(path, None, None, msg("too-many-problems", n=len(table.dropped)), msg("too-many-problems.hint"), severity=severity, code="too-many-problems"))
