"""Per-article notes on a draft or law page: the row of actions under each
article (comment entry, ledger line, 释义 link…).

Each note is a small module with one function `notes(page)` → article id →
`Note` (the partial that shows it and the data it shows), registered here by
name and priority like Python-Markdown's processors (highest first). A new
per-article feature is one module and one `register` line; the article
template shows whatever notes it is given. The page's own parts around the
articles (readings chain, ledger outcome, poster link, basket) register the
same way, by slot, in `parts.py`.
"""

from __future__ import annotations

from markdown.util import Registry

from . import comment_entry, interpretation_link, ledger_line
from .page import Annotator, ArticlePage, Note

__all__ = ["ANNOTATORS", "Annotator", "ArticlePage", "Note", "annotate"]


def _registry() -> Registry[Annotator]:
    registry: Registry[Annotator] = Registry()
    registry.register(comment_entry.notes, "comment_entry", 30)
    registry.register(ledger_line.notes, "ledger_line", 20)
    registry.register(interpretation_link.notes, "interpretation_link", 10)
    return registry


ANNOTATORS = _registry()


def annotate(page: ArticlePage, annotators: Registry[Annotator] = ANNOTATORS) -> dict[str, list[Note]]:
    """Article id → its notes, in the annotators' order."""
    found: dict[str, list[Note]] = {}
    for annotator in annotators:
        for article_id, note in annotator(page).items():
            found.setdefault(article_id, []).append(note)
    return found
