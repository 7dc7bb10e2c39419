"""Sanitising must not cost the site any of its own markup.

The sample site is built twice, with `trust_html: true` (nothing cleaned) and
as usual; every page's content must have the same elements, attributes and
text. A feature whose markup the allowlist would strip fails here, naming the
page and the first element that differs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_NOW, build_site


class _Content(HTMLParser):
    """Elements and text inside the page's <article> (what Markdown made)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "input", "hr", "col", "wbr", "source", "meta", "link")
            self.items.append(("<", tag, *sorted(f"{k}={v or ''}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in ("br", "img", "input", "hr", "col", "wbr"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.items.append(("text", " ".join(data.split())))


def _content(path: Path) -> list[tuple[str, ...]]:
    parser = _Content()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.items


@pytest.fixture(scope="module")
def trusted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import datetime as dt

    root = tmp_path_factory.mktemp("trusted")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir:.*$", f"docs_dir: {REPO / 'content'}", config, flags=re.MULTILINE)
    config = re.sub(r"^(\s*custom_dir:\s*)(\S+)", lambda m: m.group(1) + str(REPO / m.group(2)), config, flags=re.MULTILINE)
    config = re.sub(r"^(\s*)- lawsite:\s*$", r"\1- lawsite:\n\1    trust_html: true", config, count=1, flags=re.MULTILINE)
    assert "trust_html: true" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site_dir = root / "site"
    build_site(root / "mkdocs.yml", site_dir, int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
    return site_dir


def test_sanitising_keeps_every_element_attribute_and_text(sample_site: Path, trusted_site: Path) -> None:
    pages = sorted(p.relative_to(trusted_site) for p in trusted_site.rglob("*.html"))
    assert len(pages) > 20
    for name in pages:
        trusted, cleaned = _content(trusted_site / name), _content(sample_site / name)
        first = next((i for i, (a, b) in enumerate(zip(trusted, cleaned)) if a != b), None)
        where = f"{name}: element {first}: {trusted[first] if first is not None else ''} became {cleaned[first] if first is not None else ''}"
        assert trusted == cleaned, where
