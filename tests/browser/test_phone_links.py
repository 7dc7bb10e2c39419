"""Phones in Chromium (render/phone.py, reader.js): every phone number shown
is a tel: link (a point's facts, the footer, a sign, a 反馈单, a draft's comment box),
and each mail or postal address in the comment box has a copy button that
says 已复制, or selects the address where copying is refused (older X5)."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

TEL_LINKS = "() => [...document.querySelectorAll('a[href^=\"tel:\"]')].map(a => [a.textContent, a.getAttribute('href')])"
# What WeChat's older X5 engine offers: no Clipboard API, execCommand("copy") refused.
NO_CLIPBOARD = "Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = () => false;"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("drafts/property-r2/", ("0000-81000001", "tel:+86-000-81000001")),  # comment box and footer
        ("contact-points/xinghai-road/", ("0000-82010128", "tel:+86-000-82010128")),
        ("contact-points/", ("0000-82010128", "tel:+86-000-82010128")),  # the directory's cards
        ("signs/xinghai-road/", ("0000-82010128", "tel:+86-000-82010128")),
        ("feedback/nanmen-community/qingchuan-property-2026-r1-feedback/", ("0000-83170017", "tel:+86-000-83170017")),  # a point's 反馈单
    ],
)
def test_every_phone_number_shown_is_a_tel_link(open_page: Any, path: str, expected: tuple[str, str]) -> None:
    page = open_page(path, 390)
    links = [tuple(pair) for pair in page.evaluate(TEL_LINKS)]
    assert expected in links
    if not path.startswith(("signs/", "feedback/")):  # standalone pages, no site footer
        assert ("0000-81000001", "tel:+86-000-81000001") in links  # the footer's contact


@pytest.mark.parametrize("width", [390, 1280])
def test_the_copy_button_copies_the_mail_address_and_says_so(chromium: Any, sample_url: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_url.rstrip("/"))
        page = context.new_page()
        page.goto(sample_url + "drafts/property-r2/")
        box = page.locator(".ls-channels")
        button = box.locator("button[data-ls-copy]").first
        assert button.is_visible() and button.inner_text() == "复制邮箱地址"
        button.click()
        page.wait_for_function("document.querySelector('.ls-channels .ls-copy__status').textContent === '已复制'")
        assert page.evaluate("navigator.clipboard.readText()") == "fgw@example.gov.cn"
        box.locator("button[data-ls-copy]").nth(1).click()  # the postal address
        assert page.evaluate("navigator.clipboard.readText()").startswith("青川市临江区人民大道1号")
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(SCREENSHOTS / f"copy-address-{width}.png"))
    finally:
        context.close()


def test_without_a_clipboard_the_address_is_selected_to_copy_by_hand(chromium: Any, sample_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 900}, locale="zh-CN")
    try:
        context.add_init_script(NO_CLIPBOARD)
        page = context.new_page()
        page.goto(sample_url + "drafts/property-r2/")
        page.locator(".ls-channels button[data-ls-copy]").first.click()
        page.wait_for_function("document.querySelector('.ls-channels .ls-copy__status').textContent !== ''")
        assert page.locator(".ls-channels .ls-copy__status").first.inner_text() == "已选中，请长按复制"
        assert page.evaluate("window.getSelection().toString()") == "fgw@example.gov.cn"
        page.locator(".ls-channels").screenshot(path=str(SCREENSHOTS / "copy-address-selected-390.png"))
    finally:
        context.close()


def test_without_javascript_no_dead_copy_button_shows(chromium: Any, sample_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample_url + "drafts/property-r2/")
        assert not page.locator(".ls-channels button[data-ls-copy]").first.is_visible()
        assert page.locator(".ls-channels a[href^='tel:']").is_visible()
    finally:
        context.close()
