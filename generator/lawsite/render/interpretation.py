"""An interpretation → its page (each article's text beside its explanation),
(the "释义" links on the interpreted text's articles are render/notes/interpretation_link.py).

Section headings stay Markdown headings, so they form the page's table of
contents; each section's grid (article texts | explanation) is pre-rendered
HTML. Every quoted article keeps its id from the draft page (``art_12``), so
``interpretation-page#art_12`` lands on it; its label links back to the
article on the draft or law page.
"""

from __future__ import annotations

import re

import nh3

from ..model import Article, Document, InterpretationSection
from ..parse.crossref import Reference
from ..parse.legal import NUMBERINGS, ZH_HANS
from ..settings import Settings
from .i18n import translator
from .inline import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, InlineRenderer
from .legal import resolver_for
from .templates import render

# Explanations may have their own headings (### 举例) and lists.
NOTE_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd"}


def interpretation_page_markdown(document: Document, target: Document, target_href: str, settings: Settings) -> str:
    """The page body: head (what it interprets), preface, then the sections."""
    interpretation = document.interpretation
    assert interpretation is not None and target.legal is not None
    numbering = NUMBERINGS.get(target.numbering, ZH_HANS)
    base_resolve = resolver_for(target.legal)

    def resolve(ref: Reference) -> str | None:
        # References in the quoted text and the explanation lead to the draft page.
        anchor = base_resolve(ref)
        return target_href + anchor if anchor else None

    inline = InlineRenderer(resolve, numbering)
    by_id = {a.id: a for a in target.legal.articles}
    t = translator(settings.language)
    head = {
        "target_title": target.title,
        "target_href": target_href,
        "count": t("interp_count", n=len({i for s in interpretation.sections for i in s.article_ids})),
    }
    blocks = [render(settings.language, "partials/interpretation_head.html", head=head)]
    if interpretation.preface.strip():
        blocks.append(interpretation.preface.strip())
    placed: set[str] = set()
    for section in interpretation.sections:
        blocks.append(_heading(section))
        context = {
            "articles": [_article(by_id[i], inline, target_href, placed) for i in section.article_ids if i in by_id],
            "note_html": _note_html(section, inline),
        }
        blocks.append(render(settings.language, "partials/interpretation_section.html", section=context))
    return "\n\n".join(blocks) + "\n"


def _heading(section: InterpretationSection) -> str:
    text = section.heading
    safe = re.sub(r"([\\`*_{}\[\]#!|<>&])", r"\\\1", text)
    return f"## {safe} {{#{section.anchor}}}"


def _article(article: Article, inline: InlineRenderer, target_href: str, placed: set[str]) -> dict[str, object]:
    anchor = article.id if article.id not in placed else None  # an article explained twice keeps one id
    placed.add(article.id)
    return {
        "id": anchor,
        "label": article.label,
        "caption": article.caption,
        "href": f"{target_href}#{article.id}",
        "paragraphs": [
            {"html": inline(p.text), "list_items": [{"label": i.label, "html": inline(i.text)} for i in p.items]}
            for p in article.paragraphs
        ],
    }


def _note_html(section: InterpretationSection, inline: InlineRenderer) -> str:
    inline.md.reset()
    rendered = inline.md.convert(section.body)
    return nh3.clean(rendered, tags=NOTE_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener noreferrer")
