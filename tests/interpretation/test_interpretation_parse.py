"""Interpretations: sections by heading, preface, and checks against the
interpreted text (parse/interpretation.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawsite.model import Kind, Severity
from lawsite.parse.interpretation import parse_interpretation, parse_targets
from lawsite.parse.legal import EN, ZH_HANT
from lawsite.gather.site import load_site

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

DRAFT = """---
kind: draft
id: d
title: 测试条例（草案）
---

## 第一章 总则

第一条 为了测试，制定本条例。

第二条 本条例适用于测试。

第二条之一 插入的一条。

第三条 第三条的内容。

第四条 第四条的内容。

第五条 本条例自公布之日起施行。
"""

INTERPRETATION = """---
kind: interpretation
id: i
interprets: d
---

前言第一段。

前言第二段。

## 第一条

第一条的解读。

### 举例

例子也在第一条的解读里。

## 第二条至第三条

一个范围。

#### 第四条、第五条（附则）

列举的两条，标题在四级。
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("heading", "spans", "title"),
    [
        ("第十五条", [((15, 0), (15, 0))], None),
        ("第十一条至第十三条", [((11, 0), (13, 0))], None),
        ("第十七条、第四十二条", [((17, 0), (17, 0)), ((42, 0), (42, 0))], None),
        ("第十四条之一", [((14, 1), (14, 1))], None),
        ("第二条之一至第三条", [((2, 1), (3, 0))], None),
        ("第十五条（业主委员会备案）", [((15, 0), (15, 0))], "（业主委员会备案）"),
        ("第十五条 备案时限", [((15, 0), (15, 0))], "备案时限"),
        ("第一条、第二条至第四条和第九条", [((1, 0), (1, 0)), ((2, 0), (4, 0)), ((9, 0), (9, 0))], None),
    ],
)
def test_heading_forms(heading, spans, title):
    assert parse_targets(heading) == (spans, title)


@pytest.mark.parametrize("heading", ["举例", "第一章 总则", "第十五条的理解", "关于第十五条", ""])
def test_other_headings_are_not_sections(heading):
    assert parse_targets(heading) is None


def test_traditional_and_english_labels():
    assert parse_targets("第十一條至第十三條", ZH_HANT) == ([((11, 0), (13, 0))], None)
    assert parse_targets("Article 5", EN) == ([((5, 0), (5, 0))], None)


def test_preface_and_sections_with_lines():
    body = INTERPRETATION.split("---\n", 2)[2]
    interpretation, problems = parse_interpretation(body, path="i.md", interprets="d", first_line=6)
    assert problems == []
    assert interpretation.preface == "\n前言第一段。\n\n前言第二段。".strip("\n")
    headings = [(s.heading, s.line) for s in interpretation.sections]
    assert headings == [("第一条", 11), ("第二条至第三条", 19), ("第四条、第五条（附则）", 23)]
    first = interpretation.sections[0]
    assert "### 举例" in first.body and "例子也在第一条的解读里。" in first.body  # other headings stay inside
    assert first.body_line == 12
    assert interpretation.sections[2].title == "（附则）"


def test_level_one_heading_and_fenced_code_are_not_sections():
    body = "# 第一条\n\n前言。\n\n```\n## 第二条\n```\n\n## 第三条\n\n解读。\n"
    interpretation, _ = parse_interpretation(body, path="i.md", interprets="d")
    assert [s.heading for s in interpretation.sections] == ["第三条"]
    assert "# 第一条" in interpretation.preface and "## 第二条" in interpretation.preface


def test_backwards_range_is_an_error_with_line():
    _, problems = parse_interpretation("## 第五条至第三条\n\n解读。\n", path="i.md", interprets="d", first_line=7)
    assert [(p.path, p.line, p.code, p.severity) for p in problems] == [("i.md", 7, "interpretation-range", Severity.ERROR)]
    assert "第三条至第五条" in (problems[0].hint.render("en") if problems[0].hint else "")


@pytest.mark.parametrize("heading", ["第一条之〇", "第一条之零（定义）", "第三条至第一条之〇", "第一条、第二条之〇"])
def test_a_sub_article_of_zero_is_an_article_number_error_not_the_article_itself(heading):
    # 第一条之〇 was read as 第一条: its section explained the wrong article
    interpretation, problems = parse_interpretation(f"## {heading}\n\n解读。\n", path="i.md", interprets="d", first_line=7)
    assert [(p.line, p.code, p.severity) for p in problems] == [(7, "article-number", Severity.ERROR)]
    assert interpretation.sections == [] and heading in interpretation.preface


def test_sections_attach_to_articles_of_the_interpreted_text(tmp_path):
    site = load_site(write(tmp_path, {"d.md": DRAFT, "i.md": INTERPRETATION}))
    assert site.problems == []
    interpretation = site.get("i").interpretation
    assert interpretation is not None and interpretation.interprets == "d"
    ids = [s.article_ids for s in interpretation.sections]
    # the range includes the inserted 第二条之一
    assert ids == [["art_1"], ["art_2", "art_2-1", "art_3"], ["art_4", "art_5"]]
    assert [s.anchor for s in interpretation.sections] == ["sec-art_1", "sec-art_2", "sec-art_4"]


@pytest.mark.parametrize(
    ("heading", "missing"),
    [("## 第九条", ["第九条"]), ("## 第四条至第八条", ["第八条"]), ("### 第一条、第三条之二", ["第三条之二"]), ("## 第七条至第九条", ["第七条", "第九条"])],
)
def test_unknown_article_is_an_error_with_file_and_line(tmp_path, heading, missing):
    text = INTERPRETATION.replace("## 第二条至第三条", heading)
    site = load_site(write(tmp_path, {"d.md": DRAFT, "i.md": text}))
    line = text.split("\n").index(heading) + 1
    errors = [p for p in site.problems if p.is_error]
    assert [(p.path, p.line, p.code) for p in errors] == [("i.md", line, "unknown-article")] * len(missing)
    for problem, label in zip(errors, missing):
        assert label in problem.message.render("en") and "测试条例（草案）" in problem.message.render("en")
        assert "第一条至第五条" in (problem.hint.render("en") if problem.hint else "")


def test_article_explained_twice_is_a_warning(tmp_path):
    text = INTERPRETATION + "\n## 第三条\n\n再解读一次。\n"
    site = load_site(write(tmp_path, {"d.md": DRAFT, "i.md": text}))
    assert [(p.code, p.severity, p.line) for p in site.problems] == [("interpretation-duplicate", Severity.WARNING, text.split("\n").index("## 第三条") + 1)]


def test_unknown_interprets_is_reported_once_by_the_link_check(tmp_path):
    site = load_site(write(tmp_path, {"d.md": DRAFT, "i.md": INTERPRETATION.replace("interprets: d", "interprets: nope")}))
    assert [(p.field, p.code) for p in site.problems] == [("interprets", "unknown-reference")]
    assert site.get("i").interpretation is None


def test_sample_interpretation_covers_at_least_ten_articles():
    site = load_site(Path(__file__).resolve().parents[2] / "content")
    interpretations = [d for d in site.of_kind(Kind.INTERPRETATION) if d.interpretation]
    assert interpretations
    explained = {i for d in interpretations for s in d.interpretation.sections for i in s.article_ids}
    assert len(explained) >= 10


def test_check_reports_the_unknown_article_with_file_and_line(tmp_path, capsys):
    from lawsite.cli import main

    content = tmp_path / "content"
    content.mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    write(content, {"d.md": DRAFT, "i.md": INTERPRETATION.replace("## 第二条至第三条", "## 第二条至第九条")})
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert "i.md:19 error: `第二条至第九条` explains 第九条 (art_9), but 《测试条例（草案）》 has no such article (unknown-article)" in out
    assert "hint: use an article of the interpreted text (第一条至第五条)" in out
