"""The compressed copies kept between builds (emit/compress.py,
CompressedCache): a file compressed before is not compressed again, a kept
copy that does not match its file is not used, and what a build did not use
is dropped after it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lawsite.emit import compress


def _site(folder: Path, pages: int, word: str = "内容") -> Path:
    for n in range(pages):
        page = folder / f"p{n}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<html><body>{f'第{n}条　{word}。' * 80}</body></html>", encoding="utf-8")
    return folder


def _copies(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix in (".gz", ".br")}


def test_a_second_build_takes_the_kept_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = compress.precompress(_site(tmp_path / "one", 5), cache=cache)
    monkeypatch.setattr(compress, "_compressed", lambda data: pytest.fail("compressed again"))
    again = compress.precompress(_site(tmp_path / "two", 5), cache=cache)
    assert first == again and first.files == 5
    assert _copies(tmp_path / "one") == _copies(tmp_path / "two")


def test_a_damaged_copy_is_compressed_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compress.precompress(_site(tmp_path / "one", 2), cache=cache)
    for kept in cache.glob("*.br"):
        damaged = kept.read_bytes()[:-7]  # cut short, as by a full disk
        kept.unlink()  # a new file: the kept copy is the first site's own (linked)
        kept.write_bytes(damaged)
    compress.precompress(_site(tmp_path / "two", 2), cache=cache)
    assert _copies(tmp_path / "one") == _copies(tmp_path / "two")


def test_what_a_build_did_not_use_is_dropped(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compress.precompress(_site(tmp_path / "old", 3, word="旧"), cache=cache)
    assert len(list(cache.iterdir())) == 6
    time.sleep(0.05)  # file times of the next build are later
    started = time.time()
    compress.precompress(_site(tmp_path / "new", 2, word="新"), cache=cache)
    compress.CompressedCache(cache).prune(used_since=started)
    assert len(list(cache.iterdir())) == 4  # the new build's two files, .gz and .br each


def test_without_a_cache_nothing_is_kept(tmp_path: Path) -> None:
    done = compress.precompress(_site(tmp_path / "site", 2))
    assert done.files == 2 and not (tmp_path / "cache").exists()


def test_the_kept_copies_are_the_sites_own_files_under_a_second_name(tmp_path: Path) -> None:
    """Where the cache and the site share a filesystem, a fresh copy is
    written once and linked into the cache (the same inode), not written twice."""
    cache = tmp_path / "cache"
    site = _site(tmp_path / "one", 2)
    compress.precompress(site, cache=cache)
    written = {p.stat().st_ino for p in site.rglob("*") if p.suffix in (".gz", ".br")}
    kept = {p.stat().st_ino for p in cache.iterdir()}
    assert len(written) == 4 and kept == written


def test_a_cache_on_another_filesystem_gets_copies_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def cross_device(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(compress.os, "link", cross_device)
    cache = tmp_path / "cache"
    compress.precompress(_site(tmp_path / "one", 2), cache=cache)
    assert len(list(cache.iterdir())) == 4 and not list(cache.glob(".*"))  # no scratch left
    monkeypatch.setattr(compress, "_compressed", lambda data: pytest.fail("compressed again"))
    compress.precompress(_site(tmp_path / "two", 2), cache=cache)
    assert _copies(tmp_path / "one") == _copies(tmp_path / "two")
