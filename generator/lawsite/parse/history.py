"""A law's dated history as its texts write it: the lines under the title
(``1979年7月1日第五届全国人民代表大会第二次会议通过``), each an `Event` of a
kind named by its last verb, and the `Header` that gathers them. Read by
`importer` (the corpus convention) and by `office` (Word and plain text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# 1979年7月1日 (also 1979年07月01日 and a stray space before 日/月).
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")

# The event a line records, from the verb it ends with (the last one wins:
# "…《关于修改…的决定》第一次修正" is an amendment, not a passing).
_VERBS: dict[str, str] = {
    "通过": "passed",
    "批准": "approved",
    "公布": "promulgated",
    "发布": "promulgated",
    "颁布": "promulgated",
    "印发": "promulgated",
    "修正": "amended",
    "修改": "amended",
    "修订": "revised",
    "施行": "effective",
    "实施": "effective",
    "生效": "effective",
    "执行": "effective",
    "废止": "repealed",
}
_VERB = re.compile("|".join(_VERBS))
# "…会议通过的《中华人民共和国刑法修正案（二）》": another act passed that amends this one.
_PASSED_OTHER = re.compile(r"通过的《")


@dataclass(frozen=True)
class Event:
    date: dt.date
    type: str
    text: str  # the line as written (continuation lines joined)

    def to_dict(self) -> dict[str, object]:
        return {"date": self.date, "type": self.type, "text": self.text}


@dataclass
class Header:
    """What precedes ``<!-- INFO END -->``."""

    title: str
    part: str | None = None  # Civil Code parts: 人格权编
    events: list[Event] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # undated lines (法释〔2021〕11号, …)
    body: str = ""
    body_line: int = 1  # source line where the body starts


def event_type(text: str) -> str:
    """The kind of event a dated line records (see `_VERBS`)."""
    if _PASSED_OTHER.search(text):
        return "amended"
    verbs = _VERB.findall(text)
    return _VERBS[verbs[-1]] if verbs else "other"


def split_events(line: str) -> list[tuple[dt.date | None, str]]:
    """One line may hold two events ("…第一次修订  2012年10月16日…第二次修订）")."""
    starts = [m.start() for m in _DATE.finditer(line) if m.start() == 0 or line[m.start() - 1] in " \u3000\t"]
    if not starts or starts[0] != 0:
        return [(None, line)]
    pieces = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)])]
    return [(_date_of(piece), piece) for piece in pieces]


def _date_of(text: str) -> dt.date | None:
    return date_in(text) if _DATE.match(text) else None


def date_in(text: str) -> dt.date | None:
    """The first date written in `text`, if it is a real day."""
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
