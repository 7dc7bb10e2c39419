"""Precompression in worker processes writes what one process writes, and
each copy holds its file, compressed at the levels compress.py names."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from lawsite.emit import compress


def _site(folder: Path, pages: int) -> Path:
    for n in range(pages):
        page = folder / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body>{'第一条　内容。' * (40 + n)}</body></html>", encoding="utf-8")
    return folder


def _written(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_workers_write_the_same_files(tmp_path, monkeypatch):
    monkeypatch.setattr(compress, "PARALLEL_FROM", 10)
    alone, shared = _site(tmp_path / "alone", 30), _site(tmp_path / "shared", 30)
    one = compress.precompress(alone)
    two = compress.precompress(shared, workers=2)
    assert one == two and one.files == 30
    assert _written(alone) == _written(shared)


def test_each_copy_holds_its_file_at_the_named_levels(tmp_path):
    site = _site(tmp_path / "site", 1)
    large = site / "large.html"
    large.write_text("<p>第二条　内容。</p>" * 2_000, encoding="utf-8")
    compress.precompress(site)
    for page in (site / "p0" / "index.html", large):
        gz, br = page.with_name(page.name + ".gz").read_bytes(), page.with_name(page.name + ".br").read_bytes()
        assert gzip.decompress(gz) == page.read_bytes() == brotli.decompress(br)
        assert gz == gzip.compress(page.read_bytes(), compresslevel=compress.GZIP_LEVEL, mtime=0)
        assert br == brotli.compress(page.read_bytes(), quality=compress.BROTLI_QUALITY)
