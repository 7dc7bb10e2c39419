"""The poster of a draft printed by Chromium: A4 pages with page numbers, one
QR code per article, nothing of Material's chrome; page 1 kept as a PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import SCREENSHOTS, pdf_info, pdf_of, pdf_text, tool
from lawsite.gather.site import load_site

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
DRAFT_ID = "qingchuan-civilized-behavior-2026"


@pytest.fixture(scope="module")
def poster(chromium: Any, sample_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """The poster page (screen) and its PDF as Chromium prints it."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{sample_url}posters/{DRAFT_ID}/")
    yield page, pdf_of(page, tmp_path_factory.mktemp("poster") / "poster.pdf")
    context.close()


def test_one_qr_code_per_article(poster: tuple[Any, Path]) -> None:
    page, _ = poster
    draft = load_site(REPO / "content").documents[DRAFT_ID]
    assert draft.legal is not None
    articles = len(draft.legal.articles)
    assert page.locator(".ls-poster__article").count() == articles
    assert page.locator(".ls-poster__article svg.ls-poster__code").count() == articles
    # An open draft with a form: each code holds that article's form address.
    first = page.locator("#art_1 svg title").text_content()
    assert first == "https://yj.example.gov.cn/form?doc=qingchuan-civilized-behavior-2026&article=art_1"


def test_pdf_is_a4_pages_with_numbers(poster: tuple[Any, Path]) -> None:
    _, pdf = poster
    info = pdf_info(pdf)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    assert pages > 1
    assert re.search(r"Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)", info), info
    text = pdf_text(pdf)
    page_texts = text.split("\f")
    for number in range(1, pages + 1):
        # "1 / 5" from the @bottom-center margin box (pdftotext may drop the spaces)
        assert re.search(rf"(?<!\d){number}\s*/\s*{pages}(?!\d)", page_texts[number - 1]), page_texts[number - 1][-200:]
    # No Material chrome: neither the site's name in a header nor its search.
    assert "青川市人大常委会立法公开平台" not in text
    assert "搜索" not in text


def test_no_article_is_split_across_pages(poster: tuple[Any, Path]) -> None:
    """Each article's label and the caption under its QR code land on the same page."""
    _, pdf = poster
    text = pdf_text(pdf)
    for page_text in text.split("\f"):
        starts = re.findall(r"(第[一二三四五六七八九十百]+条)（", page_text)
        for label in starts:
            assert page_text.count(label) >= 2, f"{label}: its text and its QR caption are on different pages"


def test_first_page_as_png(poster: tuple[Any, Path], tmp_path: Path) -> None:
    _, pdf = poster
    subprocess.run([tool("pdftoppm"), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    png = tmp_path / "page.png"
    assert png.stat().st_size > 10_000
    shutil.copyfile(png, SCREENSHOTS / "poster-page1.png")
    assert (SCREENSHOTS / "poster-page1.png").stat().st_size < 400_000


def test_draft_and_poster_link_to_each_other(chromium: Any, sample_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(sample_url + "drafts/civilized-behavior/")
    page.locator(".ls-poster-link a").click()
    assert page.url == f"{sample_url}posters/{DRAFT_ID}/"
    # The print button, shown by poster.js once it has run (waited for: on a loaded machine it runs after the click returns).
    page.locator("[data-ls-print]").wait_for(state="visible", timeout=10_000)
    page.locator(".ls-poster__tools a").click()
    assert page.url == sample_url + "drafts/civilized-behavior/"
    context.close()
