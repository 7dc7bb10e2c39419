"""How `lawsite build` runs MkDocs: in a fresh process of its own, which ends
when `lawsite build` is gone, and with the search index deferred until that
process has ended and freed its memory."""

from __future__ import annotations

import logging
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..messages import msg
from ..model import LawsiteError
from ..progress import Progress
from ..report import format_problem
from . import EXIT_PROBLEMS


class BuildFailed(LawsiteError):
    """The MkDocs build or the search index failed (the cause is printed already)."""


def build_then_index(config_file: Path, folder: Path, strict: bool, lang: str, jobs: int | None = None) -> None:
    """Build the site into `folder` with `jobs` processes rendering pages
    (default: one per CPU; parts.py), then index it for search if the
    plugin left the index to us."""
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="lawsite-build-") as scratch:
        index_request = Path(scratch) / "search-index"
        _build_in_own_process(config_file, folder, strict, index_request, jobs or os.cpu_count() or 1)
        if index_request.exists():  # Pagefind, now that MkDocs' memory is freed
            from ..emit.compress import COMPRESSED_CACHE, CompressedCache
            from ..emit.qr import CACHE_DIR

            built = Path(index_request.read_text(encoding="utf-8"))
            caches = config_file.parent / CACHE_DIR
            _index_and_compress(built, lang, caches)
            CompressedCache(caches / COMPRESSED_CACHE).prune(used_since=started)


def _build_in_own_process(config_file: Path, folder: Path, strict: bool, index_request: Path, jobs: int) -> None:
    """Run MkDocs in a fresh process that asks for the search index to be
    left to us. On the corpus MkDocs peaks near 300 MB and Pagefind near
    250 MB; one after the other, never both at once, the build needs no more
    memory than plain MkDocs. The process's output (warnings, progress) goes
    to our stderr. A plain child, not multiprocessing's: that would start a
    resource tracker process beside it for nothing."""
    call = f"from lawsite.commands.build_process import _mkdocs_build; _mkdocs_build(*{(str(config_file), str(folder), strict, str(index_request), os.getpid(), jobs)!r})"
    with subprocess.Popen([sys.executable, "-c", call], env={**os.environ, "PYTHONPATH": _our_path()}) as child:
        try:
            _import_what_indexing_needs()
            code = child.wait()
        except BaseException:
            child.kill()
            raise
    if code != 0:
        raise BuildFailed(msg("build.mkdocs-exit", code=code))


def _import_what_indexing_needs() -> None:
    """While MkDocs starts, on the core it leaves idle: the modules that
    index and compress the built site (0.2 s, otherwise spent once MkDocs
    has ended, with one core idle)."""
    from ..emit import compress, search  # noqa: F401


def _our_path() -> str:
    """PYTHONPATH with this lawsite first, so that the child runs the same code."""
    ours = str(Path(__file__).resolve().parents[2])
    return os.pathsep.join(filter(None, [ours, os.environ.get("PYTHONPATH")]))


def _mkdocs_build(config_file: str, folder: str, strict: bool, index_request: str, parent: int, jobs: int) -> None:
    """The MkDocs build (in the process `_build_in_own_process` starts)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..emit.search import DEFER_ENV
    from ..parts import PARTS_ENV
    from ..publish import hold_build_folder

    _exit_with(parent)
    if not hold_build_folder(Path(folder)):
        sys.exit(EXIT_PROBLEMS)  # the build was killed and its folder removed before we began
    os.environ[DEFER_ENV] = index_request
    os.environ[PARTS_ENV] = str(jobs)
    try:
        # Dirty: a page is written unless its file says it was not modified,
        # which is how MkDocs leaves the law pages to the plugin (parts.py).
        # The folder is fresh, so nothing in it is stale.
        build(load_config(config_file, site_dir=folder, strict=strict), dirty=True)
    except MkDocsException as exc:
        print(exc, file=sys.stderr)
        sys.exit(EXIT_PROBLEMS)
    _leave()


def _leave() -> None:
    """End the MkDocs process once its build is written and its caches
    closed, without the interpreter's teardown: freeing the build's objects
    one by one took 0.4 s on the corpus, while `lawsite build` waited to
    index the site. What it said is flushed first."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _exit_with(parent: int) -> None:
    """End this process when `parent` is gone (a killed `lawsite build`): a
    build nobody waits for must not go on writing into the folder that the
    next build cleans up."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(EXIT_PROBLEMS)

    threading.Thread(target=watch, daemon=True).start()


# The worker compressing pages beside Pagefind yields the CPU to it: Pagefind
# keeps about 1.45 of 2 cores busy, so the worker's share fills what Pagefind
# leaves and the two end together. At the same priority the worker took a
# whole core while both ran, and Pagefind ran alone afterwards for seconds,
# one core half idle (on the corpus, 8 of the search phase's 19 s).
COMPRESS_NICENESS = 10


# The pages are compressed in this many parts, in order: those the worker
# has not begun once Pagefind has ended are compressed here, beside it, so
# that both cores finish them (the worker, yielding to Pagefind, had often
# fallen behind: on the corpus one core was idle for up to 3 s at the end).
COMPRESS_PARTS = 32


def _index_and_compress(site_dir: Path, lang: str, caches: Path) -> None:
    """Index the built site while one forked worker compresses its pages;
    then compress here the pages it has not begun and the index's own
    files. One worker only: two beside Pagefind would hold more memory
    than MkDocs did."""
    from ..emit.compress import COMPRESSED_CACHE, Compressed, precompress, text_files
    from ..emit.search import SEARCH_CACHE

    cache = caches / COMPRESSED_CACHE
    pages = text_files(site_dir)  # Pagefind has written nothing yet
    parts = [part for part in (pages[start::COMPRESS_PARTS] for start in range(COMPRESS_PARTS)) if part]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_yield_cpu) as pool:
        compressing = [pool.submit(precompress, site_dir, 1, cache, part) for part in parts]
        try:
            _index_search(site_dir, lang, caches / SEARCH_CACHE)
        except BaseException:
            for future in compressing:
                future.cancel()  # the build has failed: nothing more to compress
            raise
        left = [path for future, part in zip(compressing, parts) if future.cancel() for path in part]
        before = set(pages)
        here = precompress(site_dir, cache=cache, paths=left + [path for path in text_files(site_dir) if path not in before])
        done = sum((future.result() for future in compressing if not future.cancelled()), Compressed(0, 0, 0, 0))
    total = done + here
    print(msg("build.precompressed", files=total.files, gzip=f"{total.gzip_bytes:,}", brotli=f"{total.brotli_bytes:,}", size=f"{total.bytes_in:,}").render(lang))


def _yield_cpu() -> None:
    """In the compressing worker (see COMPRESS_NICENESS)."""
    try:
        os.nice(COMPRESS_NICENESS)
    except OSError:  # not allowed here: the worker runs at the build's priority
        pass


def _index_search(site_dir: Path, lang: str, cache: Path) -> None:
    from ..emit.search import index_site

    progress = Progress(msg("progress.indexing").render(lang))
    result = index_site(site_dir, progress=progress, cache=cache)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    if any(problem.is_error for problem in result.problems):
        raise BuildFailed(msg("build.index-failed"))
    print(msg("build.indexed", pages=result.page_count, shards=result.shards).render(lang))
