"""The one rule for a document's id, and the one way to make an id from a name.

An id is written by hand (`id:`, `previous:`, `concerns:`, `--id`), taken
from a file's name when `id:` is missing, and made by `lawsite import` from a
source's path. It then becomes a file name in the built site
(`data/documents/<id>.json`, `feeds/<id>.xml`, `posters/<id>/`), a value in
the comment form's query string and in the intake service's requests, and a
plain YAML scalar in other files' front matter, flow lists included
(`contact_points: [a, b]`). So an id is made of:

- letters of any script (Chinese ids are fine: the site writes them as UTF-8
  file names, links percent-encode them, the open data and the intake service
  keep them as JSON text), and digits;
- the marks ``-`` ``_`` ``.`` and parentheses, ASCII ``( )`` or full-width
  ``（ ）`` (the corpus names a law's version by its date: ``烟叶税法(2017-12-27)``);

nothing else: no space, slash, quote, ``# ? % &`` (which would end a URL's
path or query), no ``, [ ] { } :`` (which would break a YAML list); it does
not start with a dot (a hidden file, or ``..``), and it holds at most
`MAX_ID_BYTES` bytes of UTF-8.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import Text, msg

#: An id is a file name in the built site: 255 bytes per name less the
#: longest suffix, `.json` (the real-law corpus reaches 247).
MAX_ID_BYTES = 250
_MARKS = "-_.()（）"
_LETTER_OR_DIGIT = ("L", "N")
_REPLACEMENT = "-"


#: What a browser form can check of the rule (the web editor's id field):
#: a regular expression without the `u` flag knows no \\p{L}, so it refuses
#: what is never allowed and leaves letters of every script to `check`.
BROWSER_PATTERN = r"^[^.\s/\\,\[\]{}:#?%&'\"<>|*^`=+;!@$~][^\s/\\,\[\]{}:#?%&'\"<>|*^`=+;!@$~]*$"


def _allowed(char: str) -> bool:
    return char in _MARKS or unicodedata.category(char).startswith(_LETTER_OR_DIGIT)


def id_problem(value: str) -> Text | None:
    """Why `value` cannot be an id (a phrase completing "it …"), None when it can."""
    if not value:
        return msg("bad-id.empty")
    if value.startswith("."):
        return msg("bad-id.dot")
    odd = next((c for c in value if not _allowed(c)), None)
    if odd is not None and odd.isprintable():
        return msg("bad-id.character", char=odd, code_point=ord(odd))
    if odd is not None:
        return msg("bad-id.invisible", code_point=ord(odd))
    size = len(value.encode("utf-8"))
    if size > MAX_ID_BYTES:
        return msg("bad-id.too-long", size=size, limit=MAX_ID_BYTES)
    return None


def as_id(name: str, suffix: str = "") -> str:
    """`name` made into an id that passes `id_problem` (when anything of it is
    usable): each run of other characters becomes one ``-``, a leading dot
    or ``-`` goes, and a name too long is cut at a character boundary, before
    `suffix` (an id's own characters), which is kept whole."""
    made = "".join(c if _allowed(c) else _REPLACEMENT for c in unicodedata.normalize("NFC", name))
    made = re.sub(r"-{2,}", _REPLACEMENT, made).lstrip(".-").rstrip("-")
    while made and len((made + suffix).encode("utf-8")) > MAX_ID_BYTES:
        made = made[:-1]
    return made + suffix
