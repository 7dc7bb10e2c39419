"""A contact point's standing QR sign printed by Chromium: one A4 page with
the point's name, address and hours and a QR code of the point's page at its
open consultations, the point preselected; kept as a PNG."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS
from browser.test_poster_pdf import _tool

pytestmark = pytest.mark.browser

POINT = "xinghai-road"


def test_the_sign_prints_on_one_a4_page(chromium: Any, sample_url: str, tmp_path: Path) -> None:
    context = chromium.new_context(viewport={"width": 900, "height": 1100}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{sample_url}contact-points/{POINT}/")
    page.get_by_role("link", name="打印本联系点的二维码标牌").click()
    page.wait_for_url(f"{sample_url}signs/{POINT}/")
    assert page.locator("h1").inner_text() == "临江区星海路街道基层立法联系点"
    assert page.locator("svg.ls-sign__code title").text_content() == f"https://lawsite.example.gov.cn/contact-points/{POINT}/?point={POINT}#ls-point-open"
    assert page.locator("[data-ls-print]").is_visible()  # poster.js: the print button
    page.screenshot(path=str(SCREENSHOTS / "sign-xinghai-road.png"), full_page=True)
    pdf = tmp_path / "sign.pdf"
    pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    context.close()
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    compact = re.sub(r"\s+", "", text)
    for words in ("临江区星海路街道基层立法联系点", "星海路128号", "接待时间", "扫码参与立法", f"联系点编号：{POINT}"):
        assert words in compact, words
    assert "返回联系点页面" not in compact and "打印" not in compact.replace("打印本", "")  # the tools are not printed
