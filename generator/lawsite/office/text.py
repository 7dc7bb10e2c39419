"""Plain text → `Line`s: the national database's exports and pasted texts.

The encoding is read from a byte-order mark (UTF-8, UTF-16), else UTF-8 when
the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, what
Chinese Windows saves as "ANSI"). Line ends may be CRLF, CR or LF.
"""

from __future__ import annotations

from ..messages import msg
from ..model import Problem
from .lines import Line

MAX_TEXT_BYTES = 2 * 1024 * 1024  # the longest law (民法典) is about 0.33 MB; 2 MB is read in about 1 s
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """The text of a plain-text file, or a Problem saying why it is not one."""
    if len(data) > MAX_TEXT_BYTES:
        return None, [Problem(path, None, None, msg("import-too-large", size=len(data), limit=MAX_TEXT_BYTES), msg("import-too-large.hint"), code="import-too-large")]
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    body = data[3 if encoding == "utf-8" else 2 :] if encoding else data
    for candidate in (encoding,) if encoding else ("utf-8", "gb18030"):
        try:
            text = body.decode(candidate)
            break
        except UnicodeDecodeError as exc:
            failure = exc
    else:
        return None, [Problem(path, None, None, msg("import-encoding", encoding=encoding or "UTF-8/GBK", start=failure.start), msg("import-encoding.hint"), code="import-encoding")]
    if "\x00" in text:
        return None, [Problem(path, None, None, msg("import-not-text"), msg("import-not-text.hint"), code="import-not-text")]
    return text, []


def text_lines(text: str) -> list[Line]:
    """One `Line` per line of `text`, numbered as an editor's editor shows them."""
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Line(raw_line, number) for number, raw_line in enumerate(normal.split("\n"), start=1)]
