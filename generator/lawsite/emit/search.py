"""Site search: which engine, how pages are marked for it, and the Pagefind run.

Material's search ships the whole index to the browser before the first query
(78 MB for the 1,564-law corpus) and lands on headings, never on articles.
Pagefind splits its index into chunks and fetches only those a query needs;
the glue script regroups its results by article. Every site uses it unless
mkdocs.yml says `search: material`.

Pagefind runs as its own program (the CLI of pagefind[extended]) over a
trimmed copy of the built pages, in shards that bound its memory (see
SHARD_BYTES); the browser merges the shards into one search.

Nothing here knows MkDocs: the adapter passes built HTML in and gets HTML out,
and calls `index_site` on the built folder (or, under `lawsite build`, leaves
that to the CLI: `defer_index`).
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator

from ..gather.site import Site
from ..messages import Text, msg
from ..model import Document, Kind, Problem, Severity
from ..progress import ProgressCallback
from ..render.templates import render

MODES = ("auto", "material", "pagefind")
# `auto` is Pagefind at every size. Material's search (lunr) indexes a page
# by its headings, so a hit lands on a chapter, never on an article
# (`#art_12`); it cannot rank the reading open now above the one it
# replaced; and its highlight (`?h=`) carries the words its segmenter cut
# from the query (委员 for 业主委员会). Pagefind's results are regrouped by
# article and reranked by the glue (assets/lawsite/lawsite-search.js).
# `material` stays for a site that wants it.

BUNDLE = "pagefind"  # folder of the (first) Pagefind bundle inside the built site
DEFER_ENV = "LAWSITE_SEARCH_INDEX_LATER"  # see defer_index
SEARCH_CACHE = "search"  # the folder of ShardCache in the build cache (.cache/lawsite/)
MANIFEST = "lawsite-shards.json"  # in BUNDLE: the folders of the other shards, for the glue script

# Pagefind holds a site's whole index in memory until it writes it: measured
# on the corpus, 1.1 GB for 1,564 laws' pages, three times MkDocs' own build;
# about 50 MB plus 24 times the trimmed pages (`index_view`) it reads. So
# pages are indexed in shards of at most this many bytes of trimmed HTML
# (6 MB: under 200 MB, so that Pagefind and the worker compressing the pages
# beside it hold less than MkDocs did; 8 MB took 250 MB), one Pagefind run
# each, and the browser merges the shards into one search (Pagefind's
# mergeIndex; merged shards share the first's wasm, so each costs only its
# metadata and the index chunks a query needs).
SHARD_BYTES = 6_000_000
_BUNDLE_NAME = re.compile(re.escape(BUNDLE) + r"(-\d+)?")
# Pagefind writes its other UIs too; the glue loads only pagefind-ui.*.
_UNUSED = frozenset(
    ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
)
_SHARD_KEEPS = (".json", ".pf_meta")  # plus the index/, fragment/ (and filter/) folders
ASSETS = ("lawsite-search.css", "lawsite-search.js")  # our glue, under assets/lawsite/
# Copied under assets/lawsite/ but loaded by the glue only (an ES module that
# Pagefind's UI imports by this name): destination → source in assets/.
MODULES = {"ranked/pagefind.js": "lawsite-ranked-pagefind.js"}

# Parts of a page that would only add noise to results and weight to the
# fragments a query downloads: the table of contents repeats the headings,
# the action row holds comment links and ledger lines, the banner, channels,
# basket and poster link are tools, not text; so is whatever our templates
# mark `data-search-exclude` (Material's mark, which Pagefind does not know:
# the count of the "go to article N" tool, 共 16 条, began every law's text
# and so the excerpt of every result that matched near the top).
EXCLUDE_SELECTORS = (
    "[data-search-exclude]",
    ".ls-contents",
    ".ls-actions",
    ".ls-banner",
    ".ls-channels",
    ".ls-basket",
    ".ls-poster-link",
    ".headerlink",
    ".md-source-file",
    "svg",
)

# A page's rank, a Pagefind filter (`rank`) that the ranking module weighs
# (RANK_WEIGHTS in assets/lawsite-ranked-pagefind.js): a reading a later one
# replaced, and its notices and interpretations, come after the current
# ones. Other pages have no rank. (A boost for the reading open for comment
# was tried and dropped: on real laws it put a long open draft above the law
# a query names, 未成年人保护法 above 居民身份证法 for 居民身份证.)
# Pages about the work around the texts come after the texts and the points
# themselves: an activity's record (a few lines naming a draft) would
# otherwise outrank the draft, and a station below a point (its title
# repeats the point's name) the point it reports to.
RANK_PAST = "past"
RANK_ACTIVITY = "activity"
RANK_BELOW = "below"

_CONTENT = re.compile(r'<article class="md-content__inner md-typeset"')
_BODY = re.compile(r"<article\b[^>]*\bdata-pagefind-body\b[^>]*>")
_LANG = re.compile(r'<html\b[^>]*\blang="([^"]*)"')
# A contact point's page quotes the suggestions it sent (templates/partials/
# contact_point_record.html), which the drafts' notices hold: on this short
# page they would outrank the article they are about. They weigh little here.
_POINT_RECORD = '<div class="ls-point-record">'
_QUOTED_SUGGESTIONS = '<ul class="ls-suggs">'
QUOTED_WEIGHT = "0.2"
_SPARE_IDS = re.compile(r' id="[^"]*__(?:item|para)_\d+"')
# An article's label link and caption (templates/partials/article.html; on an
# interpretation page it links to the article in its draft, whose id it shares).
_LABEL = re.compile(r'<a class="ls-article__label" href="[^"#]*#([^"]+)"[^>]*>.*?</a>(?:<span class="ls-article__caption">.*?</span>)?')
# A redline entry (render/readings.py) and its labels: 第六条 → 第七条.
_REDLINE_ENTRY = re.compile(r'\bid="(rl-(?:old-)?art_[^"]+)"')
_REDLINE_LABELS = re.compile(r'<span class="ls-rl__labels">(?:<a [^>]*>[^<]*</a>|<span [^>]*>[^<]*</span>)*</span>')
_HEADER_END = re.compile(r'(<div class="md-header__source">|</nav>\s*(?:<div[^>]*md-tabs|</header>))')


def choose_engine(mode: str) -> str:
    """`material` or `pagefind` for the setting `search: auto|material|pagefind`."""
    if mode not in MODES:
        raise ValueError(f"search must be one of {', '.join(MODES)}, not {mode!r}")
    return "material" if mode == "material" else "pagefind"


def search_button_html(language: str) -> str:
    """The header button and dialog that host Pagefind's UI (labels via i18n)."""
    return render(language, "partials/search_pagefind.html")


def search_rank(site: Site, document: Document | None) -> str | None:
    """The rank of a document's page, None for most (see RANK_PAST)."""
    if document is None:
        return None
    if document.kind is Kind.ACTIVITY:
        return RANK_ACTIVITY
    if document.contact_point is not None and document.contact_point.parent:
        return RANK_BELOW
    subject = site.get(document.concerns or document.interprets) or document
    return RANK_PAST if site.later_reading(subject) is not None else None


def mark_page(html: str, button: str, rank: str | None = None) -> str:
    """Mark the page content as Pagefind's body (with its rank as a filter)
    and put the search button in Material's header (before the repository
    link, else at the header's end).

    A page without Material's content element (a custom template) is left
    unindexed but still gets the button."""
    marks = " data-pagefind-body" + (f' data-pagefind-filter="rank:{rank}"' if rank else "")
    html = _CONTENT.sub(lambda m: m.group(0) + marks, html, count=1)
    match = _HEADER_END.search(html)
    if match is None:
        return html
    return html[: match.start()] + button + html[match.start():]


@dataclass(frozen=True)
class IndexResult:
    page_count: int
    problems: list[Problem]
    shards: int = 0


def index_view(html: str) -> str | None:
    """What Pagefind needs of a built page: its language and the marked
    content, without the theme's frame, and without the ids the search glue
    does not use. None for a page without content to index.

    Pagefind stores every element with an id as an anchor holding that
    element's whole text: the ids of paragraphs and items would put a second
    copy of each law into its fragment (and its memory). The glue needs only
    the article ids (one result per article) and each article's label, which
    gets an anchor of its own here: `art_12__label`, text 第十二条（caption）."""
    start = _BODY.search(html)
    end = html.rfind("</article>")
    if start is None or end < start.end():
        return None
    lang = _LANG.search(html[: start.start()])
    body = _SPARE_IDS.sub("", html[start.start() : end + len("</article>")])
    body = _light_quotes(body)
    body = _redline_labels(_LABEL.sub(lambda m: f'<span id="{m.group(1)}__label">{m.group(0)}</span>', body))
    lang_attr = f' lang="{lang.group(1)}"' if lang else ""
    return f'<!doctype html><html{lang_attr}><head><meta charset="utf-8"></head><body>{body}</body></html>'


def _light_quotes(body: str) -> str:
    """Quoted suggestions on a contact point's page weigh QUOTED_WEIGHT."""
    head, record, tail = body.partition(_POINT_RECORD)
    if not record:
        return body
    light = _QUOTED_SUGGESTIONS[:-1] + f' data-pagefind-weight="{QUOTED_WEIGHT}">'
    return head + record + tail.replace(_QUOTED_SUGGESTIONS, light)


def _redline_labels(body: str) -> str:
    """Give each redline entry's labels an anchor of their own, as articles'
    labels have: `rl-art_7__label`, text 第六条→第七条."""
    if 'id="rl-' not in body:  # no redline here: the search below reads every byte of a law slowly
        return body
    parts, last = [], 0
    for entry in _REDLINE_ENTRY.finditer(body):
        labels = _REDLINE_LABELS.search(body, entry.end())
        following = _REDLINE_ENTRY.search(body, entry.end())
        if labels is None or (following is not None and following.start() < labels.start()):
            continue
        parts += [body[last : labels.start()], f'<span id="{entry.group(1)}__label">', labels.group(0), "</span>"]
        last = labels.end()
    return "".join(parts) + body[last:]


def shard_folder(number: int) -> str:
    """The bundle folder of shard `number` (1-based): `pagefind`, `pagefind-2`, …"""
    return BUNDLE if number == 1 else f"{BUNDLE}-{number}"


def defer_index(site_dir: Path) -> bool:
    """Leave the index to the caller when it asked (DEFER_ENV names a file):
    `lawsite build` indexes after MkDocs has returned and its memory is
    freed, so that MkDocs and Pagefind never hold theirs at once."""
    request = os.environ.get(DEFER_ENV)
    if not request:
        return False
    Path(request).write_text(str(site_dir), encoding="utf-8")
    return True


def index_site(site_dir: Path, shard_bytes: int | None = None, progress: ProgressCallback | None = None, cache: Path | None = None) -> IndexResult:
    """Index the built site with Pagefind (extended build, for Chinese
    segmentation), one Pagefind run per shard of at most `shard_bytes`
    (default SHARD_BYTES) of trimmed pages: the first shard's bundle in
    `site_dir/pagefind` with the UI and the list of the others, which the
    browser merges into one search.

    Pages are read, trimmed and written to a scratch folder one at a time,
    so this process holds no more than one page either; the next shard is
    written while Pagefind indexes the one before (one Pagefind at a time:
    each holds up to 200 MB). `progress(done, total)` is called with pages
    after each shard. With a `cache` folder, a shard whose trimmed pages an
    earlier build indexed is not indexed again (`ShardCache`)."""
    try:
        from pagefind_bin_extended import get_executable
        executable = Path(get_executable())
    except (ImportError, FileNotFoundError):  # pagefind[extended] is a dependency; this guards a broken install
        return IndexResult(0, [_problem(msg("search-index.not-installed"), msg("search-index.not-installed.hint"))])
    _remove_bundles(site_dir)
    html = _html_pages(site_dir)
    kept = ShardCache(cache)
    _remove_abandoned_scratch()
    with tempfile.TemporaryDirectory(prefix=f"{_SCRATCH_PREFIX}{os.getpid()}-", dir=_scratch_parent(html)) as scratch:
        indexed = _index_shards(executable, site_dir, html, Path(scratch), shard_bytes or SHARD_BYTES, kept, progress)
    if isinstance(indexed, Problem):
        return IndexResult(0, [indexed])
    pages, shards = indexed
    kept.prune()
    if pages == 0:
        return IndexResult(0, [_problem(msg("search-index.empty"), msg("search-index.empty.hint"), Severity.WARNING)])
    _prune_bundles(site_dir, shards)
    manifest = {"shards": [shard_folder(n) + "/" for n in range(2, shards + 1)]}
    (site_dir / BUNDLE / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return IndexResult(pages, [], shards)


def _index_shards(
    executable: Path, site_dir: Path, html: list[Path], scratch: Path, limit: int, kept: ShardCache, progress: ProgressCallback | None
) -> tuple[int, int] | Problem:
    """Each shard's bundle, taken from the cache or made by a Pagefind run
    that indexes it while the next shard is written: (pages, shards), or
    the problem of the first run that failed."""
    pages = shards = 0
    running: _Indexing | None = None
    try:
        for number, (count, seen, pages_digest) in enumerate(_write_shards(site_dir, html, scratch, limit), start=1):
            if running is not None:  # the shard before this one
                problem, running = running.finish(kept, progress, len(html)), None
                if problem is not None:
                    return problem
            shutil.rmtree(scratch / str(number - 1), ignore_errors=True)  # indexed or taken from the cache
            bundle, key = site_dir / shard_folder(number), kept.key(pages_digest)
            if kept.restore(key, bundle, count):
                if progress:
                    progress(seen, len(html))
            else:
                running = _Indexing(_run_pagefind(executable, scratch / str(number), bundle, count), key, seen)
            pages, shards = pages + count, number
        if running is not None:
            problem, running = running.finish(kept, progress, len(html)), None
            if problem is not None:
                return problem
    finally:
        if running is not None:  # a shard could not be written: Pagefind must not go on in a folder being removed
            running.run.stop()
    return pages, shards


# The trimmed pages Pagefind reads are written to memory where there is room
# (Linux's /dev/shm), not to the disk the site is built on: on the corpus a
# build wrote 1,572 such files in as many folders and deleted them, and on
# ext4 without a journal (this project's CI machine) every file created in
# the minutes after many were deleted costs two to three times as much, which
# slowed the pages' compressed copies written beside Pagefind (first builds
# 27.1 against 29.3 s, three of each). Each shard's pages are removed once it
# is indexed, so memory holds the shard being written and the one being
# indexed: under 2 × SHARD_BYTES (12 MB), or a page larger than that alone.
MEMORY_SCRATCH = Path("/dev/shm")
_MEMORY_SPARE = 64 * 1024 * 1024  # left free in it for everything else


_SCRATCH_PREFIX = "lawsite-search-"  # then the pid of the build that writes it
_SCRATCH_OF = re.compile(re.escape(_SCRATCH_PREFIX) + r"(\d+)-")


def _remove_abandoned_scratch() -> None:
    """Remove the memory scratch of builds killed before they could (memory
    is not given back until it is removed, or the machine restarts)."""
    try:
        entries = list(MEMORY_SCRATCH.iterdir())
    except OSError:
        return
    for entry in entries:
        found = _SCRATCH_OF.match(entry.name)
        if found and entry.is_dir() and not _alive(int(found[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def _scratch_parent(pages: list[Path]) -> str | None:
    """Where the trimmed pages go: MEMORY_SCRATCH if it has room for two
    shards and the two largest pages, beside what it must keep free; else the
    temporary folder (None). TMPDIR, when set, is where they go."""
    if os.environ.get("TMPDIR") or not os.access(MEMORY_SCRATCH, os.W_OK):
        return None
    try:
        free = os.statvfs(MEMORY_SCRATCH)
        largest = sorted(path.stat().st_size for path in pages)[-2:]
    except OSError:
        return None
    needed = 2 * SHARD_BYTES + sum(largest) + _MEMORY_SPARE
    return str(MEMORY_SCRATCH) if free.f_bavail * free.f_frsize >= needed else None


def _html_pages(site_dir: Path) -> list[Path]:
    bundles = _bundle_names(site_dir)
    return [path for path in sorted(site_dir.rglob("*.html")) if path.relative_to(site_dir).parts[0] not in bundles]


def _write_shards(site_dir: Path, pages: list[Path], scratch: Path, limit: int) -> Iterator[tuple[int, int, str]]:
    """Write each page's index view under scratch/<shard number>/, in order;
    once a shard is complete, yield its page count, how many of `pages` were
    read so far (a page larger than the limit makes a shard of its own) and
    the SHA-256 of its pages' paths and views (what `ShardCache` keys on)."""
    number = count = size = 0
    digest = hashlib.sha256()
    for seen, path in enumerate(pages):
        view = index_view(path.read_text(encoding="utf-8"))
        if view is None:
            continue
        data = view.encode("utf-8")
        if count and size + len(data) > limit:
            yield count, seen, digest.hexdigest()
            count = size = 0
            digest = hashlib.sha256()
        if count == 0:
            number += 1
        relative = path.relative_to(site_dir)
        target = scratch / str(number) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        digest.update(relative.as_posix().encode() + b"\0" + hashlib.sha256(data).digest())
        count, size = count + 1, size + len(data)
    if count:
        yield count, len(pages), digest.hexdigest()


class ShardCache:
    """Pagefind's bundle of each shard indexed before, in `folder` (None: no
    cache), named by the SHA-256 of the shard's trimmed pages (paths and
    bytes), of Pagefind's version and of how it is run: an unchanged shard
    takes its bundle from here instead of a Pagefind run (a third of a corpus
    build). A kept bundle is used only if it holds every page of its shard;
    bundles this build did not use are removed after it (`prune`)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def key(self, pages_digest: str) -> str:
        """The entry of a shard whose trimmed pages hash to `pages_digest` (_write_shards)."""
        run = f"{_pagefind_version()}; {' '.join(EXCLUDE_SELECTORS)}; 2"
        return hashlib.sha256(f"{run}; {pages_digest}".encode()).hexdigest()

    def restore(self, key: str, bundle: Path, pages: int) -> bool:
        kept = self.folder / key if self.folder else None
        if kept is None or not kept.is_dir() or _bundle_problem(kept, pages) is not None:
            return False
        shutil.rmtree(bundle, ignore_errors=True)
        try:
            shutil.copytree(kept, bundle, copy_function=_link_or_copy)
        except OSError:
            shutil.rmtree(bundle, ignore_errors=True)
            return False
        self.used.add(key)
        return True

    def keep(self, key: str, bundle: Path) -> None:
        if self.folder is None:
            return
        scratch = self.folder / f".{key}.{os.getpid()}"
        try:
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.copytree(bundle, scratch, copy_function=_link_or_copy)
            shutil.rmtree(self.folder / key, ignore_errors=True)
            os.replace(scratch, self.folder / key)  # whole or not at all
            self.used.add(key)
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)

    def prune(self) -> None:
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.is_dir() and path.name not in self.used:
                shutil.rmtree(path, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    """A bundle's file under a second name where both folders share a
    filesystem (copying the corpus' bundles took 0.8 CPU s), else a copy.
    Pagefind writes each bundle afresh, and nothing writes into one after."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind_bin_extended")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


_OUTPUT_KEPT = 64 * 1024  # of Pagefind's output, the end is read: its last lines say why it failed


@dataclass
class _PagefindRun:
    """One Pagefind run, started by `_run_pagefind`: `result()` waits for it."""

    process: subprocess.Popen[bytes]
    output: IO[bytes]  # Pagefind's stdout and stderr (a file: a pipe left unread could fill and stall it)
    held: ExitStack  # the flock Pagefind shares (_held), released once it has ended
    bundle: Path
    pages: int

    def result(self) -> Problem | None:
        """None once Pagefind has ended and its bundle is whole: it holds
        every page (a bundle cut short must fail the build, not publish a
        search that finds nothing)."""
        with self.held, self.output:
            code = self.process.wait()
            self.output.seek(max(0, self.output.seek(0, os.SEEK_END) - _OUTPUT_KEPT))
            said = self.output.read().decode("utf-8", "replace")
        if code != 0:
            detail = " / ".join(said.strip().splitlines()[-3:])
            return _problem(msg("search-index.failed", name=self.bundle.name, detail=detail), msg("search-index.failed.hint"))
        return _bundle_problem(self.bundle, self.pages)

    def stop(self) -> None:
        with self.held, self.output:
            self.process.kill()
            self.process.wait()


@dataclass
class _Indexing:
    """A shard's Pagefind run under way, with what finishing it needs."""

    run: _PagefindRun
    key: str  # its ShardCache entry
    seen: int  # pages read once its shard was written, for the progress

    def finish(self, kept: ShardCache, progress: ProgressCallback | None, total: int) -> Problem | None:
        problem = self.run.result()
        if problem is None:
            kept.keep(self.key, self.run.bundle)
            if progress:
                progress(self.seen, total)
        return problem


def _run_pagefind(executable: Path, source: Path, bundle: Path, pages: int) -> _PagefindRun:
    """Start Pagefind on `source` into `bundle`, holding the build folder's
    shared lock for as long as it runs."""
    command = [str(executable), "--site", str(source), "--output-path", str(bundle), "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    held, output = ExitStack(), tempfile.TemporaryFile()
    try:
        lock = held.enter_context(_held(bundle.parent))  # the lock and the fd go to Pagefind too (pass_fds)
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, pass_fds=(lock,), preexec_fn=_ended_with(os.getpid()))
    except BaseException:
        held.close()
        output.close()
        raise
    return _PagefindRun(process, output, held, bundle, pages)


def _bundle_problem(bundle: Path, pages: int) -> Problem | None:
    """None if `bundle` is a whole Pagefind bundle of `pages` pages."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        indexed = sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return _problem(msg("search-index.unreadable", name=bundle.name, exc=exc), msg("search-index.incomplete.hint"))
    if indexed != pages:
        return _problem(msg("search-index.incomplete", indexed=indexed, pages=pages, name=bundle.name), msg("search-index.incomplete.hint"))
    return None


@contextmanager
def _held(folder: Path) -> Iterator[int]:
    """A shared flock on the build's folder, as every process writing into it
    holds (publish.py): a Pagefind run that outlives a killed `lawsite build`
    keeps it, so the next build does not remove the folder under it."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield fd
    finally:
        os.close(fd)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _ended_with(parent: int) -> Callable[[], None] | None:
    """For the Pagefind child, before it runs: killed when this process ends
    (Linux), so a killed build's index is never written on (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here, not in the forked child

    def end_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent ended before the line above
            os.kill(os.getpid(), signal.SIGKILL)

    return end_with_parent


def _bundle_names(site_dir: Path) -> set[str]:
    """Top-level folders of the site that are search bundles (hold a pagefind-entry.json)."""
    return {p.name for p in site_dir.iterdir() if _BUNDLE_NAME.fullmatch(p.name) and (p / "pagefind-entry.json").is_file()}


def _remove_bundles(site_dir: Path) -> None:
    """Bundles of an earlier build in the same folder (a larger site had more shards)."""
    for name in _bundle_names(site_dir):
        shutil.rmtree(site_dir / name)


def _prune_bundles(site_dir: Path, shard_count: int) -> None:
    """Drop the files nobody loads: Pagefind's other UIs, and in every shard
    but the first its scripts and wasm (merged shards use the first's)."""
    for number in range(1, shard_count + 1):
        bundle = site_dir / shard_folder(number)
        for path in bundle.iterdir():
            if path.is_file() and (path.name in _UNUSED or (number > 1 and not path.name.endswith(_SHARD_KEEPS))):
                path.unlink()


def _problem(message: Text, hint: Text, severity: Severity = Severity.ERROR) -> Problem:
    return Problem("mkdocs.yml", None, "plugins.lawsite.search", message, hint, severity, code="search-index")
