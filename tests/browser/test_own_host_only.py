"""Every request a page makes goes to the host serving it: no fonts, scripts
or styles from a CDN (unreachable or slow for readers in mainland China), and
not the production host of `site_url` from a preview either.

The sample has `site_url: https://lawsite.example.gov.cn/` and is served here
from 127.0.0.1, so a request built from site_url would show as another host.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = (
    "",
    "drafts/property-r2/",
    "laws/water-protection/",
    "interpretations/property-r2-interpretation/",
    "notices/property-r1-feedback/",
    "contact-points/baihe-village/",
)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_requests_nothing_from_another_host(chromium: Any, sample_url: str, path: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto(sample_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # Material's scripts fetch after load
    finally:
        context.close()
    own = urlsplit(sample_url).netloc
    elsewhere = [url for url in requested if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert requested and not elsewhere, elsewhere
