"""The sample site copied into a test folder, `lawsite build` run on it as a
separate process (bounded in time, killed in any case), and folder snapshots."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parents[2]
EPOCH = 1_795_320_000  # 2026-11-22 12:00 +08:00, as the sample site's other tests
TIMEOUT = 900  # seconds for one build, a bound against hangs, not a benchmark


def copy_project(target: Path) -> Path:
    """The sample site (mkdocs.yml, content/, theme/) under `target`."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("content", "theme"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    return target / "mkdocs.yml"


def build_env(seed: str = "0", epoch: int = EPOCH) -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}


def lawsite_command(config: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "lawsite.cli", "-f", str(config), *args]


def lawsite(config: Path, *args: str, seed: str = "0", epoch: int = EPOCH) -> subprocess.CompletedProcess[str]:
    return run_bounded(lawsite_command(config, *args), config.parent, build_env(seed, epoch))


def start_lawsite(config: Path, *args: str, stderr: Path | None = None) -> subprocess.Popen[bytes]:
    """`lawsite` in the background, in a process group of its own (see `stop`)."""
    err = stderr.open("wb") if stderr else subprocess.DEVNULL
    try:
        return subprocess.Popen(lawsite_command(config, *args), env=build_env(), cwd=config.parent, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    finally:
        if stderr:
            err.close()  # type: ignore[union-attr]


def run_bounded(command: Sequence[str], cwd: Path, env: dict[str, str], timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run `command` in a process group of its own; whatever happens, nothing of it outlives the call."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        stop(process)
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Kill what is left of the process group of `process` (its MkDocs and Pagefind too)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(site_dir: Path) -> list[str]:
    return sorted(p.name for p in site_dir.parent.iterdir() if p.name.startswith(f".{site_dir.name}-"))


def small_published_project(root: Path) -> tuple[Path, Path]:
    """A two-page project under `root` with its site published once; returns (config, site_dir)."""
    config = root / "project" / "mkdocs.yml"
    content = config.parent / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# 首页\n\n欢迎。\n", encoding="utf-8")
    (content / "law.md").write_text("---\nkind: law\ntitle: 某条例\n---\n\n第一条　内容。\n", encoding="utf-8")
    config.write_text("site_name: t\ndocs_dir: content\nsite_dir: out/site\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    run = lawsite(config, "build")
    assert run.returncode == 0, run.stderr[-3000:]
    site_dir = config.parent / "out" / "site"
    assert (site_dir / "index.html").is_file()
    return config, site_dir


def big_content(folder: Path, laws: int = 150, articles: int = 80) -> None:
    """Laws enough for a build to take long enough to be killed in the middle."""
    from lawsite.numerals import to_chinese

    for n in range(1, laws + 1):
        body = "".join(
            (f"## 第{to_chinese(a // 20 + 1)}章 第{a}部分\n\n" if a % 20 == 1 else "") + f"第{to_chinese(a)}条　本条例第{to_chinese(a)}条的内容，规定了第{n}部法律的事项。\n\n"
            for a in range(1, articles + 1)
        )
        (folder / f"law-{n:04d}.md").write_text(f"---\nkind: law\ntitle: 条例{n}\nadopted: 2020-01-01\n---\n\n{body}", encoding="utf-8")


def wait_until_written(site_dir: Path, process: subprocess.Popen, seconds: float = 300) -> bool:  # type: ignore[type-arg]
    """Wait until the build `process` has written pages into its fresh folder beside `site_dir`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        fresh = site_dir.parent.glob(f".{site_dir.name}-new-*")
        if any((p / "index.html").exists() or (p / "assets").exists() for p in fresh):
            return True
        time.sleep(0.05)
    return False
