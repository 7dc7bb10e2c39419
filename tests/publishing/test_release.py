"""Versioned releases: one version number, a changelog entry for it, and
`pip install` from the repository producing a complete package."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
import venv
from pathlib import Path

import pytest

import lawsite

REPO = Path(__file__).resolve().parents[2]


def test_version_is_single_sourced():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "lawsite.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", lawsite.__version__)


def test_changelog_has_the_current_version():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    changelog = readme.split("## Changelog", 1)[1]
    assert re.search(rf"^### {re.escape(lawsite.__version__)}\b", changelog, re.MULTILINE), "add the version to the README's Changelog"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with lawsite pip-installed from the repository
    (dependencies left out: they come from PyPI and are not what is tested)."""
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", str(REPO)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def inspect(python: Path) -> dict:
    script = """
import importlib.metadata as m, json, pathlib
dist = m.distribution("lawsite")
files = [str(f) for f in dist.files]
eps = {ep.group + ":" + ep.name: ep.value for ep in dist.entry_points}
print(json.dumps({"version": dist.version, "files": files, "entry_points": eps}))
"""
    # Without PYTHONPATH: a source tree on it (generator/, with the egg-info the
    # install leaves there) would be inspected instead of the installed package.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True, cwd="/", env=env)
    return json.loads(out.stdout)


def test_pip_install_from_the_repository(installed):
    info = inspect(installed)
    assert info["version"] == lawsite.__version__
    assert info["entry_points"]["console_scripts:lawsite"] == "lawsite.cli:main"
    assert info["entry_points"]["mkdocs.plugins:lawsite"] == "lawsite.mkdocs_plugin:LawsitePlugin"
    files = set(info["files"])
    for path in lawsite.__path__:
        package = Path(path)
    expected = {f"lawsite/{p.relative_to(package).as_posix()}" for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".html", ".css", ".js") and "__pycache__" not in p.parts}
    assert expected - files == set()  # every module, template and asset is in the installed package
    assert not any(f.startswith(("content/", "tests/")) for f in files)
