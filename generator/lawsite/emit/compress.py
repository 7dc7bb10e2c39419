"""Precompressed copies of the built site's text files, for servers that send
them as they are (nginx `gzip_static on;` and `brotli_static on;`): a
`.gz` and a `.br` beside each file, written into the build's folder before it
is published, so they go live in the same swap as the pages (publish.py).

Deterministic (no time stamp or name in the gzip header), so two builds of
the same content give the same files. Files that would not shrink are left
alone, and so is what is compressed already (Pagefind's index, images).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset((".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv", ".webmanifest"))
MIN_BYTES = 512  # below this the saving is not worth a file (and a request header is larger)
GZIP_LEVEL = 9
# Brotli's quality 11 is ~20x slower than 9 for a few per cent: 9 keeps a
# 1,564-law build's compression within seconds, not minutes.
BROTLI_QUALITY = 9


@dataclass(frozen=True)
class Compressed:
    files: int  # text files given compressed copies
    bytes_in: int
    gzip_bytes: int
    brotli_bytes: int


def is_text(path: Path) -> bool:
    return path.suffix in TEXT_SUFFIXES


def precompress(site_dir: Path) -> Compressed:
    """Write `name.gz` and `name.br` beside each text file of `site_dir`."""
    files = bytes_in = gz_total = br_total = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or not is_text(path) or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        gz = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
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
