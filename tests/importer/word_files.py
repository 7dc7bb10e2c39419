"""Word files the tests make themselves: python-docx for the ordinary shapes,
raw WordprocessingML for what python-docx does not write (list numbering,
tracked changes, hidden text, a 目录 content control)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

ADOPTION = "（2010年8月28日第十一届全国人民代表大会常务委员会第十六次会议通过）"


def new_document() -> Document:
    """python-docx's default document, without the lists its template defines
    (so that a test's list ids are its own)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    return document


def bold_head(document: Document, label: str, text: str, style: str | None = None) -> Paragraph:
    """An article whose label is a bold run of its own (as offices write them)."""
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)
    return paragraph


def raw_paragraph(document: Document, inner_xml: str) -> None:
    """Append `<w:p>inner_xml</w:p>` to the body, before the section properties."""
    element = parse_xml(f"<w:p {NSDECL}>{inner_xml}</w:p>")
    body = document.element.body
    body.insert(len(body) - 1, element)


def run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def add_list(document: Document, num_id: int, levels: list[tuple[str, str, str]], *, start_override: int | None = None) -> None:
    """A list in numbering.xml: one (numFmt, lvlText, suff) per level, and a
    w:num `num_id` pointing at it (optionally restarting level 0)."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="{suff}"/></w:lvl>'
        for i, (fmt, text, suff) in enumerate(levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {NSDECL} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'))
    override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>' if start_override else ""
    numbering.append(parse_xml(f'<w:num {NSDECL} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>{override}</w:num>'))


def numbered(document: Document, num_id: int, ilvl: int, text: str) -> None:
    raw_paragraph(document, f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{run(text)}')


def list_style(document: Document, style_id: str, num_id: int) -> None:
    """A paragraph style that numbers its paragraphs with list `num_id`."""
    document.styles.element.append(parse_xml(
        f'<w:style {NSDECL} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:style>'
    ))  # fmt: skip


def toc_control(document: Document, entries: list[str]) -> None:
    """Word's automatic 目录: a Table of Contents content control."""
    paragraphs = "".join(f"<w:p>{run(entry)}</w:p>" for entry in entries)
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {NSDECL}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent>{paragraphs}</w:sdtContent></w:sdt>"
    ))  # fmt: skip


def toc_entry(document: Document, text: str) -> None:
    """A paragraph in Word's "toc 1" style (the style made when missing)."""
    if not document.styles.element.xpath('w:style[@w:styleId="TOC1"]'):
        document.styles.element.append(parse_xml(f'<w:style {NSDECL} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'))
    raw_paragraph(document, f'<w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{run(text)}')


def save(document: Document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def typical_law(path: Path) -> Path:
    """A law as an office types it: Title style, adoption line, 目录 typed as
    text, chapters as Heading 1 (spaced), bold heads, a caption, 款, 项, a table."""
    document = new_document()
    document.add_paragraph("中华人民共和国测试法", style="Title")
    document.add_paragraph(ADOPTION)
    document.add_paragraph("目　　录")
    document.add_paragraph("第一章　总　　则\t1")
    document.add_paragraph("第二章　附　　则\t3")
    document.add_heading("第一章　总　　则", level=1)
    bold_head(document, "第一条", "　为了测试，制定本法。")
    bold_head(document, "第二条", "（定义）本法所称测试，是指下列活动：")
    document.add_paragraph("（一）抽样；")
    document.add_paragraph("（二）检验。")
    document.add_paragraph("前款所列活动，适用本法。")
    document.add_paragraph("第三条 收费标准如下表：")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("项目", "金额|元", "抽样", "10")):
        cell.text = text
    document.add_heading("第二章　附　　则", level=1)
    document.add_paragraph("第四条　本法自2011年1月1日起施行。")
    return save(document, path)
