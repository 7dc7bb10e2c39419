"""The thin MkDocs adapter: each event calls the domain functions.

Only this module imports MkDocs. The order follows MkDocs' pipeline:
on_config (settings, assets) → on_files (gather the whole site first) →
on_nav (name folders by what they hold) → on_page_markdown (render).
"""

from __future__ import annotations

import itertools
import logging
import posixpath
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import lawnav
from .compat import require_supported_engine
from .model import ConfigError, Kind, Problem
from .outputs import feeds, opendata
from .outputs import poster as posters
from .outputs import search as site_search
from .outputs.links import SiteLinks
from .parse.poster import has_poster
from .parse.static_files import static_file_problems
from .progress import Progress
from .render import harden, reader
from .render.i18n import translator
from .render.ledger_site import LedgerPages
from .render.legal import PageContext, legal_page_markdown
from .render.listing import home_listing_html
from .render.minify import collapse_whitespace, compact_sidebars, readable_urls
from .render.readings_site import ReadingsPages
from .render.stash import Stash
from .report import format_problem
from .settings import Settings
from .site import Site, forget_parsed, link_problems, load_site

log = logging.getLogger("mkdocs.plugins.lawsite")

ASSETS = Path(__file__).parent / "assets"
# Order of the top-level nav sections, by the kind of document they hold.
NAV_ORDER = (Kind.DRAFT, Kind.NOTICE, Kind.INTERPRETATION, Kind.LAW, Kind.CONTACT_POINT)
ASSET_URIS = {"css": "assets/lawsite/lawsite.css", "js": "assets/lawsite/lawsite.js"}
LEDGER_CSS = "assets/lawsite/ledger.css"  # notices, ledger lines, contact points, statistics
READINGS_CSS = "assets/lawsite/readings.css"  # redlines, readings, interpretations


class LawsiteConfig(Config):
    timezone = opt.Type(str, default="Asia/Shanghai")
    numbering = opt.Choice(("zh-Hans", "zh-Hant", "en"), default="zh-Hans")
    language = opt.Choice(("zh", "zh-Hant", "en"), default="zh")
    # auto: Material's search below outputs.search.PAGEFIND_THRESHOLD documents, Pagefind from there on
    search = opt.Choice(site_search.MODES, default="auto")
    # Raw HTML in Markdown is sanitised (render/harden.py) unless the site trusts its editors.
    trust_html = opt.Type(bool, default=False)
    # A Content-Security-Policy <meta> in every page: only the site's own scripts and styles.
    csp = opt.Type(bool, default=True)


class LawsitePlugin(BasePlugin[LawsiteConfig]):
    def __init__(self) -> None:
        self._fresh_state()

    def _fresh_state(self) -> None:
        """The state one build gathers. MkDocs keeps plugin instances after a
        build; a publication build ends with a fresh state, so that the whole
        site is not held in memory while `lawsite build` runs the search
        indexer (outputs/search.py: defer_index)."""
        self.settings = Settings()
        self.site = Site()
        self.law_folders: dict[str, list[Any]] = {}
        self.law_indexes: dict[str, str] = {}
        self.rendering, self.rendered, self.to_render = Progress("rendering pages"), 0, 0
        self.ledger_pages = LedgerPages(self.site, self.settings)
        self.readings = ReadingsPages(self.site, self.settings)
        self.nav: Navigation | None = None
        self.stashes: dict[str, Stash] = {}
        self.static_html: list[str] = []
        self._hrefs_cache: dict[str, str] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `serve` rebuilds, so
        # a preview rebuild can skip what only a publication needs.
        self.serving, self.builds = command == "serve", 0

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance after the command: the next one starts as a build.
        self.serving, self.builds = False, 0

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            require_supported_engine(getattr(mkdocs, "__version__", ""))
            self.settings = Settings.from_options(config.site_url, dict(self.config), tuple(str(d) for d in config.theme.dirs))
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        # MkDocs walks docs_dir following links before any other event: refuse a
        # link out of it or round in a circle now, or that walk never ends.
        links = link_problems(Path(config.docs_dir))
        if links:
            lines = "\n  ".join(format_problem(p) for p in links)
            raise PluginError(f"lawsite: {len(links)} link(s) in content that the build would follow (run `lawsite check`):\n  {lines}")
        for ext in ("attr_list", "toc"):
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        features = config.theme.get("features")
        if config.theme.name == "material" and isinstance(features, list) and "navigation.prune" not in features:
            # Only the current page's branch of the nav in each page (see lawnav.py).
            features.append("navigation.prune")
        config.extra_css.append(ASSET_URIS["css"])
        config.extra_javascript.append(ASSET_URIS["js"])
        config.extra_css.append(LEDGER_CSS)
        config.extra_css.append(READINGS_CSS)
        config.extra_javascript.append(reader.LABELS_SCRIPT)  # before reader.js, which reads it
        for name in reader.PAGE_ASSETS:
            (config.extra_css if name.endswith(".css") else config.extra_javascript).append(f"assets/lawsite/{name}")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._hrefs_cache = None
        self.stashes = {}
        progress = Progress("reading content")
        self.site = load_site(Path(config.docs_dir), self.settings, progress)
        progress.close()
        for problem in self.site.problems:
            if not problem.is_error:
                log.warning(format_problem(problem))
        errors = self.site.errors + _copied_file_problems(files, config, self.site.errors)
        if errors:
            lines = "\n  ".join(format_problem(p) for p in errors)
            raise PluginError(f"lawsite: {len(errors)} error(s) in content (run `lawsite check` for all details):\n  {lines}")
        self._add_law_indexes(files, config)
        self._setup_outputs(files, config)
        self._add_ledger_pages(files, config)
        for uri in ASSET_URIS.values():
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
        for name in reader.PAGE_ASSETS + reader.POSTER_ASSETS:
            files.append(File.generated(config, f"assets/lawsite/{name}", abs_src_path=str(ASSETS / name)))
        files.append(File.generated(config, reader.LABELS_SCRIPT, content=reader.labels_script(self.settings.language)))
        self._add_posters(files, config)
        files.append(File.generated(config, READINGS_CSS, abs_src_path=str(ASSETS / Path(READINGS_CSS).name)))
        self._add_redlines(files, config)
        return files

    def _add_posters(self, files: Files, config: MkDocsConfig) -> None:
        """One printable poster page per draft (outputs/poster.py)."""
        problem = posters.site_url_problem(self.settings.site_url)
        if problem and any(has_poster(d) for d in self.site.documents.values()):
            log.warning(format_problem(problem))
        for document in self.site.documents.values():
            page = files.get_file_from_path(document.path)
            if page is None or not has_poster(document):
                continue
            uri = posters.poster_uri(document)
            here = posixpath.dirname(uri)
            links = posters.PosterLinks(
                page_url=self.settings.site_url + page.url,
                back_href=posixpath.relpath(page.url or ".", here) + ("/" if page.url.endswith("/") else ""),
                css_href=posixpath.relpath("assets/lawsite/poster.css", here),
                js_href=posixpath.relpath("assets/lawsite/poster.js", here),
            )
            files.append(File.generated(config, uri, content=posters.poster_html(document, self.settings, links)))

    def _add_redlines(self, files: Files, config: MkDocsConfig) -> None:
        """One generated redline page per pair of readings, linked from both
        readings' pages rather than listed in the navigation."""
        self.readings = ReadingsPages(self.site, self.settings)
        for uri in list(self.readings.redlines):
            if files.get_file_from_path(uri) is not None:
                log.warning(f"lawsite: {uri} exists in the content folder; the generated redline page is not made")
                del self.readings.redlines[uri]
                continue
            # No table of contents: the changes get the width to sit beside their outcomes.
            content = f"---\nhide: [toc]\n---\n\n# {self.readings.title_of(uri)}\n"
            files.append(File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))

    def _add_ledger_pages(self, files: Files, config: MkDocsConfig) -> None:
        """The contact-point directory and the statistics page (render/ledger_site.py)."""
        self.ledger_pages = LedgerPages(self.site, self.settings)
        files.append(File.generated(config, LEDGER_CSS, abs_src_path=str(ASSETS / Path(LEDGER_CSS).name)))
        for uri in list(self.ledger_pages.generated):
            if files.get_file_from_path(uri) is not None:
                log.warning(f"lawsite: {uri} exists in the content folder; the generated page is not made")
                del self.ledger_pages.generated[uri]
                continue
            files.append(File.generated(config, uri, content=self.ledger_pages.stub(uri)))

    def _ledger_urls(self, files: Files) -> dict[str, str]:
        urls = self._hrefs(files)
        for uri, page_id in self.ledger_pages.generated.items():
            file = files.get_file_from_path(uri)
            if file is not None:
                urls[page_id] = file.url
        return urls

    def _add_ledger(self, document: Any, ctx: PageContext, page: Page, files: Files) -> None:
        """Ledger lines on a draft's articles; its outcome in the page head."""
        urls = self._ledger_urls(files)
        for article_id, extras in self.ledger_pages.article_extras(document, page.url, urls).items():
            ctx.article_extras.setdefault(article_id, []).extend(extras)
        head = self.ledger_pages.head_html(document, page.url, urls)
        if head:
            ctx.head_extras.insert(0, head)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for section in _sections(nav.items):
            section.title = self._section_title(section)
        nav.items.sort(key=self._nav_rank)
        self._group_laws_by_year(nav)
        self.rendering = Progress("rendering pages")
        self.rendered, self.to_render = 0, len(files.documentation_pages())
        self.nav = nav
        return nav

    # --- large law collections (lawnav.py) ------------------------------------

    def _add_law_indexes(self, files: Files, config: MkDocsConfig) -> None:
        """An index page, listing its laws by year, for each folder of many laws."""
        self.law_folders = lawnav.law_folders(self.site.documents.values())
        self.law_indexes: dict[str, str] = {}
        for folder, documents in self.law_folders.items():
            uri = lawnav.index_uri(folder)
            if files.get_file_from_path(uri) is None:
                self.law_indexes[uri] = folder
                files.append(File.generated(config, uri, content=f"# {lawnav.folder_title(folder, documents)}\n"))

    def _group_laws_by_year(self, nav: Navigation) -> None:
        """Split each large law folder's section into one section per year,
        grouped by decade when the laws span many years (lawnav.py)."""
        for section in list(_sections(nav.items)):
            pages = [c for c in section.children if isinstance(c, Page) and posixpath.dirname(c.file.src_uri) in self.law_folders and self._kind_of(c) is Kind.LAW]
            if len(pages) < lawnav.YEAR_GROUP_MIN:
                continue
            rest = [c for c in section.children if not any(c is p for p in pages)]
            groups = lawnav.by_year(pages, lambda page: lawnav.law_year(self.site.by_path[page.file.src_uri]))
            if len(groups) <= lawnav.DECADE_GROUP_MIN:
                section.children = rest + self._year_sections(groups, section)
                continue
            decades = []
            for decade, years in lawnav.by_decade(groups):
                if decade is None:  # the undated laws: one section beside the decades
                    decades.extend(self._year_sections(years, section))
                    continue
                decade_section = Section(lawnav.decade_title(decade, self.settings.language), [])
                decade_section.parent = section
                decade_section.children = self._year_sections(years, decade_section)
                decades.append(decade_section)
            section.children = rest + decades

    def _year_sections(self, groups: list[tuple[int | None, list[Page]]], parent: Section) -> list[Section]:
        sections = []
        for year, members in groups:
            year_section = Section(lawnav.year_title(year, self.settings.language), members)
            year_section.parent = parent
            for page in members:
                page.parent = year_section
            sections.append(year_section)
        return sections

    def _section_title(self, section: Section) -> str:
        """A folder's own index page names it (content/guide/); a folder named
        in Chinese (宪法相关法) names itself; an ASCII folder name (drafts,
        contact-points) gives way to the label of the one kind it holds."""
        index_title = self._index_title(section)
        if index_title or not section.title.isascii():
            return index_title or section.title
        # Generated pages (indexes, directories) are no documents: they do not count.
        kinds = {kind for page in _pages(section) if (kind := self._kind_of(page)) is not None}
        if len(kinds) == 1:
            return translator(self.settings.language)(f"kind_{kinds.pop().value}")
        return section.title

    def _nav_rank(self, item: Any) -> int:
        """Pages first (home, how to comment), then what a reader looks for
        first: drafts open for comment, feedback, interpretations, laws, points."""
        if isinstance(item, Page):
            return -1 if item.is_homepage else 0
        kinds = {self._kind_of(page) for page in _pages(item)} if isinstance(item, Section) else set()
        ranks = [NAV_ORDER.index(kind) + 1 for kind in kinds if kind in NAV_ORDER]
        return min(ranks) if ranks else len(NAV_ORDER) + 1

    def _index_title(self, section: Section) -> str | None:
        """A folder of plain pages with its own index.md (content/guide/) is
        named by that page's title, not by the generic kind label."""
        for page in section.children:
            document = self.site.by_path.get(page.file.src_uri) if isinstance(page, Page) else None
            if document is not None and document.kind is Kind.PAGE and page.file.name == "index":
                return document.title
        return None

    def _kind_of(self, page: Page) -> Kind | None:
        document = self.site.by_path.get(page.file.src_uri)
        return document.kind if document else None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.rendered += 1
        self.rendering(self.rendered, max(self.to_render, self.rendered))
        folder = self.law_indexes.get(page.file.src_uri)
        if folder is not None:
            hrefs = {d.id: file.url_relative_to(page.file) for d in self.law_folders[folder] if (file := files.get_file_from_path(d.path))}
            return self._stashed(page, markdown + "\n" + lawnav.law_index_html(page.title or folder, self.law_folders[folder], hrefs, self.settings.language) + "\n")
        ledger_page = self.ledger_pages.page_markdown(page.file.src_uri, markdown, page.url, self._ledger_urls(files))
        if ledger_page is not None:
            return ledger_page
        document = self.site.by_path.get(page.file.src_uri)
        if page.file.src_uri in self.readings.redlines:
            return self.readings.redline_markdown(page.file.src_uri, page.url, self._hrefs(files))
        if document is None:
            return markdown
        if document.kind is Kind.INTERPRETATION:
            return self.readings.interpretation_markdown(document, page.url, self._hrefs(files)) or markdown
        if document.legal is not None:
            ctx = PageContext(settings=self.settings, page_url=self.settings.site_url + page.url)
            self._add_ledger(document, ctx, page, files)
            self._reader_tools(document, ctx, page, files)
            ctx.article_extras = self._merge_extras(ctx.article_extras, self.readings.article_extras(document, page.url, self._hrefs(files)))
            chain = self.readings.chain_html(document, page.url, self._hrefs(files), self._redline_urls(files))
            return self._stashed(page, (chain + "\n\n" if chain else "") + legal_page_markdown(document, ctx))
        if page.is_homepage:
            # The listing is stashed (its banners carry the data-ls-* the sanitiser strips from the editor's part).
            listing = home_listing_html(list(self.site.documents.values()), self._hrefs(files), self.settings)
            return markdown + "\n\n" + self._stashed(page, listing + "\n\n" + self.ledger_pages.home_html(page.url, self._ledger_urls(files)) + "\n")
        return markdown

    def _stashed(self, page: Page, markdown: str) -> str:
        """Our pre-rendered HTML skips Markdown (render/stash.py); headings stay."""
        stash = self.stashes[page.file.src_uri] = Stash()
        return stash.hide(markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        stash = self.stashes.pop(page.file.src_uri, None)
        if not self.config.trust_html:
            # Only Markdown-made HTML is cleaned: our stashed blocks are safe by construction.
            html = harden.sanitize_page(html)
        _escape_page_fields(page)
        return stash.restore(html) if stash else html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """The theme's templates do not autoescape: titles and names are
        escaped once here and in on_page_content (see render/harden.py)."""
        env.filters["striptags"] = harden.safe_striptags
        for key in ("site_name", "site_description"):
            if isinstance(config.get(key), str):
                config[key] = harden.escape_text(config[key])
        for item in _nav_items(getattr(self, "nav", None)):
            if not isinstance(item, Page) and isinstance(item.title, str):
                item.title = harden.escape_text(item.title)
        self.static_html = [f.dest_uri for f in files if f.dest_uri.endswith(".html") and not f.is_documentation_page()]
        return env

    def _harden(self, output: str, content: str = "") -> str:
        """rel on external links and the CSP meta (render/harden.py)."""
        wasm = getattr(self, "search_engine", None) == "pagefind"
        # Not while serving: MkDocs' live reload injects an inline script that changes per request.
        csp = self.config.csp and not getattr(self, "serving", False)
        return harden.finish_page(output, content=content, site_url=self.settings.site_url, csp=csp, wasm=wasm)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self._harden(output_content) if template_name.endswith(".html") else output_content

    def _reader_tools(self, document: Any, ctx: PageContext, page: Page, files: Files) -> None:
        """The poster link and the comment basket of a draft (render/reader.py)."""
        poster = files.get_file_from_path(posters.poster_uri(document))
        if poster is not None:
            ctx.head_extras.append(reader.poster_link_html(poster.url_relative_to(page.file), self.settings))
        basket = reader.basket_html(document, self.settings, ctx.page_url)
        if basket:
            ctx.tail_extras.append(basket)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = reader.inject_head(output, reader.BEFORE_PAINT)
        # Indentation collapsed before hardening, so any hash of an inline script matches.
        return self._harden(readable_urls(compact_sidebars(collapse_whitespace(self._outputs_page(output, page)))), page.content or "")

    def _redline_urls(self, files: Files) -> dict[str, str]:
        """A later reading's id → the URL of its redline page."""
        urls = {}
        for uri, (_, new) in self.readings.redlines.items():
            file = files.get_file_from_path(uri)
            if file is not None:
                urls[new.id] = file.url
        return urls

    @staticmethod
    def _merge_extras(first: dict[str, list[str]], more: dict[str, list[str]]) -> dict[str, list[str]]:
        merged = {key: list(value) for key, value in first.items()}
        for key, value in more.items():
            merged.setdefault(key, []).extend(value)
        return merged

    def _hrefs(self, files: Files) -> dict[str, str]:
        # Asked several times per page: computed once per build (was O(pages²)).
        if getattr(self, "_hrefs_cache", None) is not None:
            return dict(self._hrefs_cache)
        hrefs: dict[str, str] = {}
        for document in self.site.documents.values():
            file = files.get_file_from_path(document.path)
            if file is not None:
                hrefs[document.id] = file.url
        self._hrefs_cache = hrefs
        return dict(hrefs)

    # --- search, feeds, open data (outputs/) -----------------------------------

    def _setup_outputs(self, files: Files, config: MkDocsConfig) -> None:
        """Pagefind replaces Material's search when the setting (or the size
        of the site, for `auto`) says so; Material's search is then disabled,
        so it neither builds its index nor shows its box."""
        self.outputs_site = SiteLinks(config.site_name, self._hrefs(files), self.settings)
        self.search_engine = site_search.choose_engine(self.config.search, len(self.site.documents))
        if self.search_engine != "pagefind":
            return
        for name in ("material/search", "search"):
            plugin = config.plugins.get(name)
            if plugin is not None and hasattr(plugin.config, "enabled"):
                plugin.config.enabled = False
        for name in site_search.ASSETS:
            (config.extra_css if name.endswith(".css") else config.extra_javascript).append(f"assets/lawsite/{name}")
            files.append(File.generated(config, f"assets/lawsite/{name}", abs_src_path=str(ASSETS / name)))
        self.search_button = site_search.search_button_html(self.settings.language)

    def _outputs_page(self, output: str, page: Page) -> str:
        """Feed links in the head; on Pagefind sites, the indexed body and the button."""
        document = self.site.by_path.get(page.file.src_uri)
        output = output.replace("</head>", feeds.head_links_html(document, self.outputs_site, page.url) + "</head>", 1)
        if self.search_engine == "pagefind":
            output = site_search.mark_page(output, self.search_button)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.rendering.close()
        self.builds = getattr(self, "builds", 0) + 1
        if getattr(self, "serving", False) and self.builds > 1:
            # Preview rebuild: feeds, open data and the search index of the
            # first build stay in the preview folder (tens of seconds on a corpus).
            log.info("lawsite: preview rebuild; feeds, open data and search index kept from the first build")
            return
        site_dir = Path(config.site_dir)
        where = self.outputs_site
        outputs = itertools.chain(feeds.feed_files(self.site, where).items(), opendata.open_data_files(self.site, where))
        for rel, content in outputs:
            target = site_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        for rel in self.static_html:  # generated pages MkDocs copies as they are (posters)
            target = site_dir / rel
            if target.is_file():
                target.write_text(self._harden(target.read_text(encoding="utf-8")), encoding="utf-8")
        if self.search_engine == "pagefind":
            self._index_search(site_dir)
        if not getattr(self, "serving", False):
            self._fresh_state()
            forget_parsed()

    def _index_search(self, site_dir: Path) -> None:
        if site_search.defer_index(site_dir):
            log.info("lawsite: the search index is built once MkDocs is done (lawsite build)")
            return
        result = site_search.index_site(site_dir)
        for problem in result.problems:
            if problem.is_error:
                raise PluginError(format_problem(problem))
            log.warning(format_problem(problem))
        log.info(f"lawsite: Pagefind indexed {result.page_count} pages in {result.shards} shard(s)")


def _copied_file_problems(files: Files, config: MkDocsConfig, known: list[Problem]) -> list[Problem]:
    """The static-file policy (parse/static_files.py) on exactly the content
    files MkDocs is about to copy (`serve` included), beyond those `known`."""
    docs = Path(config.docs_dir).resolve()
    copied = [
        (f.src_uri, Path(f.abs_src_path))
        for f in files
        if not f.is_documentation_page() and f.inclusion.is_in_serve() and f.abs_src_path and f.src_dir and Path(f.src_dir).resolve() == docs
    ]
    seen = {(p.path, p.code) for p in known}
    return [p for p in static_file_problems(copied) if (p.path, p.code) not in seen]


def _nav_items(nav: Navigation | None):
    stack = list(nav.items) if nav is not None else []
    while stack:
        item = stack.pop()
        yield item
        stack.extend(getattr(item, "children", None) or [])


def _escape_page_fields(page: Page) -> None:
    """Title, front matter and table of contents as escaped HTML for the theme."""
    for key, value in list(page.meta.items()):
        page.meta[key] = harden.escape_meta(value)
    if "title" in vars(page):  # set from mkdocs.yml's nav or by a plugin: plain text
        page.title = harden.escape_text(str(page.title))
    elif "title" not in page.meta:
        rendered = getattr(page, "_title_from_render", None)
        page.title = harden.clean_title(rendered) if rendered else harden.escape_text(str(page.title or ""))
    stack = list(page.toc or [])
    while stack:
        item = stack.pop()
        item.title = harden.clean_title(item.title)
        stack.extend(item.children)


def _pages(section: Section):
    """Every page below a section, at any depth."""
    for child in section.children:
        if isinstance(child, Page):
            yield child
        elif isinstance(child, Section):
            yield from _pages(child)


def _sections(items: list[Any]):
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)
