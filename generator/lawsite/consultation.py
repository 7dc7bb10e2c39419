"""Where a draft's public consultation stands at a moment: a domain fact.

No MkDocs and no rendering. `gather` computes it once per site, at the
build's moment (`Settings.build_time()`), for every draft with comment terms:
`Site.consultations[draft_id]`. Pages, posters and feeds read it from there.

    State.UPCOMING / OPEN / CLOSED
    Consultation(state, days, opens_at, deadline)
    consultation_at(comments, now, tz) -> Consultation
    consultation_of(document, now, tz) -> Consultation | None   (None: not a draft with comments)
    consultations(documents, now, tz) -> dict[str, Consultation] (by document id)

Dates are days in the site's time zone `tz`: comments are accepted from the
start of `opens` to the end of `closes` (inclusive).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Iterable
from zoneinfo import ZoneInfo

from .model import Comments, Document, Kind


class State(str, Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Consultation:
    state: State
    days: int | None  # days left while open (0 = last day), days until opening while upcoming
    opens_at: dt.datetime | None  # first instant comments are accepted
    deadline: dt.datetime  # first instant they are no longer accepted


def consultation_at(comments: Comments, now: dt.datetime, tz: ZoneInfo) -> Consultation:
    """Where a consultation stands at `now` (a naive `now` is taken as in `tz`)."""
    today = (now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)).date()
    opens_at = dt.datetime.combine(comments.opens, dt.time(), tz) if comments.opens else None
    deadline = _deadline(comments.closes, tz)
    if comments.opens and today < comments.opens:
        return Consultation(State.UPCOMING, (comments.opens - today).days, opens_at, deadline)
    if today <= comments.closes:
        return Consultation(State.OPEN, (comments.closes - today).days, opens_at, deadline)
    return Consultation(State.CLOSED, None, opens_at, deadline)


def _deadline(closes: dt.date, tz: ZoneInfo) -> dt.datetime:
    # Midnight after `closes`; the calendar ends on 9999-12-31, so a consultation
    # closing that day ends at the calendar's last instant instead.
    if closes == dt.date.max:
        return dt.datetime.max.replace(tzinfo=tz)
    return dt.datetime.combine(closes + dt.timedelta(days=1), dt.time(), tz)


def consultation_of(document: Document, now: dt.datetime, tz: ZoneInfo) -> Consultation | None:
    """The consultation of a draft with comment terms; None for anything else."""
    if document.kind is not Kind.DRAFT or document.comments is None:
        return None
    return consultation_at(document.comments, now, tz)


def consultations(documents: Iterable[Document], now: dt.datetime, tz: ZoneInfo) -> dict[str, Consultation]:
    """Every draft's consultation at `now`, by document id."""
    return {d.id: found for d in documents if (found := consultation_of(d, now, tz)) is not None}
