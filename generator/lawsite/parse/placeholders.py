"""What `lawsite new` writes for the editor to replace (scaffold.TEMPLATES),
found where it was left: one warning per placeholder, an error under
`check --strict`, so an unedited file is never published by mistake.

Only the scaffold's own texts are placeholders: an example address an editor
chose (the sample site's `fgw@example.gov.cn`) or a 某某 in a real case is
their text, not ours; and a draft's 本条例自　　年　　月　　日起施行 is how
real drafts are written (the date is set on adoption).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..messages import Text, msg
from ..model import Problem, Severity
from .frontmatter import FrontMatter, KeyPath, dotted

CODE = "placeholder"


@dataclass(frozen=True)
class Placeholder:
    text: str  # as the scaffold writes it: a whole front matter value, or part of a body line
    hint: Text  # what to write instead
    key: tuple[str, ...] = ()  # the front matter key it fills (list indices skipped), () for the body


PLACEHOLDERS = (
    Placeholder("yijian@example.gov.cn", msg("placeholder.email.hint"), ("comments", "email")),
    Placeholder("一两句话说明立法目的和主要内容。", msg("placeholder.summary.hint"), ("summary",)),
    Placeholder("意见内容", msg("placeholder.suggestion.hint"), ("suggestions", "text")),
    Placeholder("某某区", msg("placeholder.point.hint"), ("region",)),
    Placeholder("某某路1号", msg("placeholder.point.hint"), ("address",)),
    Placeholder("0000-0000000", msg("placeholder.point.hint"), ("phone",)),
    Placeholder("为了……", msg("placeholder.article.hint")),
    Placeholder("本市行政区域内……", msg("placeholder.article.hint")),
    Placeholder("这里写总体说明", msg("placeholder.prose.hint")),
    Placeholder("用通俗的语言解释", msg("placeholder.prose.hint")),
    Placeholder("这里说明征求意见的过程", msg("placeholder.prose.hint")),
    Placeholder("这里介绍联系点的情况", msg("placeholder.prose.hint")),
    Placeholder("这里记录活动情况", msg("placeholder.prose.hint")),
)
_IN_FRONT = {p.key: p for p in PLACEHOLDERS if p.key}
_IN_BODY = tuple(p for p in PLACEHOLDERS if not p.key)


def placeholder_problems(path: str, front: FrontMatter) -> list[Problem]:
    """A warning for each placeholder of `lawsite new` left in the file."""
    problems = [_problem(path, front.line_of(*key), dotted(key), placeholder) for key, placeholder in _front_values(front.data, ())]
    left = [p for p in _IN_BODY if p.text in front.body]  # most files hold none: their lines are not read one by one
    if left:
        for offset, line in enumerate(front.body.split("\n")):
            problems += [_problem(path, front.body_line + offset, None, p) for p in left if p.text in line]
    return problems


def _front_values(data: Any, key: KeyPath) -> list[tuple[KeyPath, Placeholder]]:
    """(key, placeholder) for each front matter value that is still one."""
    if isinstance(data, dict):
        return [found for name, value in data.items() for found in _front_values(value, (*key, name))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in _front_values(value, (*key, index))]
    placeholder = _IN_FRONT.get(tuple(part for part in key if isinstance(part, str)))
    return [(key, placeholder)] if placeholder and isinstance(data, str) and data.strip() == placeholder.text else []


def _problem(path: str, line: int | None, field: str | None, placeholder: Placeholder) -> Problem:
    message: Text = msg("placeholder", text=placeholder.text)
    return Problem(path, line, field, message, placeholder.hint, Severity.WARNING, CODE)
