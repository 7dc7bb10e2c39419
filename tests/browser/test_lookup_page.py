"""查询我的意见 in Chromium on the built sample site, at 390 px: a receipt as
a person types it back finds its suggestion, outcome and reason and links to
the ledger line on the draft page; an unknown receipt and a malformed one say
so; the comment service's link (#receipt=…) fills it in; without JavaScript
the page says what else to do. WebCrypto runs here because 127.0.0.1 is a
secure context, as https is."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import KEPT_SCREENSHOTS, SCREENSHOTS
from browser.test_ledger_pages import axe_violations

pytestmark = pytest.mark.browser

LOOKUP = "lookup/"
# The guide's picture (content/guide/11-lookup.md), rewritten with the README's (LAWSITE_UPDATE_SCREENSHOTS=1).
PICTURE = (KEPT_SCREENSHOTS.parent.parent / "content" / "guide" if SCREENSHOTS == KEPT_SCREENSHOTS else SCREENSHOTS) / "lookup-390.png"
RECEIPT = "N63T-WFSX-HTDQ"  # content/notices/elderly-care-feedback.md, 第六条, 网民


def _look_up(page: Any, typed: str) -> str:
    page.get_by_label("回执号").fill(typed)
    page.get_by_role("button", name="查询").click()
    status = page.locator("[data-ls-lookup-status]")
    page.wait_for_function("s => !document.querySelector(s).textContent.startsWith('正在')", arg="[data-ls-lookup-status]")
    return status.inner_text()


def _fits(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_receipt_typed_loosely_finds_its_suggestion_and_links_to_the_ledger_line(open_page: Any, axe_source: Any) -> None:
    page = open_page("notices/elderly-care-feedback/", 390)
    page.get_by_role("link", name="凭回执号查询我的意见").click()
    page.wait_for_url("**/lookup/")
    assert page.locator("h1").inner_text() == "查询我的意见"
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    assert _look_up(page, "n63t wfsx htdq") == f"回执号 {RECEIPT} 的意见处理情况："
    finding = page.locator(".ls-lookup__finding")
    assert finding.count() == 1
    text = finding.inner_text()
    for words in ("《青川市居家养老服务条例（草案征求意见稿）》", "第六条（配建标准）", "老旧小区补足养老服务用房应当明确时间表。", "采纳", "在本条例施行之日起三年内"):
        assert words in text, words
    assert page.get_by_label("回执号").input_value() == RECEIPT
    assert _fits(page)
    assert axe_violations(page, axe_source) == []
    page.screenshot(path=str(PICTURE), full_page=True)
    finding.get_by_role("link", name="在草案中查看本条的意见统计").click()
    page.wait_for_url("**/drafts/elderly-care/#art_6")
    assert page.locator("#art_6 .ls-ledger-line").is_visible()
    assert errors == []


def test_an_unknown_receipt_and_a_malformed_one_find_nothing(open_page: Any) -> None:
    page = open_page(LOOKUP, 390)
    unknown = _look_up(page, "N63T-WFSX-HTDR")  # one symbol off
    assert unknown.startswith("没有查到回执号 N63T-WFSX-HTDR") and "稍后再查" in unknown
    assert page.locator(".ls-lookup__finding").count() == 0
    assert page.locator("[data-ls-lookup-ask]").inner_text().startswith("也可以凭回执号致电或来信询问：0000-81000001")
    assert _look_up(page, "mail-3f9c2a71b04e5d18").startswith("这不是一个回执号")  # a mail's id is never published
    assert _look_up(page, "N63T-WFSX-HTD").startswith("这不是一个回执号")
    assert page.locator(".ls-lookup__finding").count() == 0
    assert _fits(page)


def test_the_services_link_fills_in_the_receipt_from_the_fragment(open_page: Any) -> None:
    page = open_page(LOOKUP + "#receipt=vgnq-w0g5-51fc", 390)
    page.wait_for_selector(".ls-lookup__finding")
    assert page.get_by_label("回执号").input_value() == "VGNQ-W0G5-51FC"
    assert "老旧小区补足养老服务用房应当明确时间表。" in page.locator(".ls-lookup__finding").inner_text()


def test_without_javascript_the_page_says_how_else_to_ask(chromium: Any, sample_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 900}, locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_url + LOOKUP)
    notice = page.locator(".ls-lookup__noscript")
    assert notice.is_visible()
    assert notice.inner_text() == "查询需要在浏览器中启用 JavaScript。也可以凭回执号致电或来信询问：0000-81000001（工作日 9:00—17:00）。"
    assert not page.get_by_label("回执号").is_visible()  # no form that would send the receipt in a URL
    context.close()


def test_without_webcrypto_as_over_plain_http_the_page_says_to_use_https(chromium: Any, sample_url: str) -> None:
    # 127.0.0.1 is a secure context; over http from any other host crypto.subtle is absent, as here.
    context = chromium.new_context(viewport={"width": 390, "height": 900}, locale="zh-CN")
    context.add_init_script("Object.defineProperty(window.crypto, 'subtle', {value: undefined})")
    page = context.new_page()
    page.goto(sample_url + LOOKUP)
    status = page.locator("[data-ls-lookup-status]")
    status.wait_for()
    assert status.inner_text().startswith("本页面需要通过 https 打开才能查询")
    assert page.locator("[data-ls-lookup-ask]").inner_text().startswith("也可以凭回执号致电或来信询问")
    assert not page.get_by_label("回执号").is_visible()
    context.close()
