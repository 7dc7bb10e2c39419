"""Two builds of the same content are byte-identical; a failed or killed build
leaves the published site exactly as it was.

Builds run as separate processes (different PYTHONHASHSEED, different folders)
so that set ordering, absolute paths and clocks would all show up as diffs.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EPOCH = 1_795_320_000  # 2026-11-22 12:00 +08:00, as the sample site's other tests


def _copy_project(target: Path) -> Path:
    """The sample site (mkdocs.yml, content/, theme/) under `target`."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "theme"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    return target / "mkdocs.yml"


def _lawsite(config: Path, *args: str, seed: str = "0", epoch: int = EPOCH, **kwargs) -> subprocess.CompletedProcess[str] | subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    command = [sys.executable, "-m", "lawsite.cli", "-f", str(config), *args]
    if kwargs.pop("background", False):
        return subprocess.Popen(command, env=env, cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    return subprocess.run(command, env=env, cwd=config.parent, capture_output=True, text=True, timeout=900, **kwargs)


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(site_dir: Path) -> list[str]:
    return sorted(p.name for p in site_dir.parent.iterdir() if p.name.startswith(f".{site_dir.name}-"))


# --- reproducible ------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for n, seed in ((1, "1"), (2, "4242")):
        config = _copy_project(tmp_path_factory.mktemp(f"repro{n}") / "project")
        run = _lawsite(config, "build", "-d", str(config.parent / "public"), seed=seed)
        assert run.returncode == 0, run.stderr[-3000:]
        sites.append(config.parent / "public")
    return sites[0], sites[1]


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = _snapshot(two_builds[0]), _snapshot(two_builds[1])
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
    config = _copy_project(tmp_path / "later")
    run = _lawsite(config, "build", "-d", str(tmp_path / "later-site"), epoch=EPOCH + 7 * 86400)
    assert run.returncode == 0, run.stderr[-3000:]
    earlier = _snapshot(two_builds[0])
    changed = [name for name, digest in _snapshot(tmp_path / "later-site").items() if earlier.get(name) != digest]
    assert any(name.startswith("drafts/") for name in changed)


# --- atomic ------------------------------------------------------------------------


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    """A small project with its site published once; returns (config, site_dir)."""
    config = tmp_path / "project" / "mkdocs.yml"
    content = config.parent / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# 首页\n\n欢迎。\n", encoding="utf-8")
    (content / "law.md").write_text("---\nkind: law\ntitle: 某条例\n---\n\n第一条　内容。\n", encoding="utf-8")
    config.write_text("site_name: t\ndocs_dir: content\nsite_dir: out/site\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    run = _lawsite(config, "build")
    assert run.returncode == 0, run.stderr[-3000:]
    site_dir = config.parent / "out" / "site"
    assert (site_dir / "index.html").is_file()
    return config, site_dir


def test_failed_build_leaves_the_site_and_no_temporary_folder(published: tuple[Path, Path]) -> None:
    config, site_dir = published
    before = _snapshot(site_dir)
    (config.parent / "content" / "bad.md").write_text("---\nkind: draft\ntitle: [unclosed\n---\n", encoding="utf-8")
    run = _lawsite(config, "build")
    assert run.returncode == 1
    assert "bad.md" in run.stderr and "left as it was" in run.stderr
    assert _snapshot(site_dir) == before
    assert _leftovers(site_dir) == []


def _big_content(folder: Path, laws: int = 150, articles: int = 80) -> None:
    for n in range(1, laws + 1):
        body = "".join(
            (f"## 第{_zh(a // 20 + 1)}章 第{a}部分\n\n" if a % 20 == 1 else "") + f"第{_zh(a)}条　本条例第{_zh(a)}条的内容，规定了第{n}部法律的事项。\n\n"
            for a in range(1, articles + 1)
        )
        (folder / f"law-{n:04d}.md").write_text(f"---\nkind: law\ntitle: 条例{n}\nadopted: 2020-01-01\n---\n\n{body}", encoding="utf-8")


def _zh(n: int) -> str:
    from lawsite.numerals import to_chinese

    return to_chinese(n)


def test_killed_build_leaves_the_site_and_the_next_build_cleans_up(published: tuple[Path, Path]) -> None:
    config, site_dir = published
    before = _snapshot(site_dir)
    laws = config.parent / "content" / "laws"
    laws.mkdir()
    _big_content(laws)
    process = _lawsite(config, "build", background=True)
    assert isinstance(process, subprocess.Popen)
    deadline = time.monotonic() + 300
    written = False
    while time.monotonic() < deadline and process.poll() is None and not written:
        fresh = [p for p in site_dir.parent.glob(f".{site_dir.name}-new-*")]
        written = any((p / "index.html").exists() or (p / "assets").exists() for p in fresh)
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build finished before it could be killed: make _big_content larger"
    assert written
    assert _snapshot(site_dir) == before  # the published site never changed
    assert _leftovers(site_dir)  # the killed build had no chance to clean up …
    shutil.rmtree(laws)
    run = _lawsite(config, "build")  # … the next build does
    assert run.returncode == 0, run.stderr[-3000:]
    assert _leftovers(site_dir) == []
    assert _snapshot(site_dir) == before
