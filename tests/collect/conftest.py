"""Fixtures of the collect tests: the intake tests' small site project
(one open draft of three articles, a contact point), its draft, and
`collected(*sources)`: `lawsite collect`'s work in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from intake.harness import OPEN, write_project
from lawsite.collect.sources import collect
from lawsite.collect.table import Collected, Target
from lawsite.gather.site import load_site
from lawsite.model import Document, Kind
from lawsite.project import load_project


@pytest.fixture(autouse=True)
def _in_english(english: None) -> None:
    """These tests read the English texts of collect's messages (and the CLI's output)."""


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("collect-project")
    write_project(root)
    return root


@pytest.fixture(scope="session")
def target(project: Path) -> Target:
    loaded = load_project(project / "mkdocs.yml")
    site = load_site(loaded.content_dir, loaded.settings)
    return Target(site.get(OPEN), frozenset(d.id for d in site.of_kind(Kind.CONTACT_POINT)), loaded.settings.tz)


@pytest.fixture(scope="session")
def draft(target: Target) -> Document:
    return target.draft


@pytest.fixture()
def collected(target: Target) -> Callable[..., Collected]:
    def run(*sources: Path | str) -> Collected:
        return collect([str(s) for s in sources], target)

    return run
