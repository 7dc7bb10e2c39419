"""Explicit article mentions in a comment, in the forms people write them.

第十二条, 第12条, 第 12 条, 十二条, 12条, 草案第十二条第二款, 第十二条之一,
第十二条第二款第三项, 第十二、十三条, 第十二条至第十五条, 第十二条规定的….
A number without 第 is a mention only where it cannot be a count: 三条建议,
这两条, 有几条 are counts. A mention right after 《另一部法》 names another
law and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import to_int

_NUM = r"[零〇○一二两兩三四五六七八九十百千0-9０-９]{1,8}"
_ARTICLE_WORD = "[条條]"
# 第十二、十三条 / 第12和13条: a list that shares one 条.
_LIST = re.compile(rf"第\s*({_NUM}(?:\s*[、，,和及与]\s*第?\s*{_NUM})+)\s*{_ARTICLE_WORD}")
_ONE = re.compile(
    rf"(?P<di>第\s*)?(?P<n>{_NUM})\s*{_ARTICLE_WORD}"
    rf"(?:之(?P<sub>[一二三四五六七八九十]{{1,3}}))?"
    rf"(?:\s*第\s*(?P<para>{_NUM})\s*款)?"
    rf"(?:\s*第\s*(?P<item>{_NUM})\s*项)?"
)
# After a bare number these make it a count: 三条建议, 两条意见, 12条措施.
_COUNT_NOUNS = ("意见", "建议", "措施", "理由", "问题", "看法", "修改", "要求", "原因", "途径", "渠道", "路", "街", "线", "狗", "鱼", "腿", "命", "人", "消息", "短信", "信息", "微博")
# Before a bare number these make it a count: 这两条, 有三条, 提几条, 以下五条.
_COUNT_LEADS = ("这", "那", "几", "有", "提", "共", "另", "下列", "以下", "如下", "前", "后", "每", "上述", "等")
_OTHER_LAW = re.compile(r"《([^》]{1,60})》\s*(?:的)?\s*$")
_SPLIT = re.compile(r"\s*[、，,和及与]\s*第?\s*")


@dataclass(frozen=True)
class Mention:
    number: int
    sub: int | None
    paragraph: int | None
    start: int  # character offset in the comment
    text: str  # as written, e.g. "草案第十二条第二款"


def mentions(text: str, title: str = "") -> list[Mention]:
    """The article mentions in `text`, in order; `title` is the draft's own
    title, so that 《title》第十二条 still counts as a mention of the draft."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for match in _LIST.finditer(text):
        if _names_other_law(text, match.start(), title):
            continue
        for part in _SPLIT.split(match.group(1)):
            number = _number(part)
            if number is not None:
                found.append(Mention(number, None, None, match.start(), match.group(0)))
        taken.append(match.span())
    for match in _ONE.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or not _is_mention(text, match, title):
            continue
        number = _number(match.group("n"))
        if number is None:
            continue
        sub = _number(match.group("sub")) if match.group("sub") else None
        para = _number(match.group("para")) if match.group("para") else None
        found.append(Mention(number, sub, para, match.start(), match.group(0)))
    return sorted(found, key=lambda m: m.start)


def _number(text: str) -> int | None:
    try:
        return to_int(text.replace(" ", ""))
    except ValueError:
        return None


def _is_mention(text: str, match: re.Match[str], title: str) -> bool:
    if _names_other_law(text, match.start(), title):
        return False
    if match.group("di"):
        return True
    before = text[max(0, match.start() - 4) : match.start()]
    after = text[match.end() : match.end() + 2]
    if match.group("n") in ("两", "兩") or after.startswith(_COUNT_NOUNS) or before.endswith(_COUNT_LEADS):
        return False
    return not before[-1:].isdigit()


def _names_other_law(text: str, start: int, title: str) -> bool:
    law = _OTHER_LAW.search(text[max(0, start - 64) : start])
    if law is None:
        return False
    named = law.group(1)
    return not (title and (named in title or title.endswith(named) or named.endswith(title.removeprefix("中华人民共和国"))))
