"""The statistics and 台账 pages in Chromium (the statistics page, the yearly
page, a point's page and a 联络站's): at 390 px and 1280 px every column of
every table is in view (none hidden behind a sideways scroll), and a point
below another is indented under it."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

PAGES = {"statistics": "statistics/", "yearly": "statistics/2026/", "point": "contact-points/xinghai-road/", "station": "contact-points/xinghai-haibin/"}

HIDDEN_COLUMNS = """[...document.querySelectorAll('.ls-stats-table')].filter(t => {
  const wrap = t.closest('.ls-table-wrap'); return wrap.scrollWidth > wrap.clientWidth + 1;
}).length"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_funnel_column_is_in_view(open_page: Any, name: str, width: int) -> None:
    page = open_page(PAGES[name], width)
    assert page.locator(".ls-stats-table").count() >= 1
    assert page.evaluate(HIDDEN_COLUMNS) == 0
    page.screenshot(path=str(SCREENSHOTS / f"points-{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_points_below_are_indented_under_theirs(open_page: Any, width: int) -> None:
    page = open_page(PAGES["yearly"], width)
    table = page.locator("#ls-yearly-points + * .ls-funnel-table, #ls-yearly-points ~ .ls-table-wrap .ls-funnel-table").first
    starts = table.evaluate("""t => Object.fromEntries([...t.querySelectorAll('tbody th a')].map(a =>
      [a.textContent, a.getBoundingClientRect().left]))""")
    top, station, building = starts["临江区星海路街道基层立法联系点"], starts["星海路街道海滨社区立法联络站"], starts["海滨商务楼宇立法信息采集点"]
    assert top < station < building
    assert starts["云山县云山镇基层立法联系点"] == top  # the next point of the top tier starts where the first did
