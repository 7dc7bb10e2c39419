"""The thin MkDocs adapter: each event calls the domain functions.

Only this module imports MkDocs. The order follows MkDocs' pipeline:
on_config (settings, assets) → on_files (gather the whole site, plan its
pages, add the generated files, fix every page's URL) → on_nav (name folders
by what they hold) → on_page_markdown (render the planned page) →
on_page_content / on_post_page (finish) → on_post_build (emit feeds, open
data, the search index).
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import posixpath
import re
import threading
import time
from pathlib import Path
from typing import Any

import mkdocs
import yaml
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import CountHandler, get_theme_dir
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent
from watchdog.observers import Observer

from . import nav_cache
from .admin import bundle as admin_bundle
from .admin.config import BACKENDS as ADMIN_BACKENDS
from .admin.config import AdminSettings, editor_config
from .admin.page import CONFIG as ADMIN_CONFIG
from .admin.page import FOLDER as ADMIN_FOLDER
from .admin.page import PHONE_CSS, PHONE_STYLESHEET, admin_page
from .compat import require_supported_engine
from .emit import feeds
from .emit import poster as posters
from .emit import search as site_search
from .emit.compress import COMPRESSED_CACHE, CompressedCache, precompress
from .emit.files import rewrite_html, site_outputs, write_outputs
from .emit.lookup import lookup_files
from .emit.opendata import DocumentFiles
from .emit.publisher import Publisher
from .emit.qr import CACHE_DIR, CACHE_FILE, QrCodes
from .emit.share_image import CACHE_SUBDIR, ShareImages, find_cjk_fonts, share_image_uri, site_share_images
from .filesystems import UNANNOUNCED, filesystem_of, polling_wanted
from .finish import Finish, harden
from .finish.stash import Stash
from .gather.laws_apart import body_problems, forget_read, found_here, take_found
from .gather.site import Site, forget_parsed, link_problems, load_site
from .messages import ENV, language, msg
from .model import ConfigError, Kind, Problem
from .parse.static_files import static_file_problems
from .parts import PARTS_FROM, Parts, fork, split, wanted_parts
from .plan import FeedbackSheetPage, LookupPage, Plan, PosterPage, SignPage, plan_pages
from .progress import Progress, Steps
from .render import lawnav, reader
from .render.comments import intake_base, intake_origin
from .render.point_comments import point_service
from .render.i18n import translator
from .render.interpretation import commented_document
from .render.lookup import LOOKUP_SCRIPT
from .render.pages import Build, PageInput, render_page
from .render.share import SiteCard, image_document, page_description, share_card, share_head_html
from .report import format_problem
from .settings import Settings
from .shared_markdown import SharedMarkdown
from .source_stamps import SourceStamps
from .urls import ASSET_DIR, SiteUrls

log = logging.getLogger("mkdocs.plugins.lawsite")

ASSETS = Path(__file__).parent / "assets"
# Theme templates lawsite replaces (the footer, the 404 page): searched after
# the site's custom_dir, before Material's.
OVERRIDES = Path(__file__).parent / "overrides"
# Order of the top-level nav sections, by the kind of document they hold.
NAV_ORDER = (Kind.DRAFT, Kind.NOTICE, Kind.INTERPRETATION, Kind.LAW, Kind.CONTACT_POINT, Kind.ACTIVITY)
# The plugin's own styles and scripts on every page, in the order they load;
# reader.LABELS_SCRIPT comes before reader.js, which reads it.
PAGE_ASSETS = ("lawsite.css", "lawsite.js", "ledger.css", "readings.css", reader.LABELS_SCRIPT, *reader.PAGE_ASSETS)


class FooterConfig(Config):
    # A government site's footer (settings.Footer); each left out is not shown.
    sponsor = opt.Type(str, default="")
    contact = opt.Type(str, default="")
    site_code = opt.Type(str, default="")
    icp = opt.Type(str, default="")
    police = opt.Type(str, default="")


class AdminConfig(Config):
    # The web editor at /admin/ (admin/config.py: AdminSettings)
    enabled = opt.Type(bool, default=True)
    backend = opt.Choice(("", *ADMIN_BACKENDS), default="")
    repo = opt.Type(str, default="")
    branch = opt.Type(str, default="main")
    base_url = opt.Type(str, default="")
    api_root = opt.Type(str, default="")
    app_id = opt.Type(str, default="")
    local = opt.Type(str, default="http://localhost:8081/api/v1")


class LawsiteConfig(Config):
    timezone = opt.Type(str, default="Asia/Shanghai")
    numbering = opt.Choice(("zh-Hans", "zh-Hant", "en"), default="zh-Hans")
    language = opt.Choice(("zh", "zh-Hant", "en"), default="zh")
    # auto is Pagefind at every size (emit/search.py: MODES)
    search = opt.Choice(site_search.MODES, default="auto")
    # Raw HTML in Markdown is sanitised (finish/harden.py) unless the site trusts its editors.
    trust_html = opt.Type(bool, default=False)
    # A Content-Security-Policy <meta> in every page: only the site's own scripts and styles.
    csp = opt.Type(bool, default=True)
    footer = opt.SubConfig(FooterConfig)
    # The comment service (`lawsite intake`) of every draft without its own `comments.intake`.
    intake = opt.Type(str, default="")
    # The salt of the receipts 查询我的意见 publishes (emit/lookup.py); empty: derived from site_url.
    lookup_salt = opt.Type(str, default="")
    admin = opt.SubConfig(AdminConfig)


class LawsitePlugin(BasePlugin[LawsiteConfig]):
    def __init__(self) -> None:
        self.serving = False  # `mkdocs serve`: rebuilds follow, the CSP is left out
        self.started = time.time()
        self.dirty = False  # serve's dirty rebuilds: law pages are built when first asked for
        self.builds = 0
        self.on_request = OnRequest()
        self.stamps = SourceStamps()  # serve's dirty rebuilds: which pages changed
        self.compiled_templates = CompiledTemplates()
        self.theme_listing = ThemeListing()
        self._fresh_state()

    def _fresh_state(self) -> None:
        """The state one build gathers. MkDocs keeps plugin instances after a
        build; a publication build ends with a fresh state, so that the whole
        site is not held in memory while `lawsite build` runs the search
        indexer (emit/search.py: defer_index)."""
        self.settings = Settings()
        self.plan = Plan((), (), (), {})
        self.build = Build(Site(), self.settings, SiteUrls({}))
        self.finish = Finish("", sanitise=True, csp=False, wasm=False)
        self.search_engine = "material"
        self.rendering = Steps(msg("progress.rendering").render(language(os.environ.get(ENV))))
        self.nav: Navigation | None = None
        self.stashes: dict[str, Stash] = {}
        self.static_html: list[str] = []
        self.site_card = SiteCard("", "", "")
        self.parts = Parts()
        self.laws_apart: list[Page] = []  # rendered by on_env, not by MkDocs' loops (_set_laws_apart)
        self.law_weights: list[int] = []
        self.jobs = 1
        self.open_data_written: set[str] = set()  # ids of the laws whose open data a part wrote
        self.share_images: dict[str, str] = {}  # draft id → its share image's site-relative URL

    @property
    def lang(self) -> str:
        """The language of what the plugin logs: `LAWSITE_LANG` (set by
        `lawsite build --lang`), else the site's `language`."""
        return language(os.environ.get(ENV) or self.settings.language)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `serve` rebuilds, so
        # a preview rebuild can skip what only a publication needs.
        self.serving, self.dirty, self.builds = command == "serve", dirty and command == "serve", 0
        self.stamps = SourceStamps()

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance after the command: the next one starts as a build.
        self.serving, self.dirty, self.builds = False, False, 0

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.started = time.time()  # build caches drop what this build did not use
        if self.dirty:
            self.on_request.building()
            self.stamps.take(Path(config.docs_dir))

    def on_build_error(self, *, error: Exception) -> None:
        if self.parts.is_child:  # said here: the parent only hears that this part failed
            log.error(str(error) if isinstance(error, PluginError) else f"{type(error).__name__}: {error}")
            self.parts.finish_child(None, 1)
        self.parts.stop()
        self.stamps.fail()
        self.on_request.built()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.dirty:
            self.on_request.serve_through(server)
        filesystem = filesystem_of(Path(config.docs_dir))
        if polling_wanted():
            log.info(msg("plugin.serve-polling").render(self.lang))
        elif filesystem in UNANNOUNCED:
            log.info(msg("plugin.serve-polling.filesystem", filesystem=filesystem).render(self.lang))
        else:
            _watch_natively(server)
        if self.dirty and self.stamps.saved_since_taken(Path(config.docs_dir)):
            _rebuild_soon(server)  # saved during the first build, before the watcher began
        # What the first build left (the whole site, gathered) is kept out of
        # Python's full collections: on the corpus each took half a second,
        # one in a rebuild now and then (the first rebuild always).
        gc.collect()
        gc.freeze()
        self._announce_when_listening(server)
        return server

    def _announce_when_listening(self, server: Any) -> None:
        """Log the preview's address once its socket listens (MkDocs binds it
        after this event; an address already in use is never announced)."""
        listen = server.server_activate

        def listening() -> None:
            listen()
            log.info(msg("plugin.serving", url=server.url).render(self.lang))

        server.server_activate = listening

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            require_supported_engine(getattr(mkdocs, "__version__", ""))
            self.settings = Settings.from_options(config.site_url, dict(self.config), tuple(str(d) for d in config.theme.dirs))
        except ConfigError as exc:
            raise PluginError(exc.text.render(language(os.environ.get(ENV)))) from exc
        # MkDocs walks docs_dir following links before any other event: refuse a
        # link out of it or round in a circle now, or that walk never ends.
        links = link_problems(Path(config.docs_dir))
        if links:
            lines = "\n  ".join(format_problem(p, self.lang) for p in links)
            raise PluginError(msg("plugin.links", n=len(links), lines=lines).render(self.lang))
        for ext in ("attr_list", "toc"):
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        features = config.theme.get("features")
        if config.theme.name == "material" and isinstance(features, list) and "navigation.prune" not in features:
            # Only the current page's branch of the nav in each page (see render/lawnav.py).
            features.append("navigation.prune")
        for name in PAGE_ASSETS:
            _extra_asset(config, name)
        _add_overrides(config)
        if wanted_parts() is not None:
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_notices)
        if self.serving:
            self.theme_listing.install(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.stashes = {}
        progress = Progress(msg("progress.reading").render(self.lang))
        # Under `lawsite build`, the laws of a large site are parsed in worker
        # processes and parsed again where their pages are rendered
        # (gather/laws_apart.py): kept, every part would copy them.
        on_demand = wanted_parts() is not None and not self.serving
        site = load_site(Path(config.docs_dir), self.settings, progress, laws_on_demand=on_demand)
        progress.close()
        for problem in site.problems:
            if not problem.is_error:
                log.warning(format_problem(problem, self.lang))
        _stop_on(site.errors + _copied_file_problems(files, config, site.errors), self.lang)
        self.plan = plan_pages(site, self.settings, lambda src: files.get_file_from_path(src) is not None)
        for warning in self.plan.skipped:
            log.warning(warning.render(self.lang))
        self._add_assets(files, config, site)
        self._add_generated(files, config, site)
        self._add_admin(files, config, site)
        if self.dirty:
            _decide_modified(files, self.stamps, site_dir=config.site_dir)
            self.on_request.defer(files, site_dir=config.site_dir, wanted=lambda f: self._kind_of_file(f) is Kind.LAW)
        return files

    @property
    def site(self) -> Site:
        return self.build.site

    def _add_assets(self, files: Files, config: MkDocsConfig, site: Site) -> None:
        """The plugin's styles and scripts; Pagefind's when it replaces Material's
        search; the comment service's when a draft posts to one."""
        self.search_engine = site_search.choose_engine(self.config.search)
        names = [n for n in PAGE_ASSETS if n != reader.LABELS_SCRIPT] + list(reader.POSTER_ASSETS)
        if any(isinstance(spec, LookupPage) for spec in self.plan.generated):
            names.append(LOOKUP_SCRIPT)  # loaded by the lookup page alone
        extra = list(site_search.ASSETS if self.search_engine == "pagefind" else ())
        if self.search_engine == "pagefind":
            _disable_material_search(config)
        intake = any(intake_base(document, self.settings) for document in site.documents.values())
        if intake:
            extra += reader.INTAKE_ASSETS
        for name in extra:
            _extra_asset(config, name)
        sources = {name: name for name in names + extra} | (site_search.MODULES if self.search_engine == "pagefind" else {})
        for name, source in sources.items():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(ASSETS / source)))
        files.append(File.generated(config, reader.LABELS_SCRIPT, content=reader.labels_script(self.settings.language, intake)))

    def _add_generated(self, files: Files, config: MkDocsConfig, site: Site) -> None:
        """The planned pages' files; then every page's URL, once, for every link;
        then the posters, which are whole files written with those links."""
        for spec in self.plan.generated:
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, spec.src, content=spec.stub, inclusion=inclusion))
        pages = {spec.key: file.url for spec in self.plan.pages if (file := files.get_file_from_path(spec.src)) is not None}
        self.build = Build(site, self.settings, SiteUrls(pages, self.settings.site_url), QrCodes(_qr_cache_file(config)))
        # Plain text, taken before on_env escapes them for the theme.
        self.site_card = SiteCard(config.site_name or "", config.site_description or "", self.settings.site_url)
        self._add_share_images(files, config, site)
        wasm = self.search_engine == "pagefind"
        button = site_search.search_button_html(self.settings.language)
        mark = (lambda html, rank: site_search.mark_page(html, button, rank)) if wasm else None
        # Not while serving: MkDocs' live reload injects an inline script that changes per request.
        self.finish = Finish(self.settings.site_url, sanitise=not self.config.trust_html, csp=self.config.csp and not self.serving, wasm=wasm, mark_search=mark, site_name=harden.escape_text(config.site_name or ""))
        problem = posters.site_url_problem(self.settings.site_url)
        if problem and any(isinstance(spec, (PosterPage, SignPage)) for spec in self.plan.generated):
            log.warning(format_problem(problem, self.lang))
        for spec in self.plan.generated:
            if isinstance(spec, (PosterPage, SignPage, FeedbackSheetPage)):  # whole HTML files, written with every page's link
                poster = files.get_file_from_path(spec.src)
                assert poster is not None
                poster.content_string = render_page(spec, PageInput(self.build, poster.url)).markdown

    def _add_admin(self, files: Files, config: MkDocsConfig, site: Site) -> None:
        """The web editor at /admin/: its page, its config.yml made from the
        schema, and the vendored Decap CMS; without the bundle, a warning."""
        try:
            settings = AdminSettings.from_options(self.config.admin)
        except ConfigError as exc:
            raise PluginError(exc.text.render(self.lang)) from exc
        if not settings.enabled:
            return
        vendored = admin_bundle.vendored_files()
        if not vendored:
            log.warning(msg("admin.no-bundle", entry=str(admin_bundle.FOLDER / admin_bundle.ENTRY)).render(self.lang))
            return
        content = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path or config.docs_dir).parent)).as_posix()
        points = tuple((point.id, point.title) for point in site.of_kind(Kind.CONTACT_POINT))
        editor = _editor_yaml(settings, content, self.settings.language, points)
        files.append(File.generated(config, f"{ADMIN_FOLDER}/index.html", content=admin_page(settings, config.site_name or "", self.settings.language)))
        files.append(File.generated(config, f"{ADMIN_FOLDER}/{ADMIN_CONFIG}", content=editor))
        files.append(File.generated(config, f"{ADMIN_FOLDER}/{PHONE_STYLESHEET}", content=PHONE_CSS))
        for path in vendored:
            files.append(File.generated(config, f"{ADMIN_FOLDER}/{path.name}", abs_src_path=str(path)))

    def _add_share_images(self, files: Files, config: MkDocsConfig, site: Site) -> None:
        """Each draft's share image (og:image), drawn or taken from the cache."""
        drafts = [spec.document for spec in self.plan.documents if spec.document.kind is Kind.DRAFT]
        images = ShareImages(_cache_folder(config, CACHE_SUBDIR), find_cjk_fonts() if drafts else None)
        texts, problems = site_share_images(drafts, site.consultations, self.settings, config.site_name or "", images)
        for problem in problems:
            log.warning(format_problem(problem, self.lang))
        self.share_images = {}
        for draft in drafts:
            if draft.id in texts:
                uri = share_image_uri(draft)
                files.append(File.generated(config, uri, content=images.png(texts[draft.id])))
                self.share_images[draft.id] = uri

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for section in _sections(nav.items):
            section.title = self._section_title(section)
            self._number_pages_in_order(section)
        nav.items.sort(key=self._nav_rank)
        self._group_laws_by_year(nav)
        self.rendering = Steps(msg("progress.rendering").render(self.lang), len(files.documentation_pages()))
        self.nav, self.files = nav, files
        if self.dirty:  # pages not read in this rebuild still show their titles in the nav
            for page in _nav_items(nav):
                if isinstance(page, Page) and "title" not in vars(page) and (document := self.site.by_path.get(page.file.src_uri)):
                    page.title = document.title
        self._set_laws_apart(files, config)
        return nav

    # --- law pages rendered by one process per CPU (parts.py) ------------------

    def _set_laws_apart(self, files: Files, config: MkDocsConfig) -> None:
        """Under `lawsite build` (a dirty build into a fresh folder: MkDocs
        reads and writes a page only if its file says it was modified), the
        law pages of a large site are left out of MkDocs' own loops: on_env
        renders them (`_render_laws`), one at a time, each dropped once
        written, as MkDocs keeps every page's text to the end of a build;
        and shared among one process per CPU. Their front matter is read
        now, so that every page's nav and footer name them as a whole build
        would."""
        jobs = wanted_parts()
        laws = [f.page for f in files.documentation_pages() if f.page is not None and self._kind_of_file(f) is Kind.LAW]
        self.laws_apart, self.law_weights = [], []
        if jobs is None or self.serving or len(laws) < PARTS_FROM:
            return
        for page in laws:
            self._read_front_matter(page, config)
            _escape_page_meta(page)
        self.laws_apart = [page for page in laws if "title" in page.meta]  # named by its front matter, not by what it renders to
        for page in self.laws_apart:
            self.law_weights.append(len(page.markdown or ""))
            page.markdown = ""  # read again when rendered; kept, it would be copied into every part
            page.file.is_modified = _not_modified  # type: ignore[method-assign]  # MkDocs skips it
        self.jobs = min(jobs, os.cpu_count() or 1)

    def _read_front_matter(self, page: Page, config: MkDocsConfig) -> None:
        """The page's front matter and text as MkDocs reads them: from the
        law gathered already when its checked front matter holds every key
        written (for each of the corpus' laws, what MkDocs' own reading
        gives; reading it again was a fifth of the time before rendering),
        else read by MkDocs. Read again by MkDocs when the page is rendered."""
        document = self.site.by_path.get(page.file.src_uri)
        written = {path[0] for path in document.front_lines if len(path) == 1} if document is not None else None
        if document is None or written != set(document.meta) or not isinstance(document.meta.get("title"), str):
            page.read_source(config)
            return
        page.meta, page.markdown = dict(document.meta), document.body

    def _render_laws(self, config: MkDocsConfig, env: Any) -> None:
        """Render and write the law pages set apart, shared among `self.jobs`
        forked processes (parts.py): each renders its own; the children then
        end, and the parent goes on with the rest of the build."""
        owners = split(self.law_weights, self.jobs)
        self.law_markdown = SharedMarkdown()  # set up by the first page, before the fork: for every part
        doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_included)
        open_data = DocumentFiles(self.site, Publisher(config.site_name, self.build.urls, self.settings))
        first = next((page for page, owner in zip(self.laws_apart, owners) if owner == 0), None)
        if first is not None:  # before the fork: the templates it compiles serve every part
            self._render_law(first, config, doc_files, env, open_data)
        self.parts = parts = fork(self.jobs)
        parts.step(0 if parts.is_child else self.rendering.done)  # the pages MkDocs rendered before the fork
        if parts.is_child:
            for handler in _warning_counters():
                handler.counts.clear()  # the parent's, copied by the fork: counted there
        own = [page for page, owner in zip(self.laws_apart, owners) if owner == parts.index and page is not first]
        for page in own:
            self._render_law(page, config, doc_files, env, open_data)
        self.open_data_written = {document.id for page in self.laws_apart if (document := self.site.by_path.get(page.file.src_uri)) is not None}
        if parts.is_child:  # its pages are written: the rest of the build is the parent's
            counts = {level: number for handler in _warning_counters() for level, number in handler.counts.items()}
            parts.finish_child((counts, {page.file.src_uri: _anchors_of(page) for page in own}, found_here()), 0)

    def _render_law(self, page: Page, config: MkDocsConfig, doc_files: Any, env: Any, open_data: DocumentFiles) -> None:
        with self.law_markdown.rendering(page):
            _populate_page(page, config, self.files)
        _build_page(page, config, doc_files, self.nav, env, excluded=page.file.inclusion.is_excluded())
        page.content, page.markdown = None, ""  # the nav and the sitemap need its title and address only
        if (document := self.site.by_path.get(page.file.src_uri)) is not None:  # its open data while its text is parsed
            write_outputs(Path(config.site_dir), [open_data.file(document)])

    def _rendered_one(self) -> None:
        if self.parts.count < 2:
            self.rendering.step()
        elif not self.parts.is_child:
            self.rendering.step(self.parts.step())
        else:
            self.parts.step()

    def _join_parts(self, config: MkDocsConfig) -> None:
        """In the parent: wait for the children; fail if one did; count their
        warnings as MkDocs' strict mode counts ours; check the links to
        anchors that run between parts (MkDocs checked each page's links only
        against the pages rendered in its own process)."""
        outcomes = self.parts.wait()
        failed = [str(number) for number, (code, _) in enumerate(outcomes, start=2) if code != 0]
        if failed:
            raise PluginError(msg("plugin.part-failed", parts="、".join(failed)).render(self.lang))
        theirs: dict[str, tuple[set[str] | None, dict[str, dict[str, str]]]] = {}
        for _, (counts, anchors, found) in outcomes:
            for handler in _warning_counters():
                for level, number in counts.items():
                    handler.counts[level] += number
            theirs |= anchors
            take_found(found)
        pages = {uri: file.page for uri in theirs if (file := self.files.get_file_from_path(uri)) is not None and file.page is not None}
        for uri, page in pages.items():
            page.present_anchor_ids = theirs[uri][0]
        level = config.validation.links.anchors
        for uri, page in pages.items():
            page.links_to_anchors = {target: links for to, links in theirs[uri][1].items() if (target := self.files.get_file_from_path(to)) is not None}
        for file in self.files.documentation_pages():
            page = file.page
            if page is None or not page.links_to_anchors:
                continue
            if file.src_uri in theirs:
                page.validate_anchor_links(files=self.files, log_level=level)
                continue
            into_theirs = {target: links for target, links in page.links_to_anchors.items() if target.src_uri in theirs}
            if into_theirs:
                kept, page.links_to_anchors = page.links_to_anchors, into_theirs
                page.validate_anchor_links(files=self.files, log_level=level)
                page.links_to_anchors = kept

    def _report_bodies(self) -> None:
        """The problems of the laws' bodies parsed where their pages were
        rendered (gather/laws_apart.py), as on_files reports the rest: their
        warnings, or the build stops on their errors."""
        problems = body_problems(self.site.documents.values())
        for problem in problems:
            if not problem.is_error:
                log.warning(format_problem(problem, self.lang))
        _stop_on([problem for problem in problems if problem.is_error], self.lang)

    # --- large law collections (render/lawnav.py) ------------------------------------

    def _group_laws_by_year(self, nav: Navigation) -> None:
        """Split each large law folder's section into one section per year,
        grouped by decade when the laws span many years (render/lawnav.py)."""
        for section in list(_sections(nav.items)):
            pages = [c for c in section.children if isinstance(c, Page) and posixpath.dirname(c.file.src_uri) in self.plan.law_folders and self._kind_of(c) is Kind.LAW]
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

    def _number_pages_in_order(self, section: Section) -> None:
        """A folder of plain pages named by number (content/guide/: 1-draft,
        2-…, 10-sort) in the order of their numbers, not of their letters."""
        children = section.children
        if all(isinstance(c, Page) and self._kind_of(c) is Kind.PAGE for c in children):
            children.sort(key=lambda page: (page.file.name != "index", [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", page.file.name)]))

    def _index_title(self, section: Section) -> str | None:
        """A folder of plain pages with its own index.md (content/guide/) is
        named by that page's title, not by the generic kind label."""
        for page in section.children:
            document = self.site.by_path.get(page.file.src_uri) if isinstance(page, Page) else None
            if document is not None and document.kind is Kind.PAGE and page.file.name == "index":
                return document.title
        return None

    def _kind_of(self, page: Page) -> Kind | None:
        return self._kind_of_file(page.file)

    def _kind_of_file(self, file: File) -> Kind | None:
        document = self.site.by_path.get(file.src_uri)
        return document.kind if document else None

    # --- pages: render the plan, then finish -----------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._rendered_one()
        spec = self.plan.page(page.file.src_uri)
        if spec is None:
            return markdown
        rendered = render_page(spec, PageInput(self.build, page.url, markdown, page.title))
        description = page_description(spec, self.site, self.settings.language)
        if description:  # the theme's <meta name="description">; escaped in on_page_content
            page.meta["description"] = description
        if not rendered.stashed:
            return rendered.markdown
        # Our pre-rendered HTML skips Markdown (finish/stash.py); headings stay.
        stash = self.stashes[page.file.src_uri] = Stash()
        return rendered.markdown + stash.hide(rendered.stashed)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        _escape_page_fields(page)
        return self.finish.body(html, self.stashes.pop(page.file.src_uri, None))

    @event_priority(-100)  # last: the law pages it renders (parts.py) see every plugin's environment
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """The theme's templates do not autoescape: titles and names are
        escaped once here and in on_page_content (see finish/harden.py)."""
        env.filters["striptags"] = harden.safe_striptags
        if not self.serving:  # the theme does not change during a build: no stat() of each template a page includes
            env.auto_reload = False
        if config.theme.name == "material" and self.nav is not None:
            nav_cache.install(env, self.nav.items, Path(get_theme_dir("material")))  # its nav partial, as MkDocs finds it
        env.globals["lawsite_footer"] = reader.footer_html(self.settings)
        env.globals["lawsite_not_found"] = reader.not_found_html(self.settings)
        for key in ("site_name", "site_description"):
            if isinstance(config.get(key), str):
                config[key] = harden.escape_text(config[key])
        for item in _nav_items(self.nav):
            if not isinstance(item, Page) and isinstance(item.title, str):
                item.title = harden.escape_text(item.title)
        self.static_html = [f.dest_uri for f in files if f.dest_uri.endswith(".html") and not f.is_documentation_page()]
        if self.dirty and self.nav is not None:
            self.on_request.context = (config, files, self.nav, env)
        if self.serving:  # each rebuild has a new environment: compiled once, the theme's templates serve them all
            env.bytecode_cache = self.compiled_templates
            _skip_preview_templates(config, rebuild=self.dirty and self.builds > 0)
        if self.laws_apart:
            self._render_laws(config, env)
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self.finish.harden(output_content) if template_name.endswith(".html") else output_content

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        document = self.site.by_path.get(page.file.src_uri)
        head = feeds.head_links_html(document, self.build.urls.at(page.url), self.settings.language)
        spec = self.plan.page(page.file.src_uri)
        if spec is not None:
            image = self.share_images.get(image_document(spec) or "")
            head += share_head_html(share_card(spec, self.site, self.settings.language, page.url, image, self.site_card), self.settings.language)
        service = point_service(self.site, self.settings) if document is not None and document.kind is Kind.CONTACT_POINT else intake_origin(commented_document(document, self.site), self.settings)
        return self.finish.page(output, head, page.content or "", service, site_search.search_rank(self.site, document))

    # --- feeds, open data, search (emit/) -----------------------------------

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.parts.children:
            self._join_parts(config)
        self._report_bodies()
        self.rendering.close()
        self.builds += 1
        self.on_request.built()
        site_dir = Path(config.site_dir)
        if self.dirty:
            # A preview: its first page in seconds, a change in one. Feeds,
            # open data and the search index are a publication's (tens of
            # seconds on a corpus); law pages are built when first asked for.
            rewrite_html(site_dir, self.static_html, self.finish.harden)
            log.info(msg("plugin.preview-on-request", count=len(self.on_request.deferred)).render(self.lang))
            return
        if self.serving and self.builds > 1:
            # Preview rebuild: feeds, open data and the search index of the
            # first build stay in the preview folder (tens of seconds on a corpus).
            log.info(msg("plugin.preview-rebuild").render(self.lang))
            return
        publisher = Publisher(config.site_name, self.build.urls, self.settings)
        write_outputs(site_dir, site_outputs(self.site, publisher, written=self.open_data_written))
        self._publish_receipts(site_dir, publisher)
        rewrite_html(site_dir, self.static_html, self.finish.harden)
        deferred = self.search_engine == "pagefind" and self._index_search(site_dir, config)
        if not self.serving and not deferred:  # deferred: `lawsite build` compresses after the index
            cache = _cache_folder(config, COMPRESSED_CACHE)
            done = precompress(site_dir, cache=cache)
            CompressedCache(cache).prune(used_since=self.started)
            log.info(msg("plugin.precompressed", files=done.files).render(self.lang))
        if not self.serving:
            self._fresh_state()
            forget_parsed()
            forget_read()

    def _publish_receipts(self, site_dir: Path, publisher: Publisher) -> None:
        """The sealed receipts of 查询我的意见 (emit/lookup.py), counted in one log line."""
        published = lookup_files(self.site, publisher)
        if published.files:
            write_outputs(site_dir, published.files.items())
            log.info(msg("plugin.lookup", receipts=published.receipts, buckets=published.buckets, others=published.others).render(self.lang))

    def _index_search(self, site_dir: Path, config: MkDocsConfig) -> bool:
        """Index the built site now, or leave it to `lawsite build` (True)."""
        if site_search.defer_index(site_dir):
            log.info(msg("plugin.index-deferred").render(self.lang))
            return True
        result = site_search.index_site(site_dir, cache=_cache_folder(config, site_search.SEARCH_CACHE))
        for problem in result.problems:
            if problem.is_error:
                raise PluginError(format_problem(problem, self.lang))
            log.warning(format_problem(problem, self.lang))
        log.info(msg("plugin.indexed", pages=result.page_count, shards=result.shards).render(self.lang))
        return False


class OnRequest:
    """Pages of a preview built when a browser first asks for them (`serve`
    with dirty rebuilds): the preview of a 1,564-law site is up once the
    drafts, notices and other pages are built, not after every law page.

    A deferred page is one MkDocs' dirty build skips (`is_modified` says no)
    because it was never written; a request for it renders it with the
    latest build's config, files, nav and theme, under a lock that the
    builds hold too."""

    def __init__(self) -> None:
        self.deferred: dict[str, File] = {}  # dest path (laws/x/index.html) → its file
        self.context: tuple[MkDocsConfig, Files, Navigation, Any] | None = None
        self._lock = threading.Lock()
        self._held = False

    def building(self) -> None:
        self._lock.acquire()
        self._held = True

    def built(self) -> None:
        if self._held:
            self._held = False
            self._lock.release()

    def defer(self, files: Files, site_dir: str, wanted: Any) -> None:
        """Defer the pages `wanted(file)` picks that this preview never wrote."""
        self.deferred = {}
        for file in files.documentation_pages():
            if wanted(file) and not os.path.exists(os.path.join(site_dir, file.dest_uri)):
                file.is_modified = _not_modified  # type: ignore[method-assign]
                self.deferred[file.dest_uri] = file

    def serve_through(self, server: Any) -> None:
        """Put the builds of deferred pages before the server's own answer."""
        answer = server.get_app()

        def app(environ: dict[str, Any], start_response: Any) -> Any:
            path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
            if path.startswith(server.mount_path):
                rel = path[len(server.mount_path):] + ("index.html" if path.endswith("/") else "")
                self.build(posixpath.normpath("/" + rel).lstrip("/"))
            return answer(environ, start_response)

        server.set_app(app)

    def build(self, dest_uri: str) -> None:
        with self._lock:
            file = self.deferred.pop(dest_uri, None)
            if file is None or self.context is None or file.page is None:
                return
            config, files, nav, env = self.context
            del file.is_modified  # the class's own again
            _populate_page(file.page, config, files)
            _build_page(file.page, config, files.documentation_pages(inclusion=InclusionLevel.is_in_serve), nav, env)


def _not_modified() -> bool:
    return False


def _dirty_build_notices(record: logging.LogRecord) -> bool:
    """`lawsite build` runs MkDocs' dirty build into a fresh folder (parts.py):
    MkDocs' warning that a dirty build's links may be stale is not true there."""
    return not record.getMessage().startswith(("A 'dirty' build is being performed", "The directory contains stale files"))


def _anchors_of(page: Page) -> tuple[set[str] | None, dict[str, dict[str, str]]]:
    """A page's anchors and its links to anchors, by source path (for the parent)."""
    return page.present_anchor_ids, {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()}


def _warning_counters() -> list[CountHandler]:
    """The counters MkDocs' strict mode fails a build on."""
    return [handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler)]


def _modified() -> bool:
    return True


def _decide_modified(files: Files, stamps: SourceStamps, site_dir: str) -> None:
    """Which pages a dirty rebuild builds, decided once from the sources'
    stamps (see source_stamps.py) instead of MkDocs' two mtime tests."""
    for file in files.documentation_pages():
        if file.generated_by is None:
            written = os.path.exists(os.path.join(site_dir, file.dest_uri))
            file.is_modified = _modified if not written or stamps.changed(file.src_uri) else _not_modified  # type: ignore[method-assign]


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once for a whole `serve` (Jinja checks
    each template's source against what it was compiled from)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


# A save's events (modified, closed; an editor's rename) come within a few
# milliseconds: a build waits this long after the last (MkDocs: 0.1 s).
SAVE_SETTLES = 0.05


class _NativeObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's file events (inotify, FSEvents, ReadDirectoryChangesW),
    only those of a change: MkDocs rebuilds on any event, and a build opens
    every source (inotify's "opened": rebuilds without end). Started before
    MkDocs starts it: starting it again is nothing."""

    CHANGES: list[type[FileSystemEvent]] = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent]

    def schedule(self, event_handler: Any, path: Any, **options: Any) -> Any:
        return super().schedule(event_handler, path, **options, event_filter=self.CHANGES)

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def _watch_natively(server: Any) -> None:
    """Watch what MkDocs watches with the system's file events instead of its
    polling every 0.5 s, which saw a save up to half a second late (half of
    the second a change may take to show). Where they cannot be had (no
    inotify watches left), MkDocs' polling stays."""
    polling = server.observer
    watched = _unwatch_all(server)
    native = _NativeObserver()
    try:
        _watch_with(server, native, watched)
        native.start()  # now, so that a failure is seen here
        server.build_delay = SAVE_SETTLES
    except OSError:
        native.stop()
        server._watched_paths.clear()
        server._watch_refs.clear()
        _watch_with(server, polling, watched)


def _rebuild_soon(server: Any) -> None:
    """What a file event does in MkDocs' server: its build loop rebuilds."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def _unwatch_all(server: Any) -> dict[str, int]:
    watched = dict(server._watched_paths)
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    return watched


def _watch_with(server: Any, observer: Any, watched: dict[str, int]) -> None:
    server.observer = observer
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


class ThemeListing:
    """The theme's files listed once for a whole `serve`: each rebuild,
    MkDocs lists every file of the theme's folders to copy the static ones
    (a tenth of a rebuild of the corpus preview). `serve` does not rebuild
    when the theme changes, unless a theme folder is in `watch:`, and then
    each rebuild lists it again."""

    def __init__(self) -> None:
        self.names: dict[tuple[Any, ...], list[str]] = {}

    def install(self, config: MkDocsConfig) -> None:
        theme = config.theme
        if _watches_theme(config):
            return
        get_env, names = theme.get_env, self.names

        def env() -> Any:
            made = get_env()
            listing = made.list_templates

            def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                # MkDocs' filter is fixed but for the static templates
                key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)), extensions, filter_func is None)
                if key not in names:
                    names[key] = listing(extensions, filter_func)
                return list(names[key])

            made.list_templates = list_templates
            return made

        theme.get_env = env  # type: ignore[method-assign]


def _watches_theme(config: MkDocsConfig) -> bool:
    themes = [Path(d).resolve() for d in config.theme.dirs]
    watched = [Path(w).resolve() for w in config.watch]
    return any(w == d or w in d.parents or d in w.parents for d in themes for w in watched)


def _skip_preview_templates(config: MkDocsConfig, rebuild: bool) -> None:
    """A preview needs no sitemap (a publication's; MkDocs gzips it: a fifth
    of a rebuild of the corpus preview) unless Material's instant navigation
    reads it; a dirty rebuild keeps the first build's 404 page (rendered with
    the whole nav: a quarter of a rebuild). Dropped here, after MkDocs has
    listed the theme's files: a template dropped before would be copied as
    a static file."""
    if "navigation.instant" not in (config.theme.get("features") or ()):
        config.theme.static_templates.discard("sitemap.xml")
    if rebuild:
        config.theme.static_templates.discard("404.html")


@functools.lru_cache(maxsize=4)
def _editor_yaml(settings: AdminSettings, content: str, site_language: str, points: tuple[tuple[str, str], ...]) -> str:
    """The web editor's config.yml, dumped once for all the rebuilds of a
    preview (dumping it was a twelfth of a rebuild of the corpus preview)."""
    return yaml.safe_dump(editor_config(settings, content, site_language, points), allow_unicode=True, sort_keys=False)


def _extra_asset(config: MkDocsConfig, name: str) -> None:
    """A style or script of ours loaded by every page."""
    uri = name if "/" in name else f"{ASSET_DIR}/{name}"
    (config.extra_css if name.endswith(".css") else config.extra_javascript).append(uri)


def _add_overrides(config: MkDocsConfig) -> None:
    """lawsite's templates just before the theme's own (after a custom_dir)."""
    dirs = config.theme.dirs
    if str(OVERRIDES) in dirs:
        return
    custom = config.theme.custom_dir
    at = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
    dirs.insert(at, str(OVERRIDES))


def _qr_cache_file(config: MkDocsConfig) -> Path | None:
    """The posters' QR codes are kept beside mkdocs.yml, outside the site (emit/qr.py)."""
    return _cache_folder(config, CACHE_FILE)


def _cache_folder(config: MkDocsConfig, name: str) -> Path | None:
    """`name` in the build cache beside mkdocs.yml, outside the site (emit/qr.py)."""
    return Path(config.config_file_path).parent / CACHE_DIR / name if config.config_file_path else None


def _disable_material_search(config: MkDocsConfig) -> None:
    """Pagefind replaces Material's search: disabled, it neither builds its index nor shows its box."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin.config, "enabled"):
            plugin.config.enabled = False


def _stop_on(errors: list[Problem], lang: str) -> None:
    """The build stops on the content's errors, each one named."""
    if errors:
        lines = "\n  ".join(format_problem(p, lang) for p in errors)
        raise PluginError(msg("plugin.errors", n=len(errors), lines=lines).render(lang))


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


def _escape_page_meta(page: Page) -> None:
    for key, value in list(page.meta.items()):
        page.meta[key] = harden.escape_meta(value)


def _escape_page_fields(page: Page) -> None:
    """Title, front matter and table of contents as escaped HTML for the theme."""
    _escape_page_meta(page)
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
