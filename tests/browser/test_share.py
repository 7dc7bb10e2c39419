"""Sharing a page from a phone (render/share.py, emit/share_image.py): what
the browser reads from the sample's heads, each draft's share image as a
reader's app loads it, with screenshots at 390 px and 1280 px."""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser
SITE_URL = "https://lawsite.example.gov.cn/"

READ_CARD = """() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name=description]')]
    .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_draft_page_carries_its_card_and_its_image_loads(open_page: Any, sample_url: str, width: int) -> None:
    page = open_page("drafts/property-r2/", width)
    card = page.evaluate(READ_CARD)
    assert card["og:title"] == "青川市物业管理条例（草案二审稿）"
    assert card["description"] == card["og:description"] and card["description"].startswith("在征求意见稿基础上")
    assert card["og:url"] == SITE_URL + "drafts/property-r2/" and card["og:type"] == "article"
    image_path = card["og:image"].removeprefix(SITE_URL)
    assert image_path == "share/qingchuan-property-2026-r2.png"
    page.screenshot(path=str(SCREENSHOTS / f"share-draft-{width}.png"))
    # The image as an app shows it: in an <img>, decoded at its own size.
    page.set_content(f'<body style="margin:0"><img src="{sample_url}{image_path}" style="width:100%" alt=""></body>')
    page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
    assert page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]") == [1200, 630]
    page.screenshot(path=str(SCREENSHOTS / f"share-image-{width}.png"))


def test_every_page_with_a_card_names_an_image_that_exists_or_none(open_page: Any, sample_url: str) -> None:
    page = open_page("", 1280)
    for path in ("", "notices/property-r1-feedback/", "interpretations/property-r2-interpretation/", "statistics/", "contact-points/xinghai-road/"):
        page.goto(sample_url + path)
        card = page.evaluate(READ_CARD)
        assert card["og:title"] and card["description"], path
        if "og:image" in card:
            response = page.request.get(sample_url + card["og:image"].removeprefix(SITE_URL))
            assert response.ok and response.headers["content-type"] == "image/png", path
    assert "og:image" not in page.evaluate(READ_CARD)  # a contact point shows no draft's image
