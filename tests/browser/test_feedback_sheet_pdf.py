"""A contact point's 反馈单 printed by Chromium: opened from the point's page,
A4, what the point submitted on the notice with outcomes and reasons, and
nothing of any other source; pdftotext reads it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS, pdf_info, pdf_of, pdf_text, printed_from_point_page

pytestmark = pytest.mark.browser

POINT = "hubin-street"


def test_the_feedback_sheet_prints_what_the_point_submitted(chromium: Any, sample_url: str, tmp_path: Path) -> None:
    context, page = printed_from_point_page(chromium, sample_url, POINT, "打印反馈单：《青川市居家养老服务条例（草案征求意见稿）》公开征求意见采纳情况的说明", f"feedback/{POINT}/qingchuan-elderly-care-2026-feedback/")
    assert page.locator("h1").inner_text() == "北湖区湖滨街道基层立法联系点"
    assert page.locator(".ls-feedback__entry").count() == 2  # its two suggestions of the eleven
    assert page.locator("[data-ls-print]").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "feedback-sheet-hubin-street.png"), full_page=True)
    pdf = pdf_of(page, tmp_path / "sheet.pdf")
    context.close()
    info = pdf_info(pdf)
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = re.sub(r"\s+", "", pdf_text(pdf))
    for words in (
        "意见处理情况反馈单",
        "北湖区湖滨街道基层立法联系点收集并上报的对《青川市居家养老服务条例（草案征求意见稿）》的意见",
        "第六条（配建标准）", "处理结果：部分采纳", "理由：修改稿将标准提高为每百户不少于二十五平方米",
        "第十四条（照护培训）", "处理结果：采纳",
        "https://lawsite.example.gov.cn/lookup/",
        "联系点编号：hubin-street",
    ):
        assert words in text, words
    assert "助餐补贴" not in text  # 网民's suggestion, not this point's
    assert "返回联系点页面" not in text and "打印" not in text  # the tools are not printed
