"""Comments out in the collect format, the table every channel ends up in.

Columns, in this order: id (the receipt), channel (`web`), point, article,
text, received (ISO 8601 in the site's time zone); then `concerns`, the
draft's id. UTF-8 with a BOM and CRLF line ends, as the site's other CSV, so
Excel opens the Chinese right; every cell goes through the one spreadsheet
rule (`outputs.cells`: a leading `'` on what would run as a formula). Name
and contact are never in it.
"""

from __future__ import annotations

from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from ..emit.cells import spreadsheet_csv_chunks
from .store import Stored

COLUMNS = ("id", "channel", "point", "article", "text", "received", "concerns")
CHANNEL = "web"


def fields(comment: Stored, tz: ZoneInfo) -> tuple[str, ...]:
    """One comment's cells in the order of COLUMNS (`lawsite collect` reads
    the database through this too)."""
    received = comment.received.astimezone(tz).isoformat(timespec="seconds")
    return (comment.receipt, CHANNEL, comment.point or "", comment.article, comment.text, received, comment.doc)


def csv_chunks(comments: Iterable[Stored], tz: ZoneInfo) -> Iterator[bytes]:
    """The CSV file in pieces, so a large export is never held at once."""
    return spreadsheet_csv_chunks(COLUMNS, (fields(comment, tz) for comment in comments))
