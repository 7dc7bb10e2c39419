"""Ledger pages in Chromium: screenshots at 390 px and 1280 px, axe-core in
light and dark, no sideways scrolling on a phone, and charts that follow the
colour scheme (their colours come from CSS, not from the SVG)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

PAGES = {
    "notice": "notices/property-r1-feedback/",
    "statistics": "statistics/",
    "directory": "contact-points/",
    "point": "contact-points/xinghai-road/",
    "draft": "drafts/property-r1/",
}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("name", "path", "width"),
    [
        ("ledger-draft-phone", PAGES["draft"] + "#art_14", 390),
        ("ledger-draft-desktop", PAGES["draft"] + "#art_13", 1280),
        ("ledger-notice-phone", PAGES["notice"] + "#ledger-art_14", 390),
        ("ledger-notice-desktop", PAGES["notice"], 1280),
        ("ledger-statistics-desktop", PAGES["statistics"], 1280),
    ],
)
def test_screenshots(open_page: Any, name: str, path: str, width: int) -> None:
    """Pictures for people to look at (not compared pixel by pixel)."""
    page = open_page(path, width)
    page.wait_for_timeout(200)  # let Material scroll to the fragment
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size < 400_000


def test_ledger_line_leads_to_the_group_in_the_notice(open_page: Any) -> None:
    page = open_page(PAGES["draft"] + "#art_13", 390)
    page.locator("#art_13 a.ls-ledger-line").click()
    page.wait_for_url("**/notices/property-r1-feedback/#ledger-art_13")
    assert page.locator("#ledger-art_13").is_visible()
    assert page.locator("#ledger-art_13").inner_text() == "第十三条（表决规则）"


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_overflows_a_phone(open_page: Any, name: str) -> None:
    page = open_page(PAGES[name], 390)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def chart_colours(page: Any) -> tuple[str, str]:
    return page.evaluate(
        "[getComputedStyle(document.querySelector('.ls-chart__seg--adopted')).fill,"
        " getComputedStyle(document.querySelector('.ls-chart .ls-chart__text')).fill]"
    )


def test_charts_follow_the_colour_scheme(open_page: Any) -> None:
    light = chart_colours(open_page(PAGES["notice"], 1280, "light"))
    dark = chart_colours(open_page(PAGES["notice"], 1280, "dark"))
    assert light[0] != dark[0] and light[1] != dark[1]
    assert dark[1] not in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0.87)")  # labels stay readable on the dark page


def axe_violations(page: Any, axe_source: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe_source))
    found = page.evaluate("axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))")
    return [v for v in found if v["impact"] in ("serious", "critical")]


# The pages with charts and badges in both schemes; the plainer ones in light only
# (test_reader.py checks the notice page at both widths too).
@pytest.mark.parametrize(("name", "scheme"), [("statistics", "light"), ("statistics", "dark"), ("notice", "dark"), ("directory", "light"), ("point", "light"), ("point", "dark")])
def test_axe_finds_no_serious_violation(open_page: Any, axe_source: Path, name: str, scheme: str) -> None:
    assert axe_violations(open_page(PAGES[name], 1280, scheme), axe_source) == []
