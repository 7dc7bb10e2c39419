"""Every message an editor reads has a Chinese and an English text with the
same placeholders (lawsite/messages), and `check` speaks Chinese by default.

The source is read with `ast`, so a new `msg("key", …)` without its entry, or
with other placeholders than its texts, fails here before anyone reads it.
"""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from lawsite.cli import main
from lawsite.messages import CATALOGUE, msg
from lawsite.model import Problem

SOURCE = Path(__file__).resolve().parents[2] / "generator" / "lawsite"
HAN = re.compile(r"[\u4e00-\u9fff]")
# Texts that read the same in both languages: a command, a list of choices, a
# file name and a reason that carries the words.
SAME_IN_BOTH = {"search-index.not-installed.hint", "field.one-of", "csv-unreadable", "missing-file", "error.intake-db"}


def _calls() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "messages" in path.relative_to(SOURCE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                found.append((f"{path.relative_to(SOURCE)}:{node.lineno}", node.lineno, node))
    return found


CALLS = _calls()
USED = {call.args[0].value for _, _, call in CALLS if call.args and isinstance(call.args[0], ast.Constant)}


def placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_scan_finds_the_messages():
    # Guards the test itself: a scan that found nothing would pass everything.
    assert len(CALLS) > 300 and len(CATALOGUE) > 300


@pytest.mark.parametrize("where,line,call", CALLS, ids=[w for w, _, _ in CALLS])
def test_every_message_used_has_both_texts_with_the_placeholders_passed(where, line, call):
    assert call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str), f"{where}: the key must be a literal string"
    assert len(call.args) == 1 and all(k.arg for k in call.keywords), f"{where}: values are passed by name, never **spread"
    key = call.args[0].value
    assert key in CATALOGUE, f"{where}: no entry {key!r} in lawsite/messages/"
    passed = {k.arg for k in call.keywords}
    entry = CATALOGUE[key]
    assert placeholders(entry.zh) == passed, f"{where}: {key} (zh) has {placeholders(entry.zh)}, the call passes {passed}"
    assert placeholders(entry.en) == passed, f"{where}: {key} (en) has {placeholders(entry.en)}, the call passes {passed}"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_is_chinese_and_used(key):
    entry = CATALOGUE[key]
    assert entry.zh.strip() and entry.en.strip()
    assert key in SAME_IN_BOTH or HAN.search(entry.zh), f"{key}: the Chinese text has no Chinese: {entry.zh!r}"
    assert key in USED, f"{key} is used nowhere: remove it"


def test_no_problem_is_made_from_literal_text():
    # The one way: Problem(…, msg(key, …), msg(key.hint), …); an English
    # f-string would reach Chinese readers untranslated.
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem":
                texts = node.args[3:5] + [k.value for k in node.keywords if k.arg in ("message", "hint")]
                assert not any(isinstance(t, (ast.Constant, ast.JoinedStr)) and not (isinstance(t, ast.Constant) and t.value is None) for t in texts), f"{path}:{node.lineno}"


def test_a_problem_refuses_plain_text():
    with pytest.raises(TypeError):
        Problem("a.md", 1, None, "file is not UTF-8", code="not-utf8")  # type: ignore[arg-type]


def test_a_text_is_rendered_in_either_language_and_nested():
    text = msg("unknown-kind.hint", kinds="page, draft", suggestion=msg("did-you-mean", choice="draft"))
    assert text.render("zh") == "kind 应为以下之一：page, draft；是不是要写 `draft`？"
    assert text.render("en") == "kind is one of page, draft; did you mean `draft`?"
    assert text.render("en-GB") == text.render("en") and text.render("zh-Hant") == text.render("zh")


BROKEN = {
    "mkdocs.yml": "site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n",
    "content/a.md": "---\nkind: darft\ntitle: 测试\n---\n",
    "content/b.md": "---\nkind: draft\ntitle: 测试条例（草案）\n---\n\n第一条 为了规范管理，制定本条例。\n\n第三条 本条例适用于本市。\n",
}


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    for name, text in BROKEN.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_check_speaks_chinese_by_default(broken_site, capsys, monkeypatch):
    monkeypatch.delenv("LAWSITE_LANG", raising=False)
    assert main(["-f", str(broken_site), "check"]) == 1
    out = capsys.readouterr().out
    assert "a.md:2 [kind] 错误: 未知的文件类型 'darft' (unknown-kind)" in out
    assert "    提示：kind 应为以下之一：page, draft, law, interpretation, notice, contact-point；是不是要写 `draft`？" in out
    assert "b.md:8 警告: 第三条排在第一条之后，缺少第二条 (article-gap)" in out
    assert out.rstrip().endswith("共检查 1 份文件：1 个错误，1 个警告")


def test_check_speaks_english_with_lang_en(broken_site, capsys, monkeypatch):
    monkeypatch.delenv("LAWSITE_LANG", raising=False)
    assert main(["-f", str(broken_site), "check", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "a.md:2 [kind] error: unknown kind 'darft' (unknown-kind)" in out
    assert "    hint: kind is one of page, draft, law, interpretation, notice, contact-point; did you mean `draft`?" in out
    assert "b.md:8 warning: 第三条 follows 第一条; 第二条 is missing (article-gap)" in out
    assert out.rstrip().endswith("1 document(s) checked: 1 error(s), 1 warning(s)")


def test_the_sites_language_and_the_environment_choose_too(broken_site, capsys, monkeypatch):
    monkeypatch.delenv("LAWSITE_LANG", raising=False)
    config = broken_site.read_text(encoding="utf-8").replace("  - lawsite\n", "  - lawsite:\n      language: en\n")
    broken_site.write_text(config, encoding="utf-8")
    main(["-f", str(broken_site), "check"])
    assert "did you mean `draft`" in capsys.readouterr().out
    main(["-f", str(broken_site), "check", "--lang", "zh"])  # --lang wins over the site
    assert "是不是要写 `draft`" in capsys.readouterr().out
    monkeypatch.setenv("LAWSITE_LANG", "zh")
    main(["-f", str(broken_site), "check"])
    assert "是不是要写 `draft`" in capsys.readouterr().out


def test_json_keeps_codes_and_speaks_the_language(broken_site, capsys):
    main(["-f", str(broken_site), "check", "--format", "json", "--lang", "zh"])
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["severity"]) for p in problems] == [("unknown-kind", "error"), ("article-gap", "warning")]
    assert problems[0]["message"] == "未知的文件类型 'darft'"


def _help(*args: str, lang: str | None = None) -> str:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(SOURCE.parent)} | ({"LAWSITE_LANG": lang} if lang else {})
    run = subprocess.run([sys.executable, "-m", "lawsite.cli", *args], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_help_is_chinese_by_default_and_english_on_request():
    top = _help("--help")
    assert "把法律草案、释义和意见采纳情况的说明发布为静态网站。" in top and "检查全部内容，报告每一个问题" in top and "显示此帮助信息并退出" in top
    check = _help("check", "--help")
    assert "把警告当作错误处理" in check and "选项" in check
    assert "treat warnings as errors" in _help("check", "--help", "--lang", "en")
    assert "treat warnings as errors" in _help("check", "--help", lang="en")
