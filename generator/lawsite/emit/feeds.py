"""Atom feeds (RFC 4287): one for the site, one per draft.

The site feed announces new consultations, notices, interpretations and
laws; a draft's feed announces its readings, the notices on them and their
interpretations. Pure: a Site, its page URLs and the settings in, bytes out.

Output is deterministic: entry dates come from the content (`published`,
`adopted`, the consultation's `opens`), the feed's `updated` is its newest
entry, and only a feed without entries falls back to the build time (which
honours SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape
from dataclasses import dataclass

from ..gather.site import Site
from ..model import Document, Kind
from ..parse.schema import file_name_of
from ..render.activities import activity_summary
from ..render.i18n import translator
from ..render.templates import format_date, render
from ..settings import Settings
from ..urls import PageLinks, relative_url
from .publisher import Publisher

ATOM = "http://www.w3.org/2005/Atom"
FEED_DIR = "feeds"
SITE_FEED = f"{FEED_DIR}/atom.xml"
SITE_FEED_LIMIT = 50  # newest entries in the site feed; a draft's feed keeps all
FEED_KINDS = (Kind.DRAFT, Kind.LAW, Kind.INTERPRETATION, Kind.NOTICE, Kind.ACTIVITY)
MEDIA_TYPE = "application/atom+xml"

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Entry:
    document: Document
    date: dt.date
    title: str
    summary: str | None


def draft_feed_path(document: Document) -> str:
    return f"{FEED_DIR}/{file_name_of(document.id)}.xml"


def entry_date(document: Document) -> dt.date | None:
    """The day a document became news: a consultation opening, a law adopted,
    anything else published."""
    if document.activity is not None:
        return document.activity.date
    comments = document.comments
    dates = (document.adopted, document.published, document.effective) if document.kind is Kind.LAW else (document.published,)
    for value in dates:
        if value is not None:
            return value
    return comments.opens if comments and comments.opens else None


def _entry(document: Document, site: Site, settings: Settings, reading: bool = False) -> Entry | None:
    date = entry_date(document)
    if date is None:
        return None
    t = translator(settings.language)
    title, summary = document.title, document.summary or document.description or None
    if document.id in site.consultations:
        title = t("feed_entry_reading" if reading else "feed_entry_draft", title=document.title)
        summary = summary or t("feed_summary_deadline", date=format_date(document.comments.closes, settings.language))
    counted = site.ledger.notices.get(document.id) if document.kind is Kind.NOTICE else None
    if counted is not None and summary is None:
        figures = counted.figures  # the notice page's own (gather/ledger.py: Figures)
        summary = t("feed_summary_received", received=figures.received, itemised=figures.itemised, entries=figures.entries)
    if document.activity is not None and summary is None:
        summary = activity_summary(document.activity, site, settings.language)
    return Entry(document, date, title, summary)


def site_entries(site: Site, settings: Settings) -> list[Entry]:
    entries = [e for d in site.of_kind(*FEED_KINDS) if (e := _entry(d, site, settings))]
    return _newest_first(entries)[:SITE_FEED_LIMIT]


def draft_entries(site: Site, draft: Document, settings: Settings) -> list[Entry]:
    """The draft's readings (and the law it became), the notices on them and
    their interpretations."""
    chain = site.readings(draft)
    ids = {d.id for d in chain}
    related = [
        d
        for d in site.of_kind(Kind.NOTICE, Kind.INTERPRETATION)
        if (d.concerns or d.interprets) in ids
    ]
    entries = [e for i, d in enumerate(chain) if (e := _entry(d, site, settings, reading=i > 0))]
    entries += [e for d in related if (e := _entry(d, site, settings))]
    entries += [e for d in site.activities if d.activity and ids & set(d.activity.drafts) and (e := _entry(d, site, settings))]
    return _newest_first(entries)


def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.document.id), reverse=True)


def timestamp(date: dt.date, settings: Settings) -> str:
    """Midnight of `date` in the site's time zone, RFC 3339."""
    return dt.datetime.combine(date, dt.time(0), tzinfo=settings.tz).isoformat()


def stable_id(where: Publisher, name: str) -> str:
    """An id that survives renaming a page: from the site and a document id."""
    base = where.settings.site_url or where.name
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base}#{name}"))


def _href(where: Publisher, url: str, feed_path: str) -> str:
    """Absolute when the site has a `site_url`, else relative to the feed file."""
    if where.settings.site_url:
        return where.settings.site_url + url
    return relative_url(feed_path, url)


def feed_xml(where: Publisher, feed_path: str, title: str, entries: list[Entry], home_url: str = "") -> bytes:
    """One Atom document. `home_url` is the page the feed is about."""
    settings = where.settings
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": settings.language})
    _text(root, "id", stable_id(where, feed_path))
    _text(root, "title", title)
    updated = max((e.date for e in entries), default=None)
    _text(root, "updated", timestamp(updated, settings) if updated else settings.build_time().replace(microsecond=0).isoformat())
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", where.name)
    _link(root, _href(where, feed_path, feed_path), "self", MEDIA_TYPE)
    _link(root, _href(where, home_url, feed_path), "alternate", "text/html")
    _text(root, "generator", "lawsite")
    for entry in entries:
        _entry_xml(root, where, feed_path, entry)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry_xml(root: ET.Element, where: Publisher, feed_path: str, entry: Entry) -> None:
    node = ET.SubElement(root, f"{{{ATOM}}}entry")
    document = entry.document
    _text(node, "id", stable_id(where, f"{document.kind.value}/{document.id}"))
    _text(node, "title", entry.title)
    stamp = timestamp(entry.date, where.settings)
    _text(node, "published", stamp)
    _text(node, "updated", stamp)
    url = where.urls.url(document.id)
    if url is not None:
        _link(node, _href(where, url, feed_path), "alternate", "text/html")
    ET.SubElement(node, f"{{{ATOM}}}category", {"term": document.kind.value, "label": translator(where.settings.language)(f"kind_{document.kind.value}")})
    if entry.summary:
        _text(node, "summary", entry.summary)


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": href})


def feed_files(site: Site, where: Publisher) -> dict[str, bytes]:
    """Every feed of the site by its path in the built site."""
    t = translator(where.settings.language)
    files = {SITE_FEED: feed_xml(where, SITE_FEED, t("feed_site", site=where.name), site_entries(site, where.settings))}
    for draft in site.of_kind(Kind.DRAFT):
        url = where.urls.url(draft.id)
        if url is None:
            continue
        path = draft_feed_path(draft)
        entries = draft_entries(site, draft, where.settings)
        files[path] = feed_xml(where, path, t("feed_draft", title=draft.title), entries, url)
    files[FEED_SITEMAP] = feed_sitemap(where, list(files))
    return files


# Material's script fetches `sitemap.xml` beside every <link rel="alternate">
# (to map a page between language versions), so every page asked for
# feeds/sitemap.xml and got a 404. It is the sitemap of this folder: the feeds.
FEED_SITEMAP = f"{FEED_DIR}/sitemap.xml"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def feed_sitemap(where: Publisher, feed_paths: list[str]) -> bytes:
    """The sitemap of the feeds folder (its URLs absolute, as sitemaps require:
    none without a site_url)."""
    base = where.settings.site_url
    urls = "".join(f"<url><loc>{escape(base + path)}</loc></url>" for path in feed_paths) if base else ""
    return f'<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="{SITEMAP}">{urls}</urlset>\n'.encode("utf-8")


def head_links(document: Document | None, links: PageLinks, language: str) -> list[dict[str, str]]:
    """The `<link rel="alternate">` tags of a page: the site feed, and on a
    draft its own feed.

    Relative even with a site_url: Material's script fetches `sitemap.xml`
    beside every rel=alternate link, and an absolute link made every page of
    a preview or mirror contact the production host."""
    t = translator(language)
    feeds = [{"href": links.to_url(SITE_FEED), "title": t("feed_link_site")}]
    if document is not None and document.kind is Kind.DRAFT:
        feeds.append({"href": links.to_url(draft_feed_path(document)), "title": t("feed_link_draft")})
    return feeds


def head_links_html(document: Document | None, links: PageLinks, language: str) -> str:
    return render(language, "partials/feed_links.html", links=head_links(document, links, language)) + "\n"
