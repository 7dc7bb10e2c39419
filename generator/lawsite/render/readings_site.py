"""The readings and interpretation pages of a whole site, for the MkDocs
adapter: which redline pages to generate, and the Markdown of each page.

Holds no MkDocs object: the adapter passes in URLs (document id → the
site-relative URL MkDocs gave its page) and the current page's URL.
"""

from __future__ import annotations

from ..ledger import Ledger
from ..model import Document, Kind
from ..readings import explained_articles, redline_pairs, redline_src
from ..redline import align_readings
from ..settings import Settings
from ..site import Site
from .interpretation import interpretation_extras, interpretation_page_markdown
from .readings import Links, readings_html, redline_page_markdown, redline_title


class ReadingsPages:
    """Redlines, reading chains, interpretation pages and 释义 links."""

    def __init__(self, site: Site, settings: Settings, ledger: Ledger | None = None):
        self.site = site
        self.settings = settings
        self.ledger = ledger or site.ledger
        # Generated file (content-relative .md path) → (earlier, later) reading.
        self.redlines: dict[str, tuple[Document, Document]] = {redline_src(new): (old, new) for old, new in redline_pairs(site)}
        self.names = {d.id: d.title for d in site.of_kind(Kind.CONTACT_POINT)}

    def title_of(self, src: str) -> str:
        old, new = self.redlines[src]
        return redline_title(old, new, self.settings.language)

    def _links(self, urls: dict[str, str], page_url: str) -> Links:
        return Links(urls=urls, page=page_url, names=self.names)

    def redline_markdown(self, src: str, page_url: str, urls: dict[str, str]) -> str:
        old, new = self.redlines[src]
        assert old.legal is not None and new.legal is not None
        changes = align_readings(old.legal.articles, new.legal.articles)
        return redline_page_markdown(old, new, changes, self.ledger, self._links(urls, page_url), self.settings)

    def chain_html(self, document: Document, page_url: str, urls: dict[str, str], redline_urls: dict[str, str]) -> str:
        """The readings of `document`'s draft, "" when it has only one."""
        chain = self.site.readings(document)
        return readings_html(chain, document, redline_urls, self._links(urls, page_url), self.settings)

    def article_extras(self, document: Document, page_url: str, urls: dict[str, str]) -> dict[str, list[str]]:
        """The 释义 link of every interpreted article of a draft or law."""
        return interpretation_extras(explained_articles(self.site, document), page_url, urls, self.settings)

    def interpretation_markdown(self, document: Document, page_url: str, urls: dict[str, str]) -> str | None:
        """The interpretation page, None when it could not be attached to its text."""
        target = self.site.get(document.interpretation.interprets) if document.interpretation else None
        if target is None or target.id not in urls:
            return None
        return interpretation_page_markdown(document, target, page_url, urls[target.id], self.settings)
