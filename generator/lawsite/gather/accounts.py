"""The 台账: what a contact point did in a period (a year, or a quarter of it).

Pure: `account(site, point_id, year, quarter)` reads the gathered site. The
funnel is activities held → people reached (the activities' `participants`,
counted on the day each was held) → suggestions collected (收集) → forwarded
(上报) → adopted (采纳), counted per point and draft (`stages`):

- forwarded: the notice's `forwarded:` figure for the point, else the
  suggestions the notice itemises from it;
- adopted: those of them adopted or partly adopted, as the ledger counts them;
- collected: what the point's activities on the draft record (`collected`),
  but never less than it forwarded: a point forwards suggestions it gathered
  outside any recorded activity too (written submissions, its sign's QR code,
  its 信息员), and it cannot forward what it did not collect.

All three count on one day per draft, so that no period's funnel widens: the
day its notice was published, else (a notice without a date) the day its
consultation closed. An activity's suggestions go with the first of its
drafts that has such a day; before any notice, with the day it was held.

A point's account includes the points below it in the tiers (gather/tiers.py),
as its counts on its page do; `own=True` counts only its own, which is what
the per-level sums add up (every point counted once).
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from ..model import Document, Kind, Outcome, Suggestion
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
        self.mention(other.drafts)

    def mention(self, drafts: list[str] | tuple[str, ...]) -> None:
        self.drafts += [d for d in drafts if d not in self.drafts]


@dataclass
class Stage:
    """One point's suggestions on one draft (or of one activity on none), on the day they count."""

    doc_id: str | None
    day: dt.date | None
    recorded: int = 0  # collected at its activities
    forwarded: int = 0
    adopted: int = 0

    @property
    def collected(self) -> int:
        return max(self.recorded, self.forwarded)


def rate_text(found: Account) -> str:
    """The share of forwarded suggestions adopted, as the 台账 prints it."""
    return f"{found.adopted * 100 / found.forwarded:.1f}%" if found.forwarded else "—"


def title_of(site: Site, doc_id: str) -> str:
    document = site.get(doc_id)
    return document.title if document is not None else doc_id


def in_period(day: dt.date | None, year: int, quarter: int | None) -> bool:
    return day is not None and day.year == year and (quarter is None or (day.month - 1) // 3 + 1 == quarter)


def account(site: Site, point_id: str, year: int, quarter: int | None = None, own: bool = False) -> Account:
    """The point's 台账 for the year (or one quarter of it)."""
    points = {point_id} if own else {point_id, *site.tiers.below(point_id)}
    found = Account(point_id, year, quarter)
    for document in reversed(site.activities):  # oldest first
        facts = document.activity
        if facts is not None and facts.point in points and in_period(facts.date, year, quarter):
            found.activities.append(document)
            found.people += facts.participants or 0
            found.mention(facts.drafts)
    for pid in sorted(points):
        for stage in stages(site, pid):
            if in_period(stage.day, year, quarter):
                _count(found, stage)
    return found


def draft_accounts(site: Site, year: int) -> dict[str, Account]:
    """The year's funnel per draft, every point counted once (its own work):
    the activities held on the draft that year, and the suggestions that count in it."""
    found: dict[str, Account] = {}
    for document in reversed(site.activities):
        facts = document.activity
        if facts is not None and in_period(facts.date, year, None):
            for doc_id in facts.drafts:
                drafted = found.setdefault(doc_id, Account(doc_id, year, None, drafts=[doc_id]))
                drafted.activities.append(document)
                drafted.people += facts.participants or 0
    for pid in sorted(site.ledger.points):
        for stage in stages(site, pid):
            if stage.doc_id is not None and in_period(stage.day, year, None):
                _count(found.setdefault(stage.doc_id, Account(stage.doc_id, year, None, drafts=[stage.doc_id])), stage)
    return {doc_id: drafted for doc_id, drafted in found.items() if any(drafted.funnel)}


def _count(found: Account, stage: Stage) -> None:
    found.collected += stage.collected
    found.forwarded += stage.forwarded
    found.adopted += stage.adopted
    if stage.doc_id is not None and stage.forwarded:
        found.mention([stage.doc_id])


# Every point's stages of a gathered site, computed once per site (a yearly
# page asks for them per point, level and quarter); forgotten with the site.
_STAGES: weakref.WeakKeyDictionary[Site, dict[str, list[Stage]]] = weakref.WeakKeyDictionary()


def stages(site: Site, point_id: str) -> list[Stage]:
    """The point's own suggestions per draft, as the module's docstring counts them."""
    kept = _STAGES.get(site)
    if kept is None:
        kept = _STAGES[site] = all_stages(site)
    return kept.get(point_id, [])


def all_stages(site: Site) -> dict[str, list[Stage]]:
    """Every point's stages, by point id."""
    days = _counted_on(site)
    by_point: dict[str, dict[str | None, Stage]] = {}
    alone: dict[str, list[Stage]] = {}
    for document in reversed(site.activities):
        facts = document.activity
        if facts is None or not facts.collected:
            continue
        doc_id = next((d for d in facts.drafts if days.get(d) is not None), None)
        if doc_id is None:
            alone.setdefault(facts.point, []).append(Stage(facts.drafts[0] if facts.drafts else None, facts.date, recorded=facts.collected))
        else:
            by_point.setdefault(facts.point, {}).setdefault(doc_id, Stage(doc_id, days[doc_id])).recorded += facts.collected
    for notice in site.notices.values():
        mine: dict[str, list[Suggestion]] = {}
        for s in notice.suggestions:
            mine.setdefault(s.source, []).append(s)
        for point_id in [p for p in site.ledger.points if p in mine or p in notice.forwarded]:
            stage = by_point.setdefault(point_id, {}).setdefault(notice.concerns, Stage(notice.concerns, days.get(notice.concerns)))
            stage.forwarded += notice.forwarded.get(point_id, sum(s.count for s in mine.get(point_id, ())))
            stage.adopted += sum(s.count for s in mine.get(point_id, ()) if s.outcome in (Outcome.ADOPTED, Outcome.PARTLY))
    return {p: [*by_point.get(p, {}).values(), *alone.get(p, [])] for p in {*by_point, *alone}}


def _counted_on(site: Site) -> dict[str, dt.date | None]:
    """The day each noticed draft's suggestions count in: its first notice's
    date, else (a notice without one) its consultation's closing day. A draft
    without a notice has none: its activities count on the day they were held."""
    noticed: dict[str, list[Document]] = {}
    for notice in site.of_kind(Kind.NOTICE):
        noticed.setdefault(notice.concerns or "", []).append(notice)
    days: dict[str, dt.date | None] = {}
    for doc_id, notices in noticed.items():
        published = [n.published for n in notices if n.published is not None]
        draft = site.get(doc_id)
        days[doc_id] = min(published) if published else (draft.comments.closes if draft is not None and draft.comments is not None else None)
    return days


def years(site: Site) -> list[int]:
    """The years something was done in: an activity held or suggestions counted, newest first."""
    found = {d.activity.date.year for d in site.activities if d.activity}
    for point_id in site.ledger.points:
        found |= {stage.day.year for stage in stages(site, point_id) if stage.day is not None}
    return sorted(found, reverse=True)
