"""A contact point's standing QR sign printed by Chromium: one A4 page with
the point's name, address and hours and a QR code of the point's page at its
open consultations, the point preselected; kept as a PNG."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS, pdf_info, pdf_of, pdf_text, printed_from_point_page

pytestmark = pytest.mark.browser

POINT = "xinghai-road"


def test_the_sign_prints_on_one_a4_page(chromium: Any, sample_url: str, tmp_path: Path) -> None:
    context, page = printed_from_point_page(chromium, sample_url, POINT, "打印本联系点的二维码标牌", f"signs/{POINT}/")
    assert page.locator("h1").inner_text() == "临江区星海路街道基层立法联系点"
    assert page.locator("svg.ls-sign__code title").text_content() == f"https://lawsite.example.gov.cn/contact-points/{POINT}/?point={POINT}#ls-point-open"
    assert page.locator("[data-ls-print]").is_visible()  # poster.js: the print button
    page.screenshot(path=str(SCREENSHOTS / "sign-xinghai-road.png"), full_page=True)
    pdf = pdf_of(page, tmp_path / "sign.pdf")
    context.close()
    info = pdf_info(pdf)
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = pdf_text(pdf)
    compact = re.sub(r"\s+", "", text)
    for words in ("临江区星海路街道基层立法联系点", "星海路128号", "接待时间", "扫码参与立法", f"联系点编号：{POINT}"):
        assert words in compact, words
    assert "返回联系点页面" not in compact and "打印" not in compact.replace("打印本", "")  # the tools are not printed
