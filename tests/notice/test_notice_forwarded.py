"""A notice's `forwarded:` (上报 per contact point): a number per point id, never
fewer than the suggestions it itemises from that point; every problem with file,
line and field."""

from __future__ import annotations

import pytest
from notice.test_notice_parse import GOOD, check, notice, only

from lawsite.model import Severity


def test_forwarded_per_point_is_kept_on_the_notice() -> None:
    site, problems = check(notice(GOOD, extra="forwarded:\n  east-street: 12\n"))
    assert problems == []
    assert site.notices["n1"].forwarded == {"east-street": 12}


@pytest.mark.parametrize(
    ("extra", "code", "line", "field", "says"),
    [
        # GOOD itemises 3 from east-street: it cannot have forwarded 2.
        ("forwarded:\n  east-street: 2\n", "forwarded-too-small", 6, "forwarded.east-street", "make it 3 or more"),
        ("forwarded:\n  east-stret: 5\n", "forwarded-unknown-point", 6, "forwarded.east-stret", "did you mean `east-street`"),
        ("forwarded:\n  east-street: 很多\n", "bad-number", 6, "forwarded.east-street", "很多"),
        ("forwarded:\n  east-street: -1\n", "bad-number", 6, "forwarded.east-street", "-1"),
        ("forwarded: [east-street, 3]\n", "bad-type", 5, "forwarded", "point-id: number"),
        ("forwarded: 12\n", "bad-type", 5, "forwarded", "point-id: number"),
    ],
)
def test_a_bad_forwarded_figure_has_file_line_and_field(extra: str, code: str, line: int, field: str, says: str) -> None:
    site, problems = check(notice(GOOD, extra=extra))
    problem = only(problems, code)
    assert (problem.path, problem.line, problem.field, problem.severity) == ("notices/n1.md", line, field, Severity.ERROR)
    assert says in problem.message.render("en") + (problem.hint.render("en") if problem.hint else "")
    assert site.notices["n1"].forwarded == {}  # a refused figure is not counted


def test_the_message_is_chinese_by_default() -> None:
    _, problems = check(notice(GOOD, extra="forwarded:\n  east-street: 2\n"))
    assert "少于本说明逐条列出的该联系点意见 3 条" in only(problems, "forwarded-too-small").message.render("zh")
