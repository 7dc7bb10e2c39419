"""YAML bombs, deep nesting and recursion in parse and render (issue 16).

A few hundred bytes of aliases ("billion laughs") expanded to gigabytes; a
self-containing alias (`&a [*a]`) and nesting thousands deep ran every walk of
the data (line numbers, URL checks, JSON output) into RecursionError; libyaml's
C composer crashed the process outright (a segfault) on 100,000 `[`; 2 MB of
`[1,1,…]` took 17 s and 625 MB; a 5,000-digit number raised a bare ValueError.
The front matter loader now refuses all of these while composing, so nothing
downstream ever sees a deep, huge or cyclic value.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hostile.bounds import MAX_MEGABYTES, assert_refused_within_bounds, run_bounded, site_with
from lawsite.model import Problem, Source
from lawsite.parse.document import parse_document
from lawsite.parse.frontmatter import MAX_YAML_DEPTH, MAX_YAML_NODES, split_front_matter
from lawsite.numerals import to_chinese
from lawsite.parse.legal import ZH_HANS, parse_legal_text
from lawsite.parse.safety import source_problems
from lawsite.render.inline import InlineRenderer


def _laughs(levels: int) -> str:
    """The classic: each level ten aliases of the one before (10**levels strings)."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# name → (front matter, code, line, field) — the line as the editor sees it,
# the front matter starting on line 2 after the opening ---.
BOMBS = {
    "billion laughs": (_laughs(9), "yaml-alias", 3, "l1[0]"),
    "self-containing list": ("a: &a [*a]\n", "yaml-alias", 2, "a[0]"),
    "self-containing mapping": ("title: t\na: &a {b: *a}\n", "yaml-alias", 3, "a.b"),
    "merge key": ("base: &b {x: 1}\nother:\n  <<: *b\n", "yaml-alias", 4, "other.<<"),
    "flow sequences": ("title: " + "[" * 100_000 + "]" * 100_000 + "\n", "yaml-too-deep", 2, "title" + "[0]" * (MAX_YAML_DEPTH - 1)),
    "flow mappings": ("title: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n", "yaml-too-deep", 2, None),
    "block sequences": ("a:\n" + "".join("  " * i + "-\n" for i in range(1, 1_500)), "yaml-too-deep", 2 + MAX_YAML_DEPTH, None),
    "block mappings": ("".join("  " * i + "a:\n" for i in range(1_500)), "yaml-too-deep", 2 + MAX_YAML_DEPTH, "a" + ".a" * (MAX_YAML_DEPTH - 1)),
    "tagged sequences": ("title: " + "!!seq [" * 10_000 + "]" * 10_000 + "\n", "yaml-too-deep", 2, None),
    "a million entries": ("title: [" + ",".join(["1"] * 1_000_000) + "]\n", "yaml-too-large", 2, f"title[{MAX_YAML_NODES - 3}]"),
    "many keys": ("".join(f"k{i}: {i}\n" for i in range(MAX_YAML_NODES)), "yaml-too-large", 1 + MAX_YAML_NODES // 2, None),
    "5,000 digits": ("received: " + "7" * 5_000 + "\n", "yaml-number-too-long", 2, "received"),
    "base 60": ("received: 1" + ":1" * 20_000 + "\n", "yaml-number-too-long", 2, "received"),
    "base 60 float": ("title: t\nx:\n  - 1" + ":1" * 20_000 + ".5\n", "yaml-number-too-long", 4, "x[0]"),
}


def _file(front: str) -> str:
    return f"---\n{front}---\n\n第一条　内容。\n"


def _front_problems(front: str) -> list[Problem]:
    _, problems = parse_document(Source("laws/bomb.md", _file(front)))
    return problems


@pytest.mark.parametrize("name", BOMBS)
def test_each_bomb_is_one_problem_with_line_and_field(name: str) -> None:
    front, code, line, field = BOMBS[name]
    (problem,) = _front_problems(front)
    assert (problem.path, problem.code, problem.line) == ("laws/bomb.md", code, line)
    assert problem.is_error and problem.hint
    if field is not None:
        assert problem.field == field


@pytest.mark.parametrize("name", ["billion laughs", "self-containing list", "flow sequences", "block mappings"])
def test_the_safety_checks_walk_nothing_of_a_refused_front_matter(name: str) -> None:
    # source_problems reads the front matter a second time; it must not
    # expand or recurse either (before, its URL walk hit RecursionError).
    source = Source("laws/bomb.md", _file(BOMBS[name][0]))
    assert all(isinstance(p, Problem) for p in source_problems(source))


def test_anchors_without_aliases_are_harmless_and_kept() -> None:
    front, problems = split_front_matter(Source("p.md", "---\ntitle: &t 标题\nsummary: 摘要\n---\n\nbody\n"))
    assert problems == [] and front is not None and front.data["title"] == "标题"


def test_front_matter_at_the_depth_bound_still_loads() -> None:
    # MAX_YAML_DEPTH counts the top-level mapping: 1 + (MAX - 1) lists.
    depth = MAX_YAML_DEPTH - 1
    front, problems = split_front_matter(Source("p.md", "---\nx: " + "[" * depth + "]" * depth + "\n---\n"))
    assert problems == [] and front is not None
    assert split_front_matter(Source("p.md", "---\nx: " + "[" * (depth + 1) + "]" * (depth + 1) + "\n---\n"))[1][0].code == "yaml-too-deep"


# --- any nesting, any aliases -------------------------------------------------------------

_OPEN = {"flow-list": ("[", "]"), "flow-map": ("{k: ", "}")}


def _nested(block: list[str], flow: list[str]) -> str:
    """Block mappings/lists `block` levels deep, then flow collections, as YAML."""
    lines, indent = [], ""
    for level in block:
        lines.append(f"{indent}{'k:' if level == 'map' else '-'}")
        indent += "  "
    inner = "".join(_OPEN[f][0] for f in flow) + "1" + "".join(_OPEN[f][1] for f in reversed(flow))
    last = lines.pop() if lines else "k:"
    return "\n".join([*lines, f"{last} {inner}"]) + "\n"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["map", "list"]), min_size=1, max_size=60).filter(lambda b: b[0] == "map"),
    st.lists(st.sampled_from(list(_OPEN)), max_size=3_000),
)
def test_any_nesting_loads_or_is_refused_as_too_deep(block: list[str], flow: list[str]) -> None:
    front, problems = split_front_matter(Source("p.md", "---\n" + _nested(block, flow) + "---\n\nbody\n"))
    depth = len(block) + len(flow)
    if depth <= MAX_YAML_DEPTH:
        assert problems == [] and front is not None
    else:
        assert [p.code for p in problems] == ["yaml-too-deep"] and problems[0].line is not None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.booleans()), min_size=1, max_size=12))
def test_any_alias_anywhere_is_refused(links: list[tuple[int, int, bool]]) -> None:
    # Keys a0…a5 hold lists; each link puts an alias to one anchor in a list,
    # before or after the anchor (an undefined alias is a syntax error).
    anchored = {target for _, target, _ in links}
    lines = []
    for key in range(6):
        items = [f"*a{target}" for source, target, _ in links if source == key] or ["x"]
        anchor = f"&a{key} " if key in anchored else ""
        lines.append(f"a{key}: {anchor}[{', '.join(items)}]")
    _, problems = split_front_matter(Source("p.md", "---\n" + "\n".join(lines) + "\n---\n"))
    assert [p.code for p in problems] in (["yaml-alias"], ["yaml-syntax"])


# --- the bound, and the build ---------------------------------------------------


@pytest.mark.parametrize("name", ["billion laughs", "self-containing mapping", "flow sequences", "block mappings", "a million entries", "many keys", "base 60"])
def test_a_bomb_is_checked_within_bounds(tmp_path: Path, name: str) -> None:
    config = site_with(tmp_path, {"laws/bomb.md": _file(BOMBS[name][0])})
    assert_refused_within_bounds(run_bounded(config, "check"), "laws/bomb.md", BOMBS[name][1])


def test_the_build_refuses_a_bomb(tmp_path: Path) -> None:
    config = site_with(tmp_path, {"laws/bomb.md": _file(BOMBS["billion laughs"][0])})
    build = run_bounded(config, "build", "-d", str(tmp_path / "site"))
    assert build.returncode == 1 and "Traceback" not in build.stderr and build.peak_mb <= MAX_MEGABYTES
    assert "laws/bomb.md:3" in build.stderr and "yaml-alias" in build.stderr


# --- Markdown nested thousands deep --------------------------------------------------------

# `***…x…***`: one <strong>/<em> per pair of stars; Python-Markdown builds the
# tree, and the cross-reference pass once recursed through it to Python's limit.
DEEP_EMPHASIS = {
    "stars": "*" * 3_000 + "本法第一条" + "*" * 3_000,
    "strong and em": "".join("**a " if i % 2 else "_a " for i in range(2_000)) + "本法第一条" + "".join(" b**" if i % 2 else " b_" for i in reversed(range(2_000))),
    "numbered strong": "".join(f"**{i} " for i in range(2_000)) + "本法第一条" + " x**" * 2_000,
}


@pytest.mark.parametrize("name", DEEP_EMPHASIS)
def test_deep_emphasis_in_an_article_renders_with_its_references_linked(name: str) -> None:
    inline = InlineRenderer(lambda ref: "#a1", ZH_HANS)
    html = inline(DEEP_EMPHASIS[name])
    assert html.count('<a class="ls-ref" href="#a1"') == 1 and "第一条</a>" in html


def test_deep_emphasis_in_a_law_is_refused_like_on_any_page(tmp_path: Path) -> None:
    # the renderer above survives it; check refuses it in every kind of page, as deep lists
    config = site_with(tmp_path, {"laws/deep.md": "---\nkind: law\ntitle: t\n---\n\n第一条　" + DEEP_EMPHASIS["stars"] + "\n"})
    assert_refused_within_bounds(run_bounded(config, "build", "-d", str(tmp_path / "site")), "laws/deep.md:5", "too-deep")


@pytest.mark.parametrize("name", DEEP_EMPHASIS)
def test_deep_emphasis_on_a_plain_page_is_refused_by_check(name: str) -> None:
    # MkDocs renders a plain page, and its toc extension walks the elements by recursion
    problems = source_problems(Source("page.md", "# 页面\n\n" + DEEP_EMPHASIS[name] + "\n"))
    assert [(p.code, p.line) for p in problems] == [("too-deep", 3)]


@pytest.mark.parametrize("delimiter", ["~~", "==", "^^", "_", "*"])
def test_deep_emphasis_of_every_delimiter_is_refused_and_shallow_is_not(delimiter: str) -> None:
    deep = (delimiter + "a ") * 51 + "x" + (" b" + delimiter) * 51
    assert [p.code for p in source_problems(Source("page.md", deep))] == ["too-deep"]
    shallow = (delimiter + "a ") * 50 + "x" + (" b" + delimiter) * 50
    assert source_problems(Source("page.md", shallow)) == []


@pytest.mark.parametrize(
    "text",
    [
        "| *必填 | x |\n" * 200,  # openers never closed do not nest
        "snake_case_name " * 200,  # _ inside a word is no emphasis
        "2*3*4 = 24 " * 100,
        "*强调* **加重** " * 200,
        "* 列表项\n" * 200,
        "\\*" * 200 + "x" + "\\*" * 200,
        "***\n\n" * 100,
    ],
)
def test_emphasis_side_by_side_or_unclosed_is_not_deep(text: str) -> None:
    assert source_problems(Source("page.md", text)) == []


def test_deep_emphasis_on_a_plain_page_is_refused_by_the_build(tmp_path: Path) -> None:
    config = site_with(tmp_path, {"page.md": "# 页面\n\n" + DEEP_EMPHASIS["stars"] + "\n"})
    assert_refused_within_bounds(run_bounded(config, "check"), "page.md:3", "too-deep")
    build = run_bounded(config, "build", "-d", str(tmp_path / "site"))
    assert_refused_within_bounds(build, "page.md", "too-deep")
    assert "RecursionError" not in build.stderr


@pytest.mark.parametrize("count", ["7" * 5_000, "7" * 19, "²", "٣", "+3", "3_000"])
def test_a_quoted_count_that_int_would_refuse_or_misread_is_a_problem(count: str) -> None:
    # int() refuses more than 4,300 digits and superscripts; it reads ٣, +3 and 3_000
    text = '---\nkind: notice\ntitle: t\nconcerns: x\nreceived: "' + count + '"\n---\n\nbody\n'
    _, problems = parse_document(Source("notices/n.md", text))
    (problem,) = [p for p in problems if p.field == "received"]
    assert (problem.code, problem.line, problem.is_error) == ("bad-number", 5, True)
    assert len(problem.message.render("en")) < 300 and "at most 18 digits" in (problem.hint.render("en") if problem.hint else "")


# --- recursion in the legal parser ---------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list("。；：！？”，") + [""]), st.sampled_from([" ", "\u3000", "\u200b", "\t", ""])), min_size=1, max_size=8))
@example([("！", " ")])  # 第一条　内容！ 第二条　内容: once a RecursionError
@example([("”", " ")])
def test_articles_run_together_after_any_sentence_end_are_split_without_recursing(breaks: list[tuple[str, str]]) -> None:
    body = "第一条　内容" + "".join(f"{end}{space}第{to_chinese(n)}条　内容" for n, (end, space) in enumerate(breaks, start=2)) + "\n"
    legal, problems = parse_legal_text(body, path="laws/x.md", first_line=5)
    ids = legal.ids()
    assert len(ids) == len(set(ids)) and "art_1" in ids
    assert all(p.line == 5 for p in problems)


# --- explicit tags -------------------------------------------------------------------------

_TAGS = ["!!timestamp", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!str", "!!seq", "!!map", "!!set", "!!omap", "!!pairs", "!!merge", "!<tag:yaml.org,2002:timestamp>", "!local"]


@pytest.mark.parametrize("value", ["!!timestamp 2025-02-30", "!!timestamp 0000-01-01", "!!timestamp x", "!!timestamp 2025-01-01T00:00:00+99:00", "!!int x", "!!float x", "!!bool maybe"])
def test_a_tagged_value_python_cannot_build_is_a_problem_with_its_line(value: str) -> None:
    # Each once raised a bare ValueError, AttributeError or KeyError out of `check`.
    (problem,) = [p for p in _front_problems(f"kind: law\ntitle: t\nevents:\n  - date: {value}\n") if p.is_error]
    assert (problem.code, problem.line, problem.field) == ("yaml-bad-value", 5, "events[0].date")
    assert "!!" in problem.message.render("en") and problem.hint


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TAGS), st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), max_size=12))
def test_any_tag_on_any_value_is_loaded_or_a_problem(tag: str, value: str) -> None:
    for written in (value, f'"{value}"'):
        front, problems = split_front_matter(Source("p.md", f"---\ntitle: {tag} {written}\n---\n"))
        assert (front is None) == bool(problems)
        assert all(p.line is not None and 2 <= p.line <= 4 and p.code.startswith("yaml-") for p in problems)
