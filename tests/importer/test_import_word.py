"""`lawsite import` of Word files the tests make: every shape an office writes,
and what Word hides or has not decided reported, never kept or dropped silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importer.imported import import_one
from importer.word_files import (
    ADOPTION,
    add_list,
    bold_head,
    list_style,
    new_document,
    numbered,
    raw_paragraph,
    run,
    save,
    toc_control,
    toc_entry,
    typical_law,
)
from lawsite.cli import main
from lawsite.model import Severity
from lawsite.office import libreoffice
from lawsite.office.word import read_docx


def test_a_typical_office_law_is_read_whole(tmp_path: Path) -> None:
    got = import_one(typical_law(tmp_path / "src" / "测试法.docx"), tmp_path)
    assert got.result.problems == [] and got.check_problems == []
    document = got.document
    assert document is not None
    assert document.title == "中华人民共和国测试法"  # the Title style
    assert document.meta["adopted"] == dt.date(2010, 8, 28)
    assert document.meta["events"][0]["type"] == "passed"
    # 目录 typed as text is dropped: the chapters appear once, as divisions.
    assert got.divisions() == [("第一章", "总则"), ("第二章", "附则")]
    assert [a.label for a in got.articles] == ["第一条", "第二条", "第三条", "第四条"]
    assert got.paragraphs("第一条") == ["为了测试，制定本法。"]  # a bold head is text, not **markup**
    assert got.article("第二条").caption == "定义"
    assert got.items("第二条") == ["抽样；", "检验。"]
    assert got.paragraphs("第二条")[1] == "前款所列活动，适用本法。"
    table = got.paragraphs("第三条")[0]
    assert "| 项目 | 金额\\|元 |" in table and "| 抽样 | 10 |" in table


def test_headings_without_numbers_and_heading_styled_article_heads(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某市条例")
    document.add_heading("第一编　总　则", level=1)
    document.add_heading("第一章　一般规定", level=2)
    document.add_heading("第一节　范围", level=3)
    document.add_heading("第一条　本条例适用于本市。", level=4)  # a head in a heading style stays an article
    document.add_heading("附　则", level=2)
    document.add_paragraph("第二条　本条例自公布之日起施行。")
    got = import_one(save(document, tmp_path / "src" / "某某市条例.docx"), tmp_path)
    assert got.divisions() == [("第一编", "总则"), ("第一章", "一般规定"), ("第一节", "范围"), ("", "附则")]
    assert [a.label for a in got.articles] == ["第一条", "第二条"]
    assert got.check_problems == []


def test_automatic_numbering_is_rendered_as_the_text_the_reader_sees(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某市条例", style="Title")
    add_list(document, 7, [("chineseCounting", "第%1条", "space"), ("chineseCounting", "（%2）", "nothing")])
    for _ in range(11):
        numbered(document, 7, 0, "为了测试，制定本条例。")
    numbered(document, 7, 1, "甲；")
    numbered(document, 7, 1, "乙。")
    numbered(document, 7, 0, "本条例自公布之日起施行。")  # level 1 restarts under a new article
    numbered(document, 7, 1, "丙。")
    got = import_one(save(document, tmp_path / "src" / "编号.docx"), tmp_path)
    assert got.result.problems == []
    labels = [a.label for a in got.articles]
    assert labels[:2] == ["第一条", "第二条"] and labels[9:] == ["第十条", "第十一条", "第十二条"]
    assert got.items("第十一条") == ["甲；", "乙。"]
    assert [i.label for i in got.article("第十一条").paragraphs[0].items] == ["（一）", "（二）"]
    assert [i.label for i in got.article("第十二条").paragraphs[0].items] == ["（一）"]


@pytest.mark.parametrize(
    ("fmt", "text", "suff", "expected"),
    [
        ("chineseCountingThousand", "第%1条", "tab", "第一条 正文。"),
        ("decimal", "第%1条", "space", "第1条 正文。"),
        ("decimalFullWidth", "第%1条", "space", "第１条 正文。"),
        ("chineseLegalSimplified", "第%1条", "space", "第壹条 正文。"),
        ("ideographTraditional", "%1、", "nothing", "甲、正文。"),
        ("decimalEnclosedCircle", "%1", "nothing", "①正文。"),
        ("upperRoman", "%1.", "space", "I. 正文。"),
    ],
)
def test_numbering_formats(tmp_path: Path, fmt: str, text: str, suff: str, expected: str) -> None:
    document = new_document()
    add_list(document, 3, [(fmt, text, suff)])
    numbered(document, 3, 0, "正文。")
    lines, problems = read_docx(save(document, tmp_path / "n.docx").read_bytes(), "n.docx")
    assert problems == [] and lines is not None
    assert [line.text for line in lines] == [expected]


def test_an_unknown_numbering_format_is_written_as_digits_and_said(tmp_path: Path) -> None:
    document = new_document()
    add_list(document, 3, [("hebrew1", "第%1条", "space")])
    numbered(document, 3, 0, "正文。")
    lines, problems = read_docx(save(document, tmp_path / "n.docx").read_bytes(), "n.docx")
    assert lines is not None and [line.text for line in lines] == ["第1条 正文。"]
    assert [(p.code, p.severity) for p in problems] == [("docx-numbering-format", Severity.WARNING)]
    assert "hebrew1" in problems[0].message.render("en")


def test_a_paragraph_style_that_numbers_articles_and_a_restarted_list(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某规定")
    add_list(document, 5, [("chineseCounting", "第%1条", "nothing")])
    list_style(document, "ArticleHead", 5)
    for text in ("为了规范管理，制定本规定。", "本规定所称管理，是指日常管理。"):
        raw_paragraph(document, f'<w:pPr><w:pStyle w:val="ArticleHead"/></w:pPr>{run(text)}')
    add_list(document, 6, [("decimal", "%1.", "space")], start_override=4)
    numbered(document, 6, 0, "子项。")
    got = import_one(save(document, tmp_path / "src" / "规定.docx"), tmp_path)
    # "nothing" after the label: 第一条为了… , a head without a separator (parse.legal reads it by sequence).
    assert [a.label for a in got.articles] == ["第一条", "第二条"]
    assert got.paragraphs("第一条") == ["为了规范管理，制定本规定。"]
    assert got.paragraphs("第二条")[-1] == "4. 子项。"


def test_line_breaks_gaps_and_a_missing_title_are_reported_by_paragraph(tmp_path: Path) -> None:
    document = new_document()
    paragraph = document.add_paragraph("第一条　第一款。")
    paragraph.add_run().add_break()  # Shift+Enter between two 款
    paragraph.add_run("第二款。")
    document.add_paragraph("第三条　少了第二条。")
    got = import_one(save(document, tmp_path / "src" / "无题.docx"), tmp_path)
    assert got.paragraphs("第一条") == ["第一款。", "第二款。"]
    assert got.document is not None and got.document.title == "无题"
    assert got.problem("import-no-title").line is None
    assert got.problem("article-gap").line == 2  # the second paragraph of the document


def test_word_contents_are_dropped(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某条例")
    toc_control(document, ["第一章　总则\t1", "第二章　附则\t2"])
    toc_entry(document, "第一章 总则\t1")  # a 目录 typed in Word's TOC styles
    document.add_heading("第一章　总则", level=1)
    document.add_paragraph("第一条　正文。")
    got = import_one(save(document, tmp_path / "src" / "目录.docx"), tmp_path)
    assert got.divisions() == [("第一章", "总则")]
    assert got.result.problems == []


def test_tracked_changes_are_errors_and_nothing_is_written(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某条例")
    document.add_paragraph("第一条　为了测试，制定本条例。")
    raw_paragraph(document, run("第二条　罚款") + '<w:ins w:id="1" w:author="张三" w:date="2026-01-01T00:00:00Z">' + run("五千元") + "</w:ins>"
                  + '<w:del w:id="2" w:author="张三" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>一万元</w:delText></w:r></w:del>' + run("。"))  # fmt: skip
    got = import_one(save(document, tmp_path / "src" / "修订.docx"), tmp_path)
    assert got.result.written == []
    problem = got.problem("docx-tracked-change")
    assert problem.is_error and problem.line == 3  # the third paragraph
    assert "五千元" in problem.message.render("en") and "一万元" in problem.message.render("en")


def test_comments_and_hidden_text_are_reported_and_left_out(tmp_path: Path) -> None:
    document = new_document()
    document.add_paragraph("某某条例")
    paragraph = document.add_paragraph()
    commented = paragraph.add_run("第一条　为了测试，制定本条例。")
    document.add_comment(commented, text="请核对上位法依据", author="李四")
    hidden = document.add_paragraph("第二条　公开的文字。")
    hidden.add_run("隐藏的文字。").font.hidden = True  # w:vanish
    raw_paragraph(document, run("第三条　整段隐藏。", "<w:vanish/>"))
    got = import_one(save(document, tmp_path / "src" / "批注.docx"), tmp_path)
    assert sorted(got.codes) == ["docx-comment", "docx-hidden-text", "docx-hidden-text"]
    comment = got.problem("docx-comment")
    assert comment.line == 2 and comment.severity is Severity.WARNING
    assert "请核对上位法依据" in comment.message.render("zh") and "李四" in comment.message.render("zh")
    hidden_lines = {p.line: p.message.render("en") for p in got.result.problems if p.code == "docx-hidden-text"}
    assert set(hidden_lines) == {3, 4} and "隐藏的文字" in hidden_lines[3]
    assert got.paragraphs("第一条") == ["为了测试，制定本条例。"]
    assert got.paragraphs("第二条") == ["公开的文字。"]
    assert [a.label for a in got.articles] == ["第一条", "第二条"]


def test_imported_as_a_draft_with_a_comments_block(tmp_path: Path) -> None:
    got = import_one(typical_law(tmp_path / "src" / "测试法.docx"), tmp_path, kind="draft")
    assert got.document is not None and got.document.kind.value == "draft"
    # Only what the editor must fill in, as after `lawsite new draft`: an error under --strict.
    assert [(p.code, p.field) for p in got.check_problems] == [("placeholder", "comments.email"), ("placeholder", "summary")]
    assert "closes" in got.document.meta["comments"]
    written = got.result.written[0].read_text(encoding="utf-8")
    assert "# 截止日期" in written  # the scaffold's guidance comes along
    assert ADOPTION in written  # the dated line is kept, in the body
    assert [a.label for a in got.articles] == ["第一条", "第二条", "第三条", "第四条"]


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    source = typical_law(tmp_path / "src" / "测试法.docx")
    into = tmp_path / "content" / "laws"
    assert main(["import", str(source), "--into", str(into)]) == 0
    target = into / "src" / "测试法.md"
    target.write_text("edited", encoding="utf-8")
    assert main(["import", str(source), "--into", str(into)]) == 0
    assert target.read_text(encoding="utf-8") == "edited"
    assert "not overwritten" in capsys.readouterr().err
    assert main(["import", str(source), "--into", str(into), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("---\nkind: law")


def test_not_a_docx(tmp_path: Path) -> None:
    source = tmp_path / "src" / "坏.docx"
    source.parent.mkdir()
    source.write_bytes(b"PK\x03\x04 not really a zip")
    got = import_one(source, tmp_path)
    assert got.codes == ["docx-unreadable"] and got.result.problems[0].path == str(source)


def test_doc_without_libreoffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], english: None) -> None:
    source = tmp_path / "src" / "旧.doc"
    source.parent.mkdir()
    source.write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert main(["import", str(source), "--into", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "import-no-libreoffice" in err and str(source) in err


@pytest.mark.skipif(libreoffice.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_doc_and_wps_are_converted_with_libreoffice(tmp_path: Path) -> None:
    import subprocess

    docx_file = typical_law(tmp_path / "made" / "测试法.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([str(libreoffice.soffice()), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path / "src"), str(docx_file)], check=True, capture_output=True, timeout=300)  # fmt: skip
    doc = tmp_path / "src" / "测试法.doc"
    wps = doc.with_name("测试法-wps.wps")
    wps.write_bytes(doc.read_bytes())  # a Kingsoft .wps is the same binary format
    for source in (doc, wps):
        got = import_one(source, tmp_path / source.suffix[1:])
        assert [p for p in got.result.problems if p.is_error] == []
        assert [a.label for a in got.articles] == ["第一条", "第二条", "第三条", "第四条"]
        assert got.divisions() == [("第一章", "总则"), ("第二章", "附则")]
        assert got.items("第二条") == ["抽样；", "检验。"]
