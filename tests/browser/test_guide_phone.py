"""The editors' guide on a phone (390 px): code examples scroll inside their
box instead of widening the page, tables too, and the screenshot is kept in
tests/screenshots/ for a person to look at."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS


pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_path", ["guide/1-draft/", "guide/4-check/", "guide/6-publish/", "guide/10-sort/"])
def test_guide_fits_a_phone(chromium: Any, sample_url: str, page_path: str):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(sample_url + page_path)
        assert page.locator("h1").first.inner_text().startswith("如何")
        # Nothing makes the page itself wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        code_boxes = page.locator("pre code")
        assert code_boxes.count() >= 1
        if page_path == "guide/1-draft/":
            SCREENSHOTS.mkdir(exist_ok=True)
            # Where the example's long lines wrap and the field list starts.
            page.evaluate("window.scrollTo(0, document.querySelectorAll('h2')[1].offsetTop - 420)")
            page.wait_for_timeout(600)  # let Material's header finish switching to the page title
            page.screenshot(path=str(SCREENSHOTS / "guide-draft-phone.png"))
    finally:
        context.close()
