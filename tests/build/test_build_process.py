"""The MkDocs process of `lawsite build` (commands/build_process.py) ends
without the interpreter's teardown once its build is written: everything it
said reaches the terminal all the same, and the site is whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CONFIG = "site_name: 结束测试\ndocs_dir: content\ntheme:\n  name: material\n  language: zh\n  font: false\nplugins:\n  - lawsite\n"
LAW = "---\nkind: law\nid: gap-law\ntitle: 缺条条例\n---\n\n第一条　第一条。\n\n第三条　缺少第二条。\n"


def test_the_mkdocs_process_ends_with_everything_said_and_written(tmp_path: Path) -> None:
    (tmp_path / "content" / "laws").mkdir(parents=True)
    (tmp_path / "content" / "laws" / "gap-law.md").write_text(LAW, encoding="utf-8")
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lawsite", "-f", str(tmp_path / "mkdocs.yml"), "build", "-d", str(tmp_path / "site")],
        env={**os.environ, "PYTHONPATH": str(REPO / "generator")},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "(article-gap)" in done.stderr  # the MkDocs process's warning, said before it left
    assert (tmp_path / "site" / "laws" / "gap-law" / "index.html").is_file()
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()  # indexed after it ended
