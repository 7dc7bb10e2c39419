"""An interpretation → its page (each article's text beside its explanation),
(the "释义" links on the interpreted text's articles are render/notes/interpretation_link.py).

Section headings stay Markdown headings, so they form the page's table of
contents; each section's grid (article texts | explanation) is pre-rendered
HTML. Every quoted article keeps its id from the draft page (``art_12``), so
``interpretation-page#art_12`` lands on it; its label links back to the
article on the draft or law page.

No dead end: while the explained draft is open (or about to open), the page
carries the draft's banner and each explained article has the draft page's
own 提意见 entry (render/notes/comment_entry.py: same channels, the comment
service included); once the draft has closed, the banner says so and links
to the outcome. The page is lawsite's HTML throughout (the preface and the
explanations are rendered and cleaned here), so it is stashed from Markdown
whole (finish/stash.py) and its entries keep their data-ls-* attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import nh3

from ..buttons import fill_buttons
from ..consultation import State
from ..gather.site import Site
from ..model import Article, Document, InterpretationSection
from ..parse.crossref import Reference
from ..parse.legal import NUMBERINGS, ZH_HANS
from ..settings import Settings
from ..urls import PageLinks
from .i18n import translator
from .inline import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, InlineRenderer, LinkRewriter
from .ledger import draft_outcome_context
from .legal import banner_context, resolver_for
from .notes import comment_entry
from .notes.page import ArticlePage, Note
from .templates import render

# Explanations may have their own headings (### 举例) and lists.
NOTE_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd"}


@dataclass(frozen=True)
class DraftComments:
    """What the page offers about commenting on the draft it explains."""

    banner: Mapping[str, Any] | None = None  # the draft's consultation (lawsite.js moves it on with the clock)
    entries: Mapping[str, Note] = field(default_factory=dict)  # article id → its 提意见 entry, while open
    outcome: Mapping[str, Any] | None = None  # once closed: what became of the comments


def draft_comments(draft: ArticlePage, links: PageLinks) -> DraftComments:
    """The explained draft's banner and entries (as its own page has them), or
    its outcome once closed; nothing for a law. `links` are the interpretation page's."""
    status = draft.status
    if status is None:
        return DraftComments()
    closed = status.state is State.CLOSED
    return DraftComments(
        banner=banner_context(status, draft.document, draft.settings),
        entries={} if closed else comment_entry.notes(draft),
        outcome=draft_outcome_context(draft.document, draft.site.ledger, links, draft.settings) if closed else None,
    )


def commented_document(document: Document | None, site: Site) -> Document | None:
    """The document whose comment entries a page carries: its own, or for an
    interpretation the text it explains (so that the page's CSP lets its
    forms post to that draft's comment service)."""
    if document is not None and document.interpretation is not None:
        return site.get(document.interpretation.interprets)
    return document


def interpretation_page_markdown(
    document: Document,
    target: Document,
    target_href: str,
    settings: Settings,
    comments: DraftComments = DraftComments(),
    links: tuple[LinkRewriter | None, LinkRewriter | None] = (None, None),
) -> str:
    """The page body: head (what it interprets, the draft's banner), preface,
    then the sections; stashed whole by the adapter (see the module's
    docstring). `links` rewrite the links written in the interpretation and
    in the text it quotes (render/inline.py)."""
    interpretation = document.interpretation
    assert interpretation is not None and target.legal is not None
    numbering = NUMBERINGS.get(target.numbering, ZH_HANS)
    base_resolve = resolver_for(target.legal)

    def resolve(ref: Reference) -> str | None:
        # References in the quoted text and the explanation lead to the draft page.
        anchor = base_resolve(ref)
        return target_href + anchor if anchor else None

    inline = InlineRenderer(resolve, numbering, links[0])
    quoted = InlineRenderer(resolve, numbering, links[1])  # the articles' text: its links are written in the target's file
    by_id = {a.id: a for a in target.legal.articles}
    t = translator(settings.language)
    head = {
        "target_title": target.title,
        "target_href": target_href,
        "count": t("interp_count", n=len({i for s in interpretation.sections for i in s.article_ids})),
        "banner": comments.banner,
        "outcome": comments.outcome,
    }
    blocks = [render(settings.language, "partials/interpretation_head.html", head=head)]
    if interpretation.preface.strip():
        blocks.append(_markdown_html(interpretation.preface, inline, t))
    placed: set[str] = set()
    for section in interpretation.sections:
        blocks.append(_heading(section))
        context = {
            "articles": [_article(by_id[i], quoted, target_href, placed, comments.entries) for i in section.article_ids if i in by_id],
            "note_html": _markdown_html(section.body, inline, t),
        }
        blocks.append(render(settings.language, "partials/interpretation_section.html", section=context))
    return "\n\n".join(blocks) + "\n"


def _heading(section: InterpretationSection) -> str:
    text = section.heading
    safe = re.sub(r"([\\`*_{}\[\]#!|<>&])", r"\\\1", text)
    return f"## {safe} {{#{section.anchor}}}"


def _article(article: Article, inline: InlineRenderer, target_href: str, placed: set[str], entries: Mapping[str, Note]) -> dict[str, object]:
    anchor = article.id if article.id not in placed else None  # an article explained twice keeps one id (and one entry)
    placed.add(article.id)
    entry = entries.get(article.id) if anchor else None
    return {
        "id": anchor,
        "entry": entry.data if entry else None,
        "label": article.label,
        "caption": article.caption,
        "href": f"{target_href}#{article.id}",
        "paragraphs": [
            {"html": inline(p.text), "list_items": [{"label": i.label, "html": inline(i.text)} for i in p.items]}
            for p in article.paragraphs
        ],
    }


def _markdown_html(markdown: str, inline: InlineRenderer, t: Callable[..., str]) -> str:
    """An editor's Markdown (the preface, an explanation) → clean HTML, the
    buttons it names (buttons.py) as the site shows them."""
    inline.md.reset()
    rendered = inline.md.convert(fill_buttons(markdown.strip(), t))
    return nh3.clean(rendered, tags=NOTE_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")
