"""One test per problem `lawsite check` must catch, run through the real CLI.

Each case writes a tiny site (mkdocs.yml + content/) and asserts the problem's
code, file, line and field in `check --format json`, and the exit code. The
texts asserted on are the English ones (`--lang en`); Chinese, the default,
is checked in tests/check/test_messages.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawsite.cli import main

DRAFT_BODY = "\n## 第一章 总则\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n"


def draft(front: str, body: str = DRAFT_BODY) -> str:
    return f"---\nkind: draft\ntitle: 测试条例（草案）\n{front}---\n{body}"


def run_check(tmp_path: Path, files: dict[str, str | bytes], *extra: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    code = main(["-f", str(tmp_path / "mkdocs.yml"), "check", "--lang", "en", "--format", "json", *extra])
    report = json.loads(capsys.readouterr().out)
    return code, report["problems"]


def only(problems: list[dict], code: str) -> dict:
    found = [p for p in problems if p["code"] == code]
    assert len(found) == 1, problems
    return found[0]


def test_clean_site_exits_zero(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": draft("")}, capsys=capsys)
    assert (code, problems) == (0, [])


def test_yaml_syntax_error_has_line(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": "---\nkind: draft\ntitle: [unclosed\nstage: 一审稿\n---\n"}, capsys=capsys)
    problem = only(problems, "yaml-syntax")
    assert code == 1 and problem["path"] == "a.md" and problem["line"] in (3, 4)
    assert "YAML" in problem["message"] and problem["hint"]


def test_file_not_utf8(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"gbk.md": "---\ntitle: 条例\n---\n第一条 内容\n".encode("gbk")}, capsys=capsys)
    problem = only(problems, "not-utf8")
    assert code == 1 and problem["path"] == "gbk.md" and problem["line"] == 2
    assert "UTF-8" in problem["hint"]


def test_unknown_kind_with_did_you_mean(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": "---\nkind: darft\n---\n"}, capsys=capsys)
    problem = only(problems, "unknown-kind")
    assert code == 1 and problem["line"] == 2 and problem["field"] == "kind"
    assert "did you mean `draft`" in problem["hint"]


def test_missing_kind_is_inferred_from_keys(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": "---\ntitle: x\ninterprets: other\n---\n"}, capsys=capsys)
    problem = only(problems, "missing-kind")
    assert code == 1 and problem["line"] == 3
    assert "kind: interpretation" in problem["hint"]


def test_duplicate_ids(tmp_path, capsys):
    files = {"a.md": draft("id: same\n"), "b.md": draft("id: same\n")}
    code, problems = run_check(tmp_path, files, capsys=capsys)
    problem = only(problems, "duplicate-id")
    assert code == 1 and problem["path"] == "b.md" and problem["line"] == 4 and "a.md" in problem["message"]


def test_unknown_key_with_did_you_mean(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": draft("stgae: 一审稿\n")}, capsys=capsys)
    problem = only(problems, "unknown-key")
    assert code == 1 and problem["line"] == 4 and problem["field"] == "stgae"
    assert "did you mean `stage`" in problem["hint"]


def test_unknown_nested_key(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": draft("comments:\n  closes: 2025-07-01\n  emial: a@b.cn\n")}, capsys=capsys)
    problem = only(problems, "unknown-key")
    assert problem["field"] == "comments.emial" and problem["line"] == 6 and "`email`" in problem["hint"]


@pytest.mark.parametrize("value", ["2025-13-01", "2025/06/01", "明天"])
def test_bad_date(tmp_path, capsys, value):
    code, problems = run_check(tmp_path, {"a.md": draft(f"published: {value}\n")}, capsys=capsys)
    problem = only(problems, "bad-date")
    assert code == 1 and problem["field"] == "published" and problem["line"] == 4 and "YYYY-MM-DD" in problem["hint"]


def test_closes_before_opens(tmp_path, capsys):
    front = "comments:\n  opens: 2025-07-01\n  closes: 2025-06-01\n  email: a@example.cn\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    problem = only(problems, "closes-before-opens")
    assert code == 1 and problem["field"] == "comments.closes" and problem["line"] == 6


@pytest.mark.parametrize("address", ["fzw@", "fzw.example.gov.cn", "a b@example.cn", "x@y"])
def test_malformed_email(tmp_path, capsys, address):
    front = f"comments:\n  closes: 2025-06-01\n  email: \"{address}\"\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    problem = only(problems, "bad-email")
    assert code == 1 and problem["field"] == "comments.email" and problem["line"] == 6


def test_form_with_unknown_placeholder(tmp_path, capsys):
    front = "comments:\n  closes: 2025-06-01\n  form: https://x.cn/?d={doc}&a={artcle}\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    problem = only(problems, "unknown-placeholder")
    assert problem["field"] == "comments.form" and "{artcle}" in problem["message"] and "`article`" in problem["hint"]


@pytest.mark.parametrize("url", ["javascript:alert(1)//{doc}", "ftp://x.cn/{doc}", "data:text/html,{doc}", "//x.cn/{doc}"])
def test_form_with_non_http_scheme(tmp_path, capsys, url):
    front = f"comments:\n  closes: 2025-06-01\n  form: \"{url}\"\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    problem = only(problems, "bad-url")
    assert code == 1 and problem["field"] == "comments.form" and problem["line"] == 6


def test_draft_without_articles(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": draft("", body="\n这里还没有条文。\n")}, capsys=capsys)
    problem = only(problems, "no-articles")
    assert code == 1 and problem["path"] == "a.md" and "第一条" in problem["hint"]


@pytest.mark.parametrize(
    ("body", "code_name", "line"),
    [
        ("\n第一条 甲。\n\n第三条 乙。\n", "article-gap", 8),
        ("\n第一条 甲。\n\n第一条 乙。\n", "article-duplicate", 8),
        ("\n第二条 甲。\n\n第一条 乙。\n", "article-order", 8),
        ("\n第一条 甲。\n\n第二 条 乙。\n", "label-stray-space", 8),
        ("\n第一条 甲。\n\n笫二条 乙。\n", "label-typo", 8),
    ],
)
def test_numbering_irregularities_are_warnings(tmp_path, capsys, body, code_name, line):
    code, problems = run_check(tmp_path, {"a.md": draft("", body=body)}, capsys=capsys)
    problem = only(problems, code_name)
    assert problem["severity"] == "warning" and problem["line"] == line
    assert code == 0  # warnings alone pass …
    capsys.readouterr()
    strict, _ = run_check(tmp_path, {}, "--strict", capsys=capsys)
    assert strict == 1  # … unless --strict


def test_every_problem_is_reported_not_just_the_first(tmp_path, capsys):
    files = {
        "a.md": draft("stgae: x\npublished: 2025-02-30\n"),
        "b.md": "---\nkind: nope\n---\n",
        "c.md": draft("comments:\n  closes: 2025-06-01\n  email: bad\n"),
    }
    code, problems = run_check(tmp_path, files, capsys=capsys)
    assert {p["code"] for p in problems} >= {"unknown-key", "bad-date", "unknown-kind", "bad-email"}
    assert code == 1


def test_usage_error_exits_two(capsys):
    assert main(["check", "--format", "xml"]) == 2
    assert main(["-f", "/nonexistent/mkdocs.yml", "check"]) == 2


def test_text_format_names_file_line_field_and_hint(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(draft("stgae: x\n"), encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "check", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "a.md:4 [stgae] error: unknown key `stgae`" in out and "hint:" in out and "did you mean `stage`" in out


@pytest.mark.parametrize("url", ["ftp://yj.x.cn/intake", "https://yj.x.cn/intake?doc={doc}", "https://yj.x.cn/intake#f", "/intake", "javascript:alert(1)"])
def test_intake_that_is_no_service_address(tmp_path, capsys, url):
    front = f"comments:\n  closes: 2025-06-01\n  intake: \"{url}\"\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    problem = only(problems, "bad-intake-url")
    assert code == 1 and problem["field"] == "comments.intake" and problem["line"] == 6 and "https://" in problem["hint"]


def test_intake_alone_is_a_comment_channel(tmp_path, capsys):
    front = "comments:\n  closes: 2025-06-01\n  intake: https://yj.x.cn/intake\n"
    code, problems = run_check(tmp_path, {"a.md": draft(front)}, capsys=capsys)
    assert code == 0 and not [p for p in problems if p["code"] == "no-comment-channel"], problems


def test_a_draft_without_any_way_to_comment_is_an_error_on_its_comments_line(tmp_path, capsys):
    code, problems = run_check(tmp_path, {"a.md": draft("comments:\n  closes: 2025-06-01\n  phone: 0971-0000000\n")}, capsys=capsys)
    problem = only(problems, "no-comment-channel")
    assert code == 1 and (problem["path"], problem["line"], problem["field"]) == ("a.md", 4, "comments") and "under the lawsite plugin" in problem["hint"]


def test_the_site_wide_intake_alone_makes_a_draft_commentable(tmp_path, capsys):
    """`intake:` in the plugin config is every draft's channel: a draft's
    `comments:` needs neither `email` nor `form` then (issue 10), and its
    articles post to that service."""
    import datetime as dt

    from conftest import SAMPLE_NOW, build_site

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(draft("comments:\n  opens: 2026-01-01\n  closes: 2099-06-01\n"), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite:\n      intake: https://yj.x.cn/intake\n", encoding="utf-8")
    assert main(["-f", str(config), "check", "--format", "json"]) == 0
    assert [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "no-comment-channel"] == []
    build_site(config, tmp_path / "site", int(dt.datetime.fromisoformat(SAMPLE_NOW).timestamp()))
    page = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'action="https://yj.x.cn/intake/comments"' in page


def test_a_site_wide_intake_that_is_no_address_stops_the_check(tmp_path, capsys, english):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite:\n      intake: yj.x.cn/intake\n", encoding="utf-8")
    code = main(["-f", str(tmp_path / "mkdocs.yml"), "check"])
    assert code == 2 and "intake must be the http(s) address" in capsys.readouterr().err
