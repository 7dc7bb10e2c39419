"""Every page of the built sample site, loaded once in Chromium: no request
fails or answers 4xx/5xx (Material fetched feeds/sitemap.xml beside the Atom
link on every page and got a 404), no script error is thrown, and nothing
breaks the Content-Security-Policy (tests/browser/test_csp.py has the rest of
the policy's tests). One visit per page checks all three: each visit waits
until the page's requests have ended, which is most of the time it takes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lawsite.admin.config import LOCAL_PROXY

pytestmark = pytest.mark.browser

# Decap looks for decap-server (`admin: local:`) when the editor is served
# from localhost or 127.0.0.1, as here, and never on the published site: a
# refused connection to it is the editor finding no local server.
QUIET_MS = 100  # no request started or still under way for this long: the page is done
LONGEST_MS = 10_000


class Requests:
    """The requests a page has started, and how many are still under way."""

    def __init__(self, page: Any) -> None:
        self.started = self.open = 0
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, _request: Any) -> None:
        self.started += 1
        self.open += 1

    def _end(self, _request: Any) -> None:
        self.open -= 1

    def wait_until_quiet(self, page: Any) -> None:
        """Like `networkidle`, with a shorter quiet time (it waits 500 ms on
        every page): a request started after load (on the sample site, up to
        30 ms after), as Material's fetch of the sitemap was, is still seen."""
        waited = 0
        while waited < LONGEST_MS:
            seen = self.started
            page.wait_for_timeout(QUIET_MS)
            waited += QUIET_MS
            if not self.open and self.started == seen:
                return


def _no_local_server(request: Any) -> bool:
    return request.url.startswith(LOCAL_PROXY) and "ERR_CONNECTION_REFUSED" in (request.failure or "")


def test_no_page_fails_a_request_throws_or_breaks_the_policy(chromium: Any, sample_site: Path, sample_url: str) -> None:
    pages = sorted(p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html") if p.parts[len(sample_site.parts)] != "pagefind")
    assert len(pages) > 30
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # A fetch still under way when the next page is opened is aborted: not a failure.
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}: {r.failure}") if "ERR_ABORTED" not in (r.failure or "") and not _no_local_server(r) else None)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    requests = Requests(page)
    visited = []
    try:
        for path in pages:
            page.goto(sample_url + path.removesuffix("index.html"), wait_until="load")
            requests.wait_until_quiet(page)
            assert not problems, f"{path}: {problems}"
            visited.append(path)
    finally:
        context.close()
    assert visited == pages
