"""Fixtures of the intake tests (the helpers are in harness.py): the small
site built once, a throwaway PostgreSQL cluster (skipped when PostgreSQL is
not installed, a failure under CI=true), and an empty database of each kind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from .harness import Cluster, build_site, pg_bin, write_project


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project folder (mkdocs.yml, content/, site/ built).

    Built by `lawsite build` in a process of its own: MkDocs keeps one
    plugin instance per process once a test has started `serve` in-process,
    and a later in-process build then writes no open data."""
    root = tmp_path_factory.mktemp("intake-project")
    build_site(write_project(root), root / "site")
    return root


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    bin_dir = pg_bin()
    if bin_dir is None:
        reason = "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin); apt-get install postgresql"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required under CI=true")
        pytest.skip(reason)
    cluster = Cluster(bin_dir)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "comments.sqlite3")
    return request.getfixturevalue("postgres").new_database()
