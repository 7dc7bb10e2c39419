"""Comments out in the collect format (`collect.table`), the table every
channel ends up in: the service's export and `lawsite collect` of a
database write the same rows, through `row`.

The id is the receipt, the channel `web`, received ISO 8601 in the site's
time zone, `source` the database (or `intake`) and the receipt. UTF-8 with
a BOM and CRLF line ends, as the site's other CSV, so Excel opens the
Chinese right; every cell through the one spreadsheet rule. Name and
contact are never in it.
"""

from __future__ import annotations

from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from ..collect.table import COLUMNS, Row
from ..collect.table import csv_chunks as table_chunks
from ..model import GENERAL
from .catalogue import GENERAL_LABEL
from .store import Stored

__all__ = ["CHANNEL", "COLUMNS", "csv_chunks", "row"]
CHANNEL = "web"


def row(comment: Stored, tz: ZoneInfo, where: str = "intake") -> Row:
    """One stored comment as a row of the collect table; `where` names the database."""
    received = comment.received.astimezone(tz).isoformat(timespec="seconds")
    article = GENERAL if comment.article == GENERAL_LABEL else comment.article
    return Row(comment.receipt, CHANNEL, comment.text, f"{where}#{comment.receipt}", article=article, point=comment.point or "", received=received)


def csv_chunks(comments: Iterable[Stored], tz: ZoneInfo, concerns: str) -> Iterator[bytes]:
    """The CSV file in pieces, so a large export is never held at once."""
    return table_chunks((row(comment, tz) for comment in comments), concerns)
