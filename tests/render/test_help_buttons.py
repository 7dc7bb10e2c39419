"""Help pages name the real buttons (buttons.py): `[[button:key]]` reads as
the button's label from render/labels/, is left alone inside code, and a key
naming no button is a problem `check` reports at its line. The sample's help
text names no button in plain words (点“…”) that could drift from the site."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from lawsite.buttons import BUTTONS, fill_buttons, unknown_buttons
from lawsite.model import Source
from lawsite.parse.document import parse_document
from lawsite.render.i18n import LANGUAGES, translator

ZH = translator("zh")


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_button_a_help_page_may_name_has_a_label(language: str) -> None:
    assert [key for key in BUTTONS if key not in LANGUAGES[language]] == []


def test_placeholders_read_as_the_buttons() -> None:
    text = "点“[[button:comment_entry]]”，再点“[[button:comment_by_form]]”。"
    assert fill_buttons(text, ZH) == "点“提意见”，再点“在线提交”。"
    assert fill_buttons(text, translator("en")) == "点“Comment”，再点“Online form”。"


def test_code_is_left_as_written() -> None:
    text = "写成 `[[button:comment_entry]]` 就显示为“[[button:comment_entry]]”。\n\n```\n[[button:elder_mode]]\n```\n[[button:elder_mode]]"
    assert fill_buttons(text, ZH) == "写成 `[[button:comment_entry]]` 就显示为“提意见”。\n\n```\n[[button:elder_mode]]\n```\n长辈模式"
    assert unknown_buttons("`[[button:nothing]]`\n~~~\n[[button:nothing]]\n~~~\n") == []


def test_an_unknown_button_is_a_problem_at_its_line(english: None) -> None:
    text = "---\nkind: page\ntitle: 帮助\n---\n\n第一段。\n\n点“[[button:coment_entry]]”，或“[[button:填表单]]”。\n"
    document, problems = parse_document(Source("help.md", text))
    assert document is not None
    assert [(p.path, p.line, p.code) for p in problems] == [("help.md", 8, "unknown-button"), ("help.md", 8, "unknown-button")]
    assert "comment_entry" in problems[0].hint.render("en") and "did you mean" in problems[0].hint.render("en").lower()
    assert fill_buttons(document.body, ZH).count("[[button:") == 2  # left as written, for the editor to see


def test_the_sample_names_no_button_in_plain_words() -> None:
    """点“…” (点击页面顶部的“…”) and “…”按钮 in the sample's Markdown always name a button by
    its placeholder (the how-to page once said 填表单 for a button called 在线提交).
    Another product's English button name (GitLab's) is not one of ours, and
    another product's Chinese button (Decap's, in guide 12-admin) is written
    「…」, so that a “…” always means one of ours."""
    plain = []
    for path in sorted((REPO / "content").rglob("*.md")):
        text = re.sub(r"```.*?```|`[^`\n]+`", "", path.read_text(encoding="utf-8"), flags=re.S)
        quoted = re.finditer(r"(?:点击[^“”。，\n]{0,8}|点开|(?<![联站地观])点)“(?!\[\[button:)([^”]*)”|“(?!\[\[button:)([^”]*)”按钮", text)
        plain += [f"{path.name}: {m.group(0)}" for m in quoted if not re.search(r"[A-Za-z]", m.group(1) or m.group(2))]  # not another product's (GitLab's “site preview”)
        assert unknown_buttons(text) == [], path
    assert plain == []


def test_a_line_of_backticks_is_read_in_one_pass() -> None:
    # Code spans are paired by run length, not by a backtracking regex, which
    # would take hours on this line (no input may hang).
    line = "`a" * 200_000 + "``[[button:nothing]]"
    assert unknown_buttons(line) == [(0, "nothing")]
