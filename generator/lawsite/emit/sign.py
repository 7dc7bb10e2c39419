"""A standing QR sign per contact point: one printable A4 page with the
point's name, address, hours and a QR code that opens the site's open
consultations (the home page's "open now") with that point preselected
(`?point=ID`, kept for the visit by reader.js). A comment made after
scanning it carries the point's id: into the comment service (`point`), the
form template (`{point}`) and the mail body; so into the collect format,
tally's `from` and the ledger's per-point counts.

It names no draft, so it stays right after every consultation: print once,
put up for good. Pure: the MkDocs adapter writes the returned HTML.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from ..model import ContactPoint, Document
from ..parse.schema import file_name_of
from ..render.i18n import translator
from ..render.phone import phone_html
from ..render.templates import render
from ..settings import Settings
from ..urls import ASSET_DIR, SiteUrls
from .qr import QrCodes

SIGN_DIR = "signs"
OPEN_NOW = "ls-open-now"  # the home page's "open now" heading (partials/listing.html)


def sign_uri(point: Document) -> str:
    """Where the sign of contact point `point` is written, relative to the site root."""
    return f"{SIGN_DIR}/{file_name_of(point.id)}/index.html"


def sign_target(site_url: str, point_id: str) -> str:
    """What the QR code opens: the open consultations, the point preselected."""
    return f"{site_url}?{urllib.parse.urlencode({'point': point_id})}#{OPEN_NOW}"


@dataclass(frozen=True)
class SignLinks:
    target: str  # the QR code's address (absolute when site_url is set)
    back_href: str  # the contact point's page, relative to the sign
    css_href: str
    js_href: str


def sign_links(point: Document, urls: SiteUrls) -> SignLinks | None:
    """The sign's links, relative to the sign; None when the point has no page."""
    links = urls.at(sign_uri(point))
    back_href = links.to(point.id)
    if back_href is None:
        return None
    home = urls.site_url or links.to_url("")
    return SignLinks(sign_target(home, point.id), back_href, links.to_url(f"{ASSET_DIR}/sign.css"), links.to_url(f"{ASSET_DIR}/poster.js"))


def sign_html(point: Document, settings: Settings, links: SignLinks, qr: QrCodes | None = None) -> str:
    """The whole sign page of a contact point."""
    t = translator(settings.language)
    facts = point.contact_point or ContactPoint(None)
    shown = (("address", facts.address), ("hours", facts.hours), ("phone", facts.phone))
    sign = {
        "lang": settings.language,
        "title": point.title,
        "id": point.id,
        "facts": [{"label": t(key), "value": phone_html(value) if key == "phone" else value} for key, value in shown if value],
        "qr": (qr or QrCodes()).svgs([(links.target, "ls-sign__code")])[0],
        "target": links.target,
        "links": links,
    }
    return render(settings.language, "sign.html", sign=sign) + "\n"
