"""Material's sidebars after `compact_sidebars` (finish/minify.py) lay out
exactly as Material's own markup: the sample site is built a second time
without it, and every box of both sidebars is compared in Chromium, on a
phone (drawer open), between the breakpoints and on a wide screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import REPO, SAMPLE_NOW, build_site

import lawsite.finish
from browser.conftest import serve

pytestmark = pytest.mark.browser

# Home, a draft (contents in the nav), a law, a section opened by its index page (guide).
PAGES = ("", "drafts/property-r2/", "laws/water-protection/", "guide/", "guide/1-draft/")
WIDTHS = (390, 1000, 1400)

# Each box of the sidebars (the removed title wrappers aside) and the text they show.
LAYOUT = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [el.tagName, el.className, Math.round(r.x * 2) / 2, Math.round(r.y * 2) / 2, Math.round(r.width * 2) / 2, Math.round(r.height * 2) / 2]; };
  const sidebars = Array.from(document.querySelectorAll(".md-sidebar"));
  return {
    boxes: sidebars.flatMap((s) => Array.from(s.querySelectorAll("*:not(.md-ellipsis)")).filter((el) => !el.closest("svg")).map(box)),
    // innerText of a sidebar not rendered at this width is its raw source text.
    text: sidebars.map((s) => (s.getClientRects().length ? s.innerText : null)),
  };
}"""


@pytest.fixture(scope="module")
def uncompacted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site as Material writes its sidebars."""
    site_dir = tmp_path_factory.mktemp("uncompacted-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lawsite.finish, "compact_sidebars", lambda html: html)
        build_site(REPO / "mkdocs.yml", site_dir, int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
    server, url = serve(site_dir)
    yield url
    server.shutdown()


def layout(chromium: Any, url: str, width: int) -> dict[str, Any]:
    # bypass_csp: wait_for_function evaluates a string, which the pages' CSP forbids.
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="zh-CN", bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("document.fonts.ready")
        if width < 960:  # the nav is in the drawer: open it
            page.evaluate("document.getElementById('__drawer').checked = true")
            # Measured once the drawer has slid in (its transition ends at x = 0).
            page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().x === 0")
        return page.evaluate(LAYOUT)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_sidebars_lay_out_as_materials_own_markup(chromium: Any, sample_site: Path, sample_url: str, uncompacted_url: str, path: str, width: int) -> None:
    compact = (sample_site / path / "index.html").read_text(encoding="utf-8")
    assert '<li class="md-nav__item">\n' not in compact  # the built site is compacted
    ours, materials = layout(chromium, sample_url + path, width), layout(chromium, uncompacted_url + path, width)
    assert ours["text"] == materials["text"]
    assert len(ours["boxes"]) == len(materials["boxes"]) > 20
    assert [b for b in ours["boxes"] if b not in materials["boxes"]] == []
    assert ours["boxes"] == materials["boxes"]


def test_a_title_too_long_for_the_sidebar_breaks_inside_it(chromium: Any, tmp_path: Path) -> None:
    """Without Material's clipping span, lawsite.css breaks a long Latin word."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    long_title = "Telecommunicationsinfrastructureprotectionregulations"
    (tmp_path / "content" / "long.md").write_text(f"---\ntitle: {long_title}\n---\n\n# {long_title}\n\n## Part\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: https://example.org/\ndocs_dir: content\ntheme:\n  name: material\n  font: false\nplugins:\n  - lawsite:\n      language: en\n",
        encoding="utf-8",
    )
    build_site(tmp_path / "mkdocs.yml", tmp_path / "site", 1_800_000_000)
    server, url = serve(tmp_path / "site")
    try:
        for width in (390, 1400):
            context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
            page = context.new_page()
            page.goto(url + "long/")
            if width < 960:
                page.evaluate("document.getElementById('__drawer').checked = true")
                page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().x === 0")
            sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.md-nav--primary .md-nav__link')).filter((a) => a.textContent.includes('Telecom') && a.getClientRects().length)
                .map((a) => [a.scrollWidth, a.clientWidth, a.getBoundingClientRect().height])""")
            context.close()
            assert sizes, width
            for scroll_width, client_width, height in sizes:
                assert scroll_width <= client_width and height > 30, (width, sizes)  # wrapped, not overflowing
    finally:
        server.shutdown()
