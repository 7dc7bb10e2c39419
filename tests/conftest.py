"""Shared fixtures: the golden-file switch and the real-law corpus."""

from __future__ import annotations

import os
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


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
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
