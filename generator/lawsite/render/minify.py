"""Drop the indentation Material's templates leave in every page.

Measured on the 1,564-law corpus: 58 MB of 185 MB of law pages were runs of
newlines and indentation (the nav alone is nested ten levels deep). A newline
followed by spaces renders exactly like a single newline everywhere except in
preformatted text, so each such run becomes one newline, outside ``<pre>``,
``<textarea>`` and ``<code>``.

``readable_urls`` writes the non-ASCII characters MkDocs percent-encodes in
links as themselves: a Chinese character is 9 bytes as ``%E8%A1%8C`` and 3 in
UTF-8, and the nav of a law page is mostly links to Chinese-named laws. The
browser encodes them again when it follows the link, so the request is the
same URL.
"""

from __future__ import annotations

import re
import unicodedata

_KEEP = re.compile(r"(<(pre|textarea|code)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"\n[ \t\n\r]+")


def collapse_whitespace(html: str) -> str:
    parts = _KEEP.split(html)
    # split() with two groups yields: text, kept block, tag name, text, …
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_RUN.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


# Attributes follow a single space in the theme's markup and ours; starting
# the pattern with that literal space lets the regex engine skip ahead (7×
# faster than \b on a law page). An attribute after a newline would merely
# keep its escapes.
_URL_ATTR = re.compile(r'( (?:href|src)=")([^"]*%[89A-Fa-f][0-9A-Fa-f][^"]*)"')
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _readable(escapes: re.Match[str]) -> str:
    try:
        text = bytes.fromhex(escapes.group(0).replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return escapes.group(0)
    # ASCII (%20, %22, %25, %3C…), controls, format characters and spaces stay
    # escaped: only printable non-ASCII characters are written as they are.
    return "".join(
        ch if ord(ch) > 0x7F and unicodedata.category(ch)[0] not in "CZ" else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in text
    )


def readable_urls(html: str) -> str:
    """Percent-escaped non-ASCII characters in href/src attributes as UTF-8."""
    return _URL_ATTR.sub(lambda m: m.group(1) + _ESCAPES.sub(_readable, m.group(2)) + '"', html)
