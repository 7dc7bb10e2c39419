"""Outliving the engine: the sample site built with ProperDocs (the maintained
MkDocs 1.x fork) is the site built with MkDocs.

ProperDocs loads our plugin from the same `mkdocs.plugins` entry point and
serves `import mkdocs.…` from its own modules, so a build there proves the
plugin needs nothing but the public MkDocs 1.x API. Material runs there too.

Allowed differences: `<meta name="generator">` names the engine; and
Pagefind's filter and meta indexes, which Pagefind writes in hash-map order,
so that two runs of the same Pagefind on the same pages name and order them
differently. Those are compared by name pattern and decompressed size
(`tests/pagefind_files.py`). Everything else — the set of files, every page's HTML, article
anchors and comment links — must be identical. Both engines run as
subprocesses at the same time, from the same tree, so neither inherits state
from other tests and both see the same files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pagefind_files import comparable_snapshot, without_index_hash

REPO = Path(__file__).resolve().parents[2]
SAMPLE_NOW = "2026-11-22T12:00:00+08:00"  # the moment tests/conftest.py uses for the sample site
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
ANCHOR = re.compile(r'id="(art_[^"]+)"')
COMMENT = re.compile(r'href="((?:mailto:|https://yj\.example\.gov\.cn/)[^"]*)"')


def engine(name: str) -> str:
    exe = shutil.which(name, path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    assert exe, f"{name} not installed: pip install -e .[test]"
    return exe


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample site built by both engines at once, from the same tree and
    at the same fixed moment (so banners agree)."""
    epoch = int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp())
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    outs = {name: tmp_path_factory.mktemp(f"{name}-site") for name in ("mkdocs", "properdocs")}
    running = {
        name: subprocess.Popen([engine(name), "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for name, out in outs.items()
    }
    for name, process in running.items():
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, f"{name}: {err}"
    return outs


@pytest.fixture(scope="module")
def properdocs_site(builds: dict[str, Path]) -> Path:
    return builds["properdocs"]


@pytest.fixture(scope="module")
def mkdocs_site(builds: dict[str, Path]) -> Path:
    return builds["mkdocs"]


def files(site: Path) -> set[str]:
    return set(comparable_snapshot(site))


def comparable(site: Path, page: str) -> str:
    return without_index_hash(GENERATOR.sub("", html(site, page)))


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_properdocs_is_the_engine(properdocs_site):
    assert 'content="mkdocs-ProperDocs' in html(properdocs_site, "index.html")
    assert "mkdocs-material-" in html(properdocs_site, "index.html")  # Material ran there too


def test_same_files(properdocs_site, mkdocs_site):
    ours, theirs = comparable_snapshot(mkdocs_site), comparable_snapshot(properdocs_site)
    assert theirs.keys() == ours.keys()
    assert [theirs[name] for name in ours if "*" in name] == [ours[name] for name in ours if "*" in name]  # Pagefind's unstable indexes, by size


def test_same_anchors_and_comment_links_per_page(properdocs_site, mkdocs_site):
    pages = sorted(p for p in files(mkdocs_site) if p.endswith(".html"))
    drafts = [p for p in pages if p.startswith("drafts/")]
    assert len(drafts) >= 4
    for page in pages:
        ours, theirs = html(mkdocs_site, page), html(properdocs_site, page)
        assert ANCHOR.findall(theirs) == ANCHOR.findall(ours), page
        assert COMMENT.findall(theirs) == COMMENT.findall(ours), page
    assert ANCHOR.findall(html(mkdocs_site, drafts[0])) and COMMENT.findall(html(mkdocs_site, "drafts/civilized-behavior/index.html"))


def test_same_html_but_for_the_generator_tag(properdocs_site, mkdocs_site):
    differing = [
        page
        for page in sorted(p for p in files(mkdocs_site) if p.endswith((".html", ".json", ".xml", ".css", ".js", ".svg")))
        if comparable(mkdocs_site, page) != comparable(properdocs_site, page)
    ]
    if differing:
        import difflib

        first = differing[0]
        diff = difflib.unified_diff(html(mkdocs_site, first).splitlines(), html(properdocs_site, first).splitlines(), "mkdocs", "properdocs", n=1, lineterm="")
        pytest.fail(f"{len(differing)} file(s) differ, e.g. {first}:\n" + "\n".join(list(diff)[:40]))
