"""The one way a test compares its output with a golden file (expected output
kept in the repository): equal passes; different fails with a diff; missing is
written and fails, so it gets reviewed; `pytest --update` (the `update_golden`
fixture) rewrites the files from the current code after an intended change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest


def assert_golden(actual: str, path: Path, update: bool) -> None:
    """`actual` equals the golden file at `path` (rewritten first under --update)."""
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path.name} was missing and has been written; review and commit it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, _difference(path, expected, actual)


def _difference(path: Path, expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), f"{path.name} (golden)", "actual output"
    )
    return f"{path} differs from the output (if intended: pytest --update, then review the diff):\n" + "".join(lines)
