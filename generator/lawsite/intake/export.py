"""Comments out in the collect format, the table every channel ends up in.

Columns, in this order: id (the receipt), channel (`web`), point, article,
text, received (ISO 8601 in the site's time zone); then `concerns`, the
draft's id. UTF-8 with a BOM and CRLF line ends, as the site's other CSV, so
Excel opens the Chinese right; every cell goes through the one spreadsheet
rule (`outputs.cells`: a leading `'` on what would run as a formula). Name
and contact are never in it.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from ..emit.cells import spreadsheet_cell
from .store import Stored

COLUMNS = ("id", "channel", "point", "article", "text", "received", "concerns")
CHANNEL = "web"


def _row(comment: Stored, tz: ZoneInfo) -> list[str]:
    received = comment.received.astimezone(tz).isoformat(timespec="seconds")
    return [spreadsheet_cell(v) for v in (comment.receipt, CHANNEL, comment.point or "", comment.article, comment.text, received, comment.doc)]


def csv_chunks(comments: Iterable[Stored], tz: ZoneInfo) -> Iterator[bytes]:
    """The CSV file in pieces, so a large export is never held at once (the
    framing of `outputs.cells.spreadsheet_csv`, a row at a time)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield "\ufeff".encode() + out.getvalue().encode()
    for comment in comments:
        out.seek(0)
        out.truncate()
        writer.writerow(_row(comment, tz))
        yield out.getvalue().encode()
