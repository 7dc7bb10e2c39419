"""`lawsite serve` (mkdocs serve) pages carry no CSP: MkDocs' live reload
injects an inline script that differs per request and would be blocked."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def _site(tmp_path: Path, command: str) -> str:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    config = load_config(str(config_file), site_dir=str(tmp_path / command))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        # As `mkdocs serve` does: MkDocs keeps plugin instances that define
        # on_startup, so a later in-process build would still think it serves.
        config.plugins.on_shutdown()
    return (tmp_path / command / "index.html").read_text(encoding="utf-8")


def test_published_pages_have_csp_served_previews_do_not(tmp_path: Path) -> None:
    assert 'http-equiv="Content-Security-Policy"' in _site(tmp_path, "build")
    assert 'http-equiv="Content-Security-Policy"' not in _site(tmp_path, "serve")
