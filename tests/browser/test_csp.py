"""The Content-Security-Policy in Chromium: what needs script still works
under it (search, the light/dark toggle, lawsite's own scripts), and on the
hostile site no vector runs. That no page of the sample site reports a
violation is checked by test_every_page_loads.py, which visits every page
once.

Search under the policy was checked by hand (18 results for 物业 on the sample
site); an automated test is not here because Material's search never
answered inside this suite's shared browser (see the report of issue 5).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import build_site

from browser.conftest import serve
from hostile.corpus import write_hostile_site

pytestmark = pytest.mark.browser


def _watched(chromium: Any, record: bool = False) -> tuple[Any, list[str]]:
    """A page that records CSP violations and script errors (a vector that ran
    without `record` fails as "lsxss is not defined", a pageerror)."""
    page = chromium.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    # The hostile vectors call lsxss(n): record any call that gets through.
    if record:  # not with search: Playwright's init scripts break Material's search worker
        page.add_init_script("window.__lsxss = []; window.lsxss = function (n) { window.__lsxss.push(n); };")
    return page, problems


def test_palette_toggle_works_under_the_policy(chromium: Any, sample_url: str) -> None:
    page, problems = _watched(chromium)
    page.goto(sample_url, wait_until="load")
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {scheme!r}")
    page.reload(wait_until="load")  # remembered through the inline palette script
    assert page.get_attribute("body", "data-md-color-scheme") != scheme
    assert problems == []
    page.close()


def test_lawsite_scripts_run_under_the_policy(chromium: Any, sample_url: str) -> None:
    page, problems = _watched(chromium)
    page.goto(sample_url + "drafts/property-r2/", wait_until="load")
    # lawsite.js moved the consultation state onto <html>.
    assert page.get_attribute("html", "data-ls-consultation") in ("open", "upcoming", "closed")
    assert problems == []
    page.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("hostile-browser")
    site_dir = root / "site"
    build_site(write_hostile_site(root), site_dir, 1_790_000_000)
    server, url = serve(site_dir)
    yield site_dir, url
    server.shutdown()


def test_no_hostile_vector_runs_in_chromium(chromium: Any, hostile_url: tuple[Path, str]) -> None:
    site_dir, url = hostile_url
    page, problems = _watched(chromium, record=True)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for name in sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")):
        page.goto(url + name, wait_until="load")
        page.mouse.move(200, 300)  # hover handlers, had any survived
        page.wait_for_timeout(100)
        assert page.evaluate("window.__lsxss") == [], name
        assert page.url.startswith(url), f"{name} navigated away to {page.url}"
    assert dialogs == [] and problems == []
    page.close()

