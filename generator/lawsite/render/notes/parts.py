"""Parts of a draft or law page around its articles: the readings chain above
the head, the ledger outcome and the poster link after it, the comment basket
after the last article. Registered by name and priority like the article
notes; each returns a `Part` (its slot, the partial that shows it and the data
it shows) or None. The page's templates include each slot's parts
(`partials/legal_head.html`, `partials/page_parts.html`), so a new part is one
function, one partial and one `register` line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Mapping

from markdown.util import Registry

from ...urls import poster_key
from ..ledger import draft_outcome_context
from ..reader import basket_context
from ..readings import readings_context
from .page import ArticlePage


class Slot(str, Enum):
    ABOVE = "above"  # before the document head
    HEAD = "head"  # after the document head
    TAIL = "tail"  # after the last article


@dataclass(frozen=True)
class Part:
    slot: Slot
    template: str  # the partial that shows it (it reads `part`)
    data: Mapping[str, Any]


PagePart = Callable[[ArticlePage], "Part | None"]


def readings_chain(page: ArticlePage) -> Part | None:
    chain = readings_context(page.site.readings(page.document), page.document, page.links, page.settings)
    return Part(Slot.ABOVE, "partials/readings.html", chain) if chain else None


def draft_outcome(page: ArticlePage) -> Part | None:
    outcome = draft_outcome_context(page.document, page.site.ledger, page.links, page.settings)
    return Part(Slot.HEAD, "partials/draft_outcome.html", outcome) if outcome else None


def poster_link(page: ArticlePage) -> Part | None:
    poster = page.links.to(poster_key(page.document.id))
    return Part(Slot.HEAD, "partials/poster_link.html", {"href": poster}) if poster is not None else None


def basket(page: ArticlePage) -> Part | None:
    root = basket_context(page.document, page.status, page.links.absolute, page.settings)
    return Part(Slot.TAIL, "partials/basket.html", root) if root else None


def _registry() -> Registry[PagePart]:
    registry: Registry[PagePart] = Registry()
    registry.register(readings_chain, "readings_chain", 40)
    registry.register(draft_outcome, "draft_outcome", 30)
    registry.register(poster_link, "poster_link", 20)
    registry.register(basket, "basket", 10)
    return registry


PARTS = _registry()


def page_parts(page: ArticlePage, parts: Registry[PagePart] = PARTS) -> dict[Slot, list[Part]]:
    """Each slot's parts, in the parts' order."""
    found: dict[Slot, list[Part]] = {slot: [] for slot in Slot}
    for part in parts:
        placed = part(page)
        if placed is not None:
            found[placed.slot].append(placed)
    return found
