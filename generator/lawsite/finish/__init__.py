"""Finish a page: what happens to its HTML after rendering, in one order.

1. the Markdown-made body: sanitise (unless the site trusts its editors), then
   put back lawsite's own stashed HTML (safe by construction);
2. the whole page: the title (the site's name once), head snippets (the
   长辈模式 switch, the feed links),
   the search engine's marks, minify (whitespace, sidebars, readable URLs),
   harden last (rel on external links, the CSP with hashes of the final
   inline scripts);
3. any other HTML file (a poster, a theme template's output): harden.

Pure (no MkDocs): the adapter calls `body` from on_page_content, `page` from
on_post_page and `harden` for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..render.reader import BEFORE_PAINT, inject_head
from . import harden
from .minify import collapse_whitespace, compact_sidebars, readable_urls
from .stash import Stash


@dataclass(frozen=True)
class Finish:
    site_url: str
    sanitise: bool  # False when the site trusts its editors' raw HTML
    csp: bool  # a Content-Security-Policy <meta> in every page
    wasm: bool  # the search engine runs WebAssembly (Pagefind)
    mark_search: Callable[[str, str | None], str] | None = None  # the search engine's marks on a page, given its rank
    site_name: str = ""  # as the page's <title> holds it (escaped)

    def body(self, html: str, stash: Stash | None) -> str:
        """Step 1: the body as Markdown made it."""
        if self.sanitise:
            html = harden.sanitize_page(html)
        return stash.restore(html) if stash else html

    def page(self, html: str, head: str, content: str, service: str = "", search_rank: str | None = None) -> str:
        """Step 2: the whole page; `content` is its body (trusted for the CSP's
        hashes only as HTML); `service` the origin its forms post to, if any;
        `search_rank` weighs its search results (emit/search.py: RANK_PAST)."""
        html = title_once(inject_head(html, BEFORE_PAINT + head), self.site_name)
        if self.mark_search is not None:
            html = self.mark_search(html, search_rank)
        # Indentation collapsed before hardening, so any hash of an inline script matches.
        return self.harden(readable_urls(compact_sidebars(collapse_whitespace(html))), content, service)

    def harden(self, html: str, content: str = "", service: str = "") -> str:
        """Step 3 (and the end of step 2): rel on external links and the CSP meta."""
        return harden.finish_page(html, content=content, site_url=self.site_url, csp=self.csp, wasm=self.wasm, service=service)


def title_once(html: str, site_name: str) -> str:
    """A page titled with the site's name (the home page) says it once, not
    "name - name" as Material's "title - site name" makes it."""
    twice = f"<title>{site_name} - {site_name}</title>"
    return html.replace(twice, f"<title>{site_name}</title>", 1) if site_name else html
