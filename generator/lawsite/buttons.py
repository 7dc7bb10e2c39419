"""The reader's buttons a help page may name, by placeholder.

`[[button:comment_entry]]` in a page's Markdown becomes the button's label as
the site shows it (render/labels/: 提意见), so a help page never names a
button that is not there, and a renamed button renames itself in the help.
Editors keep writing the page as Markdown; `lawsite check` names the file and
line of a placeholder that names no button. Placeholders inside code (`…`,
fenced blocks) are left as written, so the guide can show the syntax.

The keys are label keys of render/labels/; parse checks them, render fills them.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator

BUTTONS: tuple[str, ...] = (
    "comment_entry",  # 提意见 (each article's entry)
    "comment_by_mail",  # 发邮件
    "comment_by_form",  # 在线提交
    "basket_add",  # 加入意见篮
    "basket_send_mail",
    "basket_copy",
    "basket_open_form",
    "basket_clear",
    "basket_undo",
    "intake_submit",  # 提交意见 (the comment service's form)
    "intake_js_basket_send",
    "copy_link",
    "copy_address",
    "elder_mode",  # 长辈模式
    "read_aloud",  # 朗读本条
    "read_stop",
    "jump_go",  # 跳转
    "jump_pick",
    "poster_link",
    "poster_print",  # 打印 (a poster's, a sign's, a feedback sheet's)
    "sign_link",
)
PLACEHOLDER = re.compile(r"\[\[button:([^\]\s]{0,60})\]\]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")
MARK = "[[button:"


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the line's code spans are: a run of backticks up to the next run
    of the same length (CommonMark), found in one pass over the runs (a line of
    backticks is linear, not quadratic as a backtracking regex would be)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later == len(same):
            index += 1
            continue
        spans.append((start, runs[same[later]][1]))
        index = same[later] + 1
    return spans


def _outside_code(markdown: str) -> Iterator[tuple[int, str, bool]]:
    """(line number from 0, a piece of that line, whether it may hold a
    placeholder) for every piece of `markdown`, in order: fenced blocks and
    code spans may not."""
    fence = ""
    for number, line in enumerate(markdown.split("\n")):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            yield number, line, False
            continue
        if opening:
            fence = opening.group(1)
            yield number, line, False
            continue
        if MARK not in line:
            yield number, line, False
            continue
        end = 0
        for start, stop in _code_spans(line):
            yield number, line[end:start], True
            yield number, line[start:stop], False
            end = stop
        yield number, line[end:], True


def unknown_buttons(markdown: str) -> list[tuple[int, str]]:
    """(line from 0, key) of every placeholder naming no button."""
    if MARK not in markdown:
        return []
    return [(number, match.group(1)) for number, piece, prose in _outside_code(markdown) if prose
            for match in PLACEHOLDER.finditer(piece) if match.group(1) not in BUTTONS]


def fill_buttons(markdown: str, label: Callable[[str], str]) -> str:
    """Every placeholder outside code replaced by its button's label (an unknown
    one, reported by check, is left as written)."""
    if MARK not in markdown:
        return markdown

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        return label(key) if key in BUTTONS else match.group(0)

    lines: list[list[str]] = []
    for number, piece, prose in _outside_code(markdown):
        if number == len(lines):
            lines.append([])
        lines[number].append(PLACEHOLDER.sub(one, piece) if prose else piece)
    return "\n".join("".join(pieces) for pieces in lines)
