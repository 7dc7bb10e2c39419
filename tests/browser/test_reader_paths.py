"""No dead ends for a reader (issue 14 part B item 2), in Chromium at 390 and
1280 px: a closed reading leads to the reading open now and no longer offers
its poster."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_reader import WIDTHS, page_at  # noqa: F401 - page_at is a fixture

pytestmark = pytest.mark.browser

CLOSED_READING = "drafts/property-r1/"
OPEN_READING_TITLE = "青川市物业管理条例（草案二审稿）"


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_a_closed_reading_leads_to_the_open_one(page_at: Any, sample_url: str, width: int) -> None:  # noqa: F811
    page = page_at(width)
    page.goto(sample_url + CLOSED_READING)
    note = page.locator(".ls-open-reading")
    assert note.is_visible()
    assert "本稿征求意见已结束" in note.inner_text()
    link = note.locator("a")
    assert link.inner_text() == OPEN_READING_TITLE
    assert page.locator(".ls-poster-link").count() == 0  # its poster would invite comments no longer taken
    note.screenshot(path=str(SCREENSHOTS / f"open-reading-{width}.png"), animations="disabled")
    page.screenshot(path=str(SCREENSHOTS / f"closed-reading-{width}.png"), animations="disabled")
    link.click()
    page.wait_for_url("**/drafts/property-r2/")
    assert "ls-banner--open" in page.locator(".ls-doc-head [data-ls-banner]").get_attribute("class")
    assert page.locator(".ls-open-reading").count() == 0
    assert page.locator(".ls-poster-link a").is_visible()  # the open reading keeps its poster
