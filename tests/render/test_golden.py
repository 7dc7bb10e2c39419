"""Golden files for rendering: `golden/<case>.md` → `golden/<case>.html`.

The expected HTML is the page body that the plugin hands to MkDocs for a draft
or law, at a fixed build moment. Run `pytest tests/render --update` to rewrite
the expected files after an intended change, then review the diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from golden_files import assert_golden
from lawsite.model import Source
from lawsite.render.legal import LegalPage, legal_page_markdown
from lawsite.render.notes import ArticlePage, annotate
from lawsite.settings import Settings
from lawsite.gather.site import gather
from lawsite.urls import SiteUrls

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.md"))
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def render_case(name: str) -> str:
    source = Source(f"{name}.md", (GOLDEN / f"{name}.md").read_text(encoding="utf-8"))
    settings = Settings(site_url="https://example.gov.cn/", now=NOW)
    site = gather([source], settings)
    document = site.by_path.get(source.path)
    assert document is not None and not site.errors, site.problems
    links = SiteUrls({document.id: f"{name}/"}, settings.site_url).at(f"{name}/")
    notes = annotate(ArticlePage(site, settings, document, links))
    return legal_page_markdown(document, LegalPage(settings, links.absolute, notes))


@pytest.mark.parametrize("name", CASES)
def test_render_golden(name: str, update_golden: bool) -> None:
    assert_golden(render_case(name), GOLDEN / f"{name}.html", update_golden)
