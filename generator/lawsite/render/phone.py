"""Telephone numbers in what editors write, as links a phone dials.

Wherever the site shows a number (a contact point's facts, the footer's
contact, a sign, a draft's comment box), each number in the text becomes a
`tel:` link, shown as people read it, and the words around it (hours,
"转 8012") stay as written:

- a landline with its area code, `0971 8888888` → shown `0971-8888888`,
  dialled `tel:+86-971-8888888`;
- a mobile, `13912345678` → shown `139 1234 5678`, dialled `tel:+86-139-1234-5678`;
- a service number without area code (12345, 12348, 95598, 400/800
  numbers) → dialled as it is, `tel:12345;phone-context=+86`, since it has no
  international form.

Why +86: a number in the global form is a valid `tel:` URI by itself
(RFC 3966), and it dials from any phone, a visitor's foreign SIM included;
inside China a mobile dials +86 as it dials the leading 0. An extension
(转/分机 8012) becomes a pause, `,8012`, which both Android and iOS dialers
send after the call connects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

# Digits may be grouped by spaces or hyphens (ASCII or full width); a
# number never continues a longer run of digits or a time (9:00).
_SEP = r"[\s\-－‐]?"
_NUMBER = re.compile(
    r"(?<![\d:：.])"
    r"(?:(?P<intl>\+86|0086)" + _SEP + r")?"
    r"(?:"
    r"(?P<mobile>1[3-9]\d" + _SEP + r"\d{4}" + _SEP + r"\d{4})"
    r"|[(（]?(?P<area>0\d{2,3})[)）]?" + _SEP + r"(?P<local>\d{3,4}" + _SEP + r"\d{4})"
    r"|(?P<service>(?:400|800)" + _SEP + r"\d{3}" + _SEP + r"\d{4}|1\d{4}|95\d{3,4})"
    r")"
    r"(?:\s?(?:转|分机|ext\.?|x)\s?(?P<ext>\d{1,6}))?"
    r"(?![\d:：])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PhoneNumber:
    shown: str  # as people read it
    href: str  # tel:…


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _parsed(match: re.Match[str]) -> PhoneNumber | None:
    ext = match["ext"]
    pause, said = (f",{ext}", f" 转 {ext}") if ext else ("", "")
    if match["mobile"]:
        d = _digits(match["mobile"])
        return PhoneNumber(f"{d[:3]} {d[3:7]} {d[7:]}{said}", f"tel:+86-{d[:3]}-{d[3:7]}-{d[7:]}{pause}")
    if match["area"]:
        area, local = match["area"], _digits(match["local"])
        if len(area) + len(local) not in (11, 12):  # a Chinese landline: 0 + area + number, 11 or 12 digits
            return None
        return PhoneNumber(f"{area}-{local}{said}", f"tel:+86-{area[1:]}-{local}{pause}")
    if match["intl"]:  # +86 before a service number: not a number anyone dials
        return None
    d = _digits(match["service"])
    shown = f"{d[:3]}-{d[3:6]}-{d[6:]}" if len(d) == 10 else d
    return PhoneNumber(f"{shown}{said}", f"tel:{d};phone-context=+86{pause}")


def phone_parts(text: str) -> list[str | PhoneNumber]:
    """`text` split into plain text and the numbers in it, in order."""
    parts: list[str | PhoneNumber] = []
    at = 0
    for match in _NUMBER.finditer(text):
        number = _parsed(match)
        if number is None:
            continue
        if match.start() > at:
            parts.append(text[at : match.start()])
        parts.append(number)
        at = match.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def phone_html(text: str) -> Markup:
    """`text` as HTML (escaped) with each number in it a `tel:` link."""
    return Markup("").join(
        Markup('<a class="ls-tel" href="{}">{}</a>').format(part.href, part.shown) if isinstance(part, PhoneNumber) else escape(part)
        for part in phone_parts(text)
    )
