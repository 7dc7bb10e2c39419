"""A change saved while `lawsite serve` is building the page it changes is
shown by the rebuild that follows (MkDocs' dirty test, source newer than the
page written, took the page written after the save for up to date: the change
was never shown and the server waited for the next save)."""

from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import pytest

from tests.build.sample_project import start_lawsite, stop
from tests.build.test_serve_on_request import BOUND, DRAFT, fetch, wait_for

# Stands in for a slow page: when the draft is rendered it says so (a file
# beside mkdocs.yml) and takes a second, so the test can save in that second.
# Each build says so too.
HOOK = '''
import pathlib, time

def count(config, name):
    flags = pathlib.Path(config.config_file_path).parent / name
    flags.write_text(flags.read_text() + "x" if flags.exists() else "x")

def on_pre_build(config):
    count(config, "builds")

def on_post_page(output, page, config):
    if page.file.src_uri == "drafts/d.md":
        count(config, "rendering")
        time.sleep(1.0)
    return output
'''
SAVES = 3  # changes saved during a render, each waited for
SHOWN = 60  # seconds for one change to show: a bound against a change never shown, not a benchmark


def test_a_change_saved_while_its_page_renders_is_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, draft, url = draft_project(tmp_path, monkeypatch)
    flags = tmp_path / "rendering"
    server = start_lawsite(config, "serve", "-a", url.split("/")[2], stderr=tmp_path / "serve.log")
    try:
        wait_for(url, "草案的内容", server)
        for n in range(SAVES):
            renders = len(flags.read_text())
            draft.write_text(DRAFT.format(marker=f"，第{n}次改动开始"), encoding="utf-8")
            wait_until(lambda: len(flags.read_text()) > renders, server, BOUND)  # the rebuild is rendering the draft
            draft.write_text(DRAFT.format(marker=f"，第{n}次改动"), encoding="utf-8")  # saved meanwhile
            wait_until(lambda: f"草案的内容，第{n}次改动。" in (fetch(url) or ""), server, SHOWN)
        builds = (tmp_path / "builds").read_text()
        time.sleep(3)  # a build reads every source: that is no change (the system's "opened" events)
        assert (tmp_path / "builds").read_text() == builds, "rebuilt with nothing changed"
    finally:
        stop(server)
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")


def draft_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, str]:
    """(mkdocs.yml, the draft, the draft's URL) of a site with the hook above."""
    config = tmp_path / "mkdocs.yml"
    draft = tmp_path / "content" / "drafts" / "d.md"
    draft.parent.mkdir(parents=True)
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    draft.write_text(DRAFT.format(marker=""), encoding="utf-8")
    (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
    config.write_text("site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\nhooks:\n  - hooks.py\n", encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # where serve makes its preview folder
    return config, draft, f"http://127.0.0.1:{port}/drafts/d/"


def wait_until(condition, process, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, "lawsite serve ended"
        assert time.monotonic() < deadline, f"not so after {seconds} s"
        time.sleep(0.02)


def test_a_change_saved_during_the_first_build_is_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The watcher begins after the first build: a save before that is no event."""
    config, draft, url = draft_project(tmp_path, monkeypatch)
    server = start_lawsite(config, "serve", "-a", url.split("/")[2], stderr=tmp_path / "serve.log")
    try:
        wait_until((tmp_path / "rendering").exists, server, BOUND)  # the first build is rendering the draft
        draft.write_text(DRAFT.format(marker="，启动时改动"), encoding="utf-8")
        wait_until(lambda: "草案的内容，启动时改动。" in (fetch(url) or ""), server, SHOWN)
    finally:
        stop(server)


def test_a_preview_ended_by_sigterm_removes_its_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, _, url = draft_project(tmp_path, monkeypatch)
    server = start_lawsite(config, "serve", "-a", url.split("/")[2], stderr=tmp_path / "serve.log")
    try:
        wait_for(url, "草案的内容", server)
        assert list((tmp_path / "tmp").glob("mkdocs_*"))
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=BOUND)
    finally:
        stop(server)
    assert not list((tmp_path / "tmp").glob("mkdocs_*"))
