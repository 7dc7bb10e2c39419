"""Numbers that agree (gather/ledger.py: Figures): for every draft with a
notice, its page, its notice and the statistics show the same figures, each
marked with what it counts, read here as a reader's browser shows them;
screenshots of the three at 390 px and 1280 px."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

FIGURES = ("received", "itemised", "adopted", "partly", "rate")
READ = """(scope) => Object.fromEntries([...document.querySelectorAll(scope + ' [data-ls-figure]')]
    .map(e => [e.dataset.lsFigure, e.textContent.trim()]))"""
SHOWN = re.compile(r"[\d.]+%?|—")


def number(text: str) -> str:
    """"1028 条" and "1028" alike: the figure as digits (or a rate)."""
    found = SHOWN.search(text)
    assert found, text
    return found.group()


def test_every_draft_its_notice_and_the_statistics_show_the_same_figures(open_page: Any, sample_site: Path) -> None:
    statistics = open_page("statistics/", 1280)
    rows = statistics.evaluate("[...document.querySelectorAll('tr[data-ls-draft]')].map(r => [r.dataset.lsDraft, r.querySelector('a').href])")
    notices_seen = set()
    for draft_id, draft_url in rows:
        row = {k: number(v) for k, v in statistics.evaluate(READ, f'tr[data-ls-draft="{draft_id}"]').items()}
        page = open_page("", 390)
        page.goto(draft_url)
        draft = {k: number(v) for k, v in page.evaluate(READ, ".ls-draft-outcome").items()}
        page.locator(".ls-draft-outcome__link").click()
        page.wait_for_url("**/notices/**")
        notices_seen.add(page.url)
        notice = {k: number(v) for k, v in page.evaluate(READ, ".ls-notice-head").items()}
        assert set(draft) == set(FIGURES), draft
        for name in FIGURES:
            assert draft[name] == notice[name] == row[name], (draft_id, name, draft, notice, row)
        outcomes = ("adopted", "partly", "not-adopted", "noted", "pending")
        assert sum(int(notice[o]) for o in outcomes) == int(notice["itemised"]) == sum(int(row[o]) for o in outcomes)
        assert int(notice["received"]) >= int(notice["itemised"])
    assert len(notices_seen) == len(list((sample_site / "notices").glob("*/index.html"))) == 2  # every notice reached


def test_each_total_says_what_it_counts(open_page: Any) -> None:
    page = open_page("notices/property-r1-feedback/", 390)
    received = page.locator(".ls-totals__item--received").inner_text()
    itemised = page.locator(".ls-totals__item--itemised").inner_text()
    assert "收到意见" in received and "各渠道收到的意见总数" in received
    assert "逐条列出" in itemised and "合并为 50 项" in itemised and "另有 657 条未逐条列出" in itemised
    assert "都按逐条列出的意见计，合计 371 条" in page.locator(".ls-ledger-totals__entries").inner_text()
    draft = open_page("drafts/property-r1/", 390)
    assert draft.locator(".ls-draft-outcome__text").inner_text() == "收到意见 1028 条，逐条列出 371 条，其中采纳 154 条、部分采纳 91 条，采纳率 66.0%"
    assert draft.locator("#art_13 .ls-ledger-line__part").first.inner_text().startswith("本条意见")  # not "收到意见": not the head's figure


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots(open_page: Any, width: int) -> None:
    draft = open_page("drafts/property-r1/", width)
    draft.locator(".ls-draft-outcome").screenshot(path=str(SCREENSHOTS / f"figures-draft-{width}.png"))
    notice = open_page("notices/property-r1-feedback/", width)
    notice.locator(".ls-ledger-totals").screenshot(path=str(SCREENSHOTS / f"figures-notice-{width}.png"))
    statistics = open_page("statistics/", width)
    statistics.locator(".ls-statistics").screenshot(path=str(SCREENSHOTS / f"figures-statistics-{width}.png"))
    assert notice.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
