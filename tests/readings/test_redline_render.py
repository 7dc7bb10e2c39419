"""The redline page of small sites, rendered without MkDocs: renumbering keeps
each suggestion beside its article (that every label exists in every
language: tests/render/test_labels.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from golden_files import assert_golden
from site_pages import SitePages

from lawsite.plan import PageKind
from lawsite.render.notes import interpretation_link
from lawsite.render.notes.parts import readings_chain
from lawsite.urls import redline_key
from lawsite.settings import Settings
from lawsite.gather.site import load_site

R1 = """---
kind: draft
id: r1
title: 测试条例（草案征求意见稿）
stage: 征求意见稿
---

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
---

第一条 为了测试，制定本条例。

第二条 新插入的一条，规定电子投票。

第三条 业主委员会应当自选举产生之日起三十日内备案。

第四条 本条例自公布之日起施行。
"""

NOTICE = """---
kind: notice
id: n1
concerns: r1
suggestions:
  - article: 第二条
    from: 网民
    count: 3
    text: 建议明确备案时限。
    outcome: adopted
    reason: 已增加“三十日内”。
  - article: 第三条
    from: 网民
    text: 建议尽快施行。
    outcome: noted
    reason: 施行日期由常委会决定。
---
"""

URLS = {"r1": "r1/", "r2": "r2/", "n1": "n1/"}


def section(html: str, ident: str) -> str:
    """The <section> with id `ident` (sections do not nest on this page)."""
    start = html.rindex("<section", 0, html.index(f'id="{ident}"'))
    return html[start : html.index("</section>", start)]


def pages(tmp_path: Path, language: str = "zh", urls: dict[str, str] = URLS) -> SitePages:
    for name, text in {"r1.md": R1, "r2.md": R2, "n1.md": NOTICE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    site = load_site(tmp_path)
    assert site.errors == []
    return SitePages(site, Settings(language=language), urls)


def test_renumbered_article_keeps_its_suggestions(tmp_path):
    readings = pages(tmp_path)
    assert readings.generated(PageKind.REDLINE) == ["redlines/r2.md"]
    html = readings.markdown("redlines/r2.md", "redlines/r2/")
    moved = section(html, "rl-art_3")
    assert "调整序号并修改" in moved
    assert '<a href="../../r1/#art_2">第二条</a>' in moved and '<a href="../../r2/#art_3">第三条</a>' in moved
    assert re.search(r"<ins><span class=\"ls-sr\">［增加］</span>三十日内</ins>", moved)
    assert "对征求意见稿第二条的意见" in moved and "本条意见 3 条 · 采纳 3" in moved
    assert 'href="../../n1/#ledger-art_2"' in moved
    # The new 第二条 is added, with no suggestion of the old 第二条 beside it.
    added = section(html, "rl-art_2")
    assert "ls-rl--added" in added and "<aside" not in added
    # The last article only moved: folded, with its old number's suggestion line.
    folded = html[html.index('id="rl-art_4"') :]
    assert "第三条</a>" in folded[:600] and "本条意见 1 条 · 留作研究 1" in folded[:1200]


def test_chain_marks_the_current_reading(tmp_path):
    readings = pages(tmp_path, urls={**URLS, redline_key("r2"): "redlines/r2/"})
    chain = readings.part_html(readings_chain, "r1", "r1/") or ""
    assert '<strong aria-current="page" title="测试条例（草案征求意见稿）">征求意见稿</strong>' in chain
    assert '<a href="../r2/" title="测试条例（草案二审稿）">二审稿</a>' in chain
    assert '<a class="ls-readings__redline" href="../redlines/r2/">修改对照</a>' in chain


@pytest.mark.parametrize("language", ["zh-Hant", "en"])
def test_redline_in_other_languages(tmp_path, language):
    html = pages(tmp_path, language).markdown("redlines/r2.md", "redlines/r2/")
    if language == "en":
        assert "Renumbered and changed" in html and "Suggestions on 第二条 of the 征求意见稿" in html
    else:
        assert "調整序號並修改" in html and "對征求意见稿第二条的意見" in html  # stage and label as the content writes them


def test_marked_runs_never_span_a_paragraph_break():
    from lawsite.redline import Segment
    from lawsite.render.readings import _runs

    assert _runs(Segment("insert", "第一段。\n第二段。")) == [
        {"op": "insert", "text": "第一段。"},
        {"op": "equal", "text": "\n"},
        {"op": "insert", "text": "第二段。"},
    ]
    assert _runs(Segment("insert", "\n")) == [{"op": "insert", "text": "¶"}, {"op": "equal", "text": "\n"}]
    assert _runs(Segment("delete", "\n")) == [{"op": "delete", "text": "¶"}]  # two paragraphs joined
    assert _runs(Segment("equal", "a\nb")) == [{"op": "equal", "text": "a\nb"}]


GOLDEN = Path(__file__).parent / "golden"
INTERP = """---
kind: interpretation
id: i2
interprets: r2
title: 测试条例二审稿解读
---

前言：解读只帮助理解。

## 第二条至第三条

第二条是新增的；第三条增加了“三十日内”，见第三条。

### 举例

选举产生之日起三十日内备案。
"""


def test_golden_redline_and_interpretation_pages(tmp_path, update_golden):
    (tmp_path / "i2.md").write_text(INTERP, encoding="utf-8")
    readings = pages(tmp_path, urls={**URLS, "i2": "i2/"})
    assert_golden(readings.markdown("redlines/r2.md", "redlines/r2/"), GOLDEN / "small_redline.md", update_golden)
    page = readings.markdown("i2.md", "i2/")
    assert_golden(page, GOLDEN / "small_interpretation.md", update_golden)
    extras = readings.notes_html(interpretation_link.notes, "r2", "r2/")
    assert sorted(extras) == ["art_2", "art_3"]
