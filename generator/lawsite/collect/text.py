"""A mail's text as Chinese clients send it: charsets, HTML, quoted replies, signatures.

Charsets: what a part or an RFC 2047 word declares is not always what it
is. GB2312 and GBK are read as GB18030 (their superset: clients label GBK
text GB2312); bytes that are valid UTF-8 are read as UTF-8 whatever the
label (GBK text is almost never valid UTF-8, the reverse mislabelling is
common); then the label; then GB18030; never an exception.
"""

from __future__ import annotations

import codecs
import re
from email.errors import HeaderParseError
from email.header import decode_header
from html.parser import HTMLParser

_AS_GB18030 = frozenset({"gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "euc_cn", "csgb2312", "gb_2312-80", "x-euc-cn", "chinese", "ms936"})


def decode_bytes(data: bytes, declared: str | None) -> str:
    """`data` as text, declared charset or not (see the module's docstring)."""
    # 7-bit data is ASCII, unless a 7-bit charset says otherwise (ISO-2022-JP, HZ, UTF-7)
    candidates = [_codec(declared), "ascii"] if data.isascii() else ["utf-8", _codec(declared), "gb18030"]
    for codec in filter(None, candidates):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace")


def _codec(declared: str | None) -> str | None:
    if not declared:
        return None
    name = declared.strip().strip('"').lower()
    if name in _AS_GB18030:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_header_value(raw: str) -> str:
    """A header as written (RFC 2047 words, or raw 8-bit bytes kept as
    surrogates by the parser) → text, one line."""
    if "=?" in raw:
        try:
            words = decode_header(raw)
        except (HeaderParseError, ValueError):  # a broken encoded word: keep what was written
            words = [(raw, None)]
        text = "".join(decode_bytes(word, charset) if isinstance(word, bytes) else _unescaped(word) for word, charset in words)
    else:
        text = _unescaped(raw)
    return " ".join(text.split())


def _unescaped(text: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates) decoded; plain text unchanged."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return decode_bytes(text.encode("utf-8", "surrogateescape"), None)


# --- HTML ---------------------------------------------------------------------------

_BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 table ul ol pre hr section article blockquote".split())
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})


class _HtmlText(HTMLParser):
    """Text of an HTML mail: one line per block, nothing of scripts and
    styles, nothing inside <blockquote> (the quoted mail of a reply)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.quoted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "blockquote":
            self.quoted += 1
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self.quoted = max(0, self.quoted - 1)
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden and not self.quoted:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.out).split("\n"))


# --- quoted replies and signatures ----------------------------------------------------

# Where the quoted mail of a reply begins: everything from here on is dropped.
_QUOTE_STARTS = [re.compile(p, re.IGNORECASE) for p in (
    r"^-{2,}\s*(原始邮件|原始郵件|Original( Message)?)\s*-{2,}$",  # QQ Mail, Foxmail, Outlook (English)
    r"^-{2,}\s*(邮件原件|郵件原件)\s*-{2,}$",  # Outlook (Chinese)
    r"^(在|On)\s.{0,200}(写道|寫道|wrote)\s*[:：]?$",  # Gmail, Apple Mail, Thunderbird
)]
# Outlook's header block of the quoted mail: 发件人: … then one of these within a few lines.
_HEADER_BLOCK_FIRST = re.compile(r"^\*?(发件人|寄件者|寄件人|From)\s*\*?\s*[:：]", re.IGNORECASE)
_HEADER_BLOCK_NEXT = re.compile(r"^\*?(发送时间|发送日期|时间|日期|寄件日期|收件人|Sent|Date|To)\s*\*?\s*[:：]", re.IGNORECASE)
_SIGNATURE = ("-- ", "--")  # RFC 3676's separator; clients strip its space


def reply_text(lines: list[str]) -> list[str]:
    """The lines the writer wrote: quoted lines (`>`) and the quoted mail of
    a reply dropped."""
    kept: list[str] = []
    for at, line in enumerate(lines):
        stripped = line.strip()
        if any(p.match(stripped) for p in _QUOTE_STARTS) or _outlook_block(lines, at):
            break
        if stripped.startswith((">", "＞")):
            continue
        kept.append(line)
    return kept


def _outlook_block(lines: list[str], at: int) -> bool:
    if not _HEADER_BLOCK_FIRST.match(lines[at].strip()):
        return False
    return any(_HEADER_BLOCK_NEXT.match(line.strip()) for line in lines[at + 1:at + 5])


def without_signature(lines: list[str]) -> list[str]:
    for at, line in enumerate(lines):
        if line.rstrip("\r") in _SIGNATURE:
            return lines[:at]
    return lines


def unflowed(text: str, delete_space: bool) -> str:
    """format=flowed text with its soft line breaks (a line ending in a space) joined again."""
    lines: list[str] = []
    held = ""
    for line in body_lines(text):
        if line == "-- ":  # the signature separator is never a soft break
            lines += [held, line] if held else [line]
            held = ""
            continue
        line = line[1:] if line.startswith(" ") else line  # space-stuffing
        if line.endswith(" "):
            held += line[:-1] if delete_space else line
        else:
            lines.append(held + line)
            held = ""
    if held:
        lines.append(held)
    return "\n".join(lines)


def body_lines(text: str) -> list[str]:
    """Text as lines: CRLF and CR folded, no-break and ideographic spaces kept as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
