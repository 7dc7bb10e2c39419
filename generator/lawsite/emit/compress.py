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
import gzip
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset((".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".webmanifest"))
PARALLEL_FROM = 200  # files; fewer are compressed here
MIN_BYTES = 512  # below this the saving is not worth a file (and a request header is larger)
GZIP_LEVEL = 9
# Above this size a page is machine-made (a poster of thousands of articles):
# gzip's level 9 took 6.7 CPU s on a 10,000-article poster (23 MB), level 6
# 0.7 s for an 18 % larger .gz (the .br, which browsers prefer, is smaller still).
LARGE_BYTES = 4 * 1024 * 1024
GZIP_LEVEL_LARGE = 6
# Brotli's quality 11 is ~20x slower than 9 for a few per cent: 9 keeps a
# 1,564-law build's compression within seconds, not minutes.
BROTLI_QUALITY = 9
# Brotli allocates its window and hash tables afresh for every file (tens of
# MB at quality 9), which glibc maps and unmaps each time: on the corpus, 1.8
# million page faults for 300 pages, three times the compressing itself in
# system time. Kept in the heap while compressing, the same memory serves
# every file (`_memory_kept`). glibc's own defaults, restored afterwards.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # malloc.h
_KEPT_BYTES = 64 * 1024 * 1024  # above brotli's largest block at quality 9 (32 MB was not)
_GLIBC_DEFAULT_BYTES = 128 * 1024


@dataclass(frozen=True)
class Compressed:
    files: int  # text files given compressed copies
    bytes_in: int
    gzip_bytes: int
    brotli_bytes: int


def is_text(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES


def precompress(site_dir: Path, workers: int = 1) -> Compressed:
    """Write `name.gz` and `name.br` beside each text file of `site_dir`,
    in `workers` forked processes when there are many files (`lawsite
    build` asks for one per CPU: its own process is small; forking the MkDocs
    process would not be)."""
    paths = [p for p in sorted(site_dir.rglob("*")) if p.is_file() and is_text(p) and p.stat().st_size >= MIN_BYTES]
    if workers < 2 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return _compress_all(paths)
    chunks = [paths[start::workers * 4] for start in range(workers * 4)]  # interleaved: large and small files in each
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        done = list(pool.map(_compress_all, chunks))
    return Compressed(*(sum(figures) for figures in zip(*(dataclasses.astuple(d) for d in done))))


def _compress_all(paths: list[Path]) -> Compressed:
    files = bytes_in = gz_total = br_total = 0
    with _memory_kept():
        for path in paths:
            data = path.read_bytes()
            gz = gzip.compress(data, compresslevel=GZIP_LEVEL if len(data) <= LARGE_BYTES else GZIP_LEVEL_LARGE, mtime=0)
            br = brotli.compress(data, quality=BROTLI_QUALITY)
            if len(gz) >= len(data):
                continue
            if not _same_gzip_there(path.with_name(path.name + ".gz"), data):
                path.with_name(path.name + ".gz").write_bytes(gz)
            path.with_name(path.name + ".br").write_bytes(br)
            files, bytes_in, gz_total, br_total = files + 1, bytes_in + len(data), gz_total + len(gz), br_total + len(br)
    return Compressed(files, bytes_in, gz_total, br_total)


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
