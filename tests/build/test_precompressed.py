"""The built site carries precompressed copies of its text files (.gz and
.br beside each), as the guide's nginx snippet serves them (gzip_static)."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from conftest import REPO
from lawsite.emit.compress import MIN_BYTES, precompress


def test_every_text_file_of_the_sample_has_its_gzip_and_brotli_copy(sample_site: Path) -> None:
    texts = [p for p in sample_site.rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js", ".xml", ".json") and p.stat().st_size >= MIN_BYTES]
    assert len(texts) > 40
    for path in texts:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
    page = sample_site / "drafts" / "property-r2" / "index.html"
    assert page.with_name("index.html.br").stat().st_size < page.stat().st_size / 4


def test_compressed_files_are_not_compressed_again_and_copies_are_reproducible(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>条文</p>" * 200, encoding="utf-8")
    (tmp_path / "tiny.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "index.pf_fragment").write_bytes(gzip.compress(b"x" * 2000))
    first = precompress(tmp_path)
    copy = (tmp_path / "a.html.gz").read_bytes()
    assert first.files == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.html.br", "a.html.gz", "index.pf_fragment", "tiny.css"]
    (tmp_path / "a.html.gz").unlink()
    precompress(tmp_path)
    assert (tmp_path / "a.html.gz").read_bytes() == copy  # no time stamp in the header


def test_the_guide_serves_them() -> None:
    guide = (REPO / "content" / "guide" / "6-publish.md").read_text(encoding="utf-8")
    assert "gzip_static on;" in guide and "brotli_static on;" in guide
