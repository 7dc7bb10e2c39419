"""What basket.js and an article's mail link really write, in Chromium, is
what `lawsite collect` reads back: the mail links of the built sample site,
sent as a Chinese client sends them (GBK labelled GB2312, base64), give one
row per article with the reader's text and no name or contact."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from browser.test_reader import DRAFT, DRAFT_ID, WHILE_OPEN, decode_mailto, new_page
from conftest import REPO
from lawsite.collect.sources import collect
from lawsite.collect.table import Target
from lawsite.gather.site import load_site
from lawsite.model import Kind
from lawsite.project import load_project

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("english")]
BASKET = {"art_3": "建议明确“文明行为”的范围\n第二行", "art_1": "同意。"}  # in the order chosen
PERSONAL = {"name": "王某", "contact": "wang@example.cn"}


def _target() -> Target:
    project = load_project(REPO / "mkdocs.yml")
    site = load_site(project.content_dir, project.settings)
    return Target(site.get(DRAFT_ID), frozenset(d.id for d in site.of_kind(Kind.CONTACT_POINT)), project.settings.tz)


def _as_sent(subject: str, body: str, message_id: str) -> bytes:
    """The mail a client sends from a mailto: link, in GBK labelled GB2312."""
    encoded_subject = "=?gb2312?B?" + base64.b64encode(subject.encode("gbk")).decode() + "?="
    return (f"From: reader@mail.example.cn\r\nSubject: {encoded_subject}\r\nMessage-ID: {message_id}\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n").encode() + base64.encodebytes(body.encode("gbk"))


def test_the_basket_and_an_article_link_are_collected_back(chromium: Any, sample_url: str, tmp_path: Path) -> None:
    page = new_page(chromium, 1280, clock=WHILE_OPEN)
    try:
        page.goto(sample_url + DRAFT)
        for article, text in BASKET.items():
            page.locator(f"#{article} .ls-basket-toggle").click()
            page.fill(f"#ls-basket-{article}", text)
        for field, value in PERSONAL.items():
            page.fill(f"#ls-basket-{field}", value)
        _, basket = decode_mailto(page.locator("[data-ls-basket-mail]").get_attribute("href"))
        _, single = decode_mailto(page.locator("#art_2 .ls-comment a[href^='mailto:']").first.get_attribute("href"))
    finally:
        page.context.close()
    lines = single["body"].split("\r\n")
    single_body = "\r\n".join([lines[0], "", "第二条应当写明适用范围。", *lines[1:]])  # typed where the link leaves room
    (tmp_path / "basket.eml").write_bytes(_as_sent(basket["subject"], basket["body"], "<basket@x>"))
    (tmp_path / "single.eml").write_bytes(_as_sent(single["subject"], single_body, "<single@x>"))

    result = collect([str(tmp_path)], _target())
    assert [(r.article, r.text) for r in result.rows] == [*BASKET.items(), ("art_2", "第二条应当写明适用范围。")]
    assert not result.problems
    cells = "".join("".join(r.cells(DRAFT_ID)) for r in result.rows)
    assert not any(value in cells for value in PERSONAL.values())
