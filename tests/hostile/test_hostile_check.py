"""Hostile inputs `check` must refuse with file, line and a clear message —
and that neither `check` nor a build survives only by luck (no crash, no hang)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from hostile.corpus import MARKER, UNSAFE_URL_VECTORS
from hostile.htmlscan import scan_html
from lawsite.cli import main as lawsite_main
from lawsite.model import Problem
from lawsite.parse.safety import MAX_NESTING, is_unsafe_url
from lawsite.finish.harden import sanitize_page
from lawsite.settings import Settings
from lawsite.gather.site import MAX_FILE_BYTES, load_site

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

PAGE_HEAD = "---\ntitle: 页面\n---\n\n"  # the body starts on line 5


def _problems(tmp_path: Path, files: dict[str, bytes | str]) -> list[Problem]:
    content = tmp_path / "content"
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_site(content, Settings()).problems


def _only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    assert found[0].is_error
    return found[0]


# --- URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize("vector", UNSAFE_URL_VECTORS)
def test_unsafe_url_in_markdown_is_refused_with_its_line(tmp_path: Path, vector: str) -> None:
    problem = _only(_problems(tmp_path, {"p.md": PAGE_HEAD + "第一段。\n\n" + vector + "\n"}), "unsafe-url")
    assert (problem.path, problem.line) == ("p.md", 7)


@pytest.mark.parametrize("vector", UNSAFE_URL_VECTORS)
def test_the_sanitiser_alone_also_defuses_each_unsafe_url(vector: str) -> None:
    html = sanitize_page(markdown.markdown(vector))
    assert scan_html(html, marker=MARKER).findings == []


def test_unsafe_url_in_front_matter_names_the_field_and_line(tmp_path: Path) -> None:
    text = "---\nkind: page\ntitle: t\nsummary: \" JavaScript:alert(1)\"\nhero_image: data:text/html,x\n---\n\nbody\n"
    problems = [p for p in _problems(tmp_path, {"p.md": text}) if p.code == "unsafe-url"]
    assert [(p.line, p.field) for p in problems] == [(4, "summary"), (5, "hero_image")]


def test_comment_form_must_be_http(tmp_path: Path) -> None:
    text = "---\nkind: draft\ntitle: t\ncomments:\n  closes: 2030-01-01\n  form: \"javascript:alert('{doc}')\"\n---\n\n第一条　内容。\n"
    problems = _problems(tmp_path, {"d.md": text})
    assert {(p.line, p.field) for p in problems if p.is_error} >= {(6, "comments.form")}


def test_ordinary_text_is_not_mistaken_for_a_url(tmp_path: Path) -> None:
    body = "第一条　数据（data: 统计）见附表。[说明](https://example.org/a?x=javascript) <https://example.org>\n"
    assert [p for p in _problems(tmp_path, {"p.md": PAGE_HEAD + body}) if p.is_error] == []
    assert not is_unsafe_url("https://example.org/javascript:")


def test_cli_check_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "p.md").write_text(PAGE_HEAD + "[x](javascript:alert(1))\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    assert lawsite_main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert "p.md:5 error: unsafe link target" in out


# --- size, nesting, characters, encodings ---------------------------------------------


def test_oversized_file_is_a_clear_error(tmp_path: Path) -> None:
    big = PAGE_HEAD + ("第一条　" + "很长的内容。" * 100 + "\n\n") * 3000
    assert len(big.encode()) > 5 * 1024 * 1024
    problem = _only(_problems(tmp_path, {"big.md": big}), "file-too-large")
    assert "MB" in problem.message.render("en")


@pytest.mark.parametrize(
    "body, what",
    [
        ("".join("    " * i + "- 项\n" for i in range(1_500)), "lists"),  # 4.5 MB: deeper would be too large
        ("".join(">" * i + " 引\n" for i in range(1, 2_000)), "block quotes"),
        ("[" * 10_000 + "x" + "]" * 10_000 + "\n", "brackets"),
        ("<div>" * 10_000 + "x" + "</div>" * 10_000 + "\n", "raw HTML"),
        ("![x](" * 3_000 + "\n", "links"),
    ],
)
def test_deep_nesting_is_refused_not_crashed_on(tmp_path: Path, body: str, what: str) -> None:
    problems = [p for p in _problems(tmp_path, {"deep.md": PAGE_HEAD + body}) if p.code == "too-deep"]
    assert problems and problems[0].line is not None and problems[0].path == "deep.md"
    assert str(MAX_NESTING) in problems[0].message.render("en") or "at most" in problems[0].message.render("en")


def test_ten_thousand_nested_list_levels_cannot_fit_in_a_readable_file() -> None:
    # 4 spaces per level: 10,000 levels need 200 MB, refused as too large
    # (see test_oversized_file_is_a_clear_error) before any parsing.
    assert sum(4 * i + len("- 项\n".encode()) for i in range(10_000)) > MAX_FILE_BYTES


def test_python_markdown_really_breaks_on_the_nested_list_we_refuse() -> None:
    # Why the guard exists: Python-Markdown recurses at least once per list
    # level (and slows down quadratically: 1,000 levels take minutes before
    # the RecursionError). Shown at a small depth under a lowered limit.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(250)
    try:
        with pytest.raises(RecursionError):
            markdown.markdown("".join("    " * i + "- x\n" for i in range(250)))
    finally:
        sys.setrecursionlimit(limit)


def test_deeply_nested_draft_fails_the_build_cleanly(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    nested = "".join("    " * i + "- 项\n" for i in range(1_200))
    (content / "d.md").write_text("---\nkind: law\ntitle: t\n---\n\n第一条　内容。\n\n" + nested, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lawsite.cli", "-f", str(tmp_path / "mkdocs.yml"), "build", "-d", str(tmp_path / "site")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "RecursionError" not in run.stderr and "Traceback" not in run.stderr
    assert "d.md" in run.stderr and "nested" in run.stderr


@pytest.mark.parametrize("char, where", [("\x00", "body"), ("\x1b", "body"), ("\u202e", "body"), ("\u202e", "title"), ("\x85", "body")])
def test_control_characters_are_named_with_line_and_code_point(tmp_path: Path, char: str, where: str) -> None:
    text = f"---\ntitle: 标题{char if where == 'title' else ''}\n---\n\n第一段。\n\n第二{char if where == 'body' else ''}段。\n"
    problems = [p for p in _problems(tmp_path, {"c.md": text}) if p.code == "control-character"]
    assert len(problems) == 1
    assert problems[0].line == (2 if where == "title" else 7)
    assert f"U+{ord(char):04X}" in problems[0].message.render("en")


@pytest.mark.parametrize("encoding", ["gbk", "latin-1", "utf-16"])
def test_other_encodings_are_not_utf8_with_a_line(tmp_path: Path, encoding: str) -> None:
    text = PAGE_HEAD + "第一段 café。\n" if encoding != "latin-1" else "---\ntitle: t\n---\n\ncafé résumé\n"
    problem = _only(_problems(tmp_path, {"enc.md": text.encode(encoding)}), "not-utf8")
    assert problem.line is not None and "UTF-8" in problem.message.render("en")


def test_mixed_encodings_in_one_file_point_at_the_bad_line(tmp_path: Path) -> None:
    data = (PAGE_HEAD + "第一段。\n\n").encode("utf-8") + "第二段。\n".encode("gbk")
    assert _only(_problems(tmp_path, {"mixed.md": data}), "not-utf8").line == 7


# --- files: links out of content/, code -------------------------------------------------


def test_links_out_of_the_content_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.md").write_text("# secret\n", encoding="utf-8")
    (outside / "folder" / "x.md").write_text("# x\n", encoding="utf-8")
    (outside / "passwd.txt").write_text("root:x:0:0\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "ok.md").write_text("# ok\n", encoding="utf-8")
    os.symlink(outside / "secret.md", content / "secret.md")
    os.symlink(outside / "folder", content / "folder")
    os.symlink(outside / "passwd.txt", content / "passwd.txt")
    os.symlink(content / "ok.md", content / "alias.md")  # inside: fine
    problems = [p for p in load_site(content, Settings()).problems if p.code == "link-outside"]
    assert sorted(p.path for p in problems) == ["folder", "passwd.txt", "secret.md"]
    assert all(p.is_error for p in problems)


@pytest.mark.parametrize(
    "name, data, refused",
    [
        ("evil.html", "<script>alert(1)</script>", True),
        ("evil.js", "alert(1)", True),
        ("img/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', True),
        ("img/clean.svg", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>', False),
        ("notes.csv", "a,b\n1,2\n", False),
    ],
)
def test_files_that_would_run_as_code_are_refused(tmp_path: Path, name: str, data: str, refused: bool) -> None:
    problems = [p for p in _problems(tmp_path, {"ok.md": "# ok\n", name: data}) if p.code == "code-file"]
    assert [p.path for p in problems] == ([name] if refused else [])
