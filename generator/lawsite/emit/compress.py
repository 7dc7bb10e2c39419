"""Precompressed copies of the built site's text files, for servers that send
them as they are (nginx `gzip_static on;` and `brotli_static on;`): a
`.gz` and a `.br` beside each file, written into the build's folder before it
is published, so they go live in the same swap as the pages (publish.py).

Deterministic (no time stamp or name in the gzip header), so two builds of
the same content give the same files. Files that would not shrink are left
alone, and so is what is compressed already (Pagefind's index, images).
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import gzip
import hashlib
import multiprocessing
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset((".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".webmanifest"))
PARALLEL_FROM = 200  # files; fewer are compressed here
COMPRESSED_CACHE = "compressed"  # the folder of CompressedCache in the build cache (.cache/lawsite/)
MIN_BYTES = 512  # below this the saving is not worth a file (and a request header is larger)
# Levels chosen on the 1,564-law corpus (132 MB of text; CPU s of one core):
# gzip 9 took 3.7 s for 31.60 MB, 6 2.9 s for 31.74 MB (+0.4 %); brotli 9
# 5.0 s for 27.19 MB, 5 3.1 s for 27.88 MB (+2.5 %; 11 is ~20x slower than 9).
# Later, on a faster hour: gzip 6 2.26 s for 31.80 MB, 5 1.78 s for 32.08 MB
# (+0.9 %, ~180 bytes a law page), 4 1.35 s for 32.80 MB (+3.1 %).
# Compressing is a sixth of a first build's CPU, the bytes a reader saves are
# a few hundred per page.
# On a machine-made page gzip 9 is slower still: 6.7 s on a 10,000-article
# poster (23 MB), level 6 0.7 s.
GZIP_LEVEL = 5
BROTLI_QUALITY = 5
# Brotli allocates its window and hash tables afresh for every file (tens of
# MB at quality 9), which glibc maps and unmaps each time: on the corpus, 1.8
# million page faults for 300 pages, three times the compressing itself in
# system time. Kept in the heap while compressing, the same memory serves
# every file (`_memory_kept`). glibc's own defaults, restored afterwards.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # malloc.h
_KEPT_BYTES = 64 * 1024 * 1024  # above brotli's largest block at quality 9 (32 MB was not), so at 5 too
_GLIBC_DEFAULT_BYTES = 128 * 1024
# What a compressed copy depends on besides the file: a change here (or in
# zlib or brotli) leaves the kept copies unused, and the next build drops them.
COMPRESSION = f"gzip {GZIP_LEVEL}, zlib {zlib.ZLIB_RUNTIME_VERSION}; brotli {BROTLI_QUALITY}, {getattr(brotli, '__version__', '')}; 1"


@dataclass(frozen=True)
class Compressed:
    files: int  # text files given compressed copies
    bytes_in: int
    gzip_bytes: int
    brotli_bytes: int

    def __add__(self, other: Compressed) -> Compressed:
        return Compressed(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))


def is_text(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES


def text_files(site_dir: Path, skip: Callable[[Path], bool] = lambda path: False) -> list[Path]:
    """The files of `site_dir` that get compressed copies (not those `skip` picks)."""
    return [p for p in sorted(site_dir.rglob("*")) if p.is_file() and is_text(p) and not skip(p) and p.stat().st_size >= MIN_BYTES]


def precompress(site_dir: Path, workers: int = 1, cache: Path | None = None, paths: list[Path] | None = None) -> Compressed:
    """Write `name.gz` and `name.br` beside each text file of `site_dir` (or
    of `paths`), in `workers` forked processes when there are many files
    (`lawsite build` asks for one per CPU: its own process is small; forking
    the MkDocs process would not be). With a `cache` folder, a file compressed
    in an earlier build is not compressed again (`CompressedCache`)."""
    paths = text_files(site_dir) if paths is None else paths
    compress = functools.partial(_compress_all, cache=cache)
    if workers < 2 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return compress(paths)
    chunks = [paths[start::workers * 4] for start in range(workers * 4)]  # interleaved: large and small files in each
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        done = list(pool.map(compress, chunks))
    return sum(done, Compressed(0, 0, 0, 0))


def _compress_all(paths: list[Path], cache: Path | None = None) -> Compressed:
    files = bytes_in = gz_total = br_total = 0
    kept = CompressedCache(cache)
    with _memory_kept():
        for path in paths:
            data = path.read_bytes()
            copies = kept.get(data)
            fresh = copies is None
            gz, br = _compressed(data) if copies is None else copies
            written: list[Path | None] = [None, None]  # the copies written here, which the cache links to
            if len(gz) < len(data):
                gz_path, br_path = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
                if not _same_gzip_there(gz_path, data):
                    gz_path.write_bytes(gz)
                    written[0] = gz_path
                br_path.write_bytes(br)
                written[1] = br_path
                files, bytes_in, gz_total, br_total = files + 1, bytes_in + len(data), gz_total + len(gz), br_total + len(br)
            if fresh:
                kept.put(data, gz, br, written)
    return Compressed(files, bytes_in, gz_total, br_total)


def _compressed(data: bytes) -> tuple[bytes, bytes]:
    gz = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    return gz, brotli.compress(data, quality=BROTLI_QUALITY)


class CompressedCache:
    """The .gz and .br of each file compressed before, in `folder` (None: no
    cache), named by the SHA-256 of the file and of how it is compressed:
    most of a site's pages are the same from one build to the next, and
    compressing them is a quarter of a corpus build. Each copy is checked
    against the file before it is used (a damaged one is compressed again);
    one that cannot be written is done without. Entries a build did not use
    are removed after it (`prune`), so the folder holds one site's copies."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _paths(self, data: bytes) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(COMPRESSION.encode() + b"\0" + data).hexdigest()
        return self.folder / f"{key}.gz", self.folder / f"{key}.br"

    def get(self, data: bytes) -> tuple[bytes, bytes] | None:
        paths = self._paths(data)
        if paths is None:
            return None
        try:
            gz, br = paths[0].read_bytes(), paths[1].read_bytes()
            if gzip.decompress(gz) != data or brotli.decompress(br) != data:
                return None
            for path in paths:
                os.utime(path)  # used by this build: kept by `prune`
        except (OSError, EOFError, gzip.BadGzipFile, brotli.error):
            return None
        return gz, br

    def put(self, data: bytes, gz: bytes, br: bytes, written: Sequence[Path | None] = (None, None)) -> None:
        """Keep the copies of `data`; those `written` into the site already
        are linked to (the same file under a second name: writing it again
        was a tenth of the compressing's time), where the two folders share
        a filesystem. Nothing writes into a site's copies once written."""
        paths = self._paths(data)
        if paths is None:
            return
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            for path, copy, there in zip(paths, (gz, br), written):
                scratch = path.with_name(f".{path.name}.{os.getpid()}")
                if there is None or not _linked(there, scratch):
                    scratch.write_bytes(copy)
                os.replace(scratch, path)  # whole or not at all, whoever reads it
        except OSError:
            pass

    def prune(self, used_since: float) -> None:
        """Remove the entries no build has used since `used_since` (a time.time())."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            try:
                if path.suffix in (".gz", ".br") and path.stat().st_mtime < used_since:
                    path.unlink()
            except OSError:
                pass


def _linked(source: Path, link: Path) -> bool:
    """`link` made a second name of `source`; False where it cannot be (another filesystem)."""
    try:
        link.unlink(missing_ok=True)
        os.link(source, link)
    except OSError:
        return False
    return True


def _same_gzip_there(gz_path: Path, data: bytes) -> bool:
    """MkDocs writes `sitemap.xml.gz` itself, dated by SOURCE_DATE_EPOCH:
    a copy of the same text is kept, so the sitemap's date stays the build's."""
    try:
        return gz_path.is_file() and gzip.decompress(gz_path.read_bytes()) == data
    except (OSError, EOFError, gzip.BadGzipFile):
        return False


@contextmanager
def _memory_kept() -> Iterator[None]:
    """glibc keeps freed blocks up to _KEPT_BYTES in the heap meanwhile,
    instead of returning them to the system and faulting them in again (a
    no-op elsewhere)."""
    mallopt = _libc_function("mallopt")
    if mallopt is None:
        yield
        return
    mallopt(_M_MMAP_THRESHOLD, _KEPT_BYTES)
    mallopt(_M_TRIM_THRESHOLD, _KEPT_BYTES * 2)
    try:
        yield
    finally:
        mallopt(_M_MMAP_THRESHOLD, _GLIBC_DEFAULT_BYTES)
        mallopt(_M_TRIM_THRESHOLD, _GLIBC_DEFAULT_BYTES)
        trim = _libc_function("malloc_trim")
        if trim is not None:
            trim(0)  # what was kept goes back now


def _libc_function(name: str) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
