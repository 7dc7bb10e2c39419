"""Hostile files for `lawsite import`: zip bombs, XML bombs, deep nesting,
looping styles, absurd list numbers, oversized and binary text. Each runs the
real CLI in a child process within the issue's bounds (≤ 2 s CPU, ≤ 200 MB),
and is refused with the file named, or read, never a traceback or a hang."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from hostile.bounds import MAX_MEGABYTES, MAX_SECONDS, Run, assert_refused_within_bounds, check_bounded, run_bounded, site_with
from importer.word_files import NSDECL, add_list, new_document, numbered, run
from lawsite.office.text import MAX_TEXT_BYTES
from lawsite.office.word import MAX_XML

W_BODY = f"<w:document {NSDECL}><w:body>{{}}</w:body></w:document>"


def docx_bytes(**replace: bytes) -> bytes:
    """A small real .docx with some members replaced or added."""
    document = new_document()
    document.add_paragraph("某某条例")
    document.add_paragraph("第一条　正文。")
    buffer = BytesIO()
    document.save(buffer)
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in replace:
                target.writestr(item, source.read(item))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


def _laughs() -> bytes:
    entities = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'.encode() + W_BODY.format("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>").encode()


def _numbering_abuse() -> bytes:
    document = new_document()
    document.add_paragraph("某某条例")
    add_list(document, 1, [("upperLetter", "%1" * 10_000, "nothing")])
    numbering = document.part.numbering_part.element
    numbering.find(".//{*}start").set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "9" * 5_000)
    for _ in range(2_000):
        numbered(document, 1, 0, "正文。")
    styles = document.styles.element
    from docx.oxml import parse_xml

    for a, b in (("LoopA", "LoopB"), ("LoopB", "LoopA")):
        styles.append(parse_xml(f'<w:style {NSDECL} w:type="paragraph" w:styleId="{a}"><w:name w:val="{a}"/><w:basedOn w:val="{b}"/></w:style>'))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xml_bytes(data: bytes) -> int:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))


def _largest_readable_docx() -> bytes:
    """Paragraphs up to `MAX_XML`, less a little, all of them in one article."""
    paragraph = "<w:p>" + run("为了测试，制定本条例。这是一段比较长的文字，用来测试读取的时间。") + "</w:p>"
    empty = docx_bytes(**{"word/document.xml": W_BODY.format("").encode()})
    count = (MAX_XML - _xml_bytes(empty) - 1_000) // len(paragraph.encode())
    body = "<w:p>" + run("第一条　正文：") + "</w:p>" + paragraph * count
    data = docx_bytes(**{"word/document.xml": W_BODY.format(body).encode()})
    assert MAX_XML - 2_000 < _xml_bytes(data) <= MAX_XML
    return data


HOSTILE_DOCX = {
    # 100 MB of zeros in a 100 KB member: refused from the zip's directory, before anything is unpacked
    "zip bomb": (lambda: docx_bytes(**{"word/media/bomb.bin": bytes(100 * 1024 * 1024)}), "docx-too-large"),
    "too much XML": (lambda: docx_bytes(**{"word/document.xml": W_BODY.format(" " * (MAX_XML + 1)).encode()}), "docx-too-large"),
    "deep nesting": (lambda: docx_bytes(**{"word/document.xml": W_BODY.format("<w:sdt><w:sdtContent>" * 50_000 + "</w:sdtContent></w:sdt>" * 50_000).encode()}), "docx-unreadable"),
    "not a zip": (lambda: b"PK\x03\x04" + b"\x00" * 1000, "docx-unreadable"),
    "no document part": (lambda: docx_bytes(**{"[Content_Types].xml": b"<Types/>"}), "docx-unreadable"),
}


def _import(tmp_path: Path, name: str, data: bytes) -> tuple[Run, Path]:
    config = site_with(tmp_path, {})
    source = tmp_path / "src" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    return run_bounded(config, "import", str(source), "--into", str(tmp_path / "content" / "laws")), source


@pytest.mark.parametrize("case", HOSTILE_DOCX)
def test_hostile_docx_is_refused_within_bounds(tmp_path: Path, case: str) -> None:
    make, code = HOSTILE_DOCX[case]
    done, source = _import(tmp_path, "坏.docx", make())
    assert_refused_within_bounds(done, str(source), code)


def _read_within_bounds(done: Run) -> None:
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.cpu <= MAX_SECONDS, f"{done.cpu:.2f} s of CPU"
    assert done.peak_mb <= MAX_MEGABYTES, f"{done.peak_mb} MB"


def test_an_entity_bomb_is_refused_unexpanded(tmp_path: Path) -> None:
    done, source = _import(tmp_path, "laughs.docx", docx_bytes(**{"word/document.xml": _laughs()}))
    assert_refused_within_bounds(done, str(source), "docx-unreadable")  # libxml2: "entity amplification"
    assert not list((tmp_path / "content").rglob("*.md"))


def test_looping_styles_and_absurd_list_numbers_are_read_within_bounds(tmp_path: Path) -> None:
    done, _ = _import(tmp_path, "numbering.docx", _numbering_abuse())
    _read_within_bounds(done)


def test_the_largest_readable_docx_is_read_within_bounds(tmp_path: Path) -> None:
    done, _ = _import(tmp_path, "large.docx", _largest_readable_docx())
    _read_within_bounds(done)


def test_the_largest_readable_text_is_read_within_bounds(tmp_path: Path) -> None:
    # 20,000 identical items in one article once made the parser's ids quadratic (87 s)
    item = "（一）项目内容比较长的一段文字，用来测试读取的时间。\r\n".encode("gbk")
    head = "某某条例\r\n第一条　正文：\r\n".encode("gbk")
    done, _ = _import(tmp_path, "large.txt", head + item * ((MAX_TEXT_BYTES - len(head)) // len(item)))
    _read_within_bounds(done)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"x" * (MAX_TEXT_BYTES + 1), "import-too-large", id="too large"),
        pytest.param(b"\x00" * 10_000, "import-not-text", id="binary"),
    ],
)
def test_hostile_text_is_refused_within_bounds(tmp_path: Path, data: bytes, code: str) -> None:
    done, source = _import(tmp_path, "坏.txt", data)
    assert_refused_within_bounds(done, str(source), code)


def test_check_reads_many_identical_items_within_bounds(tmp_path: Path) -> None:
    """The parser's part of the quadratic ids, as `check` meets it in Markdown."""
    body = "第一条　正文：\n\n" + "（一）项目。\n\n" * 50_000
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(f"---\nkind: draft\ntitle: 测试条例（草案）\n---\n\n{body}", encoding="utf-8")
    result = check_bounded(tmp_path / "content")
    assert "yaml-syntax" not in result.codes()
