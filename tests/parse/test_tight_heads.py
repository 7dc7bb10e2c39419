"""Article heads without a separator (第一条为了…): heads by the article
sequence; references (第二条所称…, 第三条第二款规定的…) stay text; a head out
of sequence stays text with a warning `check` shows."""

from __future__ import annotations

import pytest

from lawsite.parse.legal import EN, ZH_HANT, parse_legal_text


def parse(md: str, **options):  # type: ignore[no-untyped-def]
    return parse_legal_text(md, path="t.md", **options)


def test_heads_without_a_separator_in_sequence() -> None:
    legal, problems = parse("第一条为了规范管理，制定本条例。\n\n第二条本条例适用于本市。\n\n第二条之一中华人民共和国公民适用本条。\n\n第三条（施行）自公布之日起施行。\n")
    assert [(a.label, a.caption, a.paragraphs[0].text) for a in legal.articles] == [
        ("第一条", None, "为了规范管理，制定本条例。"),
        ("第二条", None, "本条例适用于本市。"),
        ("第二条之一", None, "中华人民共和国公民适用本条。"),
        ("第三条", "施行", "自公布之日起施行。"),
    ]
    assert problems == []


@pytest.mark.parametrize(
    "reference",
    [
        "第三条第二款规定的情形，不适用本条。",  # the expected next number, yet a reference
        "第三条所称管理，是指日常管理。",
        "第三条规定的期限届满的，终止。",
        "第三条、第四条的规定，适用于本条。",
        "第三条至第五条不适用于本条。",
        "第三条的规定同样适用。",
        "第二条所称管理，是指日常管理。",  # a number already passed
    ],
)
def test_a_paragraph_opening_with_a_reference_stays_a_paragraph(reference: str) -> None:
    legal, problems = parse(f"第一条　总则。\n\n第二条　管理。\n\n{reference}\n\n第三条　施行。\n")
    assert [a.label for a in legal.articles] == ["第一条", "第二条", "第三条"]
    assert [p.text for p in legal.articles[1].paragraphs] == ["管理。", reference]
    assert problems == []


def test_a_missed_head_is_warned_about_at_its_line() -> None:
    legal, problems = parse("第一条　总则。\n\n第二条　管理。\n\n第五条为了什么。\n\n第三条　施行。\n", first_line=10)
    assert [a.label for a in legal.articles] == ["第一条", "第二条", "第三条"]
    assert legal.articles[1].paragraphs[1].text == "第五条为了什么。"
    (problem,) = problems
    assert (problem.code, problem.line) == ("article-head-missed", 14)
    assert "第五条" in problem.message.render("en") and "第三条" in problem.message.render("en")


def test_the_first_article_without_a_separator_must_be_the_first() -> None:
    legal, problems = parse("前言。\n\n第九条为了什么。\n")
    assert legal.articles == [] and [p.code for p in problems] == ["article-head-missed"]


def test_traditional_and_english() -> None:
    legal, _ = parse("第一條為了規範管理。\n\n第二條所稱管理。\n", numbering=ZH_HANT)
    assert [(a.label, len(a.paragraphs)) for a in legal.articles] == [("第一條", 2)]
    legal, problems = parse("Article 1 Purpose.\n\nArticle 2of this.\n", numbering=EN)
    assert [a.label for a in legal.articles] == ["Article 1"] and problems == []


def test_check_shows_the_warning(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from lawsite.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("---\nkind: draft\ntitle: 测试条例（草案）\n---\n\n第一条　总则。\n\n第七条为了什么。\n", encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check", "--format", "json"]) == 0
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["code"], problem["line"], problem["severity"]) == ("article-head-missed", 8, "warning")
