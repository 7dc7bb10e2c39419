"""Precompression in worker processes writes what one process writes, and a
machine-made page (above LARGE_BYTES) is gzipped at the faster level."""

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


def test_a_large_page_is_gzipped_faster(tmp_path, monkeypatch):
    monkeypatch.setattr(compress, "LARGE_BYTES", 10_000)
    site = _site(tmp_path / "site", 1)
    large = site / "large.html"
    large.write_text("<p>第二条　内容。</p>" * 2_000, encoding="utf-8")
    compress.precompress(site)
    best, other = b"\x02", b"\x00"  # gzip's XFL header byte: level 9, or another level
    assert (site / "p0" / "index.html.gz").read_bytes()[8:9] == best
    gz = (site / "large.html.gz").read_bytes()
    assert gz[8:9] == other and gzip.decompress(gz) == large.read_bytes()
    assert brotli.decompress((site / "large.html.br").read_bytes()) == large.read_bytes()
