"""`lawsite serve` builds a preview's law pages when a browser first asks for
them: the drafts and other pages first, then each law page on its first
request, with its text and its neighbours' titles in the nav; a change to the
draft is shown by a dirty rebuild that builds no law page (nor the 404 page
again, nor a sitemap)."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.build.sample_project import start_lawsite, stop

BOUND = 300  # seconds: a bound against a hang, not a benchmark
DRAFT = "---\nkind: draft\nid: d\ntitle: 某某条例（草案）\n---\n\n第一条　草案的内容{marker}。\n"


def law(n: int) -> str:
    return f"---\nkind: law\nid: law-{n}\ntitle: 第{n}号条例\nadopted: 2020-01-0{n}\n---\n\n第一条　第{n}号条例的内容。\n"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, process) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + BOUND
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        assert process.poll() is None, "lawsite serve ended"
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never shown at {url}")


def test_law_pages_are_built_when_first_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    content = tmp_path / "content"
    (content / "laws").mkdir(parents=True)
    (content / "drafts").mkdir()
    (content / "index.md").write_text("# 首页\n", encoding="utf-8")
    (content / "drafts" / "d.md").write_text(DRAFT.format(marker=""), encoding="utf-8")
    for n in (1, 2, 3):
        (content / "laws" / f"law-{n}.md").write_text(law(n), encoding="utf-8")
    config.write_text("site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # where serve makes its preview folder

    def built(name: str) -> bool:
        return any((preview / name / "index.html").is_file() for preview in (tmp_path / "tmp").glob("mkdocs_*"))

    server = start_lawsite(config, "serve", "-a", f"127.0.0.1:{port}", stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/drafts/d/", "草案的内容", server)
        assert built("drafts/d") and not [n for n in (1, 2, 3) if built(f"laws/law-{n}")]
        (preview,) = (tmp_path / "tmp").glob("mkdocs_*")
        first_404 = (preview / "404.html").stat().st_mtime_ns
        assert not (preview / "sitemap.xml").exists()  # a publication's, not a preview's
        page = wait_for(f"{base}/laws/law-2/", "第2号条例的内容", server)
        assert "第1号条例" in page and "第3号条例" in page and ">None<" not in page  # the nav's titles, read or not
        (content / "drafts" / "d.md").write_text(DRAFT.format(marker="，已改"), encoding="utf-8")
        wait_for(f"{base}/drafts/d/", "草案的内容，已改", server)
        assert built("laws/law-2") and not built("laws/law-3")  # the rebuild built no law page
        assert (preview / "404.html").stat().st_mtime_ns == first_404  # kept from the first build
        assert "第3号条例的内容" in wait_for(f"{base}/laws/law-3/", "第3号条例的内容", server)
    finally:
        stop(server)
