"""Outliving the engine: the sample site built with ProperDocs (the maintained
MkDocs 1.x fork) is the site built with MkDocs.

ProperDocs loads our plugin from the same `mkdocs.plugins` entry point and
serves `import mkdocs.…` from its own modules, so a build there proves the
plugin needs nothing but the public MkDocs 1.x API. Material runs there too.

Allowed difference, and the only one found: `<meta name="generator">` names
the engine. Everything else — the set of files, every page's HTML, article
anchors and comment links — must be identical.
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

REPO = Path(__file__).resolve().parents[2]
SAMPLE_NOW = "2026-11-22T12:00:00+08:00"  # as tests/conftest.py builds sample_site
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
ANCHOR = re.compile(r'id="(art_[^"]+)"')
COMMENT = re.compile(r'href="((?:mailto:|https://yj\.example\.gov\.cn/)[^"]*)"')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = shutil.which("properdocs", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    assert exe, "properdocs not installed: pip install -e .[test]"
    out = tmp_path_factory.mktemp("properdocs-site")
    epoch = int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp())
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([exe, "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(out)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_properdocs_is_the_engine(properdocs_site):
    assert 'content="mkdocs-ProperDocs' in html(properdocs_site, "index.html")
    assert "mkdocs-material-" in html(properdocs_site, "index.html")  # Material ran there too


def test_same_files(properdocs_site, sample_site):
    assert files(properdocs_site) == files(sample_site)


def test_same_anchors_and_comment_links_per_page(properdocs_site, sample_site):
    pages = sorted(p for p in files(sample_site) if p.endswith(".html"))
    drafts = [p for p in pages if p.startswith("drafts/")]
    assert len(drafts) >= 4
    for page in pages:
        ours, theirs = html(sample_site, page), html(properdocs_site, page)
        assert ANCHOR.findall(theirs) == ANCHOR.findall(ours), page
        assert COMMENT.findall(theirs) == COMMENT.findall(ours), page
    assert ANCHOR.findall(html(sample_site, drafts[0])) and COMMENT.findall(html(sample_site, "drafts/civilized-behavior/index.html"))


def test_same_html_but_for_the_generator_tag(properdocs_site, sample_site):
    differing = [
        page
        for page in sorted(p for p in files(sample_site) if p.endswith((".html", ".json", ".xml", ".css", ".js", ".svg")))
        if GENERATOR.sub("", html(sample_site, page)) != GENERATOR.sub("", html(properdocs_site, page))
    ]
    assert differing == []
