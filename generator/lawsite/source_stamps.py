"""What each Markdown source of a preview was when its page was last built,
for `serve`'s dirty rebuilds.

MkDocs' own test (a page is rebuilt when its source is newer than the page it
wrote) misses a change saved while that page was being built: the page, which
holds the text from before the save, is written after it, so it looks newer
than the change and is never rebuilt. It also asks twice per build (before
reading a page and before rendering it): a save between the two renders a page
that was never read. Here a build takes every stamp before anything is read,
decides once which pages changed, and a build's stamps count only once it has
ended well.

A stamp is the file's (mtime, size, inode), and its digest while the mtime is
too recent to trust: a save in the same clock tick as the stamp (same size)
leaves all three as they were (git's "racily clean" files).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

RACY_NS = 2_000_000_000  # an mtime this close to the stamp's time may yet hide a save
MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True)
class Stamp:
    stat: tuple[int, int, int]  # mtime (ns), size, inode
    racy: bool  # the mtime was too recent to trust when stamped: a later save may have kept it
    digest: bytes | None  # the content's, when racy or to check a racy stamp against

    def changed_since(self, built: Stamp) -> bool:
        if self.stat != built.stat:
            return True
        return built.racy and self.digest != built.digest


class SourceStamps:
    def __init__(self) -> None:
        self.built: dict[str, Stamp] = {}  # as of the last build that ended well
        self.taken: dict[str, Stamp] = {}  # as of the build under way (or the last one)
        self.failed = False

    def take(self, docs_dir: Path) -> None:
        """Stamp every source, before the build reads any (a save after its
        stamp is a change for the next build)."""
        if not self.failed:
            self.built = self.taken
        self.failed = False
        now = time.time_ns()
        taken: dict[str, Stamp] = {}
        for rel, path in _markdown_files(docs_dir):
            stamp = _stamp(path, now, self.built.get(rel))
            if stamp is not None:
                taken[rel] = stamp
        self.taken = taken

    def saved_since_taken(self, docs_dir: Path) -> bool:
        """Whether a source was saved, added or removed since the last `take`."""
        now = time.time_ns()
        found = dict(_markdown_files(docs_dir))
        if found.keys() != self.taken.keys():
            return True
        for rel, path in found.items():
            stamp = _stamp(path, now, self.taken[rel])
            if stamp is None or stamp.changed_since(self.taken[rel]):
                return True
        return False

    def fail(self) -> None:
        """The build under way failed: its pages count as never built."""
        self.failed = True

    def changed(self, src_uri: str) -> bool:
        """Whether the page of `src_uri` (relative to docs_dir, with /) must be built again."""
        taken, built = self.taken.get(src_uri), self.built.get(src_uri)
        return taken is None or built is None or taken.changed_since(built)


def _markdown_files(folder: Path) -> list[tuple[str, str]]:
    """(path relative to the docs folder with /, path) of each Markdown file;
    MkDocs' walk follows links, and lawsite refuses those that leave the folder."""
    found: list[tuple[str, str]] = []
    folders = [(str(folder), "")]
    while folders:
        path, rel = folders.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        for entry in entries:
            name = rel + entry.name
            if entry.is_dir():
                folders.append((entry.path, name + "/"))
            elif entry.name.endswith(MARKDOWN):
                found.append((name, entry.path))
    return found


def _stamp(path: str, now: int, built: Stamp | None) -> Stamp | None:
    try:
        st = os.stat(path)
        stat = (st.st_mtime_ns, st.st_size, st.st_ino)
        racy = st.st_mtime_ns > now - RACY_NS
        check = built is not None and built.racy and built.stat == stat
        return Stamp(stat, racy, _digest(path) if racy or check else None)
    except OSError:  # removed meanwhile: the next build has it as gone
        return None


def _digest(path: str) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):  # streamed: a huge file is refused by the build, not read whole here
            digest.update(chunk)
    return digest.digest()
