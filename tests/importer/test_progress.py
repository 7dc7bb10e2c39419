"""Progress: a bar on a terminal, plain lines at each tenth elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lawsite.cli import main
from lawsite.progress import Progress, bar_line, interactive

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_mode_prints_a_line_per_tenth() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("building", out, tty=False, clock=clock)
    for done in range(1, 201):
        clock.now += 0.05
        progress(done, 200)
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0] == "building: 20/200 (10%), 1.0 s"
    assert lines[-1] == "building: 200/200 (100%), 10.0 s"


def test_plain_mode_is_quiet_for_small_runs() -> None:
    out = io.StringIO()
    progress = Progress("checking", out, tty=False)
    for done in range(1, 15):
        progress(done, 14)
    assert out.getvalue() == ""


def test_terminal_mode_redraws_one_line_and_ends_it() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("checking", out, tty=True, clock=clock)
    for done in range(1, 11):
        clock.now += 0.5
        progress(done, 10)
    text = out.getvalue()
    assert text.count("\r") == 10 and text.endswith("\n") and text.count("\n") == 1
    assert text.rstrip().rsplit("\r", 1)[1] == "checking [####################] 10/10  5.0 s"


def test_bar_line_fills_in_proportion() -> None:
    assert bar_line("x", 5, 10, 1.25) == "x [##########..........]  5/10  1.2 s"


def test_ci_is_never_interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("CI", "true")
    assert not interactive(Tty())
    monkeypatch.delenv("CI")
    assert interactive(Tty())


def test_check_on_a_large_site_prints_plain_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for n in range(120):
        (content / f"law{n}.md").write_text(f"---\nkind: law\ntitle: 法{n}\n---\n第一条 正文。\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 0
    err = capsys.readouterr().err  # pytest's capture is not a terminal
    lines = [line for line in err.splitlines() if line.startswith("checking:")]
    assert len(lines) == 10 and lines[-1].startswith("checking: 120/120 (100%)")
