"""Two builds of the same content are byte-identical; a failed or killed build
leaves the published site exactly as it was.

Builds run as separate processes (different PYTHONHASHSEED, different folders)
so that set ordering, absolute paths and clocks would all show up as diffs.
"""

from __future__ import annotations

import gzip
import shutil
import signal
from pathlib import Path

import pytest

from tests.pagefind_files import comparable_snapshot

from tests.build.sample_project import EPOCH, big_content, copy_project, lawsite, leftovers, small_published_project, snapshot, start_lawsite, stop, wait_until_written


# --- reproducible ------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for n, seed in ((1, "1"), (2, "4242")):
        config = copy_project(tmp_path_factory.mktemp(f"repro{n}") / "project")
        run = lawsite(config, "build", "-d", str(config.parent / "public"), seed=seed)
        assert run.returncode == 0, run.stderr[-3000:]
        sites.append(config.parent / "public")
    return sites[0], sites[1]


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = comparable_snapshot(two_builds[0]), comparable_snapshot(two_builds[1])
    assert len(first) > 50
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_build_dates_come_from_source_date_epoch(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    assert "<lastmod>2026-11-22</lastmod>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    raw = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == EPOCH - EPOCH % 86400  # gzip mtime: MkDocs uses the build's day
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()


def test_days_left_follow_source_date_epoch(tmp_path: Path, two_builds: tuple[Path, Path]) -> None:
    # A week later the open draft's banner counts seven days fewer.
    config = copy_project(tmp_path / "later")
    run = lawsite(config, "build", "-d", str(tmp_path / "later-site"), epoch=EPOCH + 7 * 86400)
    assert run.returncode == 0, run.stderr[-3000:]
    earlier = snapshot(two_builds[0])
    changed = [name for name, digest in snapshot(tmp_path / "later-site").items() if earlier.get(name) != digest]
    assert any(name.startswith("drafts/") for name in changed)


# --- atomic ------------------------------------------------------------------------


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    return small_published_project(tmp_path)


def test_failed_build_leaves_the_site_and_no_temporary_folder(published: tuple[Path, Path]) -> None:
    config, site_dir = published
    before = snapshot(site_dir)
    (config.parent / "content" / "bad.md").write_text("---\nkind: draft\ntitle: [unclosed\n---\n", encoding="utf-8")
    run = lawsite(config, "build")
    assert run.returncode == 1
    assert "bad.md" in run.stderr and "保持原样" in run.stderr  # "left as it was", in the default language
    assert snapshot(site_dir) == before
    assert leftovers(site_dir) == []


def test_killed_build_leaves_the_site_and_the_next_build_cleans_up(published: tuple[Path, Path]) -> None:
    config, site_dir = published
    before = snapshot(site_dir)
    laws = config.parent / "content" / "laws"
    laws.mkdir()
    big_content(laws)
    process = start_lawsite(config, "build")
    try:
        written = wait_until_written(site_dir, process)
        process.send_signal(signal.SIGKILL)  # lawsite only: its MkDocs process must notice by itself
        assert process.wait(timeout=60) == -signal.SIGKILL, "the build finished before it could be killed: make big_content larger"
    finally:
        stop(process)
    assert written
    assert snapshot(site_dir) == before  # the published site never changed
    assert leftovers(site_dir)  # the killed build had no chance to clean up …
    shutil.rmtree(laws)
    run = lawsite(config, "build")  # … the next build does
    assert run.returncode == 0, run.stderr[-3000:]
    assert leftovers(site_dir) == []
    assert snapshot(site_dir) == before
