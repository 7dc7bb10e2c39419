"""A `lawsite build` killed while Pagefind indexes its folder: Pagefind ends
with it (it would go on writing into a folder the next build removes), and
the next build publishes a whole site."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from lawsite.emit import search
from tests.build.sample_project import TIMEOUT, big_content, copy_project, lawsite, leftovers, start_lawsite, stop


def _pagefind_children(parent: int) -> list[int]:
    """Pagefind processes whose parent is `parent`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"pagefind" in command and b"--site" in command:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_pagefind_ends_with_a_killed_build_and_the_next_build_is_whole(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project")
    big_content(config.parent / "content")  # over 30 documents: Pagefind indexes
    site = tmp_path / "site"
    err = tmp_path / "first.err"
    first = start_lawsite(config, "build", "-d", str(site), stderr=err)
    try:
        deadline = time.monotonic() + TIMEOUT
        indexing: list[int] = []
        while not indexing and first.poll() is None and time.monotonic() < deadline:
            indexing = _pagefind_children(first.pid)
            time.sleep(0.01)
        assert indexing, ("the build ended before Pagefind was seen", err.read_text(encoding="utf-8")[-3000:])
        os.kill(first.pid, signal.SIGKILL)  # lawsite only, not its process group
        assert first.wait(timeout=60) == -signal.SIGKILL
        time.sleep(0.5)
        assert [pid for pid in indexing if _alive(pid)] == []  # Pagefind did not outlive its build
    finally:
        stop(first)
    run = lawsite(config, "build", "-d", str(site))
    assert run.returncode == 0, run.stderr[-3000:]
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert leftovers(site) == []
    # The trimmed pages the killed build wrote to memory are gone with the next build.
    assert list(search.MEMORY_SCRATCH.glob(f"lawsite-search-{first.pid}-*")) == []
