"""`lawsite serve` says where the preview is, in Chinese by default, once it
listens; an address already taken is refused with a way out, not a traceback."""

from __future__ import annotations

import re
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from tests.build.sample_project import build_env, lawsite_command, run_bounded, start_lawsite, stop

BOUND = 300  # seconds: a bound against a hang, not a benchmark


def small_project(root: Path) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# 首页\n\n欢迎预览。\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    return config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_line(log: Path, pattern: str, process) -> re.Match[str]:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + BOUND
    while time.monotonic() < deadline:
        found = re.search(pattern, log.read_text(encoding="utf-8", errors="replace"))
        if found:
            return found
        assert process.poll() is None, "lawsite serve ended:\n" + log.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.2)
    raise AssertionError(f"{pattern!r} never printed:\n" + log.read_text(encoding="utf-8", errors="replace"))


def test_serve_prints_the_address_it_serves_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = small_project(tmp_path / "site")
    port = free_port()
    log = tmp_path / "serve.log"
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the preview folder, left behind by the kill below
    server = start_lawsite(config, "serve", "-a", f"127.0.0.1:{port}", stderr=log)
    try:
        line = wait_for_line(log, r"lawsite：正在预览，请用浏览器打开 (\S+)（按 Ctrl\+C 结束预览）", server)
        assert line.group(1) == f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(line.group(1), timeout=30) as response:  # it serves as soon as it says so
            assert "欢迎预览" in response.read().decode("utf-8")
        said = log.read_text(encoding="utf-8")
        assert "dirty" not in said and "INFO" not in said, said  # MkDocs' own lines are not the editor's
    finally:
        stop(server)


def test_an_address_in_use_is_refused_with_a_hint(tmp_path: Path) -> None:
    config = small_project(tmp_path / "site")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        run = run_bounded(lawsite_command(config, "serve", "-a", address), config.parent, build_env(), timeout=BOUND)
    assert run.returncode == 2, run.stderr
    assert f"无法在 {address} 上预览" in run.stderr and "lawsite serve -a 127.0.0.1:8001" in run.stderr
    assert "Traceback" not in run.stderr
