"""Pagefind search on the sample site, on a phone (390 px) and a desktop (1280 px).

The built sample site (`search: auto` is Pagefind) is indexed again in
shards of a few pages, as a large site's index is, so that every search here goes through Pagefind's merging. 船舶
appears in one article only: 第十五条 of the water-protection law, which is
not in the first shard; searching for it must offer that article and a tap
must land on its anchor.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser.conftest import SCREENSHOTS, serve
from lawsite.emit import search

pytestmark = pytest.mark.browser

WORD, PAGE, ANCHOR = "船舶", "laws/water-protection/", "art_15"


@pytest.fixture(scope="module")
def pagefind_url(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built sample site, its pages indexed again in shards of 40 kB."""
    import shutil

    folder = tmp_path_factory.mktemp("pagefind-sample")
    shutil.copytree(sample_site, folder / "site", ignore=shutil.ignore_patterns("pagefind", "pagefind-*"))
    result = search.index_site(folder / "site", shard_bytes=40_000)
    assert not result.problems
    first_shard = {path.name for path in (folder / "site" / "pagefind" / "fragment").iterdir()}
    assert (folder / "site" / "pagefind-3").is_dir(), "the sample is indexed in several shards"
    assert not any(PAGE.encode() in _fragment_url(folder / "site" / "pagefind" / "fragment" / name) for name in first_shard)
    server, url = serve(folder / "site")
    yield url
    server.shutdown()


def _fragment_url(path: Path) -> bytes:
    import gzip

    raw = gzip.decompress(path.read_bytes())
    return raw[: raw.index(b'","content"')]


def _search(page: Any, base: str, query: str) -> Any:
    page.goto(base + "drafts/property-r2/")
    button = page.locator(".ls-search-open")
    button.click()
    box = page.locator("#ls-search .pagefind-ui__search-input")
    box.wait_for(state="visible")
    assert box.evaluate("el => el === document.activeElement"), "the search box gets the focus"
    box.fill(query)
    return page.locator("#ls-search .pagefind-ui__result")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_two_character_word_finds_its_article_and_opens_its_anchor(chromium: Any, pagefind_url: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    page = context.new_page()
    try:
        results = _search(page, pagefind_url, WORD)
        results.first.wait_for()
        assert results.count() == 1, results.all_inner_texts()
        result = results.first
        assert "饮用水水源保护条例" in result.locator(".pagefind-ui__result-title").first.inner_text()
        # One article holds the word: the result itself lands on it and names it.
        link = result.locator(".pagefind-ui__result-link")
        assert link.get_attribute("href").endswith(f"/{PAGE}?h={urllib.parse.quote(WORD)}#{ANCHOR}")
        excerpt = result.locator(".pagefind-ui__result-excerpt")
        assert excerpt.inner_text().startswith("第十五条")
        assert WORD in excerpt.locator("mark").first.inner_text()
        page.screenshot(path=str(SCREENSHOTS / f"search-pagefind-{width}.png"))
        link.click()
        page.wait_for_url(f"**/{PAGE}?h=*#{ANCHOR}")
        article = page.locator(f"#{ANCHOR}")
        assert WORD in article.inner_text()
        assert not page.locator("#ls-search").evaluate("d => d.open")
        box = article.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"], "the article is on screen"
    finally:
        context.close()


def test_search_opens_from_the_keyboard_and_escape_closes_it(chromium: Any, pagefind_url: str) -> None:
    page = chromium.new_page()
    try:
        page.goto(pagefind_url)
        page.keyboard.press("/")
        box = page.locator("#ls-search .pagefind-ui__search-input")
        box.wait_for(state="visible")
        page.keyboard.type("谣言")
        page.locator("#ls-search .pagefind-ui__result").first.wait_for()
        page.keyboard.press("Escape")
        assert not page.locator("#ls-search").evaluate("d => d.open")
        assert page.evaluate("document.activeElement.classList.contains('ls-search-open')"), "focus returns to the button"
    finally:
        page.close()
