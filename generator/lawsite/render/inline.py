"""Article text (Markdown source) → safe HTML with cross-references as links.

Most legal text is plain prose; it takes the fast path (escape, then link).
Text with Markdown syntax goes through Python-Markdown, where one
treeprocessor links cross-references in the final text nodes, and the result
is sanitised with nh3, because editors' raw HTML must not reach the page.
"""

from __future__ import annotations

import functools

import html
import re
import xml.etree.ElementTree as etree
from typing import Callable

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

from ..parse.crossref import Reference, find_references
from ..parse.legal import Numbering

# Resolves a reference to an anchor on the same page, or None (no link).
Resolver = Callable[[Reference], str | None]
# The published form of a link an editor wrote (`[…](../laws/x.md#art_3)`),
# None when it names nothing published (urls.PageLinks.to_content).
LinkRewriter = Callable[[str], str | None]

_MARKDOWN_SYNTAX = re.compile(r"[*_`\[\]<>!|\\~]|https?://|^\s*[-+#>]|^\s*\d+\.\s", re.MULTILINE)

ALLOWED_TAGS = {
    "a", "p", "br", "em", "strong", "b", "i", "u", "s", "del", "ins", "sup", "sub", "code", "span",
    "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "blockquote", "pre", "hr", "img", "abbr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "align", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "span": {"class"},
    "abbr": {"title"},
    "col": {"span"},
}


def sanitize(fragment: str) -> str:
    """Keep what legal texts need (tables, sup/sub, br); drop scripts, handlers,
    javascript:/data: URLs; external links open safely."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


def link_references(text: str, resolve: Resolver, numbering: Numbering) -> list[str | tuple[str, str]]:
    """Split `text` into plain strings and (link text, href) pairs."""
    parts: list[str | tuple[str, str]] = []
    position = 0
    for ref in find_references(text, numbering):
        href = resolve(ref)
        if href is None:
            continue
        parts.append(text[position : ref.start])
        parts.append((text[ref.start : ref.end], href))
        position = ref.end
    parts.append(text[position:])
    return [p for p in parts if p]


def _html_of(parts: list[str | tuple[str, str]]) -> str:
    out = []
    for part in parts:
        if isinstance(part, tuple):
            out.append(f'<a class="ls-ref" href="{html.escape(part[1])}">{html.escape(part[0])}</a>')
        else:
            out.append(html.escape(part, quote=False))
    return "".join(out)


class CrossReferenceProcessor(Treeprocessor):
    """Links `本法第三十条`-style references in text nodes (never inside links or code)."""

    def __init__(self, md: markdown.Markdown, resolve: Resolver, numbering: Numbering):
        super().__init__(md)
        self.resolve = resolve
        self.numbering = numbering

    def run(self, root: etree.Element) -> None:
        # A loop, not recursion: `***…x…***` nests one element per star pair
        # and reached Python's recursion limit at 1,000 (a RecursionError
        # that stopped the build, while `check` had nothing to say).
        stack = [root]
        while stack:
            element = stack.pop()
            if element.tag in ("a", "code", "pre"):
                continue
            children = list(element)
            self._link_texts(element, children)
            stack.extend(children)

    def _link_texts(self, element: etree.Element, children: list[etree.Element]) -> None:
        """Link the references in `element`'s own text and its children's tails."""
        inserted = 0  # <a> elements added so far, which shift the children along
        if element.text:
            element.text, inserted = self._splice(element, element.text, 0)
        for position, child in enumerate(children):
            if child.tail:
                child.tail, added = self._splice(element, child.tail, position + inserted + 1)
                inserted += added

    def _splice(self, parent: etree.Element, text: str, index: int) -> tuple[str, int]:
        """Insert links for the references in `text` at `index`; the text left
        before them and the number of elements inserted."""
        parts = link_references(text, self.resolve, self.numbering)
        if all(isinstance(p, str) for p in parts):
            return text, 0
        lead = parts[0] if isinstance(parts[0], str) else ""
        rest = parts[1:] if lead else parts
        last: etree.Element | None = None
        start = index
        for part in rest:
            if isinstance(part, tuple):
                last = etree.Element("a", {"class": "ls-ref", "href": part[1]})
                last.text = part[0]
                parent.insert(index, last)
                index += 1
            elif last is not None:
                last.tail = part
        return lead, index - start


class ContentLinkProcessor(Treeprocessor):
    """Links and images written to content files (`../laws/x.md#art_3`,
    `images/map.png`) made into the addresses they are published at, as
    MkDocs does for the Markdown it converts: this text is converted here
    and reaches the page past MkDocs (finish/stash.py). A link to nothing
    published keeps its text and loses its address (`check` names it)."""

    def __init__(self, md: markdown.Markdown, rewrite: LinkRewriter):
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            written = element.get(attribute) if attribute else None
            if attribute is None or written is None:
                continue
            published = self.rewrite(written)
            if published is None:
                del element.attrib[attribute]
            else:
                element.set(attribute, published)


class InlineRenderer:
    """Renders the text of one document's paragraphs; holds one Markdown
    instance. `links` rewrites the links written in it (the page's and the
    file's, see ContentLinkProcessor); without it they stay as written."""

    def __init__(self, resolve: Resolver, numbering: Numbering, links: LinkRewriter | None = None):
        self.resolve = resolve
        self.numbering = numbering
        self.links = links

    @functools.cached_property
    def md(self) -> markdown.Markdown:
        """Made when first needed: most laws' text has no Markdown syntax
        (the fast path), and making one was a sixtieth of a law page."""
        md = markdown.Markdown(extensions=["tables", "sane_lists"])
        # After inline processing (priority 20) so references are found in final
        # text, and before prettify (10) so the new <a> elements are kept tidy.
        md.treeprocessors.register(CrossReferenceProcessor(md, self.resolve, self.numbering), "lawsite_crossref", 15)
        if self.links is not None:  # before the cross-references' own links are added
            md.treeprocessors.register(ContentLinkProcessor(md, self.links), "lawsite_content_links", 16)
        return md

    @staticmethod
    def is_plain(text: str) -> bool:
        """True when `text` holds no Markdown syntax (the fast path applies)."""
        return not _MARKDOWN_SYNTAX.search(text)

    def __call__(self, text: str) -> str:
        if not _MARKDOWN_SYNTAX.search(text):
            return _html_of(link_references(text, self.resolve, self.numbering))
        self.md.reset()
        rendered = sanitize(self.md.convert(text))
        return _unwrap_paragraph(rendered)


def _unwrap_paragraph(fragment: str) -> str:
    # A single paragraph is shown inline after the article label.
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment
