"""One Python-Markdown instance for all the law pages a process renders.

MkDocs' `Page.render` sets up a new `Markdown`, every extension of the site
with it, for each page. A law page hands Markdown only its division headings
(its HTML is stashed, finish/stash.py), so setting up took almost half of
converting it: on the corpus 0.8 of 1.8 CPU s for 1,570 law pages. Python-
Markdown is made to be reused (`reset()` between documents), so the law
pages a build renders itself (parts.py) share one instance per process.

Each page still gets MkDocs' own processors, registered afresh under the
names MkDocs gives them (each replaces the last page's): the ids a link may
point to, the links to other pages' anchors, the title, the ids in raw HTML.
What `SharedMarkdown.render` sets on the page is what `Page.render` sets
(tests/scale/test_shared_markdown.py renders pages both ways and compares).
MkDocs only; the domain model knows nothing of this.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

_MKDOCS_LOG = logging.getLogger("mkdocs.structure.pages")  # whose level Page.render reads


class SharedMarkdown:
    """`render(page, config, files)` does what `page.render(config, files)`
    does, with the Markdown of the pages before (`rendering(page)` hands it
    to MkDocs for one page)."""

    def __init__(self) -> None:
        self._md: markdown.Markdown | None = None

    @contextmanager
    def rendering(self, page: Page) -> Iterator[None]:
        """While inside, MkDocs' `page.render(config, files)` is this one's."""
        page.render = functools.partial(self.render, page)  # type: ignore[method-assign]
        try:
            yield
        finally:
            del page.render  # the class's again

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._markdown(config)
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if _MKDOCS_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors

    def _markdown(self, config: MkDocsConfig) -> markdown.Markdown:
        if self._md is None:  # one build's pages: the same config for all
            self._md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        else:
            self._md.reset()
        return self._md
