"""Search engine choice, page marking and the Pagefind run (no browser)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml

from conftest import build_site
from lawsite.outputs import search

EPOCH = 1_795_000_000  # 2026-11-19, any fixed moment


def test_auto_picks_material_for_small_sites_and_pagefind_from_the_threshold() -> None:
    assert search.choose_engine("auto", search.PAGEFIND_THRESHOLD - 1) == "material"
    assert search.choose_engine("auto", search.PAGEFIND_THRESHOLD) == "pagefind"
    assert search.choose_engine("material", 10_000) == "material"
    assert search.choose_engine("pagefind", 1) == "pagefind"
    with pytest.raises(ValueError, match="auto, material, pagefind"):
        search.choose_engine("lunr", 3)


HEADER = '<header class="md-header"><nav class="md-header__inner md-grid">{inner}</nav>\n</header><article class="md-content__inner md-typeset"><h1>T</h1></article>'


def test_mark_page_puts_the_button_before_the_repository_link() -> None:
    page = HEADER.format(inner='<div class="md-header__title">T</div><div class="md-header__source">repo</div>')
    marked = search.mark_page(page, "<button>S</button>")
    assert '<button>S</button><div class="md-header__source">' in marked
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in marked


def test_mark_page_puts_the_button_at_the_end_of_the_header_without_a_repository() -> None:
    marked = search.mark_page(HEADER.format(inner="<div>T</div>"), "<button>S</button>")
    assert "<div>T</div><button>S</button></nav>" in marked
    assert marked.count("data-pagefind-body") == 1


def test_search_button_has_labels_in_the_site_language() -> None:
    html = search.search_button_html("en")
    assert 'aria-label="Search"' in html and 'aria-label="Close search"' in html
    assert 'aria-label="搜索"' in search.search_button_html("zh")


LAW = """---
kind: law
id: water
title: 水源保护条例
adopted: 2025-06-01
---

## 第一章 总则

第一条 为了保护饮用水水源，制定本条例。

第二条 禁止在保护区内停靠船舶。
"""


def _project(tmp_path: Path, mode: str) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "content" / "water.md").write_text(LAW, encoding="utf-8")
    config = {
        "site_name": "测试",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"search": {"lang": "zh"}}, {"lawsite": {"search": mode}}],
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _fragments(site: Path) -> list[dict]:
    out = []
    for path in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        out.append(json.loads(raw[raw.index(b"{"):]))
    return out


def test_pagefind_mode_replaces_material_search(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "pagefind"), site, EPOCH)
    page = (site / "water" / "index.html").read_text(encoding="utf-8")
    assert not (site / "search" / "search_index.json").exists()  # Material's index is not built
    assert 'data-md-component="search"' not in page  # nor its box shown
    assert 'class="md-header__button md-icon ls-search-open"' in page
    assert "assets/lawsite/lawsite-search.js" in page
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file(), name
    by_url = {f["url"]: f for f in _fragments(site)}
    water = by_url["/water/"]
    assert water["meta"]["title"] == "水源保护条例"
    assert {"art_1", "art_2"} <= {a["id"] for a in water["anchors"]}
    # The extended build segments Chinese: 船舶 is a word of its own.
    assert "船舶" in water["content"].replace("\u200b", " ").split()


def test_material_mode_keeps_material_search_with_jieba(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "material"), site, EPOCH)
    page = (site / "water" / "index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert 'data-md-component="search"' in page
    assert "ls-search-open" not in page
    assert not (site / "pagefind").exists()


def test_auto_mode_on_a_small_site_is_material(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(_project(tmp_path, "auto"), site, EPOCH)
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "pagefind").exists()
