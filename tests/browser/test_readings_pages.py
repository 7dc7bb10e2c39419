"""Redline and interpretation pages in Chromium: screenshots at 390 px and
1280 px, side by side on a wide screen and stacked on a phone, differences
readable in light and dark and not told by colour alone, axe-core clean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

REDLINE = "redlines/qingchuan-property-2026-r2/"
INTERPRETATION = "interpretations/property-r2-interpretation/"
DRAFT = "drafts/property-r2/"

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("name", "path", "width", "scheme"),
    [
        ("redline-phone", REDLINE + "#rl-art_15", 390, "light"),
        ("redline-desktop", REDLINE, 1280, "light"),
        ("redline-desktop-dark", REDLINE + "#rl-art_28", 1280, "dark"),
        ("interpretation-phone", INTERPRETATION + "#sec-art_11", 390, "light"),
        ("interpretation-desktop", INTERPRETATION + "#sec-art_11", 1280, "light"),
        ("readings-draft-phone", DRAFT, 390, "light"),
    ],
)
def test_screenshots(open_page: Any, name: str, path: str, width: int, scheme: str) -> None:
    """Pictures for people to look at (not compared pixel by pixel)."""
    page = open_page(path, width, scheme)
    page.wait_for_timeout(200)  # let Material scroll to the fragment
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size < 400_000


def boxes(page: Any, first: str, second: str) -> tuple[dict[str, float], dict[str, float]]:
    return page.locator(first).first.bounding_box(), page.locator(second).first.bounding_box()


@pytest.mark.parametrize(
    ("path", "first", "second"),
    [
        (INTERPRETATION, "#sec-art_11 + .ls-interp .ls-interp__text", "#sec-art_11 + .ls-interp .ls-interp__note"),
        (REDLINE, "#rl-art_15 .ls-rl__main", "#rl-art_15 .ls-rl__ledger"),
    ],
)
def test_side_by_side_on_a_wide_screen_stacked_on_a_phone(open_page: Any, path: str, first: str, second: str) -> None:
    left, right = boxes(open_page(path, 1280), first, second)
    assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 40
    top, below = boxes(open_page(path, 390), first, second)
    assert below["y"] >= top["y"] + top["height"] and abs(below["x"] - top["x"]) < 2


@pytest.mark.parametrize("path", [REDLINE, INTERPRETATION, DRAFT, "drafts/property-r1/"])
def test_nothing_overflows_a_phone(open_page: Any, path: str) -> None:
    page = open_page(path, 390)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in css[css.index("(") + 1 : css.index(")")].split(","))


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((_luminance(_rgb(fg)), _luminance(_rgb(bg))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("tag", "decoration"), [("del", "line-through"), ("ins", "underline")])
def test_differences_are_readable_and_not_colour_only(open_page: Any, scheme: str, tag: str, decoration: str) -> None:
    page = open_page(REDLINE, 1280, scheme)
    style = page.evaluate(
        f"(() => {{ const s = getComputedStyle(document.querySelector('.ls-rl {tag}'));"
        " return [s.color, s.backgroundColor, s.textDecorationLine]; })()"
    )
    color, background, line = style
    assert decoration in line
    assert contrast(color, background) >= 4.5, (scheme, tag, color, background)
    spoken = page.locator(f".ls-rl {tag} .ls-sr").first.inner_text()
    assert spoken in ("［删去］", "［增加］")


def test_folded_articles_open_and_show_old_and_new_numbers(open_page: Any) -> None:
    page = open_page(REDLINE, 390)
    entry = page.locator("#rl-art_16")
    assert not entry.is_visible()
    page.locator("details.ls-rl-folded:has(#rl-art_16) > summary").click()
    assert entry.is_visible()
    assert "第十五条" in entry.inner_text() and "第十六条" in entry.inner_text()


def test_explanation_link_leads_to_the_article_on_the_interpretation_page(open_page: Any) -> None:
    page = open_page(DRAFT + "#art_12", 390)
    page.locator("#art_12 a.ls-interp-link").click()
    page.wait_for_url("**/" + INTERPRETATION + "#art_12")
    assert page.locator("#art_12").is_visible()
    assert page.locator("#art_12 .ls-article__label").inner_text() == "第十二条"


def axe_violations(page: Any, axe_source: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe_source))
    found = page.evaluate("axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))")
    return [v for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [REDLINE, INTERPRETATION])
def test_axe_finds_no_serious_violation(open_page: Any, axe_source: Path, path: str, scheme: str) -> None:
    assert axe_violations(open_page(path, 1280, scheme), axe_source) == []


@pytest.mark.parametrize(("path", "selector"), [(DRAFT, "a.ls-interp-link"), (DRAFT, "a.ls-readings__redline"), ("drafts/property-r1/", ".ls-readings__stage a")])
def test_links_are_thumb_sized_on_a_phone(open_page: Any, path: str, selector: str) -> None:
    box = open_page(path, 390).locator(selector).first.bounding_box()
    assert box["height"] >= 44
