"""The render table: a planned page (plan.py) and where it stands → its body.

One renderer per kind of page, in `RENDERERS`. Each gets the page spec and a
`PageInput` (the build's site and links, the page's own URL, the Markdown the
content file holds) and returns the Markdown MkDocs renders, or for a poster
the whole HTML file: a `Rendered`, whose `stashed` part is pre-rendered HTML
the adapter hides from Markdown (finish/stash.py), placed after the Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Callable

from ..buttons import fill_buttons
from ..emit.poster import poster_html, poster_links, poster_uri
from ..emit.qr import QrCodes
from ..emit.feedback_sheet import feedback_sheet_html, sheet_links
from ..emit.sign import sign_html, sign_links
from ..gather.accounts import years
from ..gather.site import Site
from ..model import Kind
from ..plan import DocumentPage, FeedbackSheetPage, LawIndexPage, LedgerPage, LookupPage, PageKind, PageSpec, PosterPage, RedlinePage, SignPage, YearPage
from ..redline import align_readings
from ..settings import Settings
from ..urls import PageLinks, SiteUrls
from . import lawnav
from .accounts import point_accounts_html, yearly_markdown
from .activities import activities_html, activity_page_markdown
from .i18n import translator
from .inline import LinkRewriter
from .interpretation import draft_comments, interpretation_page_markdown
from .ledger import contact_point_markdown, directory_markdown, home_ledger_html, notice_page_markdown, statistics_markdown
from .legal import LegalPage, legal_page_markdown
from .listing import home_listing_html
from .lookup import lookup_page_html
from .notes import ArticlePage, annotate
from .notes.parts import Slot, page_parts
from .point_comments import point_comments_html
from .readings import redline_page_markdown


@dataclass(frozen=True)
class Build:
    """What every page of one build shares: computed once, not per page."""

    site: Site
    settings: Settings
    urls: SiteUrls
    qr: QrCodes = field(default_factory=QrCodes)  # the posters' codes, kept between builds

    @cached_property
    def point_names(self) -> dict[str, str]:
        """Contact-point id → its title."""
        return {d.id: d.title for d in self.site.of_kind(Kind.CONTACT_POINT)}


@dataclass(frozen=True)
class PageInput:
    build: Build
    here: str  # the page's site-relative URL
    markdown: str = ""  # the page's Markdown below its front matter (generated pages: their stub)
    title: str | None = None  # the page's title as MkDocs knows it

    @property
    def links(self) -> PageLinks:
        return self.build.urls.at(self.here)


@dataclass(frozen=True)
class Rendered:
    markdown: str  # for MkDocs to convert (a poster: the whole file)
    stashed: str = ""  # then pre-rendered HTML that Markdown must not touch (headings stay Markdown)


# Each renderer takes the spec type of its kind (a DocumentPage, a RedlinePage…).
Renderer = Callable[[Any, PageInput], Rendered]


def _legal(spec: DocumentPage, page: PageInput) -> Rendered:
    """A draft or law: its parts around the head, every article with its notes."""
    annotated = ArticlePage(page.build.site, page.build.settings, spec.document, page.links)
    parts = page_parts(annotated)
    ctx = LegalPage(page.build.settings, page.links.absolute, annotate(annotated), parts[Slot.ABOVE], parts[Slot.HEAD], parts[Slot.TAIL], content_links(page, spec.document.path))
    return Rendered("", legal_page_markdown(spec.document, ctx))


def content_links(page: PageInput, src: str) -> LinkRewriter:
    """The published form of the links written in the content file `src`, on this page."""
    by_path = page.build.site.by_path

    def key_of(path: str) -> str | None:
        document = by_path.get(path)
        return document.id if document is not None else None

    return lambda href: page.links.to_content(href, src, key_of)


def _interpretation(spec: DocumentPage, page: PageInput) -> Rendered:
    """Each explained article beside its explanation; as written when its text is not in the site."""
    document = spec.document
    target = page.build.site.get(document.interpretation.interprets) if document.interpretation else None
    target_href = page.links.to(target.id) if target is not None else None
    if target is None or target_href is None:
        return Rendered(page.markdown)
    build = page.build
    draft = ArticlePage(build.site, build.settings, target, build.urls.at(build.urls.url(target.id) or page.here))
    comments = draft_comments(draft, page.links)
    links = (content_links(page, document.path), content_links(page, target.path))
    return Rendered("", interpretation_page_markdown(document, target, target_href, build.settings, comments, links))


def _notice(spec: DocumentPage, page: PageInput) -> Rendered:
    site, document = page.build.site, spec.document
    notice = site.notices[document.id]
    return Rendered(notice_page_markdown(document, page.markdown, notice, site.get(notice.concerns), site.ledger, page.build.point_names, page.links, page.build.settings))


def _contact_point(spec: DocumentPage, page: PageInput) -> Rendered:
    site = page.build.site
    activities = activities_html(site.activities_of(spec.document.id), "ls-point-activities", site, page.links, page.build.settings)
    activities = "\n\n".join(b for b in (point_accounts_html(spec.document, site, page.links, page.build.settings), activities) if b)
    markdown = contact_point_markdown(spec.document, page.markdown, site.documents, site.ledger, site.tiers, page.links, page.build.settings, activities)
    # Stashed: its forms and banners carry what the sanitiser strips from the editor's part.
    return Rendered(markdown + "\n\n", point_comments_html(spec.document, site, page.links, page.build.settings) + "\n")


def _activity(spec: DocumentPage, page: PageInput) -> Rendered:
    return Rendered(activity_page_markdown(spec.document, page.markdown, page.build.site, page.links, page.build.settings))


def _home(spec: DocumentPage, page: PageInput) -> Rendered:
    """The home page's text, then the listing of every document and the site's
    totals, stashed (its banners carry data-ls-* attributes that the sanitiser
    strips from the editor's part)."""
    site, settings, links = page.build.site, page.build.settings, page.links
    hrefs = {d.id: href for d in site.documents.values() if (href := links.to(d.id)) is not None}
    listing = home_listing_html(list(site.documents.values()), hrefs, settings)
    return Rendered(page.markdown + "\n\n", listing + "\n\n" + home_ledger_html(site.ledger, len(site.notices), links, settings) + "\n")


def _law_index(spec: LawIndexPage, page: PageInput) -> Rendered:
    links = page.links
    hrefs = {d.id: href for d in spec.documents if (href := links.to(d.id)) is not None}
    index = lawnav.law_index_html(page.title or spec.folder, list(spec.documents), hrefs, page.build.settings.language)
    return Rendered("", page.markdown + "\n" + index + "\n")


def _statistics(spec: LedgerPage, page: PageInput) -> Rendered:
    site = page.build.site
    return Rendered(f"# {spec.title}\n\n" + statistics_markdown(site.documents, site.ledger, page.links, page.build.settings, years(site) if site.of_kind(Kind.CONTACT_POINT) else []))


def _yearly(spec: YearPage, page: PageInput) -> Rendered:
    return Rendered(f"# {spec.title}\n\n" + yearly_markdown(page.build.site, spec.year, page.links, page.build.settings))


def _directory(spec: LedgerPage, page: PageInput) -> Rendered:
    site = page.build.site
    return Rendered(f"# {spec.title}\n\n" + directory_markdown(site.of_kind(Kind.CONTACT_POINT), site.ledger, site.tiers, page.links, page.build.settings))


def _redline(spec: RedlinePage, page: PageInput) -> Rendered:
    old, new = spec.old, spec.new
    assert old.legal is not None and new.legal is not None
    changes = align_readings(old.legal.articles, new.legal.articles)
    return Rendered(redline_page_markdown(old, new, changes, page.build.site.ledger, page.links, page.build.point_names, page.build.settings))


def _poster(spec: PosterPage, page: PageInput) -> Rendered:
    links = poster_links(spec.document, page.build.urls)
    assert links is not None, "a poster is planned only for a draft with a page"
    on_poster = PageInput(page.build, poster_uri(spec.document))
    return Rendered(poster_html(spec.document, page.build.settings, links, page.build.qr, content_links(on_poster, spec.document.path)))


def _sign(spec: SignPage, page: PageInput) -> Rendered:
    links = sign_links(spec.document, page.build.urls)
    assert links is not None, "a sign is planned only for a contact point with a page"
    return Rendered(sign_html(spec.document, page.build.settings, links, page.build.qr))


def _feedback_sheet(spec: FeedbackSheetPage, page: PageInput) -> Rendered:
    links = sheet_links(spec.point, spec.notice, page.build.urls)
    assert links is not None, "a 反馈单 is planned only for a contact point with a page"
    return Rendered(feedback_sheet_html(spec.point, spec.notice, page.build.site, page.build.settings, links))


def _lookup(spec: LookupPage, page: PageInput) -> Rendered:
    return Rendered(f"# {spec.title}\n\n", lookup_page_html(page.build.site, page.links, page.build.settings))


def _as_written(spec: DocumentPage, page: PageInput) -> Rendered:
    return Rendered(page.markdown)


RENDERERS: dict[PageKind, Renderer] = {
    PageKind.PAGE: _as_written,
    PageKind.LEGAL: _legal,
    PageKind.INTERPRETATION: _interpretation,
    PageKind.NOTICE: _notice,
    PageKind.CONTACT_POINT: _contact_point,
    PageKind.ACTIVITY: _activity,
    PageKind.HOME: _home,
    PageKind.LAW_INDEX: _law_index,
    PageKind.STATISTICS: _statistics,
    PageKind.YEARLY: _yearly,
    PageKind.DIRECTORY: _directory,
    PageKind.REDLINE: _redline,
    PageKind.POSTER: _poster,
    PageKind.SIGN: _sign,
    PageKind.FEEDBACK_SHEET: _feedback_sheet,
    PageKind.LOOKUP: _lookup,
}
def render_page(spec: PageSpec, page: PageInput) -> Rendered:
    """The page's body; the buttons its Markdown names (buttons.py) read as the site shows them."""
    markdown = fill_buttons(page.markdown, translator(page.build.settings.language))
    return RENDERERS[spec.kind](spec, replace(page, markdown=markdown) if markdown != page.markdown else page)
