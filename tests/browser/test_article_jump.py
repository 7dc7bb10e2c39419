"""Going to 第N条 on a long draft, on a phone (390 px) and a desktop (1280 px):
a number typed, an article picked from the list, and "共 45 条" leading to
the box. The 45-article second reading of the property draft is ~27 phone
screens long; the jump saves them."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

DRAFT = "drafts/property-r2/"


def _on_screen(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_typed_number_goes_to_its_article(open_page: Any, width: int) -> None:
    page = open_page(DRAFT, width)
    count = page.locator(".ls-jump__count")
    assert count.inner_text() == "共 45 条"
    count.click()
    box = page.locator(".ls-jump__number")
    assert box.evaluate("el => el === document.activeElement"), "共 45 条 leads to the box"
    page.screenshot(path=str(SCREENSHOTS / f"jump-{width}.png"))
    box.fill("30")
    box.press("Enter")
    page.wait_for_url(f"**/{DRAFT}#art_30")
    assert _on_screen(page, "#art_30")
    assert page.locator("#art_30 .ls-article__label").inner_text() == "第三十条"
    page.screenshot(path=str(SCREENSHOTS / f"jump-landed-{width}.png"))


@pytest.mark.parametrize("width", [390, 1280])
def test_an_article_picked_from_the_list_opens(open_page: Any, width: int) -> None:
    page = open_page(DRAFT, width)
    pick = page.locator(".ls-jump__pick")
    options = pick.locator("option")
    assert options.count() == 46  # the prompt and 45 articles
    assert options.nth(12).inner_text() == "第十二条（业主大会会议）"
    pick.select_option("art_12")
    page.wait_for_url(f"**/{DRAFT}#art_12")
    assert _on_screen(page, "#art_12")


def test_full_width_digits_go_and_a_missing_number_says_so(open_page: Any) -> None:
    page = open_page(DRAFT, 390)
    box = page.locator(".ls-jump__number")
    box.fill("１５")
    page.locator(".ls-jump__go").click()
    page.wait_for_url(f"**/{DRAFT}#art_15")
    box.fill("99")
    box.press("Enter")
    assert page.locator(".ls-jump__status").inner_text() == "没有第 99 条，本文共 45 条"
    assert page.url.endswith("#art_15"), "nothing moves"


def test_the_jump_is_on_laws_too_and_absent_from_pages_without_articles(open_page: Any) -> None:
    assert open_page("laws/water-protection/", 1280).locator(".ls-jump__form").is_visible()
    assert open_page("how-to-comment/", 1280).locator(".ls-jump").count() == 0
