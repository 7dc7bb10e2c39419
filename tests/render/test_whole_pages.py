"""Whole draft pages, rendered without MkDocs from a small gathered site at a
fixed moment: `pages/<case>.md` holds the body the adapter hands MkDocs,
with everything the site adds to a draft (the readings chain, the ledger
outcome and lines, the 释义 links, the poster link, the comment basket).
Run `pytest tests/render --update` to rewrite them after an intended change,
then review the diff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_files import assert_golden
from site_pages import SitePages

from lawsite.model import Source
from lawsite.render.notes import ArticlePage
from lawsite.render.notes.parts import PARTS, Part, Slot
from lawsite.settings import Settings
from lawsite.gather.site import gather

PAGES = Path(__file__).parent / "pages"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

R1 = """---
kind: draft
id: r1
title: 测试条例（草案征求意见稿）
stage: 征求意见稿
published: 2026-06-01
comments:
  opens: 2026-06-01
  closes: 2026-06-30
  email: yj@example.gov.cn
---

## 第一章 总则

第一条 为了测试，制定本条例。

第二条 业主委员会应当自选举产生之日起备案。

第三条 本条例自公布之日起施行。
"""

R2 = """---
kind: draft
id: r2
title: 测试条例（草案二审稿）
stage: 二审稿
previous: r1
published: 2026-11-01
comments:
  opens: 2026-11-01
  closes: 2026-12-31
  email: yj@example.gov.cn
  subject: "征求意见：{title}{label}"
  form: https://yj.example.gov.cn/f?doc={doc}&article={article}
---

第一条 为了测试，制定本条例。

第二条 新插入的一条，规定电子投票。

第三条 业主委员会应当自选举产生之日起三十日内备案。

第四条 本条例自公布之日起施行。
"""

NOTICE = """---
kind: notice
id: n1
title: 关于征求意见稿意见采纳情况的说明
concerns: r1
published: 2026-08-01
received: 12
suggestions:
  - article: 第二条
    from: east
    count: 3
    text: 建议明确备案时限。
    outcome: adopted
    reason: 已增加“三十日内”。
  - article: 第二条
    from: 网民
    text: 建议取消备案。
    outcome: not-adopted
    reason: 备案便于监督。
  - article: 第三条
    from: 网民
    text: 建议尽快施行。
    outcome: noted
    reason: 施行日期由常委会决定。
---

说明。
"""

POINT = "---\nkind: contact-point\nid: east\ntitle: 东区联系点\nlevel: 县级\nregion: 东区\n---\n\n介绍。\n"

INTERP = """---
kind: interpretation
id: i2
interprets: r2
title: 测试条例二审稿解读
---

## 第三条

第三条增加了“三十日内”。
"""

SOURCES = {"drafts/r1.md": R1, "drafts/r2.md": R2, "notices/n1.md": NOTICE, "points/east.md": POINT, "interpretations/i2.md": INTERP}
CASES = {"closed-reading-with-ledger": ("drafts/r1.md", "drafts/r1/"), "open-reading-with-interpretation": ("drafts/r2.md", "drafts/r2/")}


@pytest.fixture(scope="module")
def pages() -> SitePages:
    settings = Settings(site_url="https://example.gov.cn/", now=NOW)
    site = gather([Source(path, text) for path, text in SOURCES.items()], settings)
    assert site.errors == []
    return SitePages(site, settings)


@pytest.mark.parametrize("case", sorted(CASES))
def test_whole_draft_page(pages: SitePages, case: str, update_golden: bool) -> None:
    src, url = CASES[case]
    assert_golden(pages.markdown(src, url), PAGES / f"{case}.md", update_golden)


def test_the_pages_hold_what_the_site_adds_to_a_draft(pages: SitePages) -> None:
    closed = pages.markdown("drafts/r1.md", "drafts/r1/")
    assert 'class="ls-readings"' in closed and 'href="../../redlines/r2/"' in closed  # chain and redline
    assert 'class="ls-draft-outcome"' in closed and 'class="ls-ledger-line" href="../../notices/n1/#ledger-art_2"' in closed
    assert 'href="../../posters/r1/index.html"' in closed  # the poster link
    assert 'class="ls-basket"' not in closed and 'class="ls-comment"' not in closed  # closed: no comment tools
    open_ = pages.markdown("drafts/r2.md", "drafts/r2/")
    assert 'class="ls-button ls-interp-link" href="../../interpretations/i2/#art_3"' in open_
    assert 'class="ls-basket"' in open_ and open_.count('class="ls-comment"') == 4
    assert 'class="ls-ledger-line"' not in open_  # no notice on the second reading yet


def test_a_registered_part_reaches_its_slot_of_the_page(pages: SitePages) -> None:
    # A new page part is one function and one register line: no renderer or adapter edit.
    def extra(page: ArticlePage) -> Part:
        return Part(Slot.ABOVE, "partials/poster_link.html", {"href": f"https://example.org/{page.document.id}"})

    PARTS.register(extra, "test_extra", 50)
    try:
        page = pages.markdown("drafts/r1.md", "drafts/r1/")
    finally:
        PARTS.deregister("test_extra")
    assert page.startswith('<p class="ls-poster-link"><a href="https://example.org/r1">')
    assert page.index("https://example.org/r1") < page.index('class="ls-readings"')  # the higher priority first
    assert "https://example.org/r1" not in pages.markdown("drafts/r1.md", "drafts/r1/")
