"""A draft or law → the Markdown of its page.

Division headings stay Markdown headings (with `{#id}`), so they form the
page's table of contents; everything else is pre-rendered HTML blocks, which
Markdown passes through untouched.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import segno

from ..consultation import Consultation, State, consultation_of
from ..model import Article, Division, Document, LegalText, Prose
from ..parse.crossref import Reference
from ..parse.legal import NUMBERINGS
from ..settings import Settings
from .comments import form_href, mailto_href, template_values
from .i18n import translator
from .inline import InlineRenderer, LinkRewriter, sanitize
from .phone import phone_html
from .templates import format_date, render, render_macro


@dataclass(frozen=True)
class LegalPage:
    """Where the page lives and what the annotators and the page's tools add."""

    settings: Settings
    page_url: str  # absolute when site_url is set, else relative to the site root
    notes: Mapping[str, Sequence[Any]] = field(default_factory=dict)  # article id → its notes (render/notes)
    # The page's parts (render/notes/parts.py) before the document head, after
    # it and after the last article (the readings chain; the ledger outcome and
    # poster link; the comment basket).
    above: Sequence[Any] = ()
    after: Sequence[Any] = ()
    tail: Sequence[Any] = ()
    links: LinkRewriter | None = None  # the links written in the text, as published from this page


def permalink(page_url: str, anchor: str) -> str:
    return f"{page_url}#{anchor}"


def resolver_for(legal: LegalText):
    """A pure resolver from a reference to the deepest existing anchor."""
    ids = set(legal.ids())

    def resolve(ref: Reference) -> str | None:
        anchor = f"art_{ref.article}" + (f"-{ref.sub}" if ref.sub else "")
        if anchor not in ids:
            return None
        for suffix in (f"__para_{ref.paragraph}" if ref.paragraph else None, f"__item_{ref.item}" if ref.item else None):
            if suffix is None or anchor + suffix not in ids:
                break
            anchor += suffix
        return "#" + anchor

    return resolve


def consultation(document: Document, settings: Settings) -> Consultation | None:
    # Site.consultations holds the same, computed once in gather.
    return consultation_of(document, settings.build_time(), settings.tz)


def banner_context(status: Consultation, document: Document, settings: Settings) -> dict[str, str | None]:
    t = translator(settings.language)
    comments = document.comments
    assert comments is not None and comments.closes is not None
    closes = format_date(comments.closes, settings.language)
    headline = {State.UPCOMING: t("status_upcoming"), State.OPEN: t("status_open"), State.CLOSED: t("status_closed")}[status.state]
    if status.state is State.UPCOMING:
        assert comments.opens is not None
        when, days = t("opens_on", date=format_date(comments.opens, settings.language)), t("days_until", n=status.days)
    elif status.state is State.OPEN:
        when, days = t("closes_on", date=closes), (t("last_day") if status.days == 0 else t("days_left", n=status.days))
    else:
        when, days = t("closed_on", date=closes), ""
    return {
        "state": status.state.value,
        "headline": headline,
        "when": when,
        "days": days,
        "deadline": status.deadline.isoformat(),
        "opens_at": status.opens_at.isoformat() if status.opens_at else None,
        # Texts the page script uses when the reader's clock has moved on.
        "text_open": t("status_open"),
        "text_closed": t("status_closed"),
        "text_last_day": t("last_day"),
        "text_days_left": t("days_left", n="{n}"),
        "text_closed_note": t("closed_on", date=closes),
    }


def _facts(document: Document, settings: Settings) -> list[dict[str, str]]:
    t = translator(settings.language)
    facts = []
    shown = (("stage", document.stage), ("drafted_by", document.drafted_by), ("published", document.published), ("adopted", document.adopted), ("effective", document.effective))
    for key, value in shown:
        if value:
            shown = format_date(value, settings.language) if hasattr(value, "isoformat") else str(value)
            facts.append({"label": t(key), "value": shown})
    return facts


def _channels(document: Document, ctx: LegalPage, status: Consultation) -> dict[str, object] | None:
    comments = document.comments
    if comments is None or status.state is State.CLOSED:
        return None
    t = translator(ctx.settings.language)
    values = template_values(document, None, ctx.page_url)
    items = []
    if comments.email:
        items.append({"label": t("channel_email"), "value": comments.email, "href": mailto_href(comments, values, ""), "external": False, "copy_label": t("copy_address")})
    if comments.form:
        items.append({"label": t("channel_form"), "value": t("comment_by_form"), "href": form_href(comments, values), "external": True})
    for key in ("post", "fax", "phone"):
        value = getattr(comments, key)
        if value:
            shown = phone_html(value) if key == "phone" else value  # each number in it dials
            items.append({"label": t(f"channel_{key}"), "value": shown, "href": None, "external": False, "copy_label": t("copy_post") if key == "post" else None})
    return {"entries": items, "qr_svg": qr_svg(ctx.page_url) if ctx.page_url.startswith("http") else None}


def qr_svg(url: str) -> str:
    """An inline SVG QR code (segno: no dependencies, no images to ship)."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, title=url, omitsize=True)


def _contents(legal: LegalText) -> list[dict[str, object]]:
    entries = []
    for division, depth in _divisions_with_depth(legal.children, 0):
        entries.append({"id": division.id, "text": f"{division.label} {division.title}".strip(), "depth": depth})
    return entries


def _divisions_with_depth(nodes: list, depth: int):
    for node in nodes:
        if isinstance(node, Division):
            yield node, depth
            yield from _divisions_with_depth(node.children, depth + 1)


def article_html(article: Article, inline: InlineRenderer, notes: Sequence[Any], language: str) -> str:
    paragraphs = [
        {
            "id": para.id,
            "html": inline(para.text),
            "list_items": [{"id": item.id, "label": item.label, "html": inline(item.text)} for item in para.items],
        }
        for para in article.paragraphs
    ] or [{"id": f"{article.id}__para_1", "html": "", "list_items": []}]
    context = {
        "id": article.id,
        "label": article.label,
        "caption": article.caption,
        "repealed": article.repealed,
        "paragraphs": paragraphs,
        "notes": notes,
    }
    return render_macro(language, "partials/article.html", "article", context)


def _heading(division: Division, depth: int) -> str:
    text = f"{division.label} {division.title}".strip()
    # Escape what Markdown or attr_list would read as syntax in a title.
    safe = re.sub(r"([\\`*_{}\[\]#!|])", r"\\\1", html.escape(text, quote=False))
    return f"{'#' * min(2 + depth, 6)} {safe} {{#{division.id}}}"


# Prose that Markdown would only wrap in paragraphs: no syntax, no entity, no
# indented code, no hard line break, no setext underline.
_NOT_PLAIN_PROSE = re.compile(r"&|^(?: {4}|\t)|  $|^=+\s*$", re.MULTILINE)


def _prose_html(prose: Prose, inline: InlineRenderer) -> str:
    # Most prose (amendment texts, cases) is plain paragraphs: rendering them
    # directly avoids a Markdown conversion and a sanitiser pass per block
    # (4,072 conversions for the first 400 laws of the corpus).
    text = prose.text.strip()
    if not _NOT_PLAIN_PROSE.search(text) and inline.is_plain(text):
        return "\n".join(f"<p>{inline(part.strip())}</p>" for part in re.split(r"\n\s*\n", text) if part.strip())
    return sanitize(inline.md.reset().convert(prose.text))


def legal_page_markdown(document: Document, ctx: LegalPage) -> str:
    """The whole page body of a draft or law, ready for MkDocs."""
    assert document.legal is not None
    settings = ctx.settings
    numbering = NUMBERINGS.get(document.numbering)
    inline = InlineRenderer(resolver_for(document.legal), numbering, ctx.links)
    status = consultation(document, settings)
    head = {
        "facts": _facts(document, settings),
        "banner": banner_context(status, document, settings) if status else None,
        "channels": _channels(document, ctx, status) if status else None,
        "contents": _contents(document.legal),
        "article_count": translator(settings.language)("articles_count", n=len(document.legal.articles)),
        # Go to 第N条 (reader.js builds the list from the page's articles).
        "jump": {"total": len(document.legal.articles)} if len(document.legal.articles) > 1 else None,
    }
    blocks = [render(settings.language, "partials/legal_head.html", above=ctx.above, head=head, after=ctx.after)]
    blocks.extend(_body_blocks(document, document.legal.children, 0, inline, ctx))
    if ctx.tail:
        blocks.append(render(settings.language, "partials/page_parts.html", parts=ctx.tail))
    return "\n\n".join(blocks) + "\n"


def _body_blocks(document: Document, nodes: list, depth: int, inline: InlineRenderer, ctx: LegalPage):
    for node in nodes:
        if isinstance(node, Division):
            yield _heading(node, depth)
            yield from _body_blocks(document, node.children, depth + 1, inline, ctx)
        elif isinstance(node, Article):
            yield article_html(node, inline, ctx.notes.get(node.id, ()), ctx.settings.language)
        else:
            yield _prose_html(node, inline)
