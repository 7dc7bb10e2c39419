"""A whole site built from hostile content comes out inert.

`corpus.py` writes attacks into every front matter text field, every body,
CSV cells and mkdocs.yml's names; `check` accepts them (they are only text),
and the built HTML is judged by `htmlscan.py`.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build_site

from hostile.corpus import MARKER, SKIPPED, write_hostile_site
from hostile.htmlscan import scan_site
from lawsite.admin.config import AdminSettings
from lawsite.admin.page import admin_policy
from lawsite.model import Kind
from lawsite.parse import schema
from lawsite.settings import Settings
from lawsite.gather.site import load_site

EPOCH = 1_790_000_000  # 2026-09-21: the hostile draft is open for comment


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    config = write_hostile_site(root)
    site_dir = root / "site"
    build_site(config, site_dir, EPOCH)
    return root, site_dir


def _pages(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}


def test_check_accepts_the_text_vectors(hostile: tuple[Path, Path]) -> None:
    site = load_site(hostile[0] / "content", Settings(site_url="https://lawsite.example.org/"))
    assert site.errors == []
    assert {d.kind for d in site.documents.values()} == set(Kind)


def test_skipped_fields_still_exist_in_the_schema() -> None:
    every = {name for kind in Kind for name in {**schema.COMMON, **schema.SCHEMA[kind]}}
    assert set(SKIPPED) <= every


def test_no_page_runs_anything_from_the_content(hostile: tuple[Path, Path]) -> None:
    scans = scan_site(hostile[1], MARKER)
    assert len(scans) >= 10
    findings = [str(f) for scan in scans.values() for f in scan.findings]
    assert findings == []


def test_the_attacks_are_shown_as_text(hostile: tuple[Path, Path]) -> None:
    # Escaped, not silently dropped: the reader sees what the editor wrote.
    page = (hostile[1] / "drafts" / "hostile-draft" / "index.html").read_text(encoding="utf-8")
    assert f"&lt;script&gt;{MARKER}(1)&lt;/script&gt;" in page
    assert f"&lt;/title&gt;&lt;svg onload={MARKER}(3)&gt;" in page


def test_every_page_carries_a_strict_csp_before_any_script(hostile: tuple[Path, Path]) -> None:
    for name, scan in scan_site(hostile[1]).items():
        assert scan.csp, f"{name} has no Content-Security-Policy meta"
        assert scan.csp_before_scripts, f"{name}: a script comes before the policy"
        directives = dict(d.strip().split(" ", 1) for d in scan.csp.split(";"))
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        if name == "admin/index.html":  # the web editor's own policy: Decap needs inline styles and eval (admin/page.py)
            assert scan.csp == admin_policy(AdminSettings()) and scan.inline_scripts == []
            continue
        assert "unsafe-inline" not in scan.csp and "unsafe-eval" not in scan.csp.replace("wasm-unsafe-eval", "")
        for body in scan.inline_scripts:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in directives["script-src"], f"{name}: inline script not allowed by hash"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append({k: v or "" for k, v in attrs})


def _links(text: str) -> list[dict[str, str]]:
    parser = _Links()
    parser.feed(text)
    return parser.links


def test_mail_links_cannot_add_headers(hostile: tuple[Path, Path]) -> None:
    page = (hostile[1] / "drafts" / "hostile-draft" / "index.html").read_text(encoding="utf-8")
    mails = [a["href"] for a in _links(page) if a.get("href", "").startswith("mailto:")]
    assert len(mails) >= 4  # the channel list and one per article
    for href in mails:
        parts = urllib.parse.urlsplit(href)
        assert parts.path == "fgw@example.org"
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        assert set(query) <= {"subject", "body"}, href
        (subject,) = query["subject"]
        assert "\r" not in subject and "\n" not in subject
        assert f"Bcc: {MARKER}@evil.example" in subject  # kept as text, inside the subject


def test_external_links_open_without_opener_or_referrer(hostile: tuple[Path, Path]) -> None:
    external = []
    for name, text in _pages(hostile[1]).items():
        for a in _links(text):
            host = urllib.parse.urlsplit(a.get("href", "")).hostname
            if host and host != "lawsite.example.org":
                external.append(a)
                assert {"noopener", "noreferrer"} <= set(a.get("rel", "").split()), f"{name}: {a}"
    assert any("evil.example" in a["href"] for a in external)


def test_spreadsheet_formulas_in_open_data_are_neutralised(hostile: tuple[Path, Path]) -> None:
    text = (hostile[1] / "data" / "suggestions.csv").read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]


def test_site_name_and_titles_are_escaped_in_theme_templates(hostile: tuple[Path, Path]) -> None:
    page = (hostile[1] / "page" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title and "<" not in title.group(1)
    assert f"Hostile &lt;script&gt;{MARKER}(90)&lt;/script&gt; site" in page
