"""Which ledger pages a site has, and their Markdown, for the MkDocs adapter.

Pure (no MkDocs): the adapter asks which pages to generate (the contact-point
directory and the statistics page), hands over site-relative URLs of every
page, and gets Markdown back. Links are made relative to the page rendered.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..ledger import Ledger
from ..model import Document, Kind
from ..settings import Settings
from ..site import Site
from .i18n import translator
from .ledger import (
    DIRECTORY_ID,
    STATISTICS_ID,
    Href,
    article_extras,
    contact_point_markdown,
    directory_markdown,
    draft_outcome_html,
    home_ledger_html,
    notice_page_markdown,
    statistics_markdown,
)

STATISTICS_URI = "statistics.md"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative
    (MkDocs style: "" for the home page, "drafts/x/" with directory URLs)."""
    target, _, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


def _hrefs(urls: dict[str, str], page_url: str) -> Href:
    def href(doc_id: str, fragment: str) -> str | None:
        url = urls.get(doc_id)
        if url is None:
            return None
        return relative_url(page_url, url + (f"#{fragment}" if fragment else ""))

    return href


@dataclass
class LedgerPages:
    site: Site
    settings: Settings
    ledger: Ledger = field(init=False)
    generated: dict[str, str] = field(init=False)  # src uri → id (STATISTICS_ID, DIRECTORY_ID)

    def __post_init__(self) -> None:
        self.ledger = self.site.ledger
        self.generated = {}
        if self.site.notices or self.site.of_kind(Kind.CONTACT_POINT):
            self.generated[STATISTICS_URI] = STATISTICS_ID
        if self.site.of_kind(Kind.CONTACT_POINT):
            self.generated[self.directory_uri()] = DIRECTORY_ID

    def directory_uri(self) -> str:
        """`<folder>/index.md` of the contact points when they share a folder
        without an index (so the directory heads their nav section), else
        `contact-points.md`."""
        folders = {posixpath.dirname(d.path) for d in self.site.of_kind(Kind.CONTACT_POINT)}
        if len(folders) == 1 and (folder := folders.pop()):
            uri = f"{folder}/index.md"
            if uri not in self.site.by_path:
                return uri
        return "contact-points.md"

    def title_of(self, uri: str) -> str:
        t = translator(self.settings.language)
        return t("statistics_title") if self.generated.get(uri) == STATISTICS_ID else t("directory_title")

    def stub(self, uri: str) -> str:
        """The generated file's content; its body is filled when rendered."""
        return f"# {self.title_of(uri)}\n"

    def page_markdown(self, src_uri: str, markdown: str, page_url: str, urls: dict[str, str]) -> str | None:
        """Markdown of a notice, contact point or generated page; None for any other page."""
        href = _hrefs(urls, page_url)
        generated = self.generated.get(src_uri)
        if generated == STATISTICS_ID:
            return f"# {self.title_of(src_uri)}\n\n" + statistics_markdown(self.site.documents, self.ledger, href, self.settings)
        if generated == DIRECTORY_ID:
            return f"# {self.title_of(src_uri)}\n\n" + directory_markdown(self.site.of_kind(Kind.CONTACT_POINT), self.ledger, href, self.settings)
        document = self.site.by_path.get(src_uri)
        if document is None:
            return None
        if document.kind is Kind.NOTICE and document.id in self.site.notices:
            notice = self.site.notices[document.id]
            return notice_page_markdown(document, markdown, notice, self.site.get(notice.concerns), self.ledger, self._point_names(), href, self.settings)
        if document.kind is Kind.CONTACT_POINT:
            return contact_point_markdown(document, markdown, self.site.documents, self.ledger, href, self.settings)
        return None

    def article_extras(self, document: Document, page_url: str, urls: dict[str, str]) -> dict[str, list[str]]:
        """Ledger lines of a draft's articles."""
        return article_extras(document, self.ledger, _hrefs(urls, page_url), self.settings)

    def head_html(self, document: Document, page_url: str, urls: dict[str, str]) -> str:
        """收到意见 N 条，采纳 M 条 for a draft's page head; "" if no notice concerns it."""
        return draft_outcome_html(document, self.ledger, _hrefs(urls, page_url), self.settings)

    def home_html(self, page_url: str, urls: dict[str, str]) -> str:
        """Site totals and a link to the statistics, for the home page."""
        return home_ledger_html(self.ledger, len(self.site.notices), _hrefs(urls, page_url), self.settings)

    def _point_names(self) -> dict[str, str]:
        return {d.id: d.title for d in self.site.of_kind(Kind.CONTACT_POINT)}
