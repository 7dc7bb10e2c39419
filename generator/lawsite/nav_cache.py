"""Material's nav, each branch that does not hold the page rendered once.

Material renders the whole nav partial for every page: on the corpus
(1,564 laws, 40-80 nav items a page) it was a fifth of rendering a law page,
about 3.7 CPU s a build. Yet a branch that does not hold the page renders the
same for every page of one folder: its links are relative to the page's
folder, and nothing else in it depends on the page (it is neither active nor
the page). So each such branch is rendered once per folder and kept.

Nothing of Material's template is copied here: its own
`partials/nav-item.html` is read as the theme has it, its `render` macro is
renamed `render_fresh`, and a `render` that asks `NavCache` first takes its
name, so the macro's own recursion goes through the cache too. Where the
template is not Material's (a custom_dir of the site overrides it) or reads
otherwise than expected (another Material version), it is left as it is.
Jinja and MkDocs only; the domain model knows nothing of this.
"""

from __future__ import annotations

import bisect
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

TEMPLATE = "partials/nav-item.html"
GLOBAL = "lawsite_nav_item"
_MACRO = "{% macro render(nav_item, path, level, parent) %}"
_FRESH = "{% macro render_fresh(nav_item, path, level, parent) %}"
_CACHED = "{% macro render(nav_item, path, level, parent) %}{{ " + GLOBAL + "(render_fresh, page, nav_item, path, level, parent) }}{% endmacro %}\n"
_RECURSION = "{{ render(item, "
_RECURSION_CACHED = "{{ " + GLOBAL + "(render_fresh, page, item, "


def cached_source(source: str) -> str | None:
    """Material's nav-item template with its `render` going through the
    cache; None if it does not read as expected. The macro's own call of
    itself asks the cache directly (a macro call less for each item: a
    cached branch is then one Python call)."""
    if source.count(_MACRO) != 1 or "render_fresh" in source or GLOBAL in source:
        return None
    made = source.replace(_MACRO, _FRESH) + _CACHED
    if made.count(_RECURSION) == 1:
        made = made.replace(_RECURSION, _RECURSION_CACHED)
    return made


class NavCache:
    """The rendered branches of one build's nav (make one per build: it
    keys on the nav's objects), by branch, its place, and the page's folder."""

    def __init__(self, urls: Iterable[str]) -> None:
        self._urls = sorted(set(urls))
        self._kept: dict[tuple[Any, ...], Any] = {}

    def __call__(self, render: Callable[..., Any], page: Any, item: Any, path: str, level: int, parent: Any) -> Any:
        key = self._key(page, item, path, level, parent)
        if key is None:
            return render(item, path, level, parent)
        kept = self._kept.get(key)
        if kept is None:
            kept = self._kept[key] = render(item, path, level, parent)
        return kept

    def _key(self, page: Any, item: Any, path: str, level: int, parent: Any) -> tuple[Any, ...] | None:
        if page is None or getattr(item, "active", False) or hasattr(item, "pages"):
            return None  # no page (links from the base URL), the page's own branch, or a branch listing pages of its own
        folder = self.folder_of(getattr(page, "url", None))
        if folder is None:
            return None
        parent_active = None if parent is None or isinstance(parent, jinja2.Undefined) else bool(getattr(parent, "active", False))
        return (id(item), path, level, parent_active, folder)

    def folder_of(self, url: Any) -> str | None:
        """What a link relative to a page at `url` depends on (as MkDocs'
        get_relative_url computes it), or None where it depends on the
        target too: a page at `name.html` links from its folder; a page at
        `a/b/` from `a/`, unless some page lies inside `a/b/` (the site's
        home, a section's index), whose links from `a/b/` start below it."""
        if not isinstance(url, str):
            return None
        dirname, _, basename = url.rpartition("/")
        if "." in basename:
            return "file:" + dirname
        if self._holds_others(url):
            return None
        return "folder:" + posixpath.dirname(url.rstrip("/"))

    def _holds_others(self, url: str) -> bool:
        at = bisect.bisect_right(self._urls, url)
        return at < len(self._urls) and self._urls[at].startswith(url)


def nav_urls(items: Iterable[Any]) -> list[str]:
    """Every URL the nav links to (pages, section indexes, links)."""
    urls, stack = [], list(items)
    while stack:
        item = stack.pop()
        url = getattr(item, "url", None)
        if isinstance(url, str):
            urls.append(url)
        stack.extend(getattr(item, "children", None) or [])
    return urls


class NavLoader(jinja2.BaseLoader):
    """The theme's loader, with Material's own nav-item template read as
    `cached_source` makes it (any other template, or one a site overrides,
    as it is)."""

    def __init__(self, inner: jinja2.BaseLoader, material_templates: Path) -> None:
        self.inner, self.material_templates = inner, material_templates.resolve()

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == TEMPLATE and filename is not None and Path(filename).resolve().parent.parent == self.material_templates:
            source = cached_source(source) or source
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def install(env: jinja2.Environment, nav_items: Iterable[Any], material_templates: Path) -> bool:
    """Route `env`'s nav through a fresh NavCache; False if its templates
    are not loaded in a way this knows (left as they are)."""
    if env.loader is None:
        return False
    if not isinstance(env.loader, NavLoader):
        env.loader = NavLoader(env.loader, material_templates)
    env.globals[GLOBAL] = NavCache(nav_urls(nav_items))
    return True
