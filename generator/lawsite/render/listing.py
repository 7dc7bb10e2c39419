"""The home page listing: consultations open now first, then the rest by kind
and date (newest first)."""

from __future__ import annotations

import datetime as dt

from ..model import Document, Kind
from ..settings import Settings
from ..consultation import State
from .i18n import translator
from .legal import banner_context, consultation
from .templates import format_date, render

# The order of the groups under "open now".
LISTED_KINDS = (Kind.DRAFT, Kind.NOTICE, Kind.INTERPRETATION, Kind.LAW, Kind.CONTACT_POINT)


def _date_of(document: Document) -> dt.date:
    for value in (document.published, document.adopted, document.effective):
        if value is not None:
            return value
    return dt.date.min


def _entry(document: Document, href: str, settings: Settings) -> dict[str, object]:
    status = consultation(document, settings)
    date = _date_of(document)
    facts = " · ".join(
        str(part)
        for part in (document.stage, format_date(date, settings.language) if date != dt.date.min else None)
        if part
    )
    return {
        "title": document.title,
        "href": href,
        "banner": banner_context(status, document, settings) if status else None,
        "facts": facts,
        "summary": document.summary,
    }


def home_listing_html(documents: list[Document], hrefs: dict[str, str], settings: Settings) -> str:
    """`hrefs` maps a document id to its page URL relative to the home page."""
    t = translator(settings.language)
    listed = [d for d in documents if d.kind in LISTED_KINDS and d.id in hrefs]
    listed.sort(key=lambda d: (_date_of(d), d.id), reverse=True)
    open_now = [d for d in listed if (s := consultation(d, settings)) and s.state is not State.CLOSED]
    open_now.sort(key=lambda d: (d.comments.closes, d.id))  # type: ignore[union-attr]
    groups = []
    for kind in LISTED_KINDS:
        rest = [d for d in listed if d.kind is kind and d not in open_now]
        if rest:
            groups.append({"kind": kind.value, "title": t(f"kind_{kind.value}"), "entries": [_entry(d, hrefs[d.id], settings) for d in rest]})
    listing = {"open": [_entry(d, hrefs[d.id], settings) for d in open_now], "groups": groups}
    return render(settings.language, "partials/listing.html", listing=listing)
