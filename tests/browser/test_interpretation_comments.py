"""An interpretation page in Chromium at 390 and 1280 px: each explained
article's 提意见 entry while the draft is open (the same entry as on the draft
page), closed by the browser's clock after the deadline like the draft's own;
axe-core in light and dark with an entry open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_reader import CST, axe_violations, decode_mailto, new_page, open_entry

pytestmark = pytest.mark.browser

INTERP = "interpretations/property-r2-interpretation/"
AFTER_DEADLINE = dt.datetime(2028, 7, 1, 0, 0, 30, tzinfo=CST)  # the second reading's last day is 2028-06-30


@pytest.mark.parametrize("width", [390, 1280])
def test_an_explained_article_is_commented_on_from_its_explanation(chromium: Any, sample_url: str, width: int) -> None:
    page = new_page(chromium, width)
    page.goto(sample_url + INTERP)
    assert page.locator("[data-ls-banner]").inner_text().startswith("正在征求意见")
    assert page.locator(".ls-interp__article details.ls-comment:not([hidden])").count() == 19
    open_entry(page, "art_15")
    mail = page.locator("#art_15 .ls-comment__mail")
    assert mail.is_visible()
    address, fields = decode_mailto(mail.get_attribute("href"))
    assert address == "fgw@example.gov.cn" and fields["subject"] == "征求意见：青川市物业管理条例（草案二审稿）第十五条"
    assert "https://lawsite.example.gov.cn/drafts/property-r2/#art_15" in fields["body"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#art_15").screenshot(path=str(SCREENSHOTS / f"interpretation-entry-{width}.png"))
    page.context.close()


def test_after_the_deadline_the_entries_close_by_the_clock(chromium: Any, sample_url: str) -> None:
    page = new_page(chromium, 390, clock=AFTER_DEADLINE)
    page.goto(sample_url + INTERP)
    assert page.locator("[data-ls-banner]").inner_text().startswith("征求意见已结束")
    assert page.locator("details.ls-comment:visible").count() == 0
    page.context.close()


@pytest.mark.parametrize("view", ["phone-light", "desktop-light", "phone-dark", "desktop-dark"])
def test_axe_finds_no_serious_violation(chromium: Any, sample_url: str, axe_source: Path, view: str) -> None:
    width, scheme = view.split("-")
    page = new_page(chromium, {"phone": 390, "desktop": 1280}[width], scheme=scheme, bypass_csp=True)
    page.goto(sample_url + INTERP)
    open_entry(page, "art_15")
    assert axe_violations(page, axe_source) == []
    page.context.close()
