"""The per-article ledger: what became of the suggestions, article by article.

Pure: `build_ledger(documents, notices)` reads the site's documents (by id)
and its parsed notices, and counts, per draft and article, per contact point
and for the whole site.

Counts are weighted by `Suggestion.count` (an entry standing for 37 identical
suggestions counts 37); `entries` is the number of itemised entries. The
adoption rate counts partly adopted suggestions as adopted, as Chinese
feedback notices do ("采纳或者部分采纳").

Each contact point's counts are also rolled up (`PointLedger.rolled`): its own
and those of every point below it in the tiers (gather/tiers.py).

Suggestions are keyed to the article ids of the draft they concern (the
reading the public commented on), so renumbering in a later reading never
moves them: the redline asks `for_article(earlier_doc_id, old_article_id)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..model import GENERAL, Document, Kind, Notice, Outcome, Suggestion
from .tiers import Tiers


def anchor_for(article_id: str) -> str:
    """The fragment of an article's group on the notice page."""
    return f"ledger-{article_id}"


@dataclass
class Tally:
    """Suggestions counted by outcome (weighted by `count`)."""

    counts: dict[Outcome, int] = field(default_factory=lambda: {o: 0 for o in Outcome})
    entries: int = 0  # itemised entries, each possibly standing for several suggestions

    def add(self, suggestion: Suggestion) -> None:
        self.counts[suggestion.outcome] += suggestion.count
        self.entries += 1

    def absorb(self, other: "Tally") -> None:
        """Count everything `other` counts here too."""
        for outcome, n in other.counts.items():
            self.counts[outcome] += n
        self.entries += other.entries

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def adopted(self) -> int:
        return self.counts[Outcome.ADOPTED]

    @property
    def partly(self) -> int:
        return self.counts[Outcome.PARTLY]

    @property
    def not_adopted(self) -> int:
        return self.counts[Outcome.NOT_ADOPTED]

    @property
    def noted(self) -> int:
        return self.counts[Outcome.NOTED]

    @property
    def pending(self) -> int:
        return self.counts[Outcome.PENDING]

    @property
    def rate(self) -> float | None:
        """(adopted + partly) / total, None when nothing was itemised."""
        return (self.adopted + self.partly) / self.total if self.total else None


def itemised_of(notice: Notice) -> int:
    """逐条列出: the suggestions a notice itemises, each entry weighted by its `count`."""
    return sum(s.count for s in notice.suggestions)


def received_of(notice: Notice) -> int:
    """收到意见: the comments a notice says were received (`received`), never
    fewer than it itemises (a notice that states none received what it itemises)."""
    return max(notice.received or 0, itemised_of(notice))


@dataclass(frozen=True)
class Figures:
    """The figures a consultation is told by: one computation for the draft's
    page, its notice, the statistics, the home page and the feeds, so that
    they agree. Each counts one thing, and its label says which:

    - `received` 收到意见 N 条: comments received through every channel, as
      the office counted them (a notice's `received`);
    - `itemised` 逐条列出 N 条: the suggestions the notice answers one by one
      (identical ones merged into one entry still count one each);
    - `entries` 合并后 N 项: those entries;
    - the outcomes 采纳 / 部分采纳 / … N 条: itemised suggestions, so they add up to `itemised`;
    - `rate` 采纳率: (采纳 + 部分采纳) ÷ 逐条列出.
    """

    received: int
    itemised: int
    entries: int
    counts: tuple[tuple[Outcome, int], ...]  # every outcome, in Outcome's order

    @property
    def not_itemised(self) -> int:
        """Received but not answered one by one in a notice."""
        return self.received - self.itemised

    def count(self, outcome: Outcome) -> int:
        return dict(self.counts)[outcome]

    @property
    def adopted(self) -> int:
        return self.count(Outcome.ADOPTED)

    @property
    def partly(self) -> int:
        return self.count(Outcome.PARTLY)

    @property
    def rate(self) -> float | None:
        """(adopted + partly) / itemised, None when nothing was itemised."""
        return (self.adopted + self.partly) / self.itemised if self.itemised else None


def figures_of(tally: "Tally", received: int) -> Figures:
    """The figures of what one tally counts, with its `received` total."""
    return Figures(max(received, tally.total), tally.total, tally.entries, tuple((o, tally.counts[o]) for o in Outcome))


@dataclass
class ArticleLedger:
    """The suggestions on one article (or on the whole draft: GENERAL)."""

    doc_id: str  # the draft the suggestions were made on
    article_id: str  # an article id of that draft, or GENERAL
    notice_id: str  # the notice that itemises them (the first, if several)
    anchor: str  # fragment of this group on the notice page: "ledger-art_12"
    suggestions: list[Suggestion] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    @property
    def counts(self) -> dict[Outcome, int]:
        return self.tally.counts

    @property
    def total(self) -> int:
        return self.tally.total


@dataclass
class DocumentLedger:
    """Everything the notices say about one draft."""

    doc_id: str
    notice_ids: list[str]
    received: int  # stated `received` totals (or the itemised total where none is stated)
    tally: Tally
    articles: dict[str, ArticleLedger]  # GENERAL first, then articles in text order

    @property
    def figures(self) -> Figures:
        return figures_of(self.tally, self.received)


@dataclass
class Placed:
    """A suggestion with the draft and notice it belongs to."""

    doc_id: str
    notice_id: str
    suggestion: Suggestion


@dataclass
class PointLedger:
    """What one contact point submitted and what became of it."""

    point_id: str
    consultations: list[str]  # draft ids it was consulted on or submitted to
    tally: Tally = field(default_factory=Tally)
    suggestions: list[Placed] = field(default_factory=list)
    # Its own and every point's below it (the tiers), so a 联络站 answers for its 信息采集点.
    rolled: Tally = field(default_factory=Tally)
    rolled_consultations: list[str] = field(default_factory=list)

    @property
    def notice_ids(self) -> list[str]:
        """The notices that list a suggestion from the point, in the ledger's order (its 反馈单)."""
        return list(dict.fromkeys(placed.notice_id for placed in self.suggestions))


@dataclass
class Ledger:
    documents: dict[str, DocumentLedger] = field(default_factory=dict)
    notices: dict[str, DocumentLedger] = field(default_factory=dict)  # by notice id: what one notice itemises
    points: dict[str, PointLedger] = field(default_factory=dict)  # every contact point
    sources: dict[str, Tally] = field(default_factory=dict)  # free-text sources (网民…)
    totals: Tally = field(default_factory=Tally)
    received: int = 0

    def for_article(self, doc_id: str, article_id: str) -> ArticleLedger | None:
        """The ledger of one article of the draft `doc_id`; None if it drew no suggestion."""
        document = self.documents.get(doc_id)
        return document.articles.get(article_id) if document else None

    def for_document(self, doc_id: str) -> DocumentLedger | None:
        return self.documents.get(doc_id)

    def for_point(self, point_id: str) -> PointLedger | None:
        return self.points.get(point_id)

    @property
    def figures(self) -> Figures:
        """The whole site's figures (every notice)."""
        return figures_of(self.totals, self.received)


def build_ledger(documents: Mapping[str, Document], notices: Iterable[Notice], tiers: Tiers | None = None) -> Ledger:
    """Count every notice of the site; pure, cheap enough to call per build.
    `documents` are the site's documents by id, `tiers` the points' tree."""
    notices = list(notices)
    ledger = Ledger()
    for point in documents.values():
        if point.kind is Kind.CONTACT_POINT:
            ledger.points[point.id] = PointLedger(point.id, _consulted(documents, point.id))
    for notice in notices:
        document = ledger.documents.setdefault(notice.concerns, DocumentLedger(notice.concerns, [], 0, Tally(), {}))
        document.notice_ids.append(notice.id)
        document.received += received_of(notice)
        ledger.received += received_of(notice)
        for suggestion in notice.suggestions:
            _add(ledger, document, notice.id, suggestion)
    for notice in notices:
        ledger.notices[notice.id] = _notice_ledger(notice)
    for document in [*ledger.documents.values(), *ledger.notices.values()]:
        document.articles = _in_text_order(documents.get(document.doc_id), document)
    _roll_up(ledger.points, tiers or Tiers())
    return ledger


def _roll_up(points: dict[str, PointLedger], tiers: Tiers) -> None:
    for point_id, record in points.items():
        for counted in [record, *(points[p] for p in tiers.below(point_id) if p in points)]:
            record.rolled.absorb(counted.tally)
            record.rolled_consultations += [d for d in counted.consultations if d not in record.rolled_consultations]


def _notice_ledger(notice: Notice) -> DocumentLedger:
    document = DocumentLedger(notice.concerns, [notice.id], received_of(notice), Tally(), {})
    for suggestion in notice.suggestions:
        _file(document, notice.id, suggestion)
    return document


def _file(document: DocumentLedger, notice_id: str, suggestion: Suggestion) -> None:
    """Count `suggestion` in the document and in its article's group."""
    article = document.articles.get(suggestion.article)
    if article is None:
        article = document.articles[suggestion.article] = ArticleLedger(document.doc_id, suggestion.article, notice_id, anchor_for(suggestion.article))
    article.suggestions.append(suggestion)
    article.tally.add(suggestion)
    document.tally.add(suggestion)


def _add(ledger: Ledger, document: DocumentLedger, notice_id: str, suggestion: Suggestion) -> None:
    _file(document, notice_id, suggestion)
    ledger.totals.add(suggestion)
    point = ledger.points.get(suggestion.source)
    if point is None:
        ledger.sources.setdefault(suggestion.source, Tally()).add(suggestion)
        return
    point.tally.add(suggestion)
    point.suggestions.append(Placed(document.doc_id, notice_id, suggestion))
    if document.doc_id not in point.consultations:
        point.consultations.append(document.doc_id)


def _consulted(documents: Mapping[str, Document], point_id: str) -> list[str]:
    return [d.id for d in documents.values() if d.kind in (Kind.DRAFT, Kind.LAW) and point_id in d.contact_points]


def _in_text_order(draft: Document | None, document: DocumentLedger) -> dict[str, ArticleLedger]:
    order = {GENERAL: -1}
    if draft is not None and draft.legal is not None:
        order.update({a.id: i for i, a in enumerate(draft.legal.articles)})
    ranked = sorted(document.articles.items(), key=lambda kv: order.get(kv[0], len(order)))
    return dict(ranked)
