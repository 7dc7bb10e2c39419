"""What a page says about itself when it is found or shared: its
description (`<meta name="description">`) and its Open Graph card
(`og:title`, `og:description`, `og:type`, `og:url`, `og:image`).

One place decides a page's description, for every kind of page:

1. the editor's own `description:`, else `summary:`;
2. else a sentence taken from the text itself: a draft's or law's 说明
   (prose before its first article), else its first article; an
   interpretation's preface, else its first explanation; any other page's
   first paragraph; an activity's facts (座谈会 · 联系点 · 23 人参加…);
3. else nothing, and the theme says the site's `site_description`.

A description is one sentence, bounded to `DESCRIPTION_LIMIT` characters
(search engines show about 80–120 Chinese characters, a WeChat card two
lines): the first sentence when it fits, else cut with an ellipsis.

Open Graph wants absolute addresses: without `site_url`, `og:url` and
`og:image` are left out (a relative one would be wrong, not merely weak).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gather.site import Site
from ..model import Article, Document, Kind, Prose
from ..plan import DocumentPage, PageKind, PageSpec, RedlinePage
from ..emit.share_image import HEIGHT, WIDTH
from .activities import activity_summary
from .templates import render

DESCRIPTION_LIMIT = 120  # characters
ELLIPSIS = "…"
SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s|$)")
# Markdown reduced to its words: links and images to their text, code and
# emphasis marks, HTML tags and attribute lists dropped.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"<[^>]{0,500}>|\{:?[^}]{0,200}\}|[*_`~]+")
_SPACE = re.compile(r"\s+")
# Blocks that are no sentence of prose: headings, tables, lists, quotes, fences, rules, admonitions.
_NOT_PROSE = ("#", "|", "!", "<", "```", "~~~", "---", "***", ":::", "!!!", "???", "- ", "* ", "+ ", ">")
BODY_SCAN = 20_000  # characters of a body read for its first paragraph: enough, and bounded

# Pages that are one document's own (a card of kind "article"); the rest are the site's.
OG_LOCALES = {"zh": "zh_CN", "zh-Hant": "zh_TW", "en": "en_US"}
ARTICLE_PAGES = {PageKind.LEGAL, PageKind.INTERPRETATION, PageKind.NOTICE, PageKind.ACTIVITY, PageKind.REDLINE}


@dataclass(frozen=True)
class ShareCard:
    """A page's Open Graph card, plain text (the partial escapes it)."""

    title: str
    description: str | None
    type: str  # "article" or "website"
    url: str | None  # absolute, None without site_url
    image: str | None  # absolute, None without site_url or without an image
    image_alt: str | None  # the title the image shows
    site_name: str


def plain_text(markdown: str) -> str:
    """A Markdown fragment as the words a reader sees, on one line."""
    text = _LINK.sub(r"\1", markdown)
    return _SPACE.sub(" ", _MARKS.sub("", text)).strip()


def one_sentence(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first sentence of `text`, or its first `limit` characters with an ellipsis."""
    text = plain_text(text)
    end = SENTENCE_END.search(text, 0, limit + 1)
    if end is not None:
        return text[: end.end()].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip("，、；：,;: ") + ELLIPSIS


def first_paragraph(markdown: str) -> str | None:
    """The first block of prose in a page's Markdown body."""
    for block in re.split(r"\n\s*\n", markdown[:BODY_SCAN]):
        block = block.strip()
        if block and not block.startswith(_NOT_PROSE) and plain_text(block):
            return block
    return None


def document_description(document: Document, site: Site, language: str) -> str | None:
    """The description of a document's page (see the module's docstring); None: the site's."""
    stated = document.description or document.summary
    if stated:
        return one_sentence(stated)
    found = _from_text(document, site, language)
    return one_sentence(found) if found else None


def _from_text(document: Document, site: Site, language: str) -> str | None:
    if document.legal is not None:
        for node in document.legal.walk():
            if isinstance(node, Prose) and plain_text(node.text):
                return node.text  # the 说明 before the articles
            if isinstance(node, Article) and not node.repealed and node.plain_text():
                return node.plain_text()
        return None
    if document.interpretation is not None:
        sections = document.interpretation.sections
        return first_paragraph(document.interpretation.preface) or (first_paragraph(sections[0].body) if sections else None)
    if document.activity is not None:
        return first_paragraph(document.body) or activity_summary(document.activity, site, language)
    return first_paragraph(document.body)


def page_description(spec: PageSpec, site: Site, language: str) -> str | None:
    """The description of any planned page; None where the site's own stands."""
    if isinstance(spec, DocumentPage):
        return document_description(spec.document, site, language)
    if isinstance(spec, RedlinePage):  # it speaks for the reading it leads to
        return document_description(spec.new, site, language)
    return None


def image_document(spec: PageSpec) -> str | None:
    """The id of the document whose share image (emit/share_image.py) a page's
    card shows: a draft's own; a notice's, interpretation's or redline's draft."""
    if isinstance(spec, DocumentPage):
        document = spec.document
        return document.id if document.kind is Kind.DRAFT else document.concerns or document.interprets
    return spec.new.id if isinstance(spec, RedlinePage) else None


def page_title(spec: PageSpec, site_name: str) -> str:
    if isinstance(spec, DocumentPage):
        return site_name if spec.kind is PageKind.HOME else spec.document.title
    return getattr(spec, "title", "") or site_name


@dataclass(frozen=True)
class SiteCard:
    """What every page's card shares: the site's name and description as
    mkdocs.yml has them (plain text), its address ("" without site_url)."""

    name: str
    description: str
    url: str

    def absolute(self, site_relative: str) -> str | None:
        return self.url + site_relative if self.url else None


def share_card(spec: PageSpec, site: Site, language: str, here: str, image: str | None, whole: SiteCard) -> ShareCard:
    """The card of the page at the site-relative URL `here`; `image` site-relative or None."""
    kind = "article" if spec.kind in ARTICLE_PAGES else "website"
    description = page_description(spec, site, language) or whole.description or None
    shown = site.get(image_document(spec) or "") if image else None
    url = whole.absolute(image) if image else None
    return ShareCard(page_title(spec, whole.name), description, kind, whole.absolute(here), url, shown.title if shown and url else None, whole.name)


def share_head_html(card: ShareCard, language: str) -> str:
    """The card's <meta property="og:…"> tags, for the page's head."""
    return render(language, "partials/share_meta.html", card=card, image_size=(WIDTH, HEIGHT), locale=OG_LOCALES.get(language, OG_LOCALES["zh"])) + "\n"
