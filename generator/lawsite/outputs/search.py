"""Site search: which engine, how pages are marked for it, and the Pagefind run.

Material's search ships the whole index to the browser before the first query
(78 MB for the 1,564-law corpus). Pagefind splits its index into chunks and
fetches only those a query needs, so large sites use it; small sites keep
Material's search (with jieba), which needs no extra step.

Nothing here knows MkDocs: the adapter passes built HTML in and gets HTML out,
and calls `index_site` on the built folder.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..model import Problem, Severity
from ..render.templates import render

MODES = ("auto", "material", "pagefind")

# From this many documents on `auto` picks Pagefind. Material's zh index is
# fetched whole before the first query; measured, it is 377 KB for the
# 18-document sample (21 KB a document) and 50 MB for 1,000 corpus laws
# (50 KB a law). At 30 documents that is 0.6–1.5 MB, plus lunr and its worker:
# the 1 MB first-query budget is reached. Pagefind's first query costs a fixed
# ~0.3 MB (UI, wasm) plus the chunks and fragments it needs (0.4–0.5 MB in all
# on 1,000 laws), so below 30 Material is as cheap and needs no extra step.
PAGEFIND_THRESHOLD = 30

BUNDLE = "pagefind"  # folder of the Pagefind bundle inside the built site
ASSETS = ("lawsite-search.css", "lawsite-search.js")  # our glue, under assets/lawsite/

# Parts of a page that would only add noise to results and weight to the
# fragments a query downloads: the table of contents repeats the headings,
# the action row holds comment links and ledger lines, the banner, channels,
# basket and poster link are tools, not text.
EXCLUDE_SELECTORS = (
    ".ls-contents",
    ".ls-actions",
    ".ls-banner",
    ".ls-channels",
    ".ls-basket",
    ".ls-poster-link",
    ".headerlink",
    ".md-source-file",
    "svg",
)

_CONTENT = re.compile(r'<article class="md-content__inner md-typeset"')
_HEADER_END = re.compile(r'(<div class="md-header__source">|</nav>\s*(?:<div[^>]*md-tabs|</header>))')


def choose_engine(mode: str, document_count: int) -> str:
    """`material` or `pagefind` for the setting `search: auto|material|pagefind`."""
    if mode not in MODES:
        raise ValueError(f"search must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "auto":
        return "pagefind" if document_count >= PAGEFIND_THRESHOLD else "material"
    return mode


def search_button_html(language: str) -> str:
    """The header button and dialog that host Pagefind's UI (labels via i18n)."""
    return render(language, "partials/search_pagefind.html")


def mark_page(html: str, button: str) -> str:
    """Mark the page content as Pagefind's body and put the search button in
    Material's header (before the repository link, else at the header's end).

    A page without Material's content element (a custom template) is left
    unindexed but still gets the button."""
    html = _CONTENT.sub(r"\g<0> data-pagefind-body", html, count=1)
    match = _HEADER_END.search(html)
    if match is None:
        return html
    return html[: match.start()] + button + html[match.start():]


@dataclass(frozen=True)
class IndexResult:
    page_count: int
    problems: list[Problem]


def index_site(site_dir: Path) -> IndexResult:
    """Run Pagefind (extended build, for Chinese segmentation) over the built
    site, writing the bundle to `site_dir/pagefind`."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:  # pagefind is a dependency; this guards a broken install
        return IndexResult(0, [_problem("the `pagefind` package is not installed", "pip install 'pagefind[extended]'")])
    config = IndexConfig(exclude_selectors=list(EXCLUDE_SELECTORS), output_path=str(site_dir / BUNDLE))

    async def run() -> int:
        async with PagefindIndex(config=config) as index:
            added = await index.add_directory(str(site_dir))
            return int(added["page_count"])

    try:
        # A thread of its own: the caller may already run an event loop
        # (mkdocs serve's reloader, Playwright in tests).
        with ThreadPoolExecutor(max_workers=1) as pool:
            count = pool.submit(asyncio.run, run()).result()
    except Exception as exc:  # the service reports failures as plain exceptions
        return IndexResult(0, [_problem(f"Pagefind failed: {exc}", "check that the pagefind[extended] binary runs: python -m pagefind --version")])
    if count == 0:
        return IndexResult(0, [_problem("Pagefind indexed no page", "pages need Material's content element; is the theme `material`?", Severity.WARNING)])
    return IndexResult(count, [])


def _problem(message: str, hint: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem("mkdocs.yml", None, "plugins.lawsite.search", message, hint, severity, code="search-index")
