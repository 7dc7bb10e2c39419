"""The stamps that decide which pages a `serve` dirty rebuild builds again."""

from __future__ import annotations

import os
from pathlib import Path

from lawsite.source_stamps import RACY_NS, SourceStamps


def built_once(docs: Path) -> SourceStamps:
    stamps = SourceStamps()
    stamps.take(docs)  # the first build
    stamps.take(docs)  # the next one: the first counts as built
    return stamps


def test_a_save_that_keeps_mtime_and_size_is_a_change_while_the_mtime_is_recent(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("第一条　甲。\n", encoding="utf-8")
    stamps = built_once(tmp_path)
    assert not stamps.changed("a.md")
    before = page.stat()
    page.write_text("第一条　乙。\n", encoding="utf-8")  # same size, saved in the same clock tick:
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    stamps.take(tmp_path)
    assert stamps.changed("a.md")


def test_an_old_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    page = tmp_path / "laws" / "a.md"
    page.parent.mkdir()
    page.write_text("第一条　甲。\n", encoding="utf-8")
    old = page.stat().st_mtime_ns - 2 * RACY_NS
    os.utime(page, ns=(old, old))
    stamps = built_once(tmp_path)
    assert not stamps.changed("laws/a.md") and stamps.taken["laws/a.md"].digest is None
    page.write_text("第一条　乙。\n", encoding="utf-8")
    stamps.take(tmp_path)
    assert stamps.changed("laws/a.md")


def test_pages_of_a_failed_build_are_built_again(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("甲\n", encoding="utf-8")
    stamps = built_once(tmp_path)
    page.write_text("乙乙\n", encoding="utf-8")
    stamps.take(tmp_path)
    assert stamps.changed("a.md")
    stamps.fail()
    stamps.take(tmp_path)  # nothing saved since the failed build
    assert stamps.changed("a.md")
    stamps.take(tmp_path)  # after a build that ended well
    assert not stamps.changed("a.md") and stamps.changed("new.md")


def test_serve_reads_again_only_a_file_changed_or_too_recent_to_trust(tmp_path: Path, monkeypatch) -> None:
    """gather/site.py keeps each Source read by the file's (mtime, size,
    inode), as the stamps do, and only once the mtime is old enough: a save
    in the same clock tick, same size, would keep all three."""
    from lawsite.gather import site as site_module

    site_module.forget_parsed()
    old = tmp_path / "old.md"
    recent = tmp_path / "recent.md"
    for page in (old, recent):
        page.write_text("---\nkind: page\ntitle: 页\n---\n\n甲。\n", encoding="utf-8")
    long_ago = old.stat().st_mtime_ns - 3 * RACY_NS
    os.utime(old, ns=(long_ago, long_ago))
    reads: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or read_bytes(self))
    first, _ = site_module.read_sources(tmp_path)
    again, _ = site_module.read_sources(tmp_path)
    assert sorted(reads) == ["old.md", "recent.md", "recent.md"]  # the old file once; the recent one each time
    assert again[0] is first[0] and again[0].path == "old.md"
    old.write_text("---\nkind: page\ntitle: 页\n---\n\n乙。\n", encoding="utf-8")  # same size, a new mtime
    os.utime(old, ns=(long_ago + 1, long_ago + 1))
    changed, _ = site_module.read_sources(tmp_path)
    assert "乙" in changed[0].text and reads.count("old.md") == 2
    site_module.forget_parsed()
    site_module.read_sources(tmp_path)
    assert reads.count("old.md") == 3  # forgotten: read again
