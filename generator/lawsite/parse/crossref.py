"""In-document cross-references: ``本法第三十条`` → a link to ``#art_30``.

`find_references` is pure detection; rendering the links is someone else's job.
Rules:

* A reference is ``第N条`` optionally followed by ``之M``, ``第P款`` and ``第I项``
  (``第十条第一款第三项`` is one reference). Numerals are Chinese only, so
  ``第152条`` in a table quoting another code is left alone.
* Lists and ranges give one reference per article: ``第五条、第六条``,
  ``第二十条至第二十二条`` (the articles in between are not invented).
* A chain of references joined by 、，至 和 及 或者 … belongs to the instrument
  named before its first member. ``本法`` / ``本条例`` / ``本规定`` … or nothing
  means this document; ``《…》``, or a name ending in 法, 法典, 条例, 规定, 办法,
  细则, 决定, 解释, 规则, 修正案 … (``民事诉讼法第十条``, ``该法第五条``) means
  another instrument, and no `Reference` is made.
* The span (start, end) covers the text that becomes the link:
  ``第十二条第二款``, not the ``本条例`` before it.

English numbering: ``Article 12``, ``Article 12(2)``, ``Article 12(2)(a)``;
``Article 5 of the Civil Code`` (``of`` not followed by ``this``) is external.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lawsite.numerals import CHINESE_NUMERAL_CHARS, to_int
from lawsite.parse.legal import EN, ZH_HANS, Numbering, article_id

_N = f"[{CHINESE_NUMERAL_CHARS}]+"
_CONNECTOR = re.compile(r"\s*(?:、|，|,|至|到|和|与|及|以及|或者|或|、以及|，以及)?\s*")
_OWN = re.compile(r"本(?:法|法典|条例|规定|办法|细则|决定|解释|规则|章程|准则|通则|编|分编|章|节|條例|規定|辦法|細則|決定|解釋|規則)\s*$")
_OTHER = re.compile(
    r"(?:》|〉|法|法典|条例|條例|规定|規定|办法|辦法|细则|細則|决定|決定|解释|解釋|规则|規則|"
    r"章程|准则|通则|公约|协定|纲要|修正案|[）)])\s*$"
)
# 刑法分则第九章第三百九十八条: a division between the name and the article.
_DIVISION_TAIL = re.compile(rf"(?:(?:总则|分则)?第{_N}(?:编|分编|章|节|編|分編|節))+\s*$")
_LOOKBEHIND = 12  # characters enough to see 本条例 / 》 / …法 before a chain


@dataclass(frozen=True)
class Reference:
    """A reference to an article (and maybe a 款 and 项) of the same document."""

    start: int
    end: int
    article: int
    sub: int | None = None
    paragraph: int | None = None
    item: int | None = None

    @property
    def article_id(self) -> str:
        return article_id(self.article, self.sub)

    @property
    def id(self) -> str:
        """The most precise known anchor (an item needs its paragraph)."""
        anchor = self.article_id
        if self.paragraph is None:
            return anchor
        anchor += f"__para_{self.paragraph}"
        return anchor + (f"__item_{self.item}" if self.item is not None else "")


@lru_cache(maxsize=8)
def _pattern(numbering: Numbering) -> re.Pattern[str]:
    if numbering.article_word == EN.article_word:
        return re.compile(
            r"Article\s+(?P<art>[0-9]{1,4})(?:\((?P<para>[0-9]{1,3})\))?(?:\((?P<item>[a-z])\))?"
            r"(?![0-9(])(?!\s+of\s+(?!this\b))"
        )
    tiao, kuan, xiang = numbering.article_word, numbering.paragraph_word, numbering.item_word
    return re.compile(
        rf"第(?P<art>{_N}){tiao}(?:之(?P<sub>{_N}))?(?:第(?P<para>{_N}){kuan})?(?:第(?P<item>{_N}){xiang})?"
    )


def find_references(text: str, numbering: Numbering = ZH_HANS) -> list[Reference]:
    """References into this document found in `text`, in text order."""
    english = numbering.article_word == EN.article_word
    found: list[Reference] = []
    prev_end, prev_own = -1, False
    for m in _pattern(numbering).finditer(text):
        chained = prev_end >= 0 and _CONNECTOR.fullmatch(text, prev_end, m.start()) is not None
        own = prev_own if chained else english or _is_own(text, m.start())
        prev_end, prev_own = m.end(), own
        ref = _reference(m, numbering, english) if own else None
        if ref is not None:
            found.append(ref)
    return found


def _is_own(text: str, start: int) -> bool:
    tail = _DIVISION_TAIL.search(text, max(0, start - 3 * _LOOKBEHIND), start)
    if tail is not None:
        start = tail.start()
    before = text[max(0, start - _LOOKBEHIND) : start]
    return _OWN.search(before) is not None or _OTHER.search(before) is None


def _reference(m: re.Match[str], numbering: Numbering, english: bool) -> Reference | None:
    def value(name: str) -> int | None:
        raw = m.group(name) if name in m.re.groupindex else None
        if raw is None:
            return None
        return numbering.item_number(raw) if (english and name == "item") else to_int(raw)

    try:
        article, sub = value("art"), value("sub")
        assert article is not None
        if sub == 0:
            return None  # 第一条之〇 names no article (the legal parser refuses it), not 第一条
        return Reference(m.start(), m.end(), article, sub, value("para"), value("item"))
    except ValueError:
        return None
