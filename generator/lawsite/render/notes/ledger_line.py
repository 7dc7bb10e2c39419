"""The ledger line of each article a notice answered: 收到意见 5 条 · 采纳 2 …,
linked to the article's group on the notice page."""

from __future__ import annotations

from ...model import GENERAL
from ..i18n import translator
from ..ledger import ledger_parts
from .page import ArticlePage, Note


def notes(page: ArticlePage) -> dict[str, Note]:
    record = page.site.ledger.for_document(page.document.id)
    if record is None or page.document.legal is None:
        return {}
    t = translator(page.settings.language)
    labels = {a.id: a.label for a in page.document.legal.articles}
    return {
        article_id: Note("partials/ledger_line.html", {
            "href": page.links.to(entry.notice_id, entry.anchor),
            "parts": ledger_parts(entry.tally, t),
            "label": labels.get(article_id, article_id),
        })
        for article_id, entry in record.articles.items()
        if article_id != GENERAL
    }
