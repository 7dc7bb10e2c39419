"""Parts of a draft or law page around its articles: the readings chain above
the head, the ledger outcome and the poster link after it, the comment basket
after the last article. Registered by name and priority like the article
notes; each returns its block of HTML for one slot of the page, or None."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable

from markdown.util import Registry

from ...urls import poster_key
from ..ledger import draft_outcome_html
from ..reader import basket_html, poster_link_html
from ..readings import readings_html
from .page import ArticlePage


class Slot(str, Enum):
    ABOVE = "above"  # before the document head
    HEAD = "head"  # after the document head
    TAIL = "tail"  # after the last article


@dataclass(frozen=True)
class Part:
    slot: Slot
    html: str


PagePart = Callable[[ArticlePage], "Part | None"]


def readings_chain(page: ArticlePage) -> Part | None:
    chain = readings_html(page.site.readings(page.document), page.document, page.links, page.settings)
    return Part(Slot.ABOVE, chain) if chain else None


def draft_outcome(page: ArticlePage) -> Part | None:
    outcome = draft_outcome_html(page.document, page.site.ledger, page.links, page.settings)
    return Part(Slot.HEAD, outcome) if outcome else None


def poster_link(page: ArticlePage) -> Part | None:
    poster = page.links.to(poster_key(page.document.id))
    return Part(Slot.HEAD, poster_link_html(poster, page.settings)) if poster is not None else None


def basket(page: ArticlePage) -> Part | None:
    root = basket_html(page.document, page.settings, page.links.absolute)
    return Part(Slot.TAIL, root) if root else None


def _registry() -> Registry[PagePart]:
    registry: Registry[PagePart] = Registry()
    registry.register(readings_chain, "readings_chain", 40)
    registry.register(draft_outcome, "draft_outcome", 30)
    registry.register(poster_link, "poster_link", 20)
    registry.register(basket, "basket", 10)
    return registry


PARTS = _registry()


def page_parts(page: ArticlePage, parts: Registry[PagePart] = PARTS) -> dict[Slot, list[str]]:
    """Each slot's blocks, in the parts' order."""
    found: dict[Slot, list[str]] = {slot: [] for slot in Slot}
    for part in parts:
        placed = part(page)
        if placed is not None:
            found[placed.slot].append(placed.html)
    return found
