"""Mails as Chinese clients send them, written byte by byte by the tests
(never a real person's mail): any charset, base64 or quoted-printable, RFC
2047 subjects (also mislabelled ones), HTML, multipart with attachments, and
the site's own mail link and basket mails."""

from __future__ import annotations

import base64
import quopri
import urllib.parse
from pathlib import Path

from lawsite.render.comments import mailto_href, template_values
from lawsite.render.i18n import translator

SITE = "https://site.example.org/drafts/open/"


def word(text: str, charset: str, encoding: str = "B") -> str:
    """One RFC 2047 encoded word (`charset` is what it declares and what it is)."""
    return encoded_word(text.encode(charset), charset, encoding)


def encoded_word(data: bytes, declared: str, encoding: str = "B") -> str:
    """An encoded word declaring `declared`, whatever `data` really is."""
    if encoding == "B":
        payload = base64.b64encode(data).decode()
    else:
        payload = quopri.encodestring(data, header=True).decode().replace("\n", "")
    return f"=?{declared}?{encoding}?{payload}?="


def body_part(text: str | bytes, charset: str = "utf-8", cte: str = "base64", subtype: str = "plain", declared: str | None = None) -> bytes:
    data = text if isinstance(text, bytes) else text.encode(charset)
    if cte == "base64":
        encoded = base64.encodebytes(data)
    elif cte == "quoted-printable":
        encoded = quopri.encodestring(data)
    else:
        encoded = data
    head = f'Content-Type: text/{subtype}; charset="{declared or charset}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n'
    return head.encode() + encoded


def attachment(name_header: str, data: bytes = b"%PDF-1.4 not read\n") -> bytes:
    head = f"Content-Type: application/pdf\r\nContent-Disposition: attachment; {name_header}\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    return head.encode() + base64.encodebytes(data)


def multipart(parts: list[bytes], subtype: str = "mixed", boundary: str = "==b0undary==") -> bytes:
    out = [f'Content-Type: multipart/{subtype}; boundary="{boundary}"\r\n\r\nThis is a multi-part message.\r\n'.encode()]
    for part in parts:
        out.append(f"--{boundary}\r\n".encode() + part + b"\r\n")
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out)


def message(subject: str, body: bytes, message_id: str | None = "<m1@mail.example.cn>", extra: str = "", date: str = "Thu, 05 Nov 2026 09:30:00 +0800") -> bytes:
    """A whole mail: `subject` as it stands in the header (encode it with `word`), `body` a part."""
    head = "From: reader@mail.example.cn\r\nTo: test@example.org\r\n" + f"Subject: {subject}\r\nDate: {date}\r\nMIME-Version: 1.0\r\n"
    if message_id:
        head += f"Message-ID: {message_id}\r\n"
    return head.encode() + extra.encode() + body


def site_mail(draft, article_id: str, comment: str) -> tuple[str, str]:
    """(subject, body) of the mail an article's mail link opens, as the site
    builds it (render/notes/comment_entry.py), with `comment` typed in its place."""
    article = next(a for a in draft.legal.articles if a.id == article_id)
    url = SITE + "#" + article.id
    body = translator("zh")("mail_body", title=draft.title, label=article.label, url=url)
    href = mailto_href(draft.comments, template_values(draft, article, url), body)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
    subject, written = query["subject"][0], query["body"][0]
    lines = written.split("\r\n")
    return subject, "\r\n".join([lines[0], "", comment, *lines[1:]])


def basket_mail(draft, comments: dict[str, str], name: str = "", contact: str = "", language: str = "zh") -> tuple[str, str]:
    """(subject, body) of a basket mail, laid out as assets/basket.js lays it
    out, from the same labels."""
    t = translator(language)
    labels = {a.id: a.label for a in draft.legal.articles}
    lines = [t("basket_body_intro", title=draft.title), ""]
    for article_id, text in comments.items():
        lines.append(t("basket_body_item", label=labels[article_id]))
        if text:
            lines.append(text)
        lines += [t("basket_body_field", name=t("basket_body_link"), value=SITE + "#" + article_id), ""]
    if name:
        lines.append(t("basket_body_field", name=t("basket_body_name"), value=name))
    if contact:
        lines.append(t("basket_body_field", name=t("basket_body_contact"), value=contact))
    subject = draft.comments.subject.replace("{title}", draft.title).replace("{label}", t("basket_joiner").join(labels[a] for a in comments))
    return subject, "\r\n".join(lines).rstrip("\r\n") + "\r\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def mbox(mails: list[bytes]) -> bytes:
    """An mbox (mboxrd): each mail after a `From ` line, `From ` in a body escaped."""
    out = []
    for n, mail in enumerate(mails):
        lines = mail.replace(b"\r\n", b"\n").split(b"\n")
        escaped = [b">" + line if line.lstrip(b">").startswith(b"From ") else line for line in lines]
        out.append(f"From reader{n}@mail.example.cn Thu Nov  5 09:30:00 2026\n".encode() + b"\n".join(escaped) + b"\n")
    return b"".join(out)
