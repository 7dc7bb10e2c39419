"""Readings and interpretations across the site: which pairs of readings a
redline compares, and which interpretation section explains each article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, InterpretationSection, Kind

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class Explained:
    """Where one article is explained: an interpretation and its section."""

    document: Document  # the interpretation
    section: InterpretationSection
    article_id: str

    @property
    def fragment(self) -> str:
        """The article's own anchor on the interpretation page."""
        return self.article_id


def redline_pairs(site: "Site") -> list[tuple[Document, Document]]:
    """(earlier, later) for every draft or law whose `previous:` names a legal text."""
    pairs = []
    for new in site.of_kind(Kind.DRAFT, Kind.LAW):
        old = site.get(new.previous)
        if old is not None and old.legal is not None and new.legal is not None:
            pairs.append((old, new))
    return pairs


def interpretations_of(site: "Site", document: Document) -> list[Document]:
    return site.interpretations.get(document.id, [])


def explained_articles(site: "Site", document: Document) -> dict[str, Explained]:
    """Article id → the first interpretation section explaining it."""
    found: dict[str, Explained] = {}
    for interpretation in interpretations_of(site, document):
        assert interpretation.interpretation is not None
        for section in interpretation.interpretation.sections:
            for art_id in section.article_ids:
                found.setdefault(art_id, Explained(interpretation, section, art_id))
    return found
