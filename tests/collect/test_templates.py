"""The one definition of a template, filled by the site and matched by
collect: whatever the values, `template_pattern` matches what
`fill_template` writes and gives the values back; a draft's own subject
template names the article of a mail whose body the reader rewrote."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from lawsite.collect.sources import collect
from lawsite.collect.table import Target
from lawsite.parse.schema import TEMPLATE_FIELDS, fill_template, template_pattern

from .mails import body_part, message, word, write

pieces = st.one_of(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=8), st.sampled_from(["{{", "}}", "{nope}", "{title!r}"]))


@given(st.lists(st.one_of(pieces, st.sampled_from([f"{{{f}}}" for f in TEMPLATE_FIELDS])), max_size=8),
       st.fixed_dictionaries({f: st.text(max_size=12) for f in TEMPLATE_FIELDS}))
def test_the_pattern_matches_what_the_template_writes(parts: list[str], values: dict[str, str]) -> None:
    template = "".join(parts)
    written = fill_template(template, values)
    used = set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", template)) & set(TEMPLATE_FIELDS)
    groups = {name: re.escape(values[name]) for name in TEMPLATE_FIELDS}
    assert re.fullmatch(template_pattern(template, groups), written, re.DOTALL), (template, written)
    if len(used) == 1 and template.count("{" + next(iter(used)) + "}") == 1 and "{{" not in template and "}}" not in template:
        name = next(iter(used))
        found = re.fullmatch(template_pattern(template, {**groups, name: f"(?P<{name}>.*)"}), written, re.DOTALL)
        assert found and found[name] == values[name]


def test_a_draft_s_own_subject_template_names_the_articles(target: Target, tmp_path: Path) -> None:
    own = replace(target, draft=replace(target.draft, comments=replace(target.draft.comments, subject="[{doc}/{article}] 对{title}的意见")))
    one = write(tmp_path, "a.eml", message(word(f"[{own.draft.id}/art_2] 对{own.draft.title}的意见", "gbk"), body_part("正文是自己写的。", "gbk"), "<a@x>"))
    many = write(tmp_path, "b.eml", message(word(f"[{own.draft.id}/art_1,art_3] 对{own.draft.title}的意见", "gbk"), body_part("两条一起说。", "gbk"), "<b@x>"))
    rows = collect([str(one), str(many)], own).rows
    assert [(r.article, r.text) for r in rows] == [("art_2", "正文是自己写的。"), ("", "两条一起说。")]  # two articles named: for 整理
