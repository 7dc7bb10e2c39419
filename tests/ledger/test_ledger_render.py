"""Rendering pieces of the ledger: SVG charts, relative links, labels, and
what `lawsite check` says about a notice's CSV."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lawsite.cli import EXIT_OK, EXIT_PROBLEMS, main
from lawsite.gather.ledger import Tally
from lawsite.model import Outcome, Source
from lawsite.render.charts import Bar, stacked_bars_svg, text_width
from lawsite.render.i18n import translator
from lawsite.render.ledger import ledger_line_text
from lawsite.urls import relative_url

SVG = "{http://www.w3.org/2000/svg}"


def test_chart_is_valid_accessible_svg_with_escaped_labels() -> None:
    bars = [Bar("第一条<script>", (("adopted", 3), ("not-adopted", 1))), Bar("总体", (("noted", 8),))]
    svg = stacked_bars_svg("c1", "标题 & 说明", "第一条：采纳 3", bars, [("adopted", "采纳"), ("noted", "留作研究")])
    root = ET.fromstring(svg)  # well-formed: labels are escaped
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "标题 & 说明"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "第一条：采纳 3"  # type: ignore[union-attr]
    rows = root.findall(f"{SVG}g[@class='ls-chart__row']")
    assert len(rows) == 2
    widths = [float(r.get("width")) for r in rows[0].findall(f"{SVG}rect")]  # type: ignore[arg-type]
    assert widths[0] == pytest.approx(3 * widths[1])
    longest = sum(float(r.get("width")) for r in rows[1].findall(f"{SVG}rect"))  # type: ignore[arg-type]
    assert longest == pytest.approx(sum(widths) * 8 / 4)  # bars share one scale
    assert "fill=\"#" not in svg and "style=" not in svg


def test_long_labels_are_shortened_within_the_label_column() -> None:
    svg = stacked_bars_svg("c2", "t", "d", [Bar("很" * 60, (("adopted", 1),))], [])
    label = re.search(r'text-anchor="end">([^<]+)<', svg)
    assert label is not None and label[1].endswith("…") and len(label[1]) < 60


def test_text_width_counts_cjk_as_square() -> None:
    assert text_width("第一条", 12) == 36 and text_width("art", 10) == pytest.approx(18)


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("drafts/r1/", "notices/n1/#ledger-art_2", "../../notices/n1/#ledger-art_2"),
        ("", "statistics/", "statistics/"),
        ("statistics/", "", "../"),
        ("contact-points/", "contact-points/x/", "x/"),
        ("contact-points/x/", "contact-points/", "../"),
        ("a/b.html", "c/d.html#x", "../c/d.html#x"),
    ],
)
def test_relative_url(here: str, there: str, expected: str) -> None:
    assert relative_url(here, there) == expected


def test_ledger_line_in_each_language() -> None:
    tally = Tally()
    tally.counts.update({Outcome.ADOPTED: 2, Outcome.PARTLY: 1, Outcome.NOT_ADOPTED: 2})
    assert ledger_line_text(tally, "zh") == "本条意见 5 条 · 采纳 2 · 部分采纳 1 · 未采纳 2"
    assert ledger_line_text(tally, "zh-Hant") == "本條意見 5 條 · 採納 2 · 部分採納 1 · 未採納 2"
    assert ledger_line_text(tally, "en") == "5 suggestions on this article · 2 adopted · 1 partly adopted · 2 not adopted"
    said = translator("zh")("draft_outcome", received=1028, itemised=369, adopted=154, partly=89, rate="65.9%")
    assert said == "收到意见 1028 条，逐条列出 369 条，其中采纳 154 条、部分采纳 89 条，采纳率 65.9%"


DRAFT = "---\nkind: draft\nid: d1\ntitle: 测试条例\n---\n\n第一条 为了测试。\n\n第二条 适用范围。\n"
NOTICE = "---\nkind: notice\nid: n1\nconcerns: d1\nsuggestions_file: n1.csv\n---\n"


def project(tmp_path: Path, rows: str) -> str:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "d1.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "content" / "n1.md").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "content" / "n1.csv").write_bytes(("article,from,count,text,outcome,reason\n" + rows).encode("gbk"))
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n", encoding="utf-8")
    return str(tmp_path / "mkdocs.yml")


def test_check_reports_the_csv_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    config = project(tmp_path, "第二条,网民,2,建议。,采纳,\n")
    assert main(["-f", config, "check"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "n1.md: 1 suggestion(s) read from n1.csv as GBK" in out
    assert "n1.csv [] warning" not in out and "n1.csv warning: read as GBK" in out
    assert main(["-f", config, "check", "--strict"]) == EXIT_PROBLEMS  # the guess is a warning


def test_check_reports_a_csv_row_with_file_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    config = project(tmp_path, "第二条,网民,2,建议。,adopted,\n第五条,网民,1,建议。,adopted,\n")
    assert main(["-f", config, "check"]) == EXIT_PROBLEMS
    out = capsys.readouterr().out
    assert "n1.csv:3 [article] error: row 3: d1 has no article `第五条`" in out


NOTICE_ITEMS = """---
kind: notice
id: n2
concerns: d1
received: 10
suggestions:
- article: 第二条
  from: east
  count: 2
  text: 建议修改。
  outcome: partly
  reason: 部分修改。
- article: 总体
  from: 网民
  text: 好。
  outcome: pending
---

说明。
"""
POINT = "---\nkind: contact-point\nid: east\ntitle: 东区联系点\nlevel: 省级\nregion: 东区\n---\n\n介绍。\n"


@pytest.mark.parametrize(("language", "word"), [("zh", "采纳率"), ("zh-Hant", "採納率"), ("en", "Adoption rate")])
def test_every_ledger_page_renders_in_each_language(language: str, word: str) -> None:
    from site_pages import SitePages

    from lawsite.plan import LedgerPage, PageKind
    from lawsite.render.notes import ledger_line
    from lawsite.render.notes.parts import draft_outcome
    from lawsite.settings import Settings
    from lawsite.gather.site import gather

    site = gather([Source("d1.md", DRAFT), Source("n2.md", NOTICE_ITEMS), Source("points/east.md", POINT)], Settings())
    assert site.errors == []
    urls = {"d1": "d1/", "n2": "n2/", "east": "points/east/", "lawsite-statistics": "statistics/", "lawsite-contact-points": "points/"}
    pages = SitePages(site, Settings(language=language), urls)
    generated = [spec for spec in pages.plan.generated if isinstance(spec, LedgerPage)]
    assert set(spec.key for spec in generated) == {"lawsite-statistics", "lawsite-contact-points"}
    rendered = {uri: pages.markdown(uri, "x/") for uri in [*(spec.src for spec in generated), "n2.md", "points/east.md"]}
    assert all(rendered.values())
    assert word in rendered["statistics.md"] and word in rendered["n2.md"]
    assert "../d1/#art_2" in rendered["n2.md"] and "../points/east/" in rendered["n2.md"]
    assert pages.plan.page("d1.md").kind is PageKind.LEGAL  # drafts are rendered by render/legal.py
    extras = pages.notes_html(ledger_line.notes, "d1", "d1/")
    assert list(extras) == ["art_2"] and 'href="../n2/#ledger-art_2"' in extras["art_2"]
    assert 'href="../n2/"' in (pages.part_html(draft_outcome, "d1", "d1/") or "")
