"""A printable A4 poster per draft, for grassroots contact points.

The poster is a standalone HTML page (no Material chrome): the title, the
consultation status and channels at the top, then each article — or the range
chosen in the draft's front matter — with a QR code of its comment form (when
the draft has `comments.form`) or else of its permalink. The print stylesheet
(`assets/poster.css`) sets the A4 page, page numbers and keeps each article
and its QR code on one page.

Choosing a range, in the draft's front matter: see `parse/poster.py`.

Everything here is pure: the MkDocs adapter writes the returned HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..consultation import State
from ..messages import msg
from ..model import Article, Division, Document, LegalText, Problem, Severity
from ..parse.crossref import Reference
from ..parse.legal import NUMBERINGS
from ..parse.poster import poster_articles
from ..parse.schema import file_name_of
from ..render.comments import form_href, template_values
from ..render.i18n import translator
from ..render.phone import phone_html
from ..render.inline import InlineRenderer, LinkRewriter
from ..render.legal import banner_context, consultation, permalink, resolver_for
from ..render.templates import render
from ..settings import Settings
from ..urls import ASSET_DIR, SiteUrls
from .qr import QrCodes

POSTER_DIR = "posters"


def poster_uri(document: Document) -> str:
    """Where the poster of `document` is written, relative to the site root."""
    return f"{POSTER_DIR}/{file_name_of(document.id)}/index.html"


def site_url_problem(site_url: str) -> Problem | None:
    """Posters print QR codes of page addresses: without `site_url` they would
    hold a path with no host, which no phone can open."""
    if site_url.startswith(("http://", "https://")):
        return None
    return Problem(
        "mkdocs.yml", None, "site_url",
        msg("poster-no-site-url"),
        msg("poster-no-site-url.hint"),
        Severity.WARNING, code="poster-no-site-url",
    )


@dataclass(frozen=True)
class PosterLinks:
    """Addresses the poster page needs: its own assets and the draft page."""

    page_url: str  # the draft page, absolute when site_url is set
    back_href: str  # the draft page, relative to the poster
    css_href: str
    js_href: str


def poster_links(document: Document, urls: SiteUrls) -> PosterLinks | None:
    """The poster's links, relative to the poster; None when the draft has no page."""
    links = urls.at(poster_uri(document))
    back_href = links.to(document.id)
    if back_href is None:
        return None
    return PosterLinks(
        page_url=links.site.absolute(document.id) or "",
        back_href=back_href,
        css_href=links.to_url(f"{ASSET_DIR}/poster.css"),
        js_href=links.to_url(f"{ASSET_DIR}/poster.js"),
    )


def _qr_target(document: Document, article: Article, links: PosterLinks, open_: bool) -> str:
    """What an article's code holds: its comment form while open, else its permalink."""
    url = permalink(links.page_url, article.id)
    if open_ and document.comments is not None and document.comments.form:
        return form_href(document.comments, template_values(document, article, url)) or url
    return url


def _article_context(article: Article, inline: InlineRenderer, qr_svg: str, open_: bool, t) -> dict[str, object]:
    paragraphs = [
        {"html": inline(para.text), "list_items": [{"label": item.label, "html": inline(item.text)} for item in para.items]}
        for para in article.paragraphs
    ]
    return {
        "id": article.id,
        "label": article.label,
        "caption": article.caption,
        "paragraphs": paragraphs,
        "qr_svg": qr_svg,
        "qr_caption": t("poster_scan_comment") if open_ else t("poster_scan_read"),
    }


def division_heads(legal: LegalText) -> dict[str, list[dict[str, object]]]:
    """Article id → the division headings (章, 节…) that open right before it,
    so a poster that starts mid-draft still shows where its articles stand."""
    heads: dict[str, list[dict[str, object]]] = {}
    pending: list[dict[str, object]] = []

    def walk(nodes: list, depth: int) -> None:
        for node in nodes:
            if isinstance(node, Division):
                pending.append({"text": f"{node.label} {node.title}".strip(), "depth": depth})
                walk(node.children, depth + 1)
            elif isinstance(node, Article):
                heads[node.id] = list(pending)
                pending.clear()

    walk(legal.children, 0)
    return heads


def _with_context(articles: list[Article], legal: LegalText) -> dict[str, list[dict[str, object]]]:
    """Division headings per shown article; the first one also gets the
    headings it stands under when the range starts inside a division."""
    heads = division_heads(legal)
    if articles and not heads.get(articles[0].id):
        heads[articles[0].id] = _enclosing(legal.children, articles[0].id, 0) or []
    return heads


def _enclosing(nodes: list, article_id: str, depth: int) -> list[dict[str, object]] | None:
    for node in nodes:
        if isinstance(node, Division):
            inner = _enclosing(node.children, article_id, depth + 1)
            if inner is not None:
                return [{"text": f"{node.label} {node.title}".strip(), "depth": depth}, *inner]
        elif isinstance(node, Article) and node.id == article_id:
            return []
    return None


def _channels(document: Document, t) -> list[dict[str, str]]:
    comments = document.comments
    if comments is None:
        return []
    values = [("channel_email", comments.email), ("channel_post", comments.post), ("channel_fax", comments.fax), ("channel_phone", comments.phone)]
    return [{"label": t(key), "value": phone_html(value) if key == "channel_phone" else value} for key, value in values if value]


def _poster_resolver(document: Document, articles: list[Article], links: PosterLinks):
    """References as the poster can follow them: an article it prints by its
    own anchor (the poster has no paragraph anchors), any other in the draft."""
    assert document.legal is not None
    resolve_in_draft = resolver_for(document.legal)
    printed = {article.id for article in articles}

    def resolve(ref: Reference) -> str | None:
        anchor = resolve_in_draft(ref)
        if anchor is None:
            return None
        article = anchor[1:].split("__")[0]
        return f"#{article}" if article in printed else links.back_href + anchor

    return resolve


def poster_html(document: Document, settings: Settings, links: PosterLinks, qr: QrCodes | None = None, content_links: LinkRewriter | None = None) -> str:
    """The whole poster page of a draft; its QR codes from `qr` (default:
    drawn, not kept); `content_links` rewrite the links written in its text
    (render/inline.py)."""
    assert document.legal is not None
    t = translator(settings.language)
    articles, _ = poster_articles(document)
    numbering = NUMBERINGS.get(document.numbering)
    inline = InlineRenderer(_poster_resolver(document, articles, links), numbering, content_links)
    status = consultation(document, settings)
    open_ = status is not None and status.state is not State.CLOSED
    banner = banner_context(status, document, settings) if status else None
    total = len(document.legal.articles)
    targets = [(_qr_target(document, a, links, open_), "ls-poster__code") for a in articles]
    page_code, *codes = (qr or QrCodes()).svgs([(links.page_url, "ls-poster__page-code"), *targets])
    poster = {
        "lang": settings.language,
        "title": document.title,
        "stage": document.stage,
        "banner": banner,
        "channels": _channels(document, t) if open_ else [],
        "page_qr": page_code,
        "range": t("poster_range", first=articles[0].label, last=articles[-1].label, n=total) if len(articles) < total else None,
        "articles": [_article_context(a, inline, code, open_, t) for a, code in zip(articles, codes)],
        "heads": _with_context(articles, document.legal),
        "links": links,
    }
    return render(settings.language, "poster.html", poster=poster) + "\n"
