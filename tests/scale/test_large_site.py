"""A site with a folder of many laws: year sections, a category index, and a
pruned nav in which each page lists only its own branch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawsite.render.lawnav import YEAR_GROUP_MIN
from tests.scale.law_folder import build_law_folder

YEARS = (2001, 2010, 2020)
COUNT = YEAR_GROUP_MIN + 6


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dates = [f"{YEARS[n % len(YEARS)]}-0{1 + n % 9}-01" for n in range(COUNT)]
    return build_law_folder(tmp_path_factory.mktemp("large"), "测试条例", dates)


def nav_of(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index("</nav>", start)]


def test_category_index_lists_every_law_by_year(site: Path) -> None:
    html = (site / "laws" / "行政法规" / "index.html").read_text(encoding="utf-8")
    assert f"共 {COUNT} 件" in html
    headings = re.findall(r'<h2 id="y(\d+)"', html)
    assert headings == ["2020", "2010", "2001"]
    assert len(re.findall(r'<li><a href="reg-\d+/">测试条例第\d+号</a></li>', html)) == COUNT


def test_a_law_page_nav_holds_its_year_only(site: Path) -> None:
    page = nav_of((site / "laws" / "行政法规" / "reg-0" / "index.html").read_text(encoding="utf-8"))
    same_year = [n for n in range(COUNT) if YEARS[n % 3] == YEARS[0]]
    other_year = [n for n in range(COUNT) if YEARS[n % 3] != YEARS[0]]
    for n in same_year:
        assert f"测试条例第{n}号" in page
    # Other years are one pruned link each, not their laws.
    assert all(f"测试条例第{n}号" not in page for n in other_year)
    assert "2010年" in page and "2020年" in page


def test_nav_stays_small_per_page(site: Path) -> None:
    pages = list((site / "laws" / "行政法规").glob("reg-*/index.html"))
    assert len(pages) == COUNT
    links = [nav_of(p.read_text(encoding="utf-8")).count("md-nav__link") for p in pages]
    # Each year holds a third of the laws; a flat nav would list all of them.
    assert max(links) < COUNT // 3 + 15


def test_the_index_is_the_first_entry_of_its_section(site: Path) -> None:
    home = nav_of((site / "index.html").read_text(encoding="utf-8"))
    assert 'href="laws/%E8%A1%8C%E6%94%BF%E6%B3%95%E8%A7%84/"' in home or 'href="laws/行政法规/"' in home
