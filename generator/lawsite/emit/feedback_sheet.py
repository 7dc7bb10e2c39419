"""A printable 反馈单 per contact point and notice: what the point collected
and submitted on the draft (the notice's suggestions `from:` it), with
outcomes and reasons, on A4, for points that answer people on paper.

A standalone page like the point's sign (emit/sign.py), printed with the
same stylesheet (`assets/sign.css`); linked from the point's page. It names
the site's 查询我的意见 too, for the comments that came with a receipt.
Pure: the MkDocs adapter writes the returned HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..gather.site import Site
from ..model import GENERAL, ContactPoint, Document, Kind
from ..parse.schema import file_name_of
from ..render.i18n import translator
from ..render.phone import phone_html
from ..render.ledger import article_heading, suggestion_context
from ..render.templates import format_date, render
from ..settings import Settings
from ..urls import ASSET_DIR, LOOKUP_ID, SiteUrls, feedback_sheet_key

FEEDBACK_DIR = "feedback"


def feedback_sheet_uri(point_id: str, notice_id: str) -> str:
    """Where the 反馈单 of `point_id` on `notice_id` is written, relative to the site root."""
    return f"{FEEDBACK_DIR}/{file_name_of(point_id)}/{file_name_of(notice_id)}/index.html"


def feedback_sheets(site: Site, points: list[Document]) -> Iterator[tuple[Document, Document]]:
    """(point, notice) for every 反馈单 the site has."""
    for point in points:
        record = site.ledger.for_point(point.id)
        for notice_id in record.notice_ids if record else []:
            notice = site.get(notice_id)
            if notice is not None:
                yield point, notice


@dataclass(frozen=True)
class SheetLinks:
    back_href: str  # the contact point's page, relative to the sheet
    css_href: str
    js_href: str
    lookup: str  # 查询我的意见, absolute when the site has a site_url; "" when the site has none


def sheet_links(point: Document, notice: Document, urls: SiteUrls) -> SheetLinks | None:
    """The sheet's links; None when the point has no page."""
    links = urls.at(feedback_sheet_uri(point.id, notice.id))
    back_href = links.to(point.id)
    if back_href is None:
        return None
    lookup = urls.absolute(LOOKUP_ID) if urls.site_url else links.to(LOOKUP_ID)
    return SheetLinks(back_href, links.to_url(f"{ASSET_DIR}/sign.css"), links.to_url(f"{ASSET_DIR}/poster.js"), lookup or "")


def feedback_sheet_html(point: Document, notice: Document, site: Site, settings: Settings, links: SheetLinks) -> str:
    """The whole 反馈单 page of `point` on `notice`."""
    t = translator(settings.language)
    parsed = site.notices[notice.id]
    draft = site.get(parsed.concerns)
    articles = {a.id: a for a in draft.legal.articles} if draft is not None and draft.legal else {}
    names = {d.id: d.title for d in site.of_kind(Kind.CONTACT_POINT)}
    no_links = SiteUrls({}).at("")  # on paper: no link to follow
    entries = []
    for s in parsed.suggestions:
        if s.source != point.id:
            continue
        entry = suggestion_context(s, names, no_links, t)
        entry["article"] = article_heading(s.article, articles, t) if s.article != GENERAL else t("general_group")
        entries.append(entry)
    facts = point.contact_point or ContactPoint(None)
    sheet = {
        "lang": settings.language,
        "point": point.title,
        "notice": notice.title,
        "intro": t("feedback_sheet_intro", point=point.title, draft=draft.title if draft else parsed.concerns, notice=notice.title),
        "published": format_date(notice.published, settings.language) if notice.published else "",
        "entries": entries,
        "lookup": t("feedback_sheet_lookup", url=links.lookup) if links.lookup else "",
        "facts": [{"label": t(key), "value": phone_html(value) if key == "phone" else value} for key, value in (("address", facts.address), ("phone", facts.phone)) if value],
        "id": point.id,
        "links": links,
    }
    return render(settings.language, "feedback_sheet.html", sheet=sheet) + "\n"
