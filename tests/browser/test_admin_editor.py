"""The web editor at /admin/, driven as an editor would: Decap CMS on its
local backend (decap-server from npm, on 127.0.0.1, started and stopped
here) creates a draft through its form, and the file it writes passes
`lawsite check`. Nothing is loaded from another host, and the page's own
Content-Security-Policy refuses nothing the editor needs.

decap-server comes from npm as .ci/run installs it
(`npm install --prefix tests/browser/decap decap-server@3`); without it the
test is skipped with the reason, and under CI=true it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from conftest import REPO, build_site

from browser.conftest import SCREENSHOTS, missing, serve
from lawsite.cli import main

pytestmark = pytest.mark.browser

DECAP_SERVER = Path(__file__).parent / "decap" / "node_modules" / "decap-server" / "dist" / "index.js"
DRAFT_ID = "qingchuan-tree-care-2027"
BODY = """## 第一章 总则

第一条（立法目的）为了保护城市古树名木，制定本条例。

第二条（适用范围）本市行政区域内古树名木的保护管理，适用本条例。
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A small site whose editor talks to a decap-server on a free port of
    127.0.0.1, serving the site's own folder; (project folder, port)."""
    if shutil.which("node") is None or not DECAP_SERVER.is_file():
        missing(f"decap-server not installed at {DECAP_SERVER} (npm install --prefix tests/browser/decap decap-server@3, as .ci/run does)")
    port = _free_port()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 青川市人大常委会\n\n立法公开平台。\n", encoding="utf-8")
    config = {
        "site_name": "青川市人大常委会立法公开平台",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"lawsite": {"search": "material", "admin": {"local": f"http://127.0.0.1:{port}/api/v1"}}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    environment = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(tmp_path), "MODE": "fs", "LOG_LEVEL": "warn"}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(port, server)
        yield tmp_path, port
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"decap-server ended: {server.stdout.read().decode(errors='replace') if server.stdout else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"decap-server did not listen on 127.0.0.1:{port} within 30 s")


class Editor:
    """/admin/ of the project's site in its own browser context, recording
    every request to another host and every refusal of the page's policy."""

    def __init__(self, chromium: Any, folder: Path, port: int, site_dir: Path) -> None:
        build_site(folder / "mkdocs.yml", site_dir, 1795000000)
        self.server, self.url = serve(site_dir)
        # Where the editors are: a date picked must not move a day.
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", timezone_id="Asia/Shanghai")
        self.page = self.context.new_page()
        self.elsewhere: list[str] = []
        self.refused: list[str] = []
        allowed = (self.url, f"http://127.0.0.1:{port}/")
        self.page.on("request", lambda request: None if request.url.startswith(allowed) else self.elsewhere.append(request.url))
        self.page.on("console", lambda message: self.refused.append(message.text) if "Content Security Policy" in message.text else None)
        self.page.goto(self.url + "admin/")
        self.page.get_by_role("button", name="登录").click()
        self.page.get_by_role("link", name="法规草案").first.click()

    def publish_and_wait(self, written: Path, before: float | None = None) -> None:
        self.page.get_by_role("button", name="发布").first.click()
        self.page.get_by_text("立即发布", exact=True).click()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (written.is_file() and (before is None or written.stat().st_mtime != before)):
            self.page.wait_for_timeout(200)

    def close(self) -> None:
        self.context.close()
        self.server.shutdown()


def test_an_editor_creates_a_draft_that_passes_check(project: tuple[Path, int], chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder, port = project
    editor = Editor(chromium, folder, port, tmp_path_factory.mktemp("admin-site"))
    page = editor.page
    written = folder / "content" / "drafts" / f"{DRAFT_ID}.md"
    try:
        page.locator("a[href$=\"/collections/draft/new\"]").click()  # the collection's ＋ 法规草案
        page.get_by_label("标识（id）", exact=True).fill(DRAFT_ID)
        page.get_by_label("标题", exact=True).fill("青川市古树名木保护条例（草案）")
        page.get_by_label("审议阶段 (可选)", exact=True).fill("征求意见稿")
        page.get_by_label("起草单位 (可选)", exact=True).fill("青川市人大常委会法制工作委员会")
        page.get_by_label("开始日期 (可选)", exact=True).fill("2027-01-05")
        page.get_by_label("截止日期", exact=True).fill("2027-02-05")
        page.get_by_label("电子邮箱 (可选)", exact=True).fill("fgw@rd.qingchuan.gov.cn")
        page.get_by_label("正文", exact=True).fill(BODY)
        page.get_by_label("标识（id）", exact=True).scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "admin-draft.png"))  # the README's picture
        editor.publish_and_wait(written)
        assert written.is_file(), sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))
    finally:
        editor.close()
    text = written.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["kind"] == "draft" and front["id"] == DRAFT_ID and front["title"] == "青川市古树名木保护条例（草案）"
    assert (str(front["comments"]["opens"]), str(front["comments"]["closes"])) == ("2027-01-05", "2027-02-05")
    assert "第二条（适用范围）本市行政区域内" in text
    assert main(["-f", str(folder / "mkdocs.yml"), "check", "--strict"]) == 0, text
    assert not editor.elsewhere, editor.elsewhere
    assert not editor.refused, editor.refused


def test_an_editor_changes_a_sample_draft_and_keeps_the_rest(project: tuple[Path, int], chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """On a phone (390 px): Decap's form was 800 px wide at least and
    scrolled sideways (admin/page.py's PHONE_CSS)."""
    folder, port = project
    editor = Editor(chromium, folder, port, tmp_path_factory.mktemp("admin-site"))
    shutil.rmtree(folder / "content")
    shutil.copytree(REPO / "content", folder / "content")  # decap-server reads the folder on each request
    written = folder / "content" / "drafts" / "property-r2.md"
    before_text = written.read_text(encoding="utf-8")
    before = yaml.safe_load(before_text.split("---\n")[1])
    page = editor.page
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        page.get_by_role("link", name=before["title"]).click()
        stage = page.get_by_label("审议阶段 (可选)", exact=True)
        stage.fill("二审稿（修改）")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
        assert stage.bounding_box()["x"] + stage.bounding_box()["width"] <= 390
        publish = page.get_by_role("button", name="发布").first.bounding_box()
        assert publish is not None and publish["x"] + publish["width"] <= 390
        page.get_by_label("标题", exact=True).scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "admin-draft-phone.png"))
        editor.publish_and_wait(written, written.stat().st_mtime)
    finally:
        editor.close()
    text = written.read_text(encoding="utf-8")
    after = yaml.safe_load(text.split("---\n")[1])
    assert after == before | {"stage": "二审稿（修改）"}
    assert text.split("---\n", 2)[2].strip() == before_text.split("---\n", 2)[2].strip()
    assert main(["-f", str(folder / "mkdocs.yml"), "check"]) == 0
    assert not editor.elsewhere and not editor.refused
