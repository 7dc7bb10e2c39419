"""Material's nav with each branch that does not hold the page rendered once
per folder (nav_cache.py): the same pages, byte for byte, as Material's own
template gives; what the cache keys on gives the links MkDocs computes; a
template that reads otherwise is left as it is."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url, get_theme_dir

from lawsite import nav_cache
from lawsite.render.lawnav import YEAR_GROUP_MIN
from tests.conftest import build_site
from tests.scale.law_folder import CONFIG

MATERIAL_NAV = Path(get_theme_dir("material")) / nav_cache.TEMPLATE


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def _two_folders(root: Path) -> Path:
    """Two folders of laws in year sections, one with a folder below it
    (pruned branches, a section index, the home page, a page beside the
    laws), built."""
    for folder, count in (("行政法规", YEAR_GROUP_MIN + 6), ("地方性法规", 4)):
        laws = root / "content" / "laws" / folder
        laws.mkdir(parents=True)
        for n in range(count):
            adopted = f"{2001 + n % 3 * 9}-0{1 + n % 9}-01"
            text = f"---\nkind: law\nid: {folder}-{n}\ntitle: {folder}第{n}号\ncategory: {folder}\nadopted: {adopted}\n---\n\n第一条 第{n}号的第一条。\n"
            (laws / f"reg-{n}.md").write_text(text, encoding="utf-8")
    (root / "content" / "laws" / "行政法规" / "index.md").write_text("---\ntitle: 行政法规\n---\n\n行政法规目录。\n", encoding="utf-8")
    deeper = root / "content" / "laws" / "地方性法规" / "青川市"  # pages at another depth link otherwise
    deeper.mkdir()
    (deeper / "reg-9.md").write_text("---\nkind: law\nid: qc-9\ntitle: 青川市第9号\nadopted: 2020-01-01\n---\n\n第一条 正文。\n", encoding="utf-8")
    (root / "content" / "about.md").write_text("# 关于\n", encoding="utf-8")
    (root / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site", 1_800_000_000)
    return root / "site"


def test_pages_are_those_materials_own_nav_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With and without the cache, every page is the same."""
    calls: list[object] = []
    kept = nav_cache.NavCache.__call__
    monkeypatch.setattr(nav_cache.NavCache, "__call__", lambda self, *args: calls.append(args[2]) or kept(self, *args))
    cached = _two_folders(tmp_path / "cached")
    assert calls, "the nav went through the cache"
    monkeypatch.setattr(nav_cache, "install", lambda *args: False)
    plain = _two_folders(tmp_path / "plain")
    assert _pages(cached) == _pages(plain)


def test_materials_template_reads_as_expected() -> None:
    """Fails when a Material release changes its nav partial: then the nav
    is Material's own, uncached, until nav_cache.py is looked at again."""
    source = MATERIAL_NAV.read_text(encoding="utf-8")
    made = nav_cache.cached_source(source)
    assert made is not None
    assert made.count("{% macro render(") == 1 and made.count("{% macro render_fresh(") == 1
    assert "{{ render(" not in made and made.count(f"{{{{ {nav_cache.GLOBAL}(render_fresh, page, item, ") == 1  # the recursion asks the cache itself
    jinja2.Environment().parse(made)  # still a template


@pytest.mark.parametrize(
    "source",
    [
        "{% macro render(item, path, level) %}{% endmacro %}",  # another signature: another version
        "{% macro render(nav_item, path, level, parent) %}{% endmacro %}" * 2,
        "{% macro render(nav_item, path, level, parent) %}{{ render_fresh() }}{% endmacro %}",
    ],
)
def test_a_template_that_reads_otherwise_is_left_alone(source: str) -> None:
    assert nav_cache.cached_source(source) is None


def test_a_site_that_overrides_the_nav_partial_keeps_its_own(tmp_path: Path) -> None:
    ours = tmp_path / "custom" / "partials"
    ours.mkdir(parents=True)
    (ours / "nav-item.html").write_text("{% macro render(nav_item, path, level, parent) %}X{% endmacro %}", encoding="utf-8")
    loader = nav_cache.NavLoader(jinja2.FileSystemLoader([str(tmp_path / "custom"), get_theme_dir("material")]), Path(get_theme_dir("material")))
    env = jinja2.Environment(loader=loader)
    assert "render_fresh" not in loader.get_source(env, nav_cache.TEMPLATE)[0]
    material = nav_cache.NavLoader(jinja2.FileSystemLoader([get_theme_dir("material")]), Path(get_theme_dir("material")))
    assert "render_fresh" in material.get_source(env, nav_cache.TEMPLATE)[0]


_SEGMENT = st.sampled_from(["a", "b", "laws", "c1", "法规"])
_FOLDER_URL = st.lists(_SEGMENT, min_size=0, max_size=4).map(lambda parts: "".join(f"{p}/" for p in parts))
_FILE_URL = st.tuples(st.lists(_SEGMENT, max_size=3), st.sampled_from(["x.html", "index.html"])).map(lambda t: "".join(f"{p}/" for p in t[0]) + t[1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FOLDER_URL, _FILE_URL), min_size=2, max_size=12, unique=True))
def test_pages_of_one_key_link_alike_to_every_other_page(urls: list[str]) -> None:
    """Two pages the cache takes for one folder get the same relative link
    to every page but themselves (get_relative_url, as MkDocs' `url` filter)."""
    cache = nav_cache.NavCache(urls)
    for one in urls:
        for two in urls:
            folder = cache.folder_of(one)
            if folder is None or folder != cache.folder_of(two):
                continue
            for target in urls:
                if target not in (one, two):
                    assert get_relative_url(target, one) == get_relative_url(target, two), (target, one, two)
