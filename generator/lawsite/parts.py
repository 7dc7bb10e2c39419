"""A build's law pages rendered by several processes at once: one per CPU.

MkDocs renders pages one after another on one core; on the 1,564-law corpus
that is three quarters of a build. Under `lawsite build` the plugin leaves a
large site's law pages out of MkDocs' loops and renders them itself once
every other page is read (on_env); there it forks, and each process renders
its share into the same folder, one page at a time. The parent renders the
rest of the site, waits for the children and finishes the build alone. The
fork shares the read site with the children (copy on write), so nothing is
read or parsed twice.

This module knows nothing of MkDocs: it splits weighted items into parts,
forks, and carries each child's outcome (an exit code and a small result)
back to the parent. The adapter (mkdocs_plugin.py) decides what a part does.
"""

from __future__ import annotations

import ctypes
import gc
import heapq
import os
import pickle
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.sharedctypes import RawArray
from pathlib import Path
from typing import Any

PARTS_ENV = "LAWSITE_BUILD_PARTS"  # set by `lawsite build` (which builds with MkDocs' dirty skip on)
PARTS_FROM = 200  # law pages; a smaller site is left to MkDocs as it is
# The parent's share is smaller: besides its law pages it renders the other
# pages (drafts, notices, the 404 page, the sitemap) and writes feeds and open
# data after. Measured on the corpus (each law's open data now written by its
# part): a law costs its part 3.9 µs of CPU per character of Markdown, in
# either process, and the parent's other work 0.3 s, 2 % of its laws' time;
# at 8 % the child ended 2–3 s after the parent, one core idle meanwhile.
PARENT_HEAD_START = 0.02
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def wanted_parts() -> int | None:
    """How many processes `lawsite build` asked for (None: this is no such build)."""
    try:
        return max(1, int(os.environ[PARTS_ENV]))
    except (KeyError, ValueError):
        return None


def split(weights: Sequence[int], parts: int, head_start: float = PARENT_HEAD_START) -> list[int]:
    """The part (0 … parts-1) of each item: the heaviest first, each to the
    part with the least so far (part 0 starts with `head_start` of the total).
    Deterministic: the same weights give the same parts."""
    total = sum(weights)
    loads = [(head_start * total if part == 0 else 0.0, part) for part in range(parts)]
    heapq.heapify(loads)
    owner = [0] * len(weights)
    for index in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        load, part = heapq.heappop(loads)
        owner[index] = part
        heapq.heappush(loads, (load + weights[index], part))
    return owner


@dataclass
class Parts:
    """The processes of one build: `index` is this process's part (0: the
    parent); `done` counts each part's rendered pages, for the progress."""

    count: int = 1
    index: int = 0
    children: list[int] = field(default_factory=list)
    results: Path | None = None
    done: Any = None  # a shared array of one counter per part

    @property
    def is_child(self) -> bool:
        return self.index > 0

    def step(self, pages: int = 1) -> int:
        """`pages` more rendered here; all parts' pages so far."""
        if self.done is None:
            return 0
        self.done[self.index] += pages
        return sum(self.done)

    def finish_child(self, result: Any, code: int) -> None:
        """End a child: its result for the parent, then exit at once (no
        cleanup of the parent's state, which the parent still owns)."""
        try:
            if self.results is not None:
                (self.results / f"{self.index}.pickle").write_bytes(pickle.dumps(result))
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def wait(self) -> list[tuple[int, Any]]:
        """In the parent: each child's (exit code, result), once all have ended."""
        outcomes = []
        for number, pid in enumerate(self.children, start=1):
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            path = self.results / f"{number}.pickle" if self.results else None
            result = pickle.loads(path.read_bytes()) if path is not None and code == 0 and path.is_file() else None
            outcomes.append((code, result))
        self._forget()
        return outcomes

    def stop(self) -> None:
        """In the parent, when its build fails: the children are not waited for."""
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self._forget()

    def _forget(self) -> None:
        self.children = []
        if self.results is not None:
            shutil.rmtree(self.results, ignore_errors=True)
            self.results = None
            gc.unfreeze()  # what `fork` froze (and only then: serve freezes its own)


def fork(count: int) -> Parts:
    """Fork `count - 1` children; the returned Parts says which one this is.
    Objects alive now are frozen out of the collector first, so that it does
    not write into (and so copy) every shared page of the children."""
    if count < 2 or not hasattr(os, "fork"):
        return Parts()
    results = Path(tempfile.mkdtemp(prefix="lawsite-parts-"))
    done = RawArray(ctypes.c_long, count)
    gc.collect()
    gc.freeze()
    _trim_heap()
    parent = os.getpid()
    children = []
    for index in range(1, count):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _end_with(parent)
            return Parts(count, index, [], results, done)
        children.append(pid)
    return Parts(count, 0, children, results, done)


def _trim_heap() -> None:
    """Give the heap's free pages back before forking (glibc): a page of
    garbage that a part then allocates into is not copied from the parent."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _end_with(parent: int) -> None:
    """In a child: killed when the parent ends (Linux), so that a killed build
    does not go on writing into its folder."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
