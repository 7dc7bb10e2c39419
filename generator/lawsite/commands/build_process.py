"""How `lawsite build` runs MkDocs: in a fresh process of its own, which ends
when `lawsite build` is gone, and with the search index deferred until that
process has ended and freed its memory."""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..messages import msg
from ..model import LawsiteError
from ..progress import Progress
from ..report import format_problem
from . import EXIT_PROBLEMS


class BuildFailed(LawsiteError):
    """The MkDocs build or the search index failed (the cause is printed already)."""


def build_then_index(config_file: Path, folder: Path, strict: bool, lang: str) -> None:
    """Build the site into `folder`, then index it for search if the plugin
    left the index to us."""
    with tempfile.TemporaryDirectory(prefix="lawsite-build-") as scratch:
        index_request = Path(scratch) / "search-index"
        _build_in_own_process(config_file, folder, strict, index_request)
        if index_request.exists():  # Pagefind, now that MkDocs' memory is freed
            built = Path(index_request.read_text(encoding="utf-8"))
            _index_search(built, lang)
            _precompress(built, lang)  # last, so the index's files get their copies too


def _build_in_own_process(config_file: Path, folder: Path, strict: bool, index_request: Path) -> None:
    """Run MkDocs in a fresh process that asks for the search index to be
    left to us. On the corpus MkDocs peaks near 300 MB and Pagefind near
    250 MB; one after the other, never both at once, the build needs no more
    memory than plain MkDocs. The process's output (warnings, progress) goes
    to our stderr."""
    context = multiprocessing.get_context("spawn")  # fresh: nothing of ours is copied into it
    process = context.Process(target=_mkdocs_build, args=(str(config_file), str(folder), strict, str(index_request), os.getpid()))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise BuildFailed(msg("build.mkdocs-exit", code=process.exitcode))


def _mkdocs_build(config_file: str, folder: str, strict: bool, index_request: str, parent: int) -> None:
    """The MkDocs build (in the process `_build_in_own_process` starts)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..emit.search import DEFER_ENV
    from ..publish import hold_build_folder

    _exit_with(parent)
    if not hold_build_folder(Path(folder)):
        sys.exit(EXIT_PROBLEMS)  # the build was killed and its folder removed before we began
    os.environ[DEFER_ENV] = index_request
    try:
        build(load_config(config_file, site_dir=folder, strict=strict))
    except MkDocsException as exc:
        print(exc, file=sys.stderr)
        sys.exit(EXIT_PROBLEMS)


def _exit_with(parent: int) -> None:
    """End this process when `parent` is gone (a killed `lawsite build`): a
    build nobody waits for must not go on writing into the folder that the
    next build cleans up."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(EXIT_PROBLEMS)

    threading.Thread(target=watch, daemon=True).start()


def _index_search(site_dir: Path, lang: str) -> None:
    from ..emit.search import index_site

    progress = Progress(msg("progress.indexing").render(lang))
    result = index_site(site_dir, progress=progress)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    if any(problem.is_error for problem in result.problems):
        raise BuildFailed(msg("build.index-failed"))
    print(msg("build.indexed", pages=result.page_count, shards=result.shards).render(lang))


def _precompress(site_dir: Path, lang: str) -> None:
    from ..emit.compress import precompress

    done = precompress(site_dir, workers=os.cpu_count() or 1)
    print(msg("build.precompressed", files=done.files, gzip=f"{done.gzip_bytes:,}", brotli=f"{done.brotli_bytes:,}", size=f"{done.bytes_in:,}").render(lang))
