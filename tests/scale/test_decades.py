"""A law folder spanning many years: years grouped by decade in the nav, so
each page lists the decades and only its own decade's years."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawsite.render import lawnav
from tests.scale.law_folder import build_law_folder

FIRST, LAST = 1990, 2009  # 20 years, more than DECADE_GROUP_MIN
PER_YEAR = 2

COUNT = (LAST - FIRST + 1) * PER_YEAR


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    undated = "---\nkind: law\nid: undated\ntitle: 无日期条例\n---\n\n第一条 无日期。\n"
    dates = [f"{FIRST + n // PER_YEAR}-03-01" for n in range(COUNT)]
    return build_law_folder(tmp_path_factory.mktemp("decades"), "年代条例", dates, {"undated.md": undated})


def nav_titles(site: Path, name: str) -> list[str]:
    html = (site / "laws" / "行政法规" / name / "index.html").read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary"')
    nav = html[start : html.index('<div class="md-sidebar md-sidebar--secondary"', start)]
    # A link's title is its first text (finish/minify.py drops Material's span around it).
    return re.findall(r'class="md-nav__link[^"]*"[^>]*>([^<]+)<', nav)


def test_by_decade_groups_years_newest_first_undated_last() -> None:
    groups = [(2011, ["a"]), (2009, ["b"]), (2001, ["c"]), (1999, ["d"]), (None, ["e"])]
    assert lawnav.by_decade(groups) == [
        (2010, [(2011, ["a"])]),
        (2000, [(2009, ["b"]), (2001, ["c"])]),
        (1990, [(1999, ["d"])]),
        (None, [(None, ["e"])]),
    ]
    assert lawnav.decade_title(1990, "zh") == "1990年代" and lawnav.decade_title(1990, "en") == "1990s"


def test_a_page_lists_the_decades_and_its_own_decades_years(site: Path) -> None:
    titles = nav_titles(site, "reg-0")  # 1990
    assert "2000年代" in titles and "1990年代" in titles and "年份不详" in titles
    assert [f"{y}年" for y in range(1999, 1989, -1)] == [t for t in titles if re.fullmatch(r"\d{4}年", t)]
    assert {"年代条例第0号", "年代条例第1号"} <= set(titles)
    # Neither another decade's years nor another year's laws.
    assert not any(t.startswith("年代条例") and t not in ("年代条例第0号", "年代条例第1号") for t in titles)


def test_the_undated_law_sits_beside_the_decades(site: Path) -> None:
    titles = nav_titles(site, "undated")
    assert titles.index("年份不详") > titles.index("1990年代") > titles.index("2000年代")
    assert "无日期条例" in titles and not any(re.fullmatch(r"\d{4}年", t) for t in titles)


def test_the_index_still_lists_every_law_by_year(site: Path) -> None:
    html = (site / "laws" / "行政法规" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="y(\d+)"', html) == [str(y) for y in range(LAST, FIRST - 1, -1)]
    assert len(re.findall(r'<li><a href="reg-\d+/">年代条例第\d+号</a></li>', html)) == COUNT
