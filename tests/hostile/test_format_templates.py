"""Python's format language in `comments.subject` and `comments.form` (issue 16).

The templates once went through `str.format`: `{title:>99999999}` allocated
hundreds of megabytes per article link, `{title.__class__}` reached into the
value's object, `{title!z}` and a lone brace raised in the middle of a build.
Now `check` names each fault (file, line, field, the placeholders that exist)
and the renderer fills plain `{name}` placeholders itself, leaving anything
else as written, so nothing is evaluated even when `check` was skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hostile.bounds import MAX_MEGABYTES, assert_refused_within_bounds, run_bounded, site_with
from lawsite.model import Comments, Problem, Source
from lawsite.parse.document import parse_document
from lawsite.parse.schema import TEMPLATE_FIELDS, fill_template
from lawsite.render.comments import form_href, mailto_href

SUBJECT_LINE = 7  # the line of `subject:` in _draft's front matter
VALUES = {"doc": "d-1", "article": "a3", "label": "第三条", "title": "条例{x}", "url": "https://s.example/d/#a3"}

# The reproducers: each fault and the stable code `check` gives it.
FAULTS = [
    ("{title:>99999999}", "template-format-spec"),
    ("{title!r:>999999999}", "template-format-spec"),
    ("{title!z}", "template-conversion"),
    ("{title.__class__}", "template-attribute"),
    ("{doc[0]}", "template-attribute"),
    ("{title.__class__.__mro__[1].__subclasses__}", "template-attribute"),
    ("{nope}", "unknown-placeholder"),
    ("{0}", "unknown-placeholder"),
    ("{}", "template-empty"),
    ("{title", "bad-template"),
    ("title}", "bad-template"),
    ("{title:{url}}", "bad-template"),  # a nested field in a spec
    ("{{title}", "bad-template"),
]


def _draft(subject: str, form: str | None = None) -> str:
    lines = ["---", "kind: draft", "title: 条例", "comments:", "  closes: 2099-01-01", "  email: a@example.org", f"  subject: {json.dumps(subject, ensure_ascii=False)}"]
    if form is not None:
        lines.append(f"  form: {json.dumps(form, ensure_ascii=False)}")
    return "\n".join(lines) + "\n---\n\n第一条　内容。\n"


def _template_problems(subject: str, form: str | None = None) -> list[Problem]:
    _, problems = parse_document(Source("drafts/d.md", _draft(subject, form)))
    return [p for p in problems if p.field in ("comments.subject", "comments.form")]


def _comments(subject: str, form: str | None = None) -> Comments:
    return Comments(opens=None, closes=None, email="a@example.org", subject=subject, form=form)


# --- check ---------------------------------------------------------------------------


@pytest.mark.parametrize("template, code", FAULTS)
def test_check_names_each_fault_with_line_field_and_the_placeholders(template: str, code: str) -> None:
    problems = _template_problems(template, "https://f.example/?q=" + template)
    assert {(p.field, p.code) for p in problems} == {("comments.subject", code), ("comments.form", code)}
    subject = next(p for p in problems if p.field == "comments.subject")
    assert subject.is_error and subject.path == "drafts/d.md" and subject.line == SUBJECT_LINE
    assert all("{" + name + "}" in (subject.hint.render("en") if subject.hint else "") for name in TEMPLATE_FIELDS)


def test_a_template_with_several_faults_gets_a_problem_for_each_kind() -> None:
    codes = sorted(p.code for p in _template_problems("{title:>9}{nope}{doc.x}{url!s}{"))
    assert codes == ["bad-template", "template-attribute", "template-conversion", "template-format-spec", "unknown-placeholder"]


def test_thousands_of_faults_make_one_short_message() -> None:
    (problem,) = _template_problems("{title:>9}" * 5000)
    assert "and 4997 more" in problem.message.render("en") and len(problem.message.render("en")) < 300


# --- the renderer --------------------------------------------------------------------


@pytest.mark.parametrize("template, code", FAULTS)
def test_the_renderer_leaves_every_fault_as_written(template: str, code: str) -> None:
    # As if `check` had been skipped: nothing is evaluated, nothing raises
    # (only the plain `{url}` nested in a spec is filled: its braces are plain).
    expected = template.replace("{{", "{").replace("{url}", VALUES["url"])
    assert fill_template(template, VALUES) == expected
    href = mailto_href(_comments(template), VALUES, "")
    assert href is not None and len(href) < 200


def test_a_value_is_never_read_as_a_template() -> None:
    # The title holds braces of its own; filling is one pass over the template.
    assert fill_template("{title}{{{label}}}", VALUES) == "条例{x}{第三条}"


def test_the_form_is_filled_with_encoded_values_and_faults_left_alone() -> None:
    href = form_href(_comments("{title}", "https://f.example/?d={doc}&t={title}&x={title:>99999999}"), VALUES)
    assert href == "https://f.example/?d=d-1&t=%E6%9D%A1%E4%BE%8B%7Bx%7D&x={title:>99999999}"


# Literal text (braces escaped as {{ and }}) and known placeholders: the
# templates `check` accepts, which the sample site uses.
_VALID_PIECES = st.one_of(
    st.sampled_from(["{" + name + "}" for name in TEMPLATE_FIELDS] + ["{{", "}}", "：", "?d=", "&", " "]),
    st.text(st.characters(blacklist_characters="{}", blacklist_categories=("Cs", "Cc")), max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALID_PIECES, max_size=12).map("".join), st.fixed_dictionaries({name: st.text(max_size=6) for name in TEMPLATE_FIELDS}))
@example("征求意见：{title}{label}", VALUES)  # the default subject
@example("https://forms.example.org/yj?doc={doc}&article={article}", VALUES)
def test_valid_templates_come_out_exactly_as_str_format_made_them(template: str, values: dict[str, str]) -> None:
    assert fill_template(template, values) == template.format(**values)


# Any text in braces, format syntax included.
_HOSTILE_PIECES = st.one_of(
    st.sampled_from(["{", "}", "{{", "}}", ":", ">", "99999999", "!", "r", "z", ".", "[", "]", "0", "__class__", "{title}", "{doc}"] + list(TEMPLATE_FIELDS)),
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=3),  # what YAML can hold
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_HOSTILE_PIECES, max_size=16).map("".join))
@example("{title:>99999999}")
@example("{title!z}")
@example("{nope}")
@example("{doc[0]}{title.__class__}")
def test_any_template_is_refused_by_check_or_filled_like_str_format(template: str) -> None:
    filled = fill_template(template, VALUES)  # never raises, never evaluates
    assert len(filled) <= len(template) * (1 + max(map(len, VALUES.values())))
    if "\n" in template or "\r" in template or not template.strip():
        return  # one-line subjects only; an empty one falls back to the default
    problems = [p for p in _template_problems(template) if p.is_error]
    if problems:
        assert all(p.line == SUBJECT_LINE and p.field == "comments.subject" and "{title}" in (p.hint.render("en") if p.hint else "") for p in problems)
    else:
        written = template.strip()  # as the schema's text check keeps it
        assert fill_template(written, VALUES) == written.format(**VALUES)


# --- the bound, and the build ---------------------------------------------------


@pytest.mark.parametrize("template", ["{title:>99999999}", "{title:>999999999999}", "{title!z}", "{title.__class__}", "{nope}"])
def test_a_hostile_template_is_checked_within_bounds(tmp_path: Path, template: str) -> None:
    config = site_with(tmp_path, {"drafts/d.md": _draft(template, "https://f.example/?t=" + template)})
    assert_refused_within_bounds(run_bounded(config, "check"), "drafts/d.md:7", "comments.subject")


def test_the_build_refuses_a_hostile_template(tmp_path: Path) -> None:
    config = site_with(tmp_path, {"drafts/d.md": _draft("{title:>99999999}", "https://f.example/?t={title:>99999999}")})
    build = run_bounded(config, "build", "-d", str(tmp_path / "site"))
    assert build.returncode == 1 and "Traceback" not in build.stderr and build.peak_mb <= MAX_MEGABYTES
    assert "drafts/d.md:7" in build.stderr and "template-format-spec" in build.stderr
    assert not (tmp_path / "site").exists()
