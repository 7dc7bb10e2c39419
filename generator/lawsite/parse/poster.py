"""The range of articles a draft's printed poster shows, checked against the text.

In the draft's front matter (see `model.PosterRange`):

    poster:
      from: 第一条        # an article label or id (art_1); default: the first
      to: 第十条          # default: the last

A bound that names no article, or a range given backwards, is a problem;
the poster then prints the whole draft. `emit/poster.py` prints it.
"""

from __future__ import annotations

from ..messages import Text, msg
from ..model import Article, Document, Kind, Problem


def has_poster(document: Document) -> bool:
    """Whether `document` gets a printed poster: a draft with articles."""
    return document.kind is Kind.DRAFT and document.legal is not None and bool(document.legal.articles)


def _find(articles: list[Article], wanted: object) -> int | None:
    text = str(wanted).strip()
    for index, article in enumerate(articles):
        if text in (article.label, article.id):
            return index
    return None


def poster_articles(document: Document) -> tuple[list[Article], list[Problem]]:
    """The articles the poster shows, and a problem for each unusable bound."""
    assert document.legal is not None
    articles = document.legal.articles
    chosen = {"from": document.poster.first, "to": document.poster.last} if document.poster else None
    if chosen is None or not articles:
        return articles, []
    problems: list[Problem] = []
    bounds = {"from": 0, "to": len(articles) - 1}
    for key in bounds:
        if chosen.get(key) is None:
            continue
        index = _find(articles, chosen[key])
        if index is None:
            problems.append(_problem(document, key, msg("poster-range", key=key, chosen=chosen[key]), msg("poster-range.hint", label=articles[0].label, id=articles[0].id)))
        else:
            bounds[key] = index
    if bounds["from"] > bounds["to"]:
        problems.append(_problem(document, "to", msg("poster-range.backwards", label=articles[bounds['to']].label, label2=articles[bounds['from']].label), msg("poster-range.backwards.hint")))
        return articles, problems
    return articles[bounds["from"] : bounds["to"] + 1], problems


def _problem(document: Document, key: str, message: Text, hint: Text) -> Problem:
    return Problem(document.path, document.front_lines.get(("poster", key)), f"poster.{key}", message, hint, code="poster-range")


def poster_problems(documents: list[Document]) -> list[Problem]:
    """Every problem with the `poster:` option of the drafts, for `check`."""
    problems: list[Problem] = []
    for document in documents:
        if has_poster(document):
            problems.extend(poster_articles(document)[1])
    return problems
