"""The reader's tools in Chromium, at a phone (390 px) and a desktop (1280 px)
width: the comment basket, the deadline by the browser's clock, pages without
JavaScript, copy-link buttons (长辈模式: test_elder_mode.py), horizontal overflow and axe-core.

The sample site is built at tests/conftest.py::SAMPLE_NOW (2026-11-22), when
the 文明行为促进条例 draft is open (closes 2027-01-10, inclusive, Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

DRAFT = "drafts/civilized-behavior/"
DRAFT_ID = "qingchuan-civilized-behavior-2026"
TITLE = "青川市文明行为促进条例（草案）"
PERMALINK = "https://lawsite.example.gov.cn/drafts/civilized-behavior/#"
CST = dt.timezone(dt.timedelta(hours=8))
WHILE_OPEN = dt.datetime(2026, 12, 1, 10, 0, tzinfo=CST)
AFTER_DEADLINE = dt.datetime(2027, 1, 11, 0, 0, 30, tzinfo=CST)  # 30 s after the inclusive last day
PAGES = {"home": "", "draft": DRAFT, "notice": "notices/property-r1-feedback/", "poster": f"posters/{DRAFT_ID}/"}
WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def width(request: pytest.FixtureRequest) -> str:
    return request.param


def new_page(chromium: Any, width: int, *, javascript: bool = True, scheme: str = "light", clock: dt.datetime | None = WHILE_OPEN, bypass_csp: bool = False) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript, color_scheme=scheme, locale="zh-CN", bypass_csp=bypass_csp)
    # Only the local server answers: the site's own host (site_url, e.g. Material's
    # sitemap fetch) is not reachable from a test and must not slow it down.
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page = context.new_page()
    if clock is not None and javascript:
        page.clock.set_fixed_time(clock)
    return page


@pytest.fixture
def page_at(chromium: Any) -> Iterator[Any]:
    """A factory of pages in fresh contexts (fresh localStorage), closed after the test."""
    opened: list[Any] = []

    def make(width: int, **options: Any) -> Any:
        page = new_page(chromium, width, **options)
        opened.append(page)
        return page

    yield make
    for page in opened:
        page.context.close()


def open_entry(page: Any, article: str) -> None:
    """Open the article's 提意见 entry (closed on a phone, open on a wide screen)."""
    entry = page.locator(f"#{article} details.ls-comment")
    if entry.get_attribute("open") is None:
        entry.locator("summary.ls-comment__open").click()


def choose(page: Any, article: str) -> None:
    """Put the article in the basket through its 提意见 entry."""
    open_entry(page, article)
    page.locator(f"#{article} .ls-basket-toggle").click()


def decode_mailto(href: str) -> tuple[str, dict[str, str]]:
    assert href.startswith("mailto:"), href
    address, _, query = href[len("mailto:"):].partition("?")
    fields = {key: value for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True)}
    return urllib.parse.unquote(address), fields


# --- the comment basket ---------------------------------------------------------


def test_basket_survives_reload_and_sends_one_mail(page_at: Any, sample_url: str, width: str) -> None:
    page = page_at(WIDTHS[width])
    page.goto(sample_url + DRAFT)
    assert page.locator("#ls-basket").is_visible()
    choose(page, "art_3")
    choose(page, "art_1")
    page.fill("#ls-basket-art_3", "建议明确“文明行为”的范围 & 列举\n第二行")
    page.fill("#ls-basket-art_1", "同意。")
    page.fill("#ls-basket-name", "王某")
    page.fill("#ls-basket-contact", "wang@example.cn")
    page.locator("#art_10").scroll_into_view_if_needed()  # back among the articles: the bar shows the count
    page.locator(".ls-basket-bar").wait_for(state="visible")
    assert "2" in page.locator(".ls-basket-bar__count").inner_text()

    page.reload()  # nothing typed is lost
    assert page.locator("#art_3 .ls-basket-toggle").get_attribute("aria-pressed") == "true"
    assert page.locator("#art_2 .ls-basket-toggle").get_attribute("aria-pressed") == "false"
    assert page.input_value("#ls-basket-art_3") == "建议明确“文明行为”的范围 & 列举\n第二行"
    assert page.input_value("#ls-basket-name") == "王某"

    address, fields = decode_mailto(page.locator("[data-ls-basket-mail]").get_attribute("href"))
    assert address == "fgw@example.gov.cn"
    assert set(fields) == {"subject", "body"}
    # Articles in the order the reader chose them; the subject template is the draft's.
    assert fields["subject"] == f"征求意见：{TITLE}第三条、第一条"
    assert fields["body"] == "\r\n".join([
        f"关于《{TITLE}》的意见",
        "",
        "【第三条】",
        "建议明确“文明行为”的范围 & 列举",
        "第二行",
        f"条文链接：{PERMALINK}art_3",
        "",
        "【第一条】",
        "同意。",
        f"条文链接：{PERMALINK}art_1",
        "",
        "姓名：王某",
        "联系方式：wang@example.cn",
        "",
    ])
    stored = json.loads(page.evaluate(f"localStorage.getItem('lawsite:basket:{DRAFT_ID}')"))
    assert stored["order"] == ["art_3", "art_1"]

    # While the panel is on screen the bar steps aside: the panel's own buttons are not covered.
    page.locator("[data-ls-basket-mail]").scroll_into_view_if_needed()
    page.locator(".ls-basket-bar").wait_for(state="hidden")
    if width == "phone":
        page.evaluate("document.querySelectorAll('.md-top').forEach(b => { b.style.display = 'none'; })")  # Material's back-to-top, mid-fade
        page.locator("#ls-basket").screenshot(path=str(SCREENSHOTS / "basket-phone.png"), animations="disabled")


def test_basket_removal_asks_and_can_be_undone(page_at: Any, sample_url: str) -> None:
    page = page_at(390)
    page.goto(sample_url + DRAFT)
    choose(page, "art_2")
    toggle = page.locator("#art_2 .ls-basket-toggle")
    assert toggle.inner_text().startswith("已加入意见篮")  # a chosen article says so
    page.fill("#ls-basket-art_2", "删去本条")
    # Tapping the chosen article again asks before deleting the text: declined, all stays.
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    toggle.click()
    assert asked == ["移出第二条会删去您对它写的意见，确定移出吗？"]
    assert page.input_value("#ls-basket-art_2") == "删去本条"
    assert toggle.get_attribute("aria-pressed") == "true"
    # Accepted: removed, and the bar offers to undo it.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#ls-basket .ls-basket__remove").click()
    assert page.locator("#ls-basket-art_2").count() == 0
    assert toggle.inner_text().startswith("加入意见篮")
    page.locator("#art_10").scroll_into_view_if_needed()
    bar = page.locator(".ls-basket-bar")
    bar.wait_for(state="visible")
    assert "已移出第二条" in bar.inner_text()
    bar.locator("[data-ls-basket-undo]").click()
    assert page.input_value("#ls-basket-art_2") == "删去本条"  # the text is back
    stored = json.loads(page.evaluate(f"localStorage.getItem('lawsite:basket:{DRAFT_ID}')"))
    assert stored["text"] == {"art_2": "删去本条"}
    # An article without text goes without asking (nothing to lose).
    choose(page, "art_3")
    page.locator("#art_3 .ls-basket-toggle").click()
    assert page.locator("#ls-basket-art_3").count() == 0
    # Emptying the basket asks, and can be undone too.
    page.fill("#ls-basket-name", "李某")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-ls-basket-clear]").click()
    assert page.evaluate(f"localStorage.getItem('lawsite:basket:{DRAFT_ID}')") is None
    page.locator("#ls-basket [data-ls-basket-undo]").click()
    assert page.input_value("#ls-basket-art_2") == "删去本条" and page.input_value("#ls-basket-name") == "李某"


def test_one_compact_comment_entry_per_article_on_a_phone(page_at: Any, sample_url: str) -> None:
    page = page_at(390)
    page.goto(sample_url + DRAFT)
    article = page.locator("#art_1")
    # One visible button under the article: 提意见, the choices folded inside it.
    visible = article.locator(".ls-actions button:visible, .ls-actions a:visible, .ls-actions summary:visible")
    assert visible.count() == 1 and visible.first.inner_text().startswith("提意见")
    open_entry(page, "art_1")
    choices = article.locator(".ls-comment__choices")
    assert choices.locator(".ls-comment__mail").is_visible() and choices.locator(".ls-comment__form").is_visible()
    assert choices.locator(".ls-basket-toggle").is_visible() and choices.locator(".ls-copy__button").is_visible()
    page.locator("#art_2").screenshot(path=str(SCREENSHOTS / "comment-entry-phone.png"), animations="disabled")
    # A wide screen has room: the choices stand open beside 提意见.
    desktop = page_at(1280)
    desktop.goto(sample_url + DRAFT)
    assert desktop.locator("#art_1 .ls-comment__mail").is_visible()
    assert desktop.locator("details.ls-comment[open]").count() == 20
    desktop.locator("#art_2").screenshot(path=str(SCREENSHOTS / "comment-entry-desktop.png"), animations="disabled")


def test_basket_copies_all_comments_for_the_form(page_at: Any, sample_url: str) -> None:
    page = page_at(1280)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_url.rstrip("/"))
    page.goto(sample_url + DRAFT)
    choose(page, "art_5")
    page.fill("#ls-basket-art_5", "建议增加志愿服务时长认定")
    page.locator("[data-ls-basket-copy]").click()
    page.wait_for_function("document.querySelector('.ls-basket__status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "【第五条】\n建议增加志愿服务时长认定\n" in copied
    assert page.locator(".ls-basket__actions a[target=_blank]").get_attribute("href").startswith("https://yj.example.gov.cn/form?doc=qingchuan-civilized-behavior-2026")


# --- the deadline, by the reader's clock ------------------------------------------------


def test_page_built_while_open_is_closed_after_the_deadline(page_at: Any, sample_url: str, width: str) -> None:
    page = page_at(WIDTHS[width], clock=AFTER_DEADLINE)
    page.goto(sample_url + DRAFT)
    banner = page.locator(".ls-doc-head [data-ls-banner]")
    assert "ls-banner--closed" in banner.get_attribute("class")
    assert "征求意见已结束" in banner.inner_text()
    assert page.locator(".ls-comment").count() == 20
    assert page.locator(".ls-comment:visible").count() == 0
    assert page.locator(".ls-channels").is_hidden()
    assert page.locator("a[href^='mailto:']:visible").count() == 0
    assert page.locator(".ls-basket-toggle").count() == 0
    assert page.locator("#ls-basket").is_hidden()


def test_same_page_on_the_last_day_is_still_open(page_at: Any, sample_url: str) -> None:
    page = page_at(390, clock=AFTER_DEADLINE - dt.timedelta(minutes=1))
    page.goto(sample_url + DRAFT)
    assert "ls-banner--open" in page.locator(".ls-doc-head [data-ls-banner]").get_attribute("class")
    assert page.locator(".ls-comment:visible").count() == 20


# --- without JavaScript -------------------------------------------------------------------


def test_without_javascript_the_build_time_entries_stand(page_at: Any, sample_url: str, width: str) -> None:
    page = page_at(WIDTHS[width], javascript=False)
    page.goto(sample_url + DRAFT)
    assert "ls-banner--open" in page.locator(".ls-doc-head [data-ls-banner]").get_attribute("class")
    # Each 提意见 opens by itself (a <details>), no script needed.
    summaries = page.locator("details.ls-comment > summary")
    assert summaries.count() == 20
    for index in range(20):
        summaries.nth(index).click()
    mail_links = page.locator(".ls-comment a[href^='mailto:']:visible")
    assert mail_links.count() == 20
    _, fields = decode_mailto(mail_links.first.get_attribute("href"))
    assert fields["subject"] == f"征求意见：{TITLE}第一条"
    assert page.locator(".ls-comment a[href^='https://yj.example.gov.cn/']:visible").count() == 20
    assert page.locator("#ls-basket").is_hidden()
    assert page.locator(".ls-basket-toggle, .ls-copy, .ls-elder-switch").count() == 0
    assert page.locator(".ls-poster-link a").is_visible()


# --- comfort ------------------------------------------------------------------------------------


def test_copy_permalink_with_confirmation(page_at: Any, sample_url: str) -> None:
    page = page_at(390)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_url.rstrip("/"))
    page.goto(sample_url + DRAFT)
    open_entry(page, "art_2")
    # The button names its article, read from the label link (no data attribute).
    assert page.locator("#art_2 .ls-copy__button").inner_text().endswith("第二条")
    # The article's text reads (and copies) as written: label, caption, U+3000, text.
    assert page.locator("#art_2__para_1").inner_text().startswith("第二条（适用范围）\u3000本市")
    page.locator("#art_2 .ls-copy__button").click()
    status = page.locator("#art_2 .ls-copy__status")
    status.filter(has_text="已复制").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == PERMALINK + "art_2"


def test_copy_permalink_fallback_when_copying_is_refused(page_at: Any, sample_url: str) -> None:
    page = page_at(390)
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = function () { return false; };")
    page.goto(sample_url + DRAFT)
    open_entry(page, "art_4")
    page.locator("#art_4 .ls-copy__button").click()
    fallback = page.locator("#art_4 .ls-copy__fallback")
    assert fallback.is_visible()
    assert fallback.input_value() == PERMALINK + "art_4"


def test_keyboard_focus_is_visible(page_at: Any, sample_url: str) -> None:
    page = page_at(390)
    page.goto(sample_url + DRAFT)
    page.keyboard.press("Tab")  # keyboard use, so that focus() shows :focus-visible
    page.locator("#art_1 summary").focus()
    page.keyboard.press("Enter")  # opens the entry from the keyboard
    for selector in ("#art_1 summary", "#art_1 .ls-basket-toggle", "#art_1 .ls-copy__button", "#art_1 .ls-comment__mail", ".ls-elder-switch"):
        page.locator(selector).focus()
        outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
        assert outline[0] != "none" and outline[1] >= 2, (selector, outline)


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_overflows_a_phone(page_at: Any, sample_url: str, name: str) -> None:
    page = page_at(390)
    page.goto(sample_url + PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.evaluate("document.documentElement.scrollWidth")


def test_lang_is_set_on_every_page(page_at: Any, sample_url: str) -> None:
    page = page_at(1280)
    for path in PAGES.values():
        page.goto(sample_url + path)
        assert page.evaluate("document.documentElement.lang") == "zh"


# --- axe-core ------------------------------------------------------------------------------------


def axe_violations(page: Any, axe_source: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe_source))
    found = page.evaluate("axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))")
    return [v for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("view", ["phone-light", "desktop-light", "phone-dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(page_at: Any, sample_url: str, axe_source: Path, view: str, name: str) -> None:
    width, scheme = view.split("-")
    # The pages' CSP allows no injected script: axe is let in by bypassing it.
    page = page_at(WIDTHS[width], scheme=scheme, bypass_csp=True)
    page.goto(sample_url + PAGES[name])
    if name == "draft":
        choose(page, "art_1")  # the basket panel and bar are checked too
    assert axe_violations(page, axe_source) == []


# --- screenshots ----------------------------------------------------------------------------------


def test_draft_screenshots(page_at: Any, sample_url: str) -> None:
    """The README's pictures of a draft page (looked at by a person, not compared)."""
    phone = page_at(390)
    phone.goto(sample_url + DRAFT + "#art_1")
    phone.screenshot(path=str(SCREENSHOTS / "draft-phone.png"), animations="disabled")
    desktop = page_at(1280)
    desktop.goto(sample_url + DRAFT)
    desktop.screenshot(path=str(SCREENSHOTS / "draft-desktop.png"), animations="disabled")
    for path in ("draft-phone.png", "draft-desktop.png"):
        assert (SCREENSHOTS / path).stat().st_size < 400_000
