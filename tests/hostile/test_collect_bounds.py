"""Hostile sources for `lawsite collect`: each is skipped with its reason
(or read, where it is large but legitimate), never a traceback, a hang or
a blow-up — within the issue's bound for one hostile file (≤ 2 s of CPU,
≤ 200 MB of address space, `hostile.bounds`), the CLI run in a child.

The files are made here: a mail over the size limit, an mbox of one line
longer than the limit, ten thousand parts, parts nested a thousand deep,
megabytes of HTML, a CSV cell of a megabyte and a quote never closed, a
sheet with a cell on its millionth row, and an .xlsx that unpacks to
gigabytes (a zip bomb) or to millions of tiny strings.
"""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from hostile.bounds import MAX_MEGABYTES, MAX_SECONDS, Run, run_bounded
from intake.harness import OPEN, write_project
from lawsite.collect.mail import MAX_HTML_CHARS, MAX_LINES, MAX_MAIL_BYTES
from lawsite.collect.sheet import MAX_CELL_CHARS, MAX_ROWS, MAX_XLSX_UNPACKED

pytestmark = pytest.mark.usefixtures("english")  # the summary read in English
HEAD = b"From: a@mail.example.cn\r\nTo: test@example.org\r\nSubject: =?utf-8?B?5oSP6KeB?=\r\nMIME-Version: 1.0\r\n"


def _mail(body: bytes, content_type: bytes = b"text/plain; charset=utf-8", message_id: bytes = b"<h@x>") -> bytes:
    return HEAD + b"Message-ID: " + message_id + b"\r\nContent-Type: " + content_type + b"\r\n\r\n" + body


def _big_mail(path: Path) -> str:
    path.write_bytes(_mail(b"A" * (MAX_MAIL_BYTES + 10)))
    return "collect-mail-too-large"


def _big_attachment_under_the_limit(path: Path) -> str:
    """Legitimate: an mbox whose one mail, a letter with a scan, is just
    under the size limit, is read and its attachment named."""
    lines = (MAX_MAIL_BYTES - 64 * 1024) // 77  # base64 writes 57 bytes as a line of 76 characters and a line end
    scan = base64.encodebytes((b"\x89PNG" + bytes(53)) * lines)
    body = (b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + "见附件。".encode() + b"\r\n--b\r\n"
            b"Content-Type: image/png\r\nContent-Disposition: attachment; filename=\"scan.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + scan + b"\r\n--b--\r\n")
    mail = _mail(body, b'multipart/mixed; boundary="b"')
    assert MAX_MAIL_BYTES - 128 * 1024 < len(mail) < MAX_MAIL_BYTES
    path.write_bytes(b"From x Thu Nov  5 09:30:00 2026\n" + mail.replace(b"\r\n", b"\n"))
    return ""


def _one_line_mbox(path: Path) -> str:
    with path.open("wb") as out:
        out.write(b"From x Thu Nov  5 09:30:00 2026\n" + HEAD + b"\n")
        chunk = b"B" * (1024 * 1024)
        for _ in range(MAX_MAIL_BYTES // len(chunk) + 4):  # one line, no newline, past the limit
            out.write(chunk)
    return "collect-mail-too-large"


def _many_parts(path: Path) -> str:
    body = b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" for _ in range(10_000)) + b"--b--\r\n"
    path.write_bytes(_mail(body, b'multipart/mixed; boundary="b"'))
    return "collect-mail-parts"


def _deep_parts(path: Path) -> str:
    depth = 1000
    opening = b"".join(f'--b{i}\r\nContent-Type: multipart/mixed; boundary="b{i + 1}"\r\n\r\n'.encode() for i in range(depth))
    closing = b"".join(f"--b{i}--\r\n".encode() for i in reversed(range(depth + 1)))
    path.write_bytes(_mail(opening + f"--b{depth}\r\nContent-Type: text/plain\r\n\r\nx\r\n".encode() + closing, b'multipart/mixed; boundary="b0"'))
    return "collect-mail-parts"


def _many_lines(path: Path) -> str:
    """Under the size limit, six million lines of one character (the parser
    would hold each as an object: 300 MB)."""
    path.write_bytes(_mail(b"x\n" * ((MAX_MAIL_BYTES - 4096) // 2)))
    return "collect-mail-lines"


def _lines_up_to_the_limit(path: Path) -> str:
    """Just under the line limit, every line looked at once (a quadratic walk would hang here)."""
    path.write_bytes(_mail(b"x\n" * (MAX_LINES - 100)))
    return ""


def _html_flood(path: Path) -> str:
    """8 MB of unclosed tags and entities (html.parser would take 9 s)."""
    path.write_bytes(_mail(b"<div><b>&amp;&#x4e00;" * (8 * 1024 * 1024 // 20), b"text/html; charset=utf-8"))
    return "collect-mail-html-too-large"


def _html_under_the_limit(path: Path) -> str:
    """Just under the HTML limit, all of it tags: read."""
    path.write_bytes(_mail(b"<div><b>&amp;&#x4e00;" * (MAX_HTML_CHARS // 21), b"text/html; charset=utf-8"))
    return ""


def _huge_cell(path: Path) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["条文", "意见"])
    writer.writerow(["第一条", "长" * (MAX_CELL_CHARS * 50)])
    writer.writerow(["第二条", "正常的意见"])
    path.write_text(out.getvalue(), encoding="utf-8")
    return "collect-bad-row"


def _unclosed_quote(path: Path) -> str:
    path.write_text("意见,条文\n\"从这里起引号没有关上," + "一行又一行\n" * 500_000, encoding="utf-8")
    return "collect-bad-row"


def _long_csv(path: Path) -> str:
    path.write_text("意见\n" + "一条意见\n" * (MAX_ROWS + 5_000), encoding="utf-8")
    return "collect-table-too-long"


def _xlsx_bomb(path: Path) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = b"\0" * (16 * 1024 * 1024)
            for _ in range(8 * 1024 * 1024 * 1024 // len(zeros) // 32):  # 256 MiB of zeros; a few hundred kB packed
                member.write(zeros)
        archive.writestr("filler", b"\0" * (MAX_XLSX_UNPACKED - 256 * 1024 * 1024 + 1))
    return "collect-xlsx-too-large"


def _tiny_strings_workbook(path: Path) -> str:
    """Just under the unpacked limit, all of it shared strings of one character each."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["意见"])
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    count = (MAX_XLSX_UNPACKED - 1024 * 1024) // len(b"<si><t>x</t></si>")
    members["xl/sharedStrings.xml"] = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                       + b"<si><t>x</t></si>" * count + b"</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return ""


def _far_cell_workbook(path: Path) -> str:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["意见"])
    sheet.append(["第一条意见"])
    sheet.cell(row=1_000_000, column=1, value="很远的一格")
    sheet.cell(row=3, column=16_000, value="很宽的一格")
    book.save(path)
    return "collect-table-too-long"


HOSTILE: dict[str, tuple[str, Callable[[Path], str]]] = {
    "mail over the size limit": ("big.eml", _big_mail),
    "a mail just under the size limit": ("scan.mbox", _big_attachment_under_the_limit),
    "an mbox of one endless line": ("office.mbox", _one_line_mbox),
    "ten thousand parts": ("parts.eml", _many_parts),
    "parts nested a thousand deep": ("deep.eml", _deep_parts),
    "six million short lines": ("lines.eml", _many_lines),
    "short lines up to the limit": ("some-lines.eml", _lines_up_to_the_limit),
    "8 MB of HTML tags": ("flood.eml", _html_flood),
    "HTML tags up to the limit": ("tags.eml", _html_under_the_limit),
    "a cell of a megabyte": ("cell.csv", _huge_cell),
    "a quote never closed": ("quote.csv", _unclosed_quote),
    "more rows than the limit": ("long.csv", _long_csv),
    "an xlsx zip bomb": ("bomb.xlsx", _xlsx_bomb),
    "an xlsx of tiny shared strings": ("strings.xlsx", _tiny_strings_workbook),
    "an xlsx with a far cell": ("far.xlsx", _far_cell_workbook),
}


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("collect-hostile"))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_collect_skips_each_hostile_source_within_the_bounds(config: Path, tmp_path: Path, name: str) -> None:
    file_name, make = HOSTILE[name]
    source = tmp_path / file_name
    code = make(source)
    run = run_bounded(config, "collect", str(source), "--concerns", OPEN, "-o", str(tmp_path / "out.csv"))
    _assert_within_bounds(run, name)
    if code:
        assert f"({code})" in run.stderr and str(source) in run.stderr, run.stderr[-2000:]
        assert f"1 {code}" in run.stdout or f" {code}" in run.stdout, run.stdout


def _assert_within_bounds(run: Run, name: str) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode == 0, (run.stdout[-2000:], run.stderr[-2000:])
    assert "comment(s) written" in run.stdout
    assert run.cpu <= MAX_SECONDS, f"{name}: {run.cpu:.2f} s of CPU"
    assert run.peak_mb <= MAX_MEGABYTES, f"{name}: {run.peak_mb} MB"


def test_what_is_legitimate_is_read(config: Path, tmp_path: Path) -> None:
    """The large-but-legitimate sources above give their rows, not only no crash."""
    for file_name, make in (("scan.mbox", _big_attachment_under_the_limit), ("cell.csv", _huge_cell)):
        make(tmp_path / file_name)
    out = tmp_path / "out.csv"
    run = run_bounded(config, "collect", str(tmp_path / "scan.mbox"), str(tmp_path / "cell.csv"), "--concerns", OPEN, "-o", str(out))
    assert run.returncode == 0, run.stderr[-2000:]
    text = out.read_text(encoding="utf-8-sig")
    assert "见附件。" in text and "scan.png" in text and "正常的意见" in text
