"""The sample site with a comment service (`intake:` in the plugin config) in
Chromium, against the real `lawsite intake serve` on 127.0.0.1 with SQLite:
a reader comments on one article and on a basket of three and sees the
receipts in place; without JavaScript the plain form posts and the service's
receipt page shows. Every receipt is then looked up in the database, and the
page's CSP (not bypassed) allows exactly the service's origin.

The site is built at tests/conftest.py::SAMPLE_NOW; the service's clock is
tests/intake/harness.py::NOW (2026-12-01), when the 文明行为促进条例 draft is open.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from conftest import REPO, SAMPLE_NOW, build_site
from intake.harness import Service

from browser.conftest import SCREENSHOTS, serve
from browser.test_reader import axe_violations, choose, open_entry
from lawsite.intake.backends import open_store
from lawsite.intake.store import Stored

pytestmark = pytest.mark.browser

DRAFT = "drafts/civilized-behavior/"
DRAFT_ID = "qingchuan-civilized-behavior-2026"
CST = dt.timezone(dt.timedelta(hours=8))
WHILE_OPEN = dt.datetime(2026, 12, 1, 10, 0, tzinfo=CST)
RECEIPT = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")


def intake_config(folder: Path, intake: str) -> Path:
    """The sample site's mkdocs.yml with `intake:` set, written into `folder`."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / "content")
    config["theme"]["custom_dir"] = str(REPO / "theme")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "lawsite" in plugin:
            plugin["lawsite"]["intake"] = intake
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def intake_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Service]]:
    """(the site's base URL, the running service): the service's port is
    chosen first, the site built to post there, then the service started on
    that site's open data, allowing the site's own origin."""
    folder = tmp_path_factory.mktemp("intake-site")
    site_dir = folder / "site"
    server, url = serve(site_dir)  # serves the folder once it is built
    service = Service(site_dir, str(folder / "comments.sqlite3"), "--origin", url.rstrip("/"), "--per-minute", "1000")
    try:
        build_site(intake_config(folder, service.url), site_dir, int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
        yield url, service.start()
    finally:
        service.stop()
        server.shutdown()


def stored(service: Service, receipt: str) -> Stored | None:
    store = open_store(service.db)
    try:
        return store.get(receipt)
    finally:
        store.close()


def new_page(chromium: Any, width: int, javascript: bool = True, scheme: str = "light", bypass_csp: bool = False) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript, locale="zh-CN", color_scheme=scheme, bypass_csp=bypass_csp)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(WHILE_OPEN)
    return page


def open_form(page: Any, article: str) -> Any:
    open_entry(page, article)  # the article's 提意见 (closed on a phone) holds the form
    page.locator(f"#{article} summary[data-ls-channel=intake]").click()
    form = page.locator(f"#{article} form[data-ls-intake-form]")
    form.wait_for(state="visible")
    return form


def test_the_page_allows_exactly_the_service(intake_site: tuple[str, Service]) -> None:
    url, service = intake_site
    page_html = (service.site / DRAFT / "index.html").read_text(encoding="utf-8")
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page_html).group(1))
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["form-action"] == f"'self' {service.url}"
    assert directives["connect-src"] == f"'self' https://lawsite.example.gov.cn {service.url}"
    home = (service.site / "index.html").read_text(encoding="utf-8")
    assert service.url not in home  # a page that posts nowhere allows nothing more
    form = re.search(r'<form class="ls-intake__form" method="post" action="([^"]*)"', page_html)
    assert form and form.group(1) == f"{service.url}/comments"


@pytest.mark.parametrize("width", [390, 1280])
def test_one_comment_with_javascript_shows_its_receipt_in_place(chromium: Any, intake_site: tuple[str, Service], width: int) -> None:
    url, service = intake_site
    page = new_page(chromium, width)
    page.goto(url + DRAFT)
    form = open_form(page, "art_3")
    text = f"第三条宜写明工作机制的牵头部门（{width}）。"
    form.locator("textarea").fill(text)
    form.locator("input[name=name]").fill("赵某")
    form.locator("input[name=contact]").fill("13900000000")
    page.locator("#art_3").screenshot(path=str(SCREENSHOTS / f"intake-form-{width}.png"))
    form.locator("button[type=submit]").click()
    receipt_node = form.locator(".ls-intake__receipt")
    receipt_node.wait_for()
    receipt = receipt_node.inner_text()
    assert RECEIPT.match(receipt)
    assert "意见已收到" in form.locator("[data-ls-intake-status]").inner_text()
    assert page.url == url + DRAFT  # it stayed on the page
    assert form.locator("textarea").input_value() == ""
    link = form.locator("[data-ls-intake-status] a").get_attribute("href")
    assert link == f"{service.url}/receipts/{receipt}"
    page.locator("#art_3").screenshot(path=str(SCREENSHOTS / f"intake-receipt-{width}.png"))
    row = stored(service, receipt)
    assert row is not None and (row.doc, row.article, row.text, row.point) == (DRAFT_ID, "art_3", text, None)
    page.context.close()


def test_an_interpretation_posts_to_the_drafts_service(chromium: Any, intake_site: tuple[str, Service]) -> None:
    """The interpretation page's entry is the draft's (its CSP, not bypassed, allows the service)."""
    url, service = intake_site
    page = new_page(chromium, 390)
    page.goto(url + "interpretations/property-r2-interpretation/")
    form = open_form(page, "art_15")
    form.locator("textarea").fill("备案期限宜缩短。")
    form.locator("button[type=submit]").click()
    receipt_node = form.locator(".ls-intake__receipt")
    receipt_node.wait_for()
    row = stored(service, receipt_node.inner_text())
    assert row is not None and (row.doc, row.article, row.text) == ("qingchuan-property-2026-r2", "art_15", "备案期限宜缩短。")
    page.context.close()


def test_a_basket_of_three_is_sent_in_one_request(chromium: Any, intake_site: tuple[str, Service]) -> None:
    url, service = intake_site
    page = new_page(chromium, 390)
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.goto(url + DRAFT)
    texts = {"art_2": "第二条的适用范围宜包括网络空间。", "art_5": "第五条第一项过于笼统。", "art_1": "同意立法目的。"}
    for article in texts:
        choose(page, article)
    for article, text in texts.items():
        page.fill(f"#ls-basket-{article}", text)
    page.fill("#ls-basket-name", "钱某")
    send = page.locator("[data-ls-intake-send]")
    assert send.inner_text() == "在线一次提交"
    send.click()
    items = page.locator(".ls-intake__receipts li")
    items.nth(2).wait_for()
    assert items.count() == 3
    assert posts == [f"{service.url}/comments"]  # the whole basket, one request
    assert send.is_disabled()  # not the same comments twice; a change sends again
    page.fill("#ls-basket-art_1", "同意立法目的，建议加上“弘扬”二字。")
    assert send.is_enabled()
    page.locator("#ls-basket").screenshot(path=str(SCREENSHOTS / "intake-basket-390.png"))
    shown = [items.nth(i).inner_text() for i in range(3)]
    for line, (article, label) in zip(shown, [("art_2", "第二条"), ("art_5", "第五条"), ("art_1", "第一条")]):
        assert line.startswith(label)
        receipt = RECEIPT.pattern.strip("^$")
        found = re.search(receipt, line)
        assert found, line
        row = stored(service, found.group())
        assert row is not None and (row.doc, row.article, row.text) == (DRAFT_ID, article, texts[article])
    page.context.close()


def test_without_javascript_the_form_posts_and_the_receipt_page_shows(chromium: Any, intake_site: tuple[str, Service]) -> None:
    url, service = intake_site
    page = new_page(chromium, 390, javascript=False)
    page.goto(url + DRAFT)
    form = open_form(page, "art_4")  # <details> opens without script
    assert form.locator("input[name=website]").is_hidden() or form.locator(".ls-intake__trap").bounding_box()["x"] < 0
    form.locator("textarea").fill("不用脚本也能提交的意见。")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.url.startswith(f"{service.url}/receipts/")
    receipt = page.url.rsplit("/", 1)[1]
    assert RECEIPT.match(receipt)
    assert "意见已收到" in page.content() and receipt in page.locator(".receipt").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "intake-receipt-page-390.png"), full_page=True)
    row = stored(service, receipt)
    assert row is not None and (row.article, row.text) == ("art_4", "不用脚本也能提交的意见。")
    page.context.close()


def test_a_comment_through_a_signs_code_carries_the_point(chromium: Any, intake_site: tuple[str, Service]) -> None:
    """The sign opens the home page with ?point=ID; the reader goes on to a
    draft (the id kept for the visit) and comments there."""
    url, service = intake_site
    page = new_page(chromium, 390)
    page.goto(url + "?point=xinghai-road#ls-open-now")
    page.locator(f".ls-listing a[href$='{DRAFT}']").first.click()
    page.wait_for_url(url + DRAFT)
    mail = page.locator("#art_6 a[data-ls-channel=mail]").get_attribute("href")
    assert "%E8%81%94%E7%B3%BB%E7%82%B9%EF%BC%9Axinghai-road" in mail  # 联系点：xinghai-road, at the end of the body
    form = open_form(page, "art_6")
    assert form.locator("input[name=point]").input_value() == "xinghai-road"
    form.locator("textarea").fill("经星海路联系点标牌提交。")
    form.locator("button[type=submit]").click()
    receipt_node = form.locator(".ls-intake__receipt")
    receipt_node.wait_for()
    row = stored(service, receipt_node.inner_text())
    assert row is not None and (row.article, row.point) == ("art_6", "xinghai-road")
    page.context.close()


POINT_PAGE = "contact-points/xinghai-road/"


def point_form(page: Any) -> Any:
    """The point page's form for the open draft (the sign's QR code lands on its section)."""
    card = page.locator(f"#ls-point-open ~ ul li[data-ls-point-open]:has(a[href$='{DRAFT}'])")
    return card.locator("form")


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_a_signs_code_still_carries_the_point(chromium: Any, intake_site: tuple[str, Service], width: int) -> None:
    """The sign opens the point's page (emit/sign.py); with scripts off,
    ?point=ID is not kept, but the page's own form for each open draft names
    the point in a hidden field and posts to the service as it is."""
    url, service = intake_site
    page = new_page(chromium, width, javascript=False)
    page.goto(url + POINT_PAGE + "?point=xinghai-road#ls-point-open")
    form = point_form(page)
    assert form.is_visible() and form.get_attribute("action") == f"{service.url}/comments"
    options = form.locator("select[name=article] option")
    assert options.first.get_attribute("value") == "总体" and options.nth(6).get_attribute("value") == "art_6"
    form.locator("select[name=article]").select_option("art_6")
    text = f"没有脚本，经星海路联系点标牌提交（{width}）。"
    form.locator("textarea").fill(text)
    page.locator("section.ls-point-open").screenshot(path=str(SCREENSHOTS / f"point-open-nojs-{width}.png"))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.url.startswith(f"{service.url}/receipts/")
    receipt = page.url.rsplit("/", 1)[1]
    assert RECEIPT.match(receipt) and "意见已收到" in page.content()
    row = stored(service, receipt)
    assert row is not None and (row.doc, row.article, row.text, row.point) == (DRAFT_ID, "art_6", text, "xinghai-road")
    page.context.close()


def test_with_javascript_the_points_form_shows_its_receipt_in_place(chromium: Any, intake_site: tuple[str, Service]) -> None:
    url, service = intake_site
    page = new_page(chromium, 390)
    page.goto(url + "contact-points/xinghai-haibin/#ls-point-open")  # the 联络站's page, no ?point: the page's own point counts
    form = point_form(page)
    form.locator("textarea").fill("对草案整体的意见，经海滨社区立法联络站提交。")
    form.locator("button[type=submit]").click()
    receipt_node = form.locator(".ls-intake__receipt")
    receipt_node.wait_for()
    assert page.url.startswith(url + "contact-points/xinghai-haibin/")
    row = stored(service, receipt_node.inner_text())
    assert row is not None and (row.article, row.point) == ("总体", "xinghai-haibin")
    page_html = (service.site / POINT_PAGE / "index.html").read_text(encoding="utf-8")
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page_html).group(1))
    assert dict(d.strip().split(" ", 1) for d in policy.split(";"))["form-action"] == f"'self' {service.url}"
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_the_open_form_and_basket(chromium: Any, intake_site: tuple[str, Service], axe_source: Path, scheme: str) -> None:
    url, _ = intake_site
    page = new_page(chromium, 390, scheme=scheme, bypass_csp=True)  # axe is injected as a script
    page.goto(url + DRAFT)
    open_form(page, "art_2")
    page.locator("#art_2 .ls-basket-toggle").click()
    assert axe_violations(page, axe_source) == []
    page.context.close()


def test_axe_finds_no_serious_violation_in_a_points_forms(chromium: Any, intake_site: tuple[str, Service], axe_source: Path) -> None:
    url, _ = intake_site
    page = new_page(chromium, 390, bypass_csp=True)  # axe is injected as a script
    page.goto(url + POINT_PAGE + "#ls-point-open")
    assert axe_violations(page, axe_source) == []
    page.context.close()
