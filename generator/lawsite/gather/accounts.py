"""The 台账: what a contact point did in a period (a year, or a quarter of it).

Pure: `account(site, point_id, year, quarter)` reads the gathered site. The
funnel is activities held → people reached → suggestions collected (the
activities' `participants` and `collected`) → forwarded (上报: the point's
suggestions itemised in the feedback notices) → adopted (adopted or partly,
as the ledger counts them). A forwarded suggestion falls in the period of its
notice's `published` date, or else of the day its draft's consultation closed;
one without either date is in no period.

A point's account includes the points below it in the tiers (gather/tiers.py),
as its counts on its page do; `own=True` counts only its own, which is what
the per-level sums add up (every point counted once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Document, Outcome
from .site import Site

QUARTERS = (1, 2, 3, 4)


@dataclass
class Account:
    point_id: str
    year: int
    quarter: int | None  # None: the whole year
    activities: list[Document] = field(default_factory=list)  # oldest first
    people: int = 0  # people reached
    collected: int = 0
    forwarded: int = 0
    adopted: int = 0  # adopted or partly adopted
    drafts: list[str] = field(default_factory=list)  # ids of the drafts they concern, in order of first mention

    @property
    def funnel(self) -> tuple[int, int, int, int, int]:
        return (len(self.activities), self.people, self.collected, self.forwarded, self.adopted)

    def add(self, other: "Account") -> None:
        """Count `other` here too (a level's sum)."""
        self.activities += other.activities
        self.people, self.collected = self.people + other.people, self.collected + other.collected
        self.forwarded, self.adopted = self.forwarded + other.forwarded, self.adopted + other.adopted
        self.drafts += [d for d in other.drafts if d not in self.drafts]


def in_period(day: dt.date | None, year: int, quarter: int | None) -> bool:
    return day is not None and day.year == year and (quarter is None or (day.month - 1) // 3 + 1 == quarter)


def account(site: Site, point_id: str, year: int, quarter: int | None = None, own: bool = False) -> Account:
    """The point's 台账 for the year (or one quarter of it)."""
    points = {point_id} if own else {point_id, *site.tiers.below(point_id)}
    found = Account(point_id, year, quarter)
    for document in reversed(site.activities):  # oldest first
        facts = document.activity
        if facts is None or facts.point not in points or not in_period(facts.date, year, quarter):
            continue
        found.activities.append(document)
        found.people += facts.participants or 0
        found.collected += facts.collected or 0
        found.drafts += [d for d in facts.drafts if d not in found.drafts]
    for pid in sorted(points):
        record = site.ledger.for_point(pid)
        for placed in record.suggestions if record else ():
            if not in_period(forwarded_on(site, placed.notice_id, placed.doc_id), year, quarter):
                continue
            found.forwarded += placed.suggestion.count
            found.adopted += placed.suggestion.count if placed.suggestion.outcome in (Outcome.ADOPTED, Outcome.PARTLY) else 0
            if placed.doc_id not in found.drafts:
                found.drafts.append(placed.doc_id)
    return found


def forwarded_on(site: Site, notice_id: str, doc_id: str) -> dt.date | None:
    """The day a notice's suggestions count in: the notice's date, else its draft's closing day."""
    notice, draft = site.get(notice_id), site.get(doc_id)
    if notice is not None and notice.published is not None:
        return notice.published
    return draft.comments.closes if draft is not None and draft.comments is not None else None


def years(site: Site) -> list[int]:
    """The years something was done in: an activity held or suggestions forwarded, newest first."""
    found = {d.activity.date.year for d in site.activities if d.activity}
    for record in site.ledger.points.values():
        found |= {day.year for p in record.suggestions if (day := forwarded_on(site, p.notice_id, p.doc_id))}
    return sorted(found, reverse=True)
