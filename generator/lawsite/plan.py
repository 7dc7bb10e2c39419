"""Every page the site will have, as typed page specs (no MkDocs).

`plan_pages(site, settings, exists)` lists the pages of the content folder
that lawsite renders (drafts and laws, interpretations, notices, contact
points, the home page) and the pages it generates (law indexes, statistics,
the contact-point directory, posters, contact-point signs and 反馈单, redlines, the
lookup page), each with its key in
`urls.SiteUrls`. The adapter creates the generated files the plan lists and
asks the render table (render/pages.py) for each page's body; it never
chooses among kinds of page itself.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Callable, TypeVar, Union

from .emit.feedback_sheet import feedback_sheet_uri, feedback_sheets
from .emit.lookup import LOOKUP_SRC, published_receipts
from .emit.poster import poster_uri
from .emit.sign import sign_uri
from .gather.readings import redline_pairs
from .gather.site import Site
from .messages import Text, msg
from .model import Document, Kind
from .parse.poster import has_poster
from .parse.schema import file_name_of
from .render import lawnav
from .render.comments import intake_base
from .render.i18n import translator
from .render.readings import redline_title
from .settings import Settings
from .gather.accounts import years
from .urls import DIRECTORY_ID, LOOKUP_ID, STATISTICS_ID, feedback_sheet_key, law_index_key, poster_key, redline_key, sign_key, year_key

STATISTICS_SRC = "statistics.md"
HOME_SRCS = ("index.md", "README.md")
REDLINE_FOLDER = "redlines"


def redline_src(new: Document) -> str:
    """The generated Markdown file of the redline from `new`'s previous reading to `new`."""
    return f"{REDLINE_FOLDER}/{file_name_of(new.id)}.md"


class PageKind(str, Enum):
    LEGAL = "legal"  # a draft or law
    INTERPRETATION = "interpretation"
    NOTICE = "notice"  # a feedback notice with its ledger
    CONTACT_POINT = "contact-point"
    ACTIVITY = "activity"
    HOME = "home"
    PAGE = "page"  # any other page of the content folder, rendered as written
    LAW_INDEX = "law-index"
    STATISTICS = "statistics"
    YEARLY = "yearly"  # one year's work of the contact points
    DIRECTORY = "directory"
    POSTER = "poster"
    SIGN = "sign"
    FEEDBACK_SHEET = "feedback-sheet"
    REDLINE = "redline"
    LOOKUP = "lookup"  # 查询我的意见: a receipt → what became of the comment


@dataclass(frozen=True)
class DocumentPage:
    """A document's page in the content folder."""

    kind: PageKind
    document: Document

    @property
    def src(self) -> str:
        return self.document.path

    @property
    def key(self) -> str:
        return self.document.id


@dataclass(frozen=True)
class LawIndexPage:
    """A category's index of its many laws, by year (render/lawnav.py)."""

    folder: str
    documents: tuple[Document, ...]
    title: str
    kind: PageKind = field(default=PageKind.LAW_INDEX, init=False)
    in_nav: bool = field(default=True, init=False)

    @property
    def src(self) -> str:
        return lawnav.index_uri(self.folder)

    @property
    def key(self) -> str:
        return law_index_key(self.folder)

    @property
    def stub(self) -> str:
        return f"# {self.title}\n"


@dataclass(frozen=True)
class LedgerPage:
    """The site statistics or the contact-point directory."""

    kind: PageKind  # STATISTICS or DIRECTORY
    src: str
    title: str
    in_nav: bool = field(default=True, init=False)

    @property
    def key(self) -> str:
        return STATISTICS_ID if self.kind is PageKind.STATISTICS else DIRECTORY_ID

    @property
    def stub(self) -> str:
        """The generated file's content; its body is filled when rendered."""
        return f"# {self.title}\n"


@dataclass(frozen=True)
class YearPage:
    """One year's statistics of the contact points (their 台账 summed),
    linked from the statistics page, the other years and the points' pages."""

    year: int
    title: str
    kind: PageKind = field(default=PageKind.YEARLY, init=False)
    in_nav: bool = field(default=False, init=False)

    @property
    def src(self) -> str:
        return f"{posixpath.splitext(STATISTICS_SRC)[0]}/{self.year}.md"

    @property
    def key(self) -> str:
        return year_key(self.year)

    @property
    def stub(self) -> str:
        return f"# {self.title}\n"


@dataclass(frozen=True)
class PosterPage:
    """A draft's printable poster: a standalone HTML file, no Markdown."""

    document: Document
    kind: PageKind = field(default=PageKind.POSTER, init=False)
    in_nav: bool = field(default=False, init=False)
    stub: str = field(default="", init=False)  # written once every page has its URL

    @property
    def src(self) -> str:
        return poster_uri(self.document)

    @property
    def key(self) -> str:
        return poster_key(self.document.id)


@dataclass(frozen=True)
class SignPage:
    """A contact point's standing QR sign: a standalone HTML file, no Markdown."""

    document: Document
    kind: PageKind = field(default=PageKind.SIGN, init=False)
    in_nav: bool = field(default=False, init=False)
    stub: str = field(default="", init=False)  # written once every page has its URL

    @property
    def src(self) -> str:
        return sign_uri(self.document)

    @property
    def key(self) -> str:
        return sign_key(self.document.id)


@dataclass(frozen=True)
class FeedbackSheetPage:
    """A contact point's printable 反馈单 on one notice: a standalone HTML file."""

    point: Document
    notice: Document
    kind: PageKind = field(default=PageKind.FEEDBACK_SHEET, init=False)
    in_nav: bool = field(default=False, init=False)
    stub: str = field(default="", init=False)  # written once every page has its URL

    @property
    def src(self) -> str:
        return feedback_sheet_uri(self.point.id, self.notice.id)

    @property
    def key(self) -> str:
        return feedback_sheet_key(self.point.id, self.notice.id)


@dataclass(frozen=True)
class RedlinePage:
    """The changes from one reading to the next, linked from both readings'
    pages rather than listed in the navigation."""

    old: Document
    new: Document
    title: str
    kind: PageKind = field(default=PageKind.REDLINE, init=False)
    in_nav: bool = field(default=False, init=False)

    @property
    def src(self) -> str:
        return redline_src(self.new)

    @property
    def key(self) -> str:
        return redline_key(self.new.id)

    @property
    def stub(self) -> str:
        # No table of contents: the changes get the width to sit beside their outcomes.
        return f"---\nhide: [toc]\n---\n\n# {self.title}\n"


@dataclass(frozen=True)
class LookupPage:
    """查询我的意见: a commenter types a receipt and sees what became of the
    comment (emit/lookup.py), linked from the home page, the notices, the
    how-to-comment page and the comment service's receipt page."""

    title: str
    kind: PageKind = field(default=PageKind.LOOKUP, init=False)
    in_nav: bool = field(default=False, init=False)
    src: str = field(default=LOOKUP_SRC, init=False)
    key: str = field(default=LOOKUP_ID, init=False)

    @property
    def stub(self) -> str:
        return f"---\nhide: [toc]\n---\n\n# {self.title}\n"


GeneratedPage = Union[LawIndexPage, LedgerPage, YearPage, PosterPage, SignPage, FeedbackSheetPage, RedlinePage, LookupPage]
PageSpec = Union[DocumentPage, GeneratedPage]


@dataclass(frozen=True)
class Plan:
    documents: tuple[DocumentPage, ...]  # every document with a page
    generated: tuple[GeneratedPage, ...]  # in the order their files are added
    skipped: tuple[Text, ...]  # generated pages the content folder already has, as warnings
    law_folders: dict[str, list[Document]]  # folders whose laws the nav groups by year

    @cached_property
    def _by_src(self) -> dict[str, PageSpec]:
        return {spec.src: spec for spec in (*self.documents, *self.generated)}

    def page(self, src: str) -> PageSpec | None:
        """The spec of the page made from `src`, None for a file that is no document."""
        return self._by_src.get(src)

    @property
    def pages(self) -> tuple[PageSpec, ...]:
        return (*self.documents, *self.generated)


def plan_pages(site: Site, settings: Settings, exists: Callable[[str], bool]) -> Plan:
    """Every page of `site`. `exists(src)` tells whether the content folder
    (as MkDocs sees it) has a file at that content-relative path."""
    published = [d for d in site.documents.values() if exists(d.path)]
    documents = tuple(DocumentPage(_page_kind(site, d), d) for d in published)
    folders = lawnav.law_folders(site.documents.values())
    indexes = [LawIndexPage(f, tuple(docs), lawnav.folder_title(f, docs)) for f, docs in folders.items() if not exists(lawnav.index_uri(f))]
    ledger, ledger_skipped = _unclaimed(_ledger_pages(site, settings), exists, msg("plan.not-made"))
    yearly, yearly_skipped = _unclaimed(_year_pages(site, settings), exists, msg("plan.yearly-not-made"))
    posters = [PosterPage(d) for d in published if has_poster(d)]
    signs = [SignPage(d) for d in published if d.kind is Kind.CONTACT_POINT]
    sheets = [FeedbackSheetPage(point, notice) for point, notice in feedback_sheets(site, [s.document for s in signs]) if exists(notice.path)]
    redlines = [RedlinePage(old, new, redline_title(old, new, settings.language)) for old, new in redline_pairs(site)]
    redlines, redline_skipped = _unclaimed(redlines, exists, msg("plan.redline-not-made"))
    lookup, lookup_skipped = _unclaimed(_lookup_pages(site, settings), exists, msg("plan.lookup-not-made"))
    return Plan(documents, (*indexes, *ledger, *yearly, *posters, *signs, *sheets, *redlines, *lookup), (*ledger_skipped, *yearly_skipped, *redline_skipped, *lookup_skipped), folders)


def _page_kind(site: Site, document: Document) -> PageKind:
    if document.kind is Kind.NOTICE:
        return PageKind.NOTICE if document.id in site.notices else PageKind.PAGE
    if document.kind is Kind.CONTACT_POINT:
        return PageKind.CONTACT_POINT
    if document.kind is Kind.ACTIVITY:
        return PageKind.ACTIVITY
    if document.kind is Kind.INTERPRETATION:
        return PageKind.INTERPRETATION
    if document.legal is not None:
        return PageKind.LEGAL
    return PageKind.HOME if document.path in HOME_SRCS else PageKind.PAGE


def _ledger_pages(site: Site, settings: Settings) -> list[LedgerPage]:
    t = translator(settings.language)
    points = site.of_kind(Kind.CONTACT_POINT)
    pages = []
    if site.notices or points:
        pages.append(LedgerPage(PageKind.STATISTICS, STATISTICS_SRC, t("statistics_title")))
    if points:
        pages.append(LedgerPage(PageKind.DIRECTORY, _directory_src(site, points), t("directory_title")))
    return pages


def _year_pages(site: Site, settings: Settings) -> list[YearPage]:
    t = translator(settings.language)
    return [YearPage(year, t("yearly_title", year=year)) for year in years(site)] if site.of_kind(Kind.CONTACT_POINT) else []


def _lookup_pages(site: Site, settings: Settings) -> list[LookupPage]:
    """The lookup page once a notice lists a receipt, or a draft takes
    comments through the service (its receipts lead there before any notice)."""
    wanted = next(iter(published_receipts(site)), None) is not None or any(intake_base(d, settings) for d in site.documents.values())
    return [LookupPage(translator(settings.language)("lookup_title"))] if wanted else []


def _directory_src(site: Site, points: list[Document]) -> str:
    """`<folder>/index.md` of the contact points when they share a folder
    without an index (so the directory heads their nav section), else
    `contact-points.md`."""
    folders = {posixpath.dirname(d.path) for d in points}
    if len(folders) == 1 and (folder := folders.pop()):
        src = f"{folder}/index.md"
        if src not in site.by_path:
            return src
    return "contact-points.md"


Claimable = TypeVar("Claimable", LedgerPage, YearPage, RedlinePage, LookupPage)


def _unclaimed(pages: list[Claimable], exists: Callable[[str], bool], consequence: Text) -> tuple[list[Claimable], list[Text]]:
    """The pages whose file the content folder does not have, and a warning for each other."""
    kept = [p for p in pages if not exists(p.src)]
    skipped = [msg("plan.exists", src=p.src, consequence=consequence) for p in pages if exists(p.src)]
    return kept, skipped
