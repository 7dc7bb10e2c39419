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


def test_the_compressing_worker_yields_the_cpu_to_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    for n in range(3):
        page = site / f"law-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(marks=" data-pagefind-body", n=n, text="饮用水水源保护区内禁止设置排污口。" * 40), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "RECORD", tmp_path / "calls.txt")
    monkeypatch.setattr(compress, "precompress", _recorded)
    before = os.nice(0)
    build_process._index_and_compress(site, "en", tmp_path / "cache")
    calls = [tuple(map(int, line.split())) for line in RECORD.read_text(encoding="utf-8").splitlines()]  # type: ignore[misc]
    (worker, worker_nice, pages), (here, here_nice, index_files) = calls
    assert worker != here == os.getpid()
    assert worker_nice == min(before + build_process.COMPRESS_NICENESS, 19) and here_nice == before
    assert pages == 3 and index_files >= 1  # the pages there, Pagefind's own text files here
    assert all((site / f"law-{n}" / "index.html.br").is_file() for n in range(3))
    assert (site / "pagefind" / "pagefind-ui.js.gz").is_file()
