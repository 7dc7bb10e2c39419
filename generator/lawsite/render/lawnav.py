"""Navigation for sites with thousands of laws, without MkDocs.

Material renders the navigation into every page, so a flat list of 1,564 laws
costs 1,564 links on each of 1,564 pages (≈1 MB of nav per page, 1.5 GB in
all). These measures keep each page's nav small:

* a folder holding many laws (a category, e.g. ``行政法规/``) is split into one
  section per year, newest first, and gets a generated index page listing all
  its laws by year (the section's first child, so a collapsed section links to
  it);
* a category whose laws span more than DECADE_GROUP_MIN years groups the
  years by decade;
* Material's ``navigation.prune`` then renders only the top level, the
  categories and the branch of the current page (the adapter switches it on).

Each page's nav thus holds the categories, the years (or decades, and the years of
its own decade) of its own category and the laws of its own year: bounded by
the largest year of a category, not by the site.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import Callable, Iterable, TypeVar

from ..model import Document, Kind
from .i18n import translator
from .templates import render

# A folder with at least this many laws is split into years and gets an index.
YEAR_GROUP_MIN = 30
# A folder whose laws span more than this many years groups the years by
# decade: pruned, each page then lists the decades and its own decade's years
# instead of every year (45 years of 行政法规 were a third of each page's nav).
DECADE_GROUP_MIN = 12

T = TypeVar("T")


def law_year(document: Document) -> int | None:
    """The year a law is filed under: its earliest dated event (passing,
    promulgation…), else `adopted` / `promulgated` / `effective`."""
    dates: list[dt.date] = []
    dates += [event.date for event in document.events]
    dates += [value for value in (document.adopted, document.promulgated, document.effective, document.published) if value is not None]
    return min(dates).year if dates else None


def by_year(items: Iterable[T], year_of: Callable[[T], int | None]) -> list[tuple[int | None, list[T]]]:
    """Items grouped by year, newest year first, the undated last; order kept within a year."""
    groups: dict[int | None, list[T]] = {}
    for item in items:
        groups.setdefault(year_of(item), []).append(item)
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))


def by_decade(years: list[tuple[int | None, list[T]]]) -> list[tuple[int | None, list[tuple[int | None, list[T]]]]]:
    """Year groups (as from `by_year`) grouped by decade, newest first; the
    undated group stays a group of its own (decade None), last."""
    decades: dict[int | None, list[tuple[int | None, list[T]]]] = {}
    for year, items in years:
        decades.setdefault(None if year is None else year - year % 10, []).append((year, items))
    return sorted(decades.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0)))


def decade_title(decade: int, language: str) -> str:
    return translator(language)("decade_of", decade=decade)


def law_folders(documents: Iterable[Document]) -> dict[str, list[Document]]:
    """Folders (content-relative) holding at least YEAR_GROUP_MIN laws directly."""
    folders: dict[str, list[Document]] = {}
    for document in documents:
        if document.kind is Kind.LAW:
            folders.setdefault(posixpath.dirname(document.path), []).append(document)
    return {folder: docs for folder, docs in folders.items() if folder and len(docs) >= YEAR_GROUP_MIN}


def index_uri(folder: str) -> str:
    return f"{folder}/index.md"


def year_title(year: int | None, language: str) -> str:
    t = translator(language)
    return t("year_unknown") if year is None else t("year_of", year=year)


def folder_title(folder: str, documents: list[Document]) -> str:
    """The category's name: the `category` the laws share, else the folder's name."""
    categories = {d.category for d in documents if d.category}
    return categories.pop().split("/")[-1] if len(categories) == 1 else posixpath.basename(folder)


@dataclass(frozen=True)
class IndexEntry:
    title: str
    href: str


def law_index_html(title: str, documents: list[Document], hrefs: dict[str, str], language: str) -> str:
    """A category's index page: every law, by year; `hrefs` map ids to URLs
    relative to the index page."""
    t = translator(language)
    years = [
        {
            "id": f"y{year}" if year else "y-unknown",
            "title": year_title(year, language),
            "entries": [IndexEntry(d.title, hrefs[d.id]) for d in docs if d.id in hrefs],
        }
        for year, docs in by_year(documents, law_year)
    ]
    index = {"title": title, "count": t("laws_count", n=len(documents)), "years": years}
    return render(language, "partials/law_index.html", index=index)
