"""长辈模式 (适老化, MIIT 互联网网站适老化通用设计规范) in Chromium at a phone
(390 px) and a desktop (1280 px) width: the header's switch, remembered
across pages (localStorage, a cookie where storage is blocked) and applied
before the first paint; text at 150 %, 7:1 contrast (measured by
contrast.js over every visible text), one column, 44 px targets, line
height; no horizontal scroll on a phone; axe-core in light and dark."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_reader import axe_violations, new_page

pytestmark = pytest.mark.browser

PAGES = {
    "draft": "drafts/civilized-behavior/",
    "law": "laws/water-protection/",
    "notice": "notices/property-r1-feedback/",
    "statistics": "statistics/",
    "point": "contact-points/xinghai-road/",
    "interpretation": "interpretations/property-r2-interpretation/",
}
CONTRAST = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
SWITCH = ".ls-elder-switch"
ELDER_ON = "try { localStorage.setItem('lawsite:elder', 'on'); } catch (e) {}"
# Some WeChat webviews refuse localStorage: every access throws.
STORAGE_BLOCKED = "Object.defineProperty(window, 'localStorage', {get: function () { throw new DOMException('blocked', 'SecurityError'); }});"
# The state of <html> when <body> first appears: before anything is painted.
AT_FIRST_BODY = """
window.__elderAtBody = null;
new MutationObserver(function (changes, observer) {
  if (document.body) { window.__elderAtBody = document.documentElement.classList.contains('ls-elder'); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
# What a reader can tap: each at least 44 × 44 px (links inside running text are exempt, WCAG 2.5.8).
TARGETS = (".md-header__button, .md-header button, .md-typeset button, .md-typeset summary, .md-typeset select,"
           " .md-typeset input:not([type=hidden]), .md-typeset a.ls-button, .ls-basket-bar .ls-button")


@pytest.fixture
def elder_page(chromium: Any, sample_url: str) -> Iterator[Any]:
    """`elder_page(path, width, scheme)`: a page opened in 长辈模式."""
    opened: list[Any] = []

    def make(path: str, width: int, scheme: str = "light", bypass_csp: bool = False) -> Any:
        page = new_page(chromium, width, scheme=scheme, bypass_csp=bypass_csp)
        page.add_init_script(ELDER_ON)
        opened.append(page)
        page.goto(sample_url + path)
        return page

    yield make
    for page in opened:
        page.context.close()


def size_of(page: Any, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))


def test_the_switch_is_labelled_pressed_and_remembered_before_paint(chromium: Any, sample_url: str) -> None:
    page = new_page(chromium, 390)
    page.add_init_script(AT_FIRST_BODY)
    page.goto(sample_url + PAGES["draft"])
    switch = page.get_by_role("button", name="长辈模式")
    assert switch.get_attribute("aria-pressed") == "false"
    plain = size_of(page, "#art_2__para_1")
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert size_of(page, "#art_2__para_1") >= plain * 1.5
    page.goto(sample_url + PAGES["notice"])
    assert page.evaluate("window.__elderAtBody") is True, "applied in <head>, before the body is painted"
    assert page.get_by_role("button", name="长辈模式").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="长辈模式").click()
    page.goto(sample_url + PAGES["law"])
    assert page.evaluate("window.__elderAtBody") is False
    assert page.locator(SWITCH).get_attribute("aria-pressed") == "false"
    page.context.close()


def test_blocked_storage_falls_back_to_a_cookie(chromium: Any, sample_url: str) -> None:
    page = new_page(chromium, 390)
    page.add_init_script(STORAGE_BLOCKED + AT_FIRST_BODY)
    page.goto(sample_url + PAGES["draft"])
    page.locator(SWITCH).click()
    page.goto(sample_url + PAGES["statistics"])
    assert page.evaluate("window.__elderAtBody") is True
    assert page.locator(SWITCH).get_attribute("aria-pressed") == "true"
    page.locator(SWITCH).click()  # off again, and stays off
    page.goto(sample_url + PAGES["point"])
    assert page.evaluate("window.__elderAtBody") is False
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_text_reaches_seven_to_one(elder_page: Any, name: str, scheme: str) -> None:
    page = elder_page(PAGES[name], 1280, scheme)
    texts = page.evaluate(CONTRAST)
    assert len(texts) > 20
    assert [text for text in texts if text["ratio"] < 7] == []


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_sticks_out_of_a_phone(elder_page: Any, name: str) -> None:
    page = elder_page(PAGES[name], 390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Nor is anything cut off by the page's own overflow: every element ends inside
    # the screen, unless a scrolling box (a wide table) holds it.
    outside = page.evaluate("""[...document.querySelectorAll('.md-main *, .md-header *')].filter(el => {
        const r = el.getBoundingClientRect();
        if (!r.width || r.right <= window.innerWidth + 1) return false;
        for (let e = el.parentElement; e; e = e.parentElement) if (/auto|scroll/.test(getComputedStyle(e).overflowX)) return false;
        return !el.closest('.md-sidebar, .md-search, .ls-sr');
    }).map(el => el.tagName + '.' + el.className)""")
    assert outside == []


def test_text_line_height_and_targets(elder_page: Any) -> None:
    page = elder_page(PAGES["draft"], 390)
    page.locator("#art_1 summary.ls-comment__open").click()
    para = page.locator("#art_2__para_1").evaluate("el => { const s = getComputedStyle(el); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }")
    assert para[0] >= 25 and para[1] >= 1.8 * para[0], para
    small = page.evaluate(f"""[...document.querySelectorAll({TARGETS!r})].filter(el => {{
        const r = el.getBoundingClientRect();
        return r.width && r.height && getComputedStyle(el).visibility === 'visible' && (r.width < 44 || r.height < 44);
    }}).map(el => (el.className || el.tagName) + ' ' + Math.round(el.getBoundingClientRect().width) + 'x' + Math.round(el.getBoundingClientRect().height))""")
    assert small == []
    assert page.locator(TARGETS.split(",")[0]).count() >= 3


def test_one_column_on_a_desktop_with_the_navigation_in_the_drawer(elder_page: Any) -> None:
    page = elder_page(PAGES["draft"], 1280)
    assert page.locator(".md-sidebar--secondary").is_hidden()
    nav = page.locator(".md-sidebar--primary")
    assert nav.bounding_box()["x"] + nav.bounding_box()["width"] <= 0, "out of the way until asked for"
    content = page.locator(".md-content").bounding_box()
    assert content["width"] >= 1100
    page.locator(".md-header__button[for=__drawer]").click()
    link = page.locator(".md-sidebar--primary a[href*='how-to-comment']")
    link.wait_for(state="visible")
    page.wait_for_timeout(300)  # the drawer slides in
    assert 0 <= link.bounding_box()["x"] < 640
    page.screenshot(path=str(SCREENSHOTS / "elder-drawer-1280.png"))


@pytest.mark.parametrize("view", ["phone-light", "desktop-light", "phone-dark", "desktop-dark"])
@pytest.mark.parametrize("name", ["draft", "notice", "statistics"])
def test_axe_finds_no_serious_violation_in_elder_mode(elder_page: Any, axe_source: Path, view: str, name: str) -> None:
    width, scheme = view.split("-")
    page = elder_page(PAGES[name], {"phone": 390, "desktop": 1280}[width], scheme, bypass_csp=True)
    assert page.evaluate("document.documentElement.classList.contains('ls-elder')")
    assert axe_violations(page, axe_source) == []


def test_elder_mode_screenshots(elder_page: Any) -> None:
    """Pictures to look at (not compared): a draft and a notice, phone and desktop, light and dark."""
    for name in ("draft", "notice", "law"):
        for width in (390, 1280):
            for scheme in ("light", "dark"):
                page = elder_page(PAGES[name] + ("#art_2" if name == "draft" else ""), width, scheme)
                page.screenshot(path=str(SCREENSHOTS / f"elder-{name}-{width}-{scheme}.png"), animations="disabled")
                page.context.close()
