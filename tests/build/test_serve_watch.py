"""`serve` watches with the system's file events, and keeps MkDocs' polling
where they cannot be had."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from lawsite import mkdocs_plugin
from lawsite.mkdocs_plugin import SAVE_SETTLES, _NativeObserver, _watch_natively


def server_watching(folder: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(folder))
    server.watch(str(folder))
    server.watch(str(folder))  # watched twice (MkDocs counts): unwatched once, still watched
    return server


def test_the_system_s_events_replace_polling(tmp_path: Path) -> None:
    server = server_watching(tmp_path)
    _watch_natively(server)
    try:
        assert isinstance(server.observer, _NativeObserver) and server.observer.is_alive()
        assert server._watched_paths == {str(tmp_path): 2} and server.build_delay == SAVE_SETTLES
        server.unwatch(str(tmp_path))
        assert server._watched_paths == {str(tmp_path): 1}
        server.observer.start()  # as MkDocs' serve does: nothing
    finally:
        server.observer.stop()


def test_polling_stays_where_the_system_s_events_cannot_be_had(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_watches(self: _NativeObserver) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(mkdocs_plugin._NativeObserver, "start", no_watches)
    server = server_watching(tmp_path)
    _watch_natively(server)
    assert isinstance(server.observer, PollingObserver) and not server.observer.is_alive()
    assert server._watched_paths == {str(tmp_path): 2} and len(server._watch_refs) == 1
    assert server.build_delay == 0.1  # MkDocs' own


def test_what_the_first_build_left_is_kept_out_of_full_collections(tmp_path: Path) -> None:
    """On the corpus each full collection of it took half a second of a rebuild."""
    plugin = mkdocs_plugin.LawsitePlugin()
    plugin.on_startup(command="serve", dirty=True)
    server = server_watching(tmp_path)
    gc.unfreeze()
    try:
        plugin.on_serve(server, config=SimpleNamespace(docs_dir=str(tmp_path)), builder=lambda: None)  # type: ignore[arg-type]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        server.observer.stop()


def theme_config(tmp_path: Path, watch: str = "") -> Any:
    (tmp_path / "content").mkdir(exist_ok=True)
    (tmp_path / "theme").mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\ndocs_dir: content\ntheme: {{name: material, custom_dir: theme}}\n{watch}", encoding="utf-8")
    return load_config(str(config))


def test_a_preview_lists_the_theme_s_files_once(tmp_path: Path) -> None:
    listing = mkdocs_plugin.ThemeListing()
    first = theme_config(tmp_path)
    listing.install(first)
    names = first.theme.get_env().list_templates(filter_func=lambda name: not name.endswith(".html"))
    assert "assets/stylesheets" in " ".join(names)
    (tmp_path / "theme" / "added.css").write_text("a{}", encoding="utf-8")  # not watched: no rebuild for it
    again = theme_config(tmp_path)  # a rebuild's config
    listing.install(again)
    assert again.theme.get_env().list_templates(filter_func=lambda name: not name.endswith(".html")) == names


def test_a_watched_theme_is_listed_in_each_rebuild(tmp_path: Path) -> None:
    listing = mkdocs_plugin.ThemeListing()
    first = theme_config(tmp_path, watch="watch: [theme]\n")
    listing.install(first)
    first.theme.get_env().list_templates()
    (tmp_path / "theme" / "added.css").write_text("a{}", encoding="utf-8")
    again = theme_config(tmp_path, watch="watch: [theme]\n")
    listing.install(again)
    assert "added.css" in again.theme.get_env().list_templates()


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _served(tmp_path: Path) -> tuple[LiveReloadServer, str]:
    """The server after the plugin's on_serve, and what the plugin logged."""
    plugin = mkdocs_plugin.LawsitePlugin()
    plugin.on_startup(command="serve", dirty=True)
    server = server_watching(tmp_path)
    lines, logger = _Lines(), mkdocs_plugin.log
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)  # whatever earlier tests left
    try:
        plugin.on_serve(server, config=SimpleNamespace(docs_dir=str(tmp_path)), builder=lambda: None)  # type: ignore[arg-type]
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
        gc.unfreeze()
    return server, "\n".join(lines.lines)


def test_serve_poll_keeps_mkdocs_polling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWSITE_SERVE_POLL", "1")
    server, said = _served(tmp_path)
    assert isinstance(server.observer, PollingObserver) and server._watched_paths == {str(tmp_path): 2}
    assert "--poll" in said and "0.5" in said


def test_a_folder_whose_changes_are_not_announced_is_polled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a Windows folder opened under WSL is (9p): without it, no save would ever show."""
    monkeypatch.delenv("LAWSITE_SERVE_POLL", raising=False)
    monkeypatch.setattr(mkdocs_plugin, "filesystem_of", lambda folder, mountinfo=None: "9p")
    server, said = _served(tmp_path)
    assert isinstance(server.observer, PollingObserver)
    assert "9p" in said and "0.5" in said


def test_lawsite_serve_poll_asks_the_plugin_for_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs.commands.serve

    from lawsite.cli import parser
    from lawsite.commands import serve as serve_command
    from lawsite.filesystems import POLL_ENV

    monkeypatch.setenv(POLL_ENV, "")  # so that what run() sets is undone after the test
    seen: list[str | None] = []
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda **kwargs: seen.append(os.environ.get(POLL_ENV)))
    monkeypatch.setattr(serve_command.signal, "signal", lambda *args: None)
    repo = Path(__file__).resolve().parents[2]
    assert serve_command.run(parser("en").parse_args(["-f", str(repo / "mkdocs.yml"), "serve"])) == 0
    assert serve_command.run(parser("en").parse_args(["-f", str(repo / "mkdocs.yml"), "serve", "--poll"])) == 0
    assert seen == ["", "1"]
