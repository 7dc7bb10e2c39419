"""Browser fixtures: Debian's Chromium through Playwright, and the sample site
(built once per session by tests/conftest.py::sample_site) served on
127.0.0.1 by http.server in a thread.

One Playwright instance and one browser serve the whole session: Playwright's
sync API cannot run two instances at once, so every browser test uses these.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = os.environ.get("LAWSITE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# The README's pictures live in tests/screenshots/. A run rewrites them only when
# asked (LAWSITE_UPDATE_SCREENSHOTS=1), so that the suite leaves the tree clean;
# otherwise they go to a scratch folder, to be looked at all the same.
KEPT_SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
SCREENSHOTS = KEPT_SCREENSHOTS if os.environ.get("LAWSITE_UPDATE_SCREENSHOTS") == "1" else Path(tempfile.gettempdir()) / "lawsite-screenshots"
SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def missing(reason: str) -> None:
    """Skip visibly; under CI=true a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason + " — required under CI=true")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on a free port of 127.0.0.1; returns (server, base URL)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session (skipped when absent)."""
    if not Path(CHROMIUM).exists():
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set LAWSITE_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_url(sample_site: Path) -> Iterator[str]:
    """Base URL of the sample site, served for the whole session."""
    server, url = serve(sample_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.is_file():
        missing(f"axe-core not installed at {AXE} (npm install --prefix tests/browser axe-core@4, as .ci/run does)")
    return AXE


@pytest.fixture
def open_page(chromium: Any, sample_url: str) -> Iterator[Any]:
    """`open_page(path, width, scheme)`: a page of the sample site in its own context."""
    contexts: list[Any] = []

    def make(path: str, width: int, scheme: str = "light") -> Any:
        # bypass_csp: axe-core is injected as an inline script, which the site's CSP rightly forbids.
        context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="zh-CN", bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.goto(sample_url + path)
        return page

    yield make
    for context in contexts:
        context.close()


# --- printed pages (posters, signs, feedback sheets) ------------------------------


def tool(name: str) -> str:
    """A poppler tool's path (the PDF tests read Chromium's PDFs with them)."""
    path = shutil.which(name)
    if path is None:
        missing(f"{name} not installed (apt-get install poppler-utils, as .ci/run does)")
    return path


def pdf_of(page: Any, pdf: Path) -> Path:
    """`page` printed to `pdf` as the print dialog prints it: the stylesheet's
    @page size decides (prefer_css_page_size), backgrounds included."""
    pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    return pdf


def pdf_info(pdf: Path) -> str:
    return subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: Path) -> str:
    return subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def printed_from_point_page(chromium: Any, sample_url: str, point: str, link: str, printed_path: str) -> tuple[Any, Any]:
    """(context, page): a contact point's page opened at 900 px, its print
    link followed to `printed_path` (site-relative). Close the context."""
    context = chromium.new_context(viewport={"width": 900, "height": 1100}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{sample_url}contact-points/{point}/")
    page.get_by_role("link", name=link).click()
    page.wait_for_url(f"{sample_url}{printed_path}")
    return context, page
