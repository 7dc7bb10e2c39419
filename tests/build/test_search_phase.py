"""The search phase of `lawsite build` (commands/build_process.py): Pagefind
indexes the built pages while one forked worker compresses them, at a lower
priority so that Pagefind keeps the cores it can use (COMPRESS_NICENESS);
the index's own files are compressed after, in this process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from lawsite.commands import build_process
from lawsite.emit import compress

PAGE = '<!doctype html><html lang="zh"><head><meta charset="utf-8"></head><body><article class="md-content__inner md-typeset"{marks}><h1>第{n}号条例</h1><p>{text}</p></article></body></html>'


REAL_PRECOMPRESS = compress.precompress
RECORD = Path()  # set by the test: (pid, niceness, files) of each precompress call, one line each


def _recorded(site_dir: Path, workers: int = 1, cache: Path | None = None, paths: list[Path] | None = None) -> compress.Compressed:
    """precompress, noting where and at which priority it ran (module level:
    the worker receives it pickled)."""
    done = REAL_PRECOMPRESS(site_dir, workers, cache, paths)
    with RECORD.open("a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {os.nice(0)} {done.files}\n")
    return done


def _site(tmp_path: Path, pages: int) -> Path:
    site = tmp_path / "site"
    for n in range(pages):
        page = site / f"law-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(marks=" data-pagefind-body", n=n, text="饮用水水源保护区内禁止设置排污口。" * 40), encoding="utf-8")
    return site


def _calls() -> list[tuple[int, int, int]]:
    """(pid, niceness, files) of each precompress call RECORD noted."""
    return [tuple(map(int, line.split())) for line in RECORD.read_text(encoding="utf-8").splitlines()]  # type: ignore[misc]


def test_the_compressing_worker_yields_the_cpu_to_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, 3)
    monkeypatch.setattr(sys.modules[__name__], "RECORD", tmp_path / "calls.txt")
    monkeypatch.setattr(compress, "precompress", _recorded)
    before = os.nice(0)
    build_process._index_and_compress(site, "en", tmp_path / "cache")
    calls = _calls()
    *there, (here, here_nice, index_files) = calls
    assert there and all(worker != here for worker, _, _ in there) and here == os.getpid()
    assert {nice for _, nice, _ in there} == {min(before + build_process.COMPRESS_NICENESS, 19)} and here_nice == before
    assert sum(pages for _, _, pages in there) <= 3 and index_files >= 1  # the pages there, Pagefind's own text files here
    assert all((site / f"law-{n}" / "index.html.br").is_file() for n in range(3))
    assert (site / "pagefind" / "pagefind-ui.js.gz").is_file()


def _slow(site_dir: Path, workers: int = 1, cache: Path | None = None, paths: list[Path] | None = None) -> compress.Compressed:
    import time

    if os.nice(0) > 0:  # the worker: far behind Pagefind
        time.sleep(0.3)
    return _recorded(site_dir, workers, cache, paths)


def test_the_pages_the_worker_has_not_begun_when_pagefind_ends_are_compressed_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, 40)
    monkeypatch.setattr(sys.modules[__name__], "RECORD", tmp_path / "calls.txt")
    monkeypatch.setattr(compress, "precompress", _slow)
    monkeypatch.setattr(build_process, "_index_search", lambda *args: None)  # Pagefind done at once
    build_process._index_and_compress(site, "en", tmp_path / "cache")
    calls = _calls()
    here = [files for pid, _, files in calls if pid == os.getpid()]
    there = [files for pid, _, files in calls if pid != os.getpid()]
    assert len(here) == 1 and here[0] > 30  # most pages, whose parts the worker had not begun
    assert sum(there) + here[0] == 40 and len(there) <= 2  # the part under way and the one queued for it
    assert all((site / f"law-{n}" / "index.html.br").is_file() and (site / f"law-{n}" / "index.html.gz").is_file() for n in range(40))


def test_a_failed_index_leaves_the_pages_the_worker_has_not_begun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, 40)
    monkeypatch.setattr(sys.modules[__name__], "RECORD", tmp_path / "calls.txt")
    monkeypatch.setattr(compress, "precompress", _slow)

    def fails(*args: object) -> None:
        raise build_process.BuildFailed(build_process.msg("build.index-failed"))

    monkeypatch.setattr(build_process, "_index_search", fails)
    with pytest.raises(build_process.BuildFailed):
        build_process._index_and_compress(site, "en", tmp_path / "cache")
    assert len(RECORD.read_text(encoding="utf-8").splitlines()) <= 2  # the build failed: no more compressing
