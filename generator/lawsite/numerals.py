"""Chinese numerals <-> integers, as written in legal texts.

`to_int` reads the numerals of article and division labels (一 … 九千九百九十九,
〇/零, 两 and Traditional 兩, 十二 as well as 一十二, 万/萬 and 亿/億 so that an
absurd 第一万条 is read as what it says and refused by the caller) and also ASCII
and full-width digits, because drafts sometimes write ``第12条``. Its input is
bounded (`MAX_NUMERAL_CHARS`): a label is never a thousand digits long. `to_chinese` writes
the legal style used in labels: 十二, 一百一十二, 一千零一, 二千零二十.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX = 9999
#: Longer numerals are refused before any work (九千九百九十九亿九千九百九十九万… is 23).
MAX_NUMERAL_CHARS = 24

_DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0,
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Units of four-digit groups, largest first (Traditional forms folded in).
_GROUPS: tuple[tuple[str, int], ...] = (("亿", 100_000_000), ("万", 10_000))
_FOLD_GROUPS = str.maketrans("億萬", "亿万")
_ARABIC = re.compile(r"[0-9０-９]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

#: Characters that may appear in a Chinese numeral below 万 (for building regexes).
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
#: The group units 万/亿 as well: for article labels, where an absurd number must be seen.
GROUP_UNIT_CHARS = "万萬亿億"
_LEGAL_DIGITS = "零一二三四五六七八九"
#: A count written as text has at most this many digits: Python's int() refuses
#: more than 4,300, and no count of comments reaches a dozen.
MAX_COUNT_DIGITS = 18
_COUNT = re.compile(rf"[0-9]{{1,{MAX_COUNT_DIGITS}}}")


def to_int(text: str) -> int:
    """The value of a Chinese numeral or a decimal number.

    Raises ValueError, naming the input, for anything else (empty text, unknown
    characters, malformed sequences such as ``十十`` or ``百一``, more than
    `MAX_NUMERAL_CHARS` characters).
    """
    s = text.strip()
    if len(s) > MAX_NUMERAL_CHARS:  # checked before the cache, which would keep the text
        raise ValueError(f"not a number: {s[:MAX_NUMERAL_CHARS]!r}… is longer than {MAX_NUMERAL_CHARS} characters")
    return _to_int(s)


@lru_cache(maxsize=4096)  # labels repeat across a corpus; the function is pure
def _to_int(s: str) -> int:
    if not s:
        raise ValueError(f"not a number: {s!r} is empty")
    if _ARABIC.fullmatch(s):
        return int(s.translate(_FULLWIDTH))
    return _grouped_to_int(s.translate(_FOLD_GROUPS), s)


def _grouped_to_int(s: str, original: str) -> int:
    """亿 and 万 split the numeral into groups (一万零一 = 1·10⁴ + 1, 一万亿 = 10¹²)."""
    for name, unit in _GROUPS:
        if name not in s:
            continue
        high, _, low = s.partition(name)
        if not high or any(other in low for other, size in _GROUPS if size >= unit):
            raise ValueError(f"not a Chinese numeral: {original!r} ({name!r} without a digit or out of order)")
        if low[:1] in ("零", "〇") and len(low) > 1:
            low = low[1:]  # 一万零一: the 零 marks the empty thousands
        return _grouped_to_int(high, original) * unit + (_grouped_to_int(low, original) if low else 0)
    return _chinese_to_int(s, original)


def _chinese_to_int(s: str, original: str) -> int:
    unknown = [c for c in s if c not in _DIGITS and c not in _UNITS]
    if unknown:
        raise ValueError(f"not a Chinese numeral: {original!r} (unexpected {unknown[0]!r})")
    if all(c in _DIGITS for c in s):
        # Positional form as in years or 一〇一: each character is one digit.
        return int("".join(str(_DIGITS[c]) for c in s))
    total, digit, last_unit = 0, None, 10_000
    for c in s:
        if c in _DIGITS:
            if digit is not None and _DIGITS[c] != 0 and digit != 0:
                raise ValueError(f"not a Chinese numeral: {original!r} (two digits in a row)")
            digit = _DIGITS[c]
            continue
        unit = _UNITS[c]
        if unit >= last_unit:
            raise ValueError(f"not a Chinese numeral: {original!r} (unit {c!r} out of order)")
        if digit == 0:
            raise ValueError(f"not a Chinese numeral: {original!r} (零 before a unit)")
        if digit is None and unit != 10:  # 十二 and colloquial 一百十 omit the 一
            raise ValueError(f"not a Chinese numeral: {original!r} ({c!r} without a digit)")
        total += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    return total + (digit or 0)


def whole_number(text: str) -> int | None:
    """The value of a count written as ASCII digits (surrounding space allowed),
    or None for anything else: other digits (², ٣), signs, or more than
    MAX_COUNT_DIGITS digits, checked before int() is asked."""
    digits = text.strip()
    return int(digits) if _COUNT.fullmatch(digits) else None


@lru_cache(maxsize=4096, typed=True)  # typed: True and 3.0 must still be rejected
def to_chinese(n: int) -> str:
    """The legal-style Chinese numeral for 1 ≤ n ≤ 9999 (十二, 一百一十二, 一千零一)."""
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX:
        raise ValueError(f"to_chinese needs an integer from 1 to {MAX}, got {n!r}")
    if 10 <= n < 20:
        return "十" + (_LEGAL_DIGITS[n - 10] if n > 10 else "")
    parts: list[str] = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_LEGAL_DIGITS[d] + name)
    return "".join(parts)
