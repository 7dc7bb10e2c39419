"""The built sample site links only to what exists: every internal link and
`#fragment` resolves, and no page links to a loopback address (a reader's
browser would open its own machine). See tests/site_links.py."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import REPO
from site_links import site_problems


def _site_url() -> str:
    return str(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"])


def test_every_internal_link_and_fragment_of_the_sample_resolves(sample_site: Path) -> None:
    assert site_problems(sample_site, _site_url()) == []


def test_the_checker_finds_a_broken_fragment_a_missing_page_and_a_loopback_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="#here">ok</a><a href="../b/">ok</a></p>', encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(
        '<a href="../a/#gone">1</a><a href="../c/">2</a><a href="http://127.0.0.1:8000/">3</a><a href="https://example.org/#x">ok</a>',
        encoding="utf-8",
    )
    problems = site_problems(tmp_path)
    assert len(problems) == 3, problems
    assert any("#fragment" in p and "gone" in p for p in problems)
    assert any("missing file" in p and "../c/" in p for p in problems)
    assert any("loopback" in p for p in problems)
