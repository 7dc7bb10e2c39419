"""An office mailbox → rows: an mbox file, a Maildir, a folder of `.eml` or single `.eml` files.

Mails the site wrote (an article's mail link, the basket) give one row per
article, the article recovered from its link (`…#art_12`) or its label;
any other mail gives one row without an article, for 整理. A line
联系点：<id> (a contact point's page and its QR code add it) gives each row
its point and is not part of the text. Quoted replies
and signatures are dropped, attachments named (never read), auto-replies
and second copies of a Message-ID skipped and counted.

Bounded: a mail over MAX_MAIL_BYTES is never held (an mbox is split here,
a line at a time, rather than by `mailbox.mbox`, which reads whole lines of
any length while it indexes the file); a mail with more than MAX_PARTS
parts is refused before the parser builds them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from email import policy
from email.errors import MessageError
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from ..messages import Text, msg
from ..model import Problem, Severity
from ..parse.notice import resolve_article
from .table import Collected, Row, Target, iso_day_or_moment
from .templates import Piece, point_of, read_site_mail, subject_articles, tidy
from .text import body_lines, decode_bytes, decode_header_value, html_to_text, reply_text, unflowed, without_signature

MAX_MAIL_BYTES = 12 * 1024 * 1024  # a letter with a scanned page or two fits; parsing takes ~8 times its size in memory
MAX_PARTS = 100
MAX_LINES = 250_000  # a 12 MiB attachment in base64 is 165,000 lines
MAX_HTML_CHARS = 512 * 1024  # html.parser takes ~1 s a megabyte of dense tags; a mail's HTML is tens of kilobytes
READ_LINE = 64 * 1024  # an mbox is read in lines of at most this many bytes
CHANNEL = "mail"
_AUTO_SUBJECT = re.compile(r"^\s*(自动回复|自動回覆|自动答复|自動回復|自动应答|Auto(matic)?[ -]?(reply|response)|Auto:|Out of (the )?Office|外出)", re.IGNORECASE)
_UNREADABLE = (MessageError, ValueError, TypeError, LookupError, IndexError, AttributeError)  # what the email package raises on broken input


@dataclass(frozen=True)
class RawMail:
    path: str  # the file it is in
    line: int | None  # its "From " line in an mbox
    data: bytes | None  # None: larger than MAX_MAIL_BYTES, not read
    size: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


# --- reading the mailbox -------------------------------------------------------------------


def is_maildir(folder: Path) -> bool:
    return (folder / "cur").is_dir() or (folder / "new").is_dir()


def mbox_mails(path: Path) -> Iterator[RawMail]:
    """Each mail of an mbox file: its lines from one `From ` line to the next
    (`>From ` unescaped), never more than MAX_MAIL_BYTES of it held."""
    with path.open("rb") as handle:
        line, start, size, at_line_start = 0, 0, 0, True
        chunks: list[bytes] = []
        while piece := handle.readline(READ_LINE):
            if at_line_start:
                line += 1
            if at_line_start and piece.startswith(b"From "):
                if start:
                    yield _raw(path, start, chunks, size)
                start, size, chunks = line, 0, []
            elif start:
                size += len(piece)
                if size <= MAX_MAIL_BYTES:
                    chunks.append(piece[1:] if at_line_start and re.match(rb">+From ", piece) else piece)
                else:
                    chunks = []
            at_line_start = piece.endswith(b"\n")
        if start:
            yield _raw(path, start, chunks, size)


def _raw(path: Path, start: int, chunks: list[bytes], size: int) -> RawMail:
    return RawMail(str(path), start, b"".join(chunks) if size <= MAX_MAIL_BYTES else None, size)


def file_mail(path: Path) -> RawMail:
    size = path.stat().st_size
    if size > MAX_MAIL_BYTES:
        return RawMail(str(path), None, None, size)
    return RawMail(str(path), None, path.read_bytes(), size)


def maildir_mails(folder: Path) -> Iterator[RawMail]:
    """The delivered mails of a Maildir (new/ and cur/; tmp/ is mail still arriving)."""
    for sub in ("new", "cur"):
        if (folder / sub).is_dir():
            for path in sorted((folder / sub).iterdir()):
                if path.is_file() and not path.name.startswith("."):
                    yield file_mail(path)


def eml_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The folder's .eml files, and its other files (not read), in name order."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [p for p in files if p.suffix.lower() == ".eml"], [p for p in files if p.suffix.lower() != ".eml"]


# --- one mail → rows ------------------------------------------------------------------


def collect_mail(raw: RawMail, origin: str, target: Target, into: Collected) -> None:
    def skip(message: Text, hint: Text, code: str) -> None:
        into.skip(Problem(raw.path, raw.line, None, message, hint, Severity.WARNING, code))

    if raw.data is None:
        skip(msg("collect-mail-too-large", size=f"{raw.size:,}", limit=f"{MAX_MAIL_BYTES:,}"), msg("collect-mail-too-large.hint"), "collect-mail-too-large")
        return
    try:
        mail = _read(raw, target)
    except _Refused as refused:
        skip(*refused.args)
        return
    except _UNREADABLE as exc:
        skip(msg("collect-mail-unreadable", error=str(exc)), msg("collect-mail-unreadable.hint"), "collect-mail-unreadable")
        return
    if mail.auto_reply:
        skip(msg("collect-auto-reply", id=mail.message_id, why=mail.auto_reply), msg("collect-auto-reply.hint"), "collect-auto-reply")
        return
    if not into.first_message(mail.message_id):
        skip(msg("collect-mail-duplicate", id=mail.message_id), msg("collect-mail-duplicate.hint"), "collect-mail-duplicate")
        return
    _rows_of(mail, raw, origin, target, into)


@dataclass(frozen=True)
class _Mail:
    message_id: str
    subject: str
    received: str
    lines: list[str]  # the body as the writer wrote it (quotes dropped, signature kept)
    attachments: tuple[str, ...]
    auto_reply: str  # why it is one, "" when not


class _Refused(Exception):
    """A mail not read for its shape: (message, hint, code)."""


def _too_many_parts() -> _Refused:
    return _Refused(msg("collect-mail-parts", limit=MAX_PARTS), msg("collect-mail-parts.hint"), "collect-mail-parts")


def _read(raw: RawMail, target: Target) -> _Mail:
    assert raw.data is not None
    if raw.data.count(b"\n--") > 2 * MAX_PARTS:  # each part needs a boundary line: refuse before the parser builds them
        raise _too_many_parts()
    if (lines := raw.data.count(b"\n")) > MAX_LINES:  # the parser holds each line as an object of its own
        raise _Refused(msg("collect-mail-lines", n=f"{lines:,}", limit=f"{MAX_LINES:,}"), msg("collect-mail-text.hint"), "collect-mail-lines")
    message = BytesParser(policy=policy.default).parsebytes(raw.data)
    headers: dict[str, str] = {}
    for name, value in message.raw_items():
        headers.setdefault(name.lower(), str(value))
    subject = decode_header_value(headers.get("subject", ""))
    message_id = " ".join(headers.get("message-id", "").split()) or "sha256:" + hashlib.sha256(raw.data).hexdigest()[:32]
    text, attachments = _body(message)
    return _Mail(message_id, subject, _received(headers.get("date", ""), target), reply_text(body_lines(text)), attachments, _auto_reply(headers, subject))


def _auto_reply(headers: dict[str, str], subject: str) -> str:
    if headers.get("auto-submitted", "no").strip().lower() != "no":
        return "Auto-Submitted: " + headers["auto-submitted"].strip()
    for name in ("x-autoreply", "x-autorespond"):
        if name in headers:
            return name.title()
    if headers.get("precedence", "").strip().lower() == "auto_reply":
        return "Precedence: auto_reply"
    if _AUTO_SUBJECT.match(subject):
        return f"subject {subject!r}"
    return ""


def _received(date: str, target: Target) -> str:
    try:
        moment = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return ""
    return iso_day_or_moment(moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc), target.tz)


def _body(message: Message) -> tuple[str, tuple[str, ...]]:
    """The mail's text (its first plain-text part, else its first HTML part
    as text) and the names of its attachments."""
    plain = html = None
    attachments: list[str] = []
    for count, part in enumerate(message.walk(), 1):
        if count > MAX_PARTS:
            raise _too_many_parts()
        if part.is_multipart():
            continue
        name = part.get_filename()
        if part.get_content_disposition() == "attachment" or name:
            attachments.append(decode_header_value(name or f"({part.get_content_type()})"))
        elif part.get_content_type() == "text/plain" and plain is None:
            plain = _decoded(part)
        elif part.get_content_type() == "text/html" and html is None:
            html = _decoded(part)
    if not (plain or "").strip() and html is not None:  # HTML only, or an empty plain part beside it
        if len(html) > MAX_HTML_CHARS:
            raise _Refused(msg("collect-mail-html-too-large", n=f"{len(html):,}", limit=f"{MAX_HTML_CHARS:,}"), msg("collect-mail-text.hint"), "collect-mail-html-too-large")
        plain = html_to_text(html)
    return plain or "", tuple(attachments)


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_bytes(payload, part.get_content_charset())
    if str(part.get_param("format", "")).lower() == "flowed":  # Thunderbird's soft line breaks (RFC 3676)
        return unflowed(text, str(part.get_param("delsp", "")).lower() == "yes")
    return text


def _rows_of(mail: _Mail, raw: RawMail, origin: str, target: Target, into: Collected) -> None:
    key = "mail-" + hashlib.sha256(mail.message_id.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    source = f"{raw.where} {mail.message_id}"
    point, lines = point_of(mail.lines)
    site = read_site_mail(lines)

    def row(suffix: str, text: str, article: str = "", flags: tuple[Text, ...] = ()) -> Row:
        if point and point not in target.points:
            unknown = msg("collect-unknown-point", point=point)
            into.flag(Problem(raw.path, raw.line, "point", unknown, msg("collect-unknown-point.hint"), Severity.WARNING, "collect-unknown-point"))
            flags += (unknown,)
        return Row(key + suffix, CHANNEL, text, source, article=article, point=point, received=mail.received, subject=mail.subject, attachments=mail.attachments, flags=flags)

    if site is not None:
        if " ".join(site.title.split()) != " ".join(target.draft.title.split()):
            into.skip(Problem(raw.path, raw.line, None, msg("collect-other-draft", id=mail.message_id, title=site.title, draft=target.draft.id), msg("collect-other-draft.hint"), Severity.WARNING, "collect-other-draft"))
            return
        numbered = len(site.pieces) > 1
        for n, piece in enumerate(site.pieces, 1):
            if not piece.text:
                into.skip(Problem(raw.path, raw.line, None, msg("collect-empty.basket", id=mail.message_id, label=piece.label), msg("collect-empty.hint"), Severity.WARNING, "collect-empty"))
                continue
            article, flags = _article_of(piece, target, raw, mail, into)
            into.add(row(f"-{n}" if numbered else "", piece.text, article, flags), origin)
        return
    text = tidy(without_signature(lines))
    if not text and not mail.attachments:
        into.skip(Problem(raw.path, raw.line, None, msg("collect-empty.mail", id=mail.message_id), msg("collect-empty.mail.hint"), Severity.WARNING, "collect-empty"))
        return
    named = subject_articles(mail.subject, target.draft) or ()
    resolved = [a for a in (_resolved(n, target) for n in named) if a]
    article = resolved[0] if len(resolved) == 1 else ""
    into.add(row("", text, article, () if text else (msg("collect-attachment-only"),)), origin)


def _resolved(named: str, target: Target) -> str:
    if target.has_article(named):
        return named
    return resolve_article(named, target.draft) or ""


def _article_of(piece: Piece, target: Target, raw: RawMail, mail: _Mail, into: Collected) -> tuple[str, tuple[Text, ...]]:
    if not piece.label and not piece.fragment:  # written above a basket's articles: for 整理
        return "", ()
    article = _resolved(piece.fragment, target) if piece.fragment else ""
    if not article:
        article = _resolved(piece.label, target)
    if article:
        return article, ()
    into.flag(Problem(raw.path, raw.line, "article", msg("collect-unknown-article.mail", id=mail.message_id, draft=target.draft.id, label=piece.label), msg("collect-unknown-article.hint"), Severity.WARNING, "collect-unknown-article"))
    return "", (msg("collect-unknown-article", draft=target.draft.id, article=piece.label),)
