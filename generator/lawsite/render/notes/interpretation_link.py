"""The 释义 link of each article an interpretation explains, to its section."""

from __future__ import annotations

from ...gather.readings import explained_articles
from .page import ArticlePage, Note


def notes(page: ArticlePage) -> dict[str, Note]:
    found = {}
    for article_id, where in explained_articles(page.site, page.document).items():
        href = page.links.to(where.document.id, where.fragment)
        if href is not None:
            found[article_id] = Note("partials/interpretation_link.html", {"href": href, "title": where.document.title, "label": where.section.heading})
    return found
