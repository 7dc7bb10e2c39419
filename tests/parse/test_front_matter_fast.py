"""Small front matter composed by libyaml itself (parse/frontmatter.py,
FAST_BYTES) reads exactly as the bounded composer reads it: the same data,
the same line of every key; what the bounded composer refuses, or cannot
parse, still gets its problem from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lawsite.model import Source
from lawsite.parse import frontmatter as fm
from lawsite.parse.frontmatter import FAST_BYTES, MAX_YAML_DEPTH, split_front_matter

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(fm._Parser is None, reason="PyYAML without libyaml: there is no fast path")


def _both(text: str) -> tuple[object, object]:
    fast = fm._load(fm._FastLoader(text), bounded=False)
    bounded = fm._load(fm._Loader(text), bounded=True)
    return _comparable(fast), _comparable(bounded)


def _comparable(loaded: tuple[yaml.Node | None, object] | None) -> object:
    if loaded is None:
        return None
    node, data = loaded
    lines: dict = {}
    if node is not None:
        fm._collect_lines(node, (), 0, lines)
    return data, lines


def _front_matters() -> list[tuple[str, str]]:
    found = []
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if frontmatter.YAMLHandler().detect(text):
            yaml_text, _ = frontmatter.YAMLHandler().split(text)
            if len(yaml_text) <= FAST_BYTES and "&" not in yaml_text and "*" not in yaml_text:
                found.append((path.relative_to(REPO).as_posix(), yaml_text))
    return found


def test_the_sample_sites_front_matter_reads_the_same_both_ways() -> None:
    cases = _front_matters()
    assert len(cases) > 30  # laws, drafts, notices, points, activities, interpretations
    for name, text in cases:
        fast, bounded = _both(text)
        assert fast is not None, name
        assert fast == bounded, name


@pytest.mark.parametrize(
    "text",
    [
        "title: 条例\nadopted: 2025-02-30\nnumber: 007\nratio: 1.5e3\nflag: yes\nnothing: ~\n",
        "title: '引号：#不是注释'\nlist:\n  - 一\n  - {a: 1, b: [2, 3]}\nfolded: >\n  第一行\n  第二行\n",
        "big: " + "9" * 200 + "\n",  # refused by the constructor, with its key, either way
    ],
)
def test_crafted_front_matter_reads_the_same(text: str) -> None:
    try:
        expected = _both(text)
    except fm._Refused as bounded_refusal:
        with pytest.raises(fm._Refused) as fast_refusal:
            fm._load(fm._FastLoader(text), bounded=False)
        assert (fast_refusal.value.code, fast_refusal.value.key) == (bounded_refusal.code, bounded_refusal.key)
        return
    assert expected[0] == expected[1]


def test_what_only_the_bounded_composer_can_say_is_left_to_it() -> None:
    deep = "a: " + "[" * (MAX_YAML_DEPTH + 1) + "]" * (MAX_YAML_DEPTH + 1) + "\n"
    assert len(deep) < FAST_BYTES
    assert fm._load(fm._FastLoader(deep), bounded=False) is None  # too deep: not built
    broken = "title: [unclosed\n"
    assert fm._load(fm._FastLoader(broken), bounded=False) is None
    for text, code in ((deep, "yaml-too-deep"), (broken, "yaml-syntax")):
        _, problems = split_front_matter(Source("laws/x.md", f"---\n{text}---\n\n正文\n"))
        assert [p.code for p in problems] == [code]


_scalars = st.one_of(
    st.text(max_size=12), st.integers(-10**6, 10**6), st.booleans(), st.none(),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(min_value=dt.date(1900, 1, 1)).map(str),
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), _values, max_size=6), st.sampled_from([None, False, True]))
def test_any_small_mapping_reads_the_same(data: dict, flow: bool | None) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    if len(text) > FAST_BYTES or "&" in text or "*" in text:
        return
    fast, bounded = _both(text)
    assert fast == bounded
