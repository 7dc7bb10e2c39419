"""Drop the indentation Material's templates leave in every page.

Measured on the 1,564-law corpus: 58 MB of 185 MB of law pages were runs of
newlines and indentation (the nav alone is nested ten levels deep). A newline
followed by spaces renders exactly like a single newline everywhere except in
preformatted text, so each such run becomes one newline, outside ``<pre>``,
``<textarea>`` and ``<code>``.

``compact_sidebars`` drops the line breaks between the tags of Material's two
navigation sidebars, where they lay out nothing (0.6 MB of the 1,564-law
site's pages), and the ``md-ellipsis`` wrapper of every title in the site's
navigation (3.3 MB).

``readable_urls`` writes the non-ASCII characters MkDocs percent-encodes in
links as themselves: a Chinese character is 9 bytes as ``%E8%A1%8C`` and 3 in
UTF-8, and the nav of a law page is mostly links to Chinese-named laws. The
browser encodes them again when it follows the link, so the request is the
same URL.
"""

from __future__ import annotations

import functools
import re

from ..urls import printable_unicode

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


# Material's sidebars: the site's navigation (holding the current page's
# contents on a phone) and the contents beside the page on a wide screen.
_SIDEBAR = re.compile(r'<nav class="md-nav md-nav--(primary|secondary)[ "]')
_NAV_TAG = re.compile(r"<(/?)nav\b")
# Only runs holding a line break: Material's indentation, never a space that
# separates words (titles in the nav are escaped text, see finish/harden.py).
_BREAK_BETWEEN_TAGS = re.compile(r">[ \t\r\f]*\n[ \t\n\r\f]*<")
# A title that is plain text: no subtitle, no icon, no markup inside.
_ELLIPSIS = re.compile(r'<span class="md-ellipsis">[ \t\n\r\f]*([^<]*?)[ \t\n\r\f]*</span>')


def compact_sidebars(html: str) -> str:
    """Material's sidebars, lighter and laid out the same (Material 9).

    Safe because every element there is a block, a flex box or hidden: a
    link (``.md-nav__link``) is a flex box, whose whitespace-only text is no
    flex item, and a list item is a block, where whitespace at a line's start
    or end is dropped.

    In the primary nav, a link's title leaves its ``md-ellipsis`` span for the
    flex link itself. The span only clips a title too wide to wrap (Material
    then adds a tooltip in JS), which a Chinese title never is; lawsite.css
    lets a long Latin word break there instead. The header keeps its spans
    (one line, cut with "…") and so does the contents sidebar, as Material
    writes it. tests/browser/test_sidebars.py compares the layout with and
    without all this.
    """
    out: list[str] = []
    done = 0
    for start in _SIDEBAR.finditer(html):
        if start.start() < done:  # the contents nested in the primary nav
            continue
        end = _nav_end(html, start.start())
        if end is None:
            break
        nav = _BREAK_BETWEEN_TAGS.sub("><", html[start.start() : end])
        if start.group(1) == "primary":
            nav = _ELLIPSIS.sub(r"\1", nav)
        out += [html[done : start.start()], nav]
        done = end
    out.append(html[done:])
    return "".join(out)


def _nav_end(html: str, start: int) -> int | None:
    """Index just after the `</nav>` closing the `<nav` at `start`."""
    depth = 0
    for tag in _NAV_TAG.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = html.find(">", tag.end())
            return None if close < 0 else close + 1
    return None


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
    return "".join(ch if printable_unicode(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in text)


def readable_urls(html: str) -> str:
    """Percent-escaped non-ASCII characters in href/src attributes as UTF-8."""
    return _URL_ATTR.sub(lambda m: m.group(1) + _readable_url(m.group(2)) + '"', html)


@functools.lru_cache(maxsize=8192)
def _readable_url(url: str) -> str:
    # The same links recur on page after page (the nav's, the footer's): a
    # third of this pass on the corpus was writing them again.
    return _ESCAPES.sub(_readable, url)
