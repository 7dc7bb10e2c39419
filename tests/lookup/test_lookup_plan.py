"""When the site has a lookup page and 反馈单, and what the build publishes:
the page once a notice lists a receipt or a draft posts to the service;
a 反馈单 per contact point and notice that lists a suggestion from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawsite.emit.lookup import lookup_files
from lawsite.emit.publisher import Publisher
from lawsite.gather.site import load_site
from lawsite.plan import PageKind
from lawsite.settings import Settings
from site_pages import SitePages

REPO = Path(__file__).resolve().parents[2]
DRAFT = """---
kind: draft
id: t-draft
title: 测试条例（草案）
published: 2026-05-01
comments:
  opens: 2026-05-01
  closes: 2026-05-31
  email: a@example.org
---

第一条 为了测试，制定本条例。

第二条 本条例自公布之日起施行。
"""
NOTICE = """---
kind: notice
id: t-notice
title: 测试条例采纳情况的说明
concerns: t-draft
published: 2026-07-01
suggestions:
  - article: 第一条
    from: 网民
    count: 3
    text: 建议写明立法目的。
    outcome: adopted
    reason: 已写明。
{ids}---
"""


def _site(tmp_path: Path, ids: str = ""):
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "notice.md").write_text(NOTICE.format(ids=ids), encoding="utf-8")
    return load_site(tmp_path)


@pytest.mark.parametrize(("ids", "intake", "planned"), [
    ("", "", False),
    ("    ids: [mail-3f9c2a71b04e5d18, paper.csv:3]\n", "", False),  # no receipt: nothing to look up
    ("    ids: [N63T-WFSX-HTDQ, paper.csv:3]\n", "", True),
    ("", "https://yj.example.org/intake", True),  # receipts will come: the receipt page links there
])
def test_the_lookup_page_is_made_when_there_are_or_will_be_receipts(tmp_path: Path, ids: str, intake: str, planned: bool) -> None:
    pages = SitePages(_site(tmp_path, ids), Settings(intake=intake))
    assert pages.generated(PageKind.LOOKUP) == (["lookup.md"] if planned else [])


def test_the_build_publishes_receipts_only_and_counts_the_rest(tmp_path: Path) -> None:
    site = _site(tmp_path, "    ids: [N63T-WFSX-HTDQ, VGNQ-W0G5-51FC, mail-3f9c2a71b04e5d18]\n")
    settings = Settings(site_url="https://x.example/")
    published = lookup_files(site, Publisher("测试", SitePages(site, settings).urls, settings))
    assert (published.receipts, published.others, published.buckets) == (2, 1, 1)
    [(path, data)] = published.files.items()
    assert path == "lookup/buckets/0.json"
    bucket = json.loads(data)
    assert bucket["format"] == 1 and len(bucket["records"]) == 8  # two records and six fillers
    assert b"N63T" not in data and "建议写明立法目的".encode() not in data


def test_a_sheet_per_point_and_notice_that_lists_it() -> None:
    pages = SitePages(load_site(REPO / "content"), Settings(site_url="https://lawsite.example.gov.cn/"))
    sheets = pages.generated(PageKind.FEEDBACK_SHEET)
    assert "feedback/hubin-street/qingchuan-elderly-care-2026-feedback/index.html" in sheets
    assert "feedback/hubin-street/qingchuan-property-2026-r1-feedback/index.html" not in sheets  # it sent none on that draft
    assert len(sheets) == len(set(sheets)) == 13
