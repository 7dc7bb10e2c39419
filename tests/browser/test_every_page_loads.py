"""Every page of the built sample site, loaded in Chromium: no request fails
or answers 4xx/5xx (Material fetched feeds/sitemap.xml beside the Atom link
on every page and got a 404)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_no_request_fails_on_any_page(chromium: Any, sample_site: Path, sample_url: str) -> None:
    pages = sorted(p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html") if p.parts[len(sample_site.parts)] != "pagefind")
    assert len(pages) > 30
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # A fetch still under way when the next page is opened is aborted: not a failure.
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}: {r.failure}") if "ERR_ABORTED" not in (r.failure or "") else None)
    try:
        for path in pages:
            url = sample_url + path.removesuffix("index.html")
            page.goto(url, wait_until="networkidle")
            assert not failed, f"{path}: {failed}"
    finally:
        context.close()
    assert page.url  # every page was visited
