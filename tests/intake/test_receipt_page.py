"""The receipt page says when outcomes appear and links to the site's
查询我的意见 with the receipt in the fragment, when the site has that page."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from lawsite.intake.catalogue import Catalogue
from lawsite.intake.pages import receipt_page
from lawsite.intake.store import Stored

COMMENT = Stored("N63T-WFSX-HTDQ", "d", "art_1", None, "意见", dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc))
TZ = ZoneInfo("Asia/Shanghai")


def test_the_receipt_page_links_to_the_lookup_with_the_receipt_in_the_fragment() -> None:
    page = receipt_page(COMMENT, Catalogue("https://x.example/", lookup_url="https://x.example/lookup/"), TZ)
    assert '<a href="https://x.example/lookup/#receipt=N63T-WFSX-HTDQ">查询我的意见</a>' in page
    assert "意见处理情况随《意见采纳情况的说明》公布" in page


def test_without_a_lookup_page_it_says_when_but_links_nowhere() -> None:
    page = receipt_page(COMMENT, Catalogue("https://x.example/"), TZ)
    assert "#receipt=" not in page and "说明公布后，可凭回执号在网站上查询" in page
