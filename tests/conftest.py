"""Shared fixtures: the golden-file switch and the real-law corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update",
        action="store_true",
        default=False,
        help="rewrite golden files (expected outputs) from the current code",
    )


def _tree_changes() -> set[str] | None:
    """`git status` of the checkout, one line per changed or new file (None outside git)."""
    try:
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(status.stdout.splitlines()) if status.returncode == 0 else None


_TREE_BEFORE = pytest.StashKey[set[str] | None]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_TREE_BEFORE] = _tree_changes()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The suite leaves the tree as it found it: a test that writes into the
    checkout (a screenshot, a golden file without --update) fails the run."""
    before = session.stash.get(_TREE_BEFORE, None)
    if before is None or session.config.getoption("--update") or os.environ.get("LAWSITE_UPDATE_SCREENSHOTS") == "1":
        return
    written = sorted((_tree_changes() or set()) - before)
    if written:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("the tests wrote into the checkout (git status):\n  " + "\n  ".join(written), red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """`pytest --update`: golden files are rewritten (see golden_files.assert_golden)."""
    return bool(request.config.getoption("--update"))


def corpus_root() -> Path | None:
    """The corpus folder (with MANIFEST.tsv and laws/), or None if absent."""
    root = Path(os.environ.get("LAWSITE_CORPUS", DEFAULT_CORPUS))
    return root if (root / "MANIFEST.tsv").is_file() and (root / "laws").is_dir() else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real-law corpus; skipped visibly when absent, a failure under CI=true."""
    root = corpus_root()
    if root is None:
        reason = (
            f"real-law corpus not found at {os.environ.get('LAWSITE_CORPUS', DEFAULT_CORPUS)} "
            "(set LAWSITE_CORPUS to its folder)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required under CI=true")
        pytest.skip(reason)
    return root


# The sample site is built once per test session at a fixed moment, so that its
# banners ("open", "days left") do not depend on the day the tests run.
SAMPLE_NOW = "2026-11-22T12:00:00+08:00"


def build_site(config_file: Path, site_dir: Path, epoch: int) -> None:
    """Build a site in-process with SOURCE_DATE_EPOCH fixed to `epoch`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        build(load_config(str(config_file), site_dir=str(site_dir)))
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def build_site_as_lawsite_build(config_file: Path, site_dir: Path, epoch: int) -> None:
    """Build a large site as `lawsite build` does, in its own processes (laws
    parsed and rendered by one process per CPU, pages compressed beside
    Pagefind): the same bytes as `build_site` (tests/build/test_parts.py),
    sooner on two cores."""
    done = subprocess.run(
        [sys.executable, "-m", "lawsite", "-f", str(config_file), "build", "-d", str(site_dir)],
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-4000:]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site in content/, built once at SAMPLE_NOW; returns site_dir."""
    import datetime as dt

    site_dir = tmp_path_factory.mktemp("sample-site")
    build_site(REPO / "mkdocs.yml", site_dir, int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
    return site_dir


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """lawsite speaks English (`LAWSITE_LANG=en`, which `--lang en` also
    sets): for tests that assert on the English texts of messages; Chinese,
    the default, is tested in tests/check/test_messages.py."""
    monkeypatch.setenv("LAWSITE_LANG", "en")
