"""Open data: every document as JSON, an index, and a CSV of all suggestions.

Layout in the built site (documented in `content/open-data.md`):

    data/index.json                 every document: id, kind, title, URLs
    data/documents/<id>.json        one document: metadata, divisions, articles
                                    (ids, paragraphs and items), interpretation and ledger per article;
                                    a contact point's tier and yearly 台账, an activity's facts
    data/suggestions.csv            every itemised suggestion with its outcome
    data/schema/*.schema.json       the JSON Schemas the files follow

Pure: a Site, page URLs and settings in, `{path: bytes}` out. The schemas
live in `lawsite/emit/schema/` and are validated against in the tests.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Collection, Iterator

from ..gather.accounts import Account, account, years
from ..gather.ledger import ArticleLedger, Ledger
from ..gather.site import Site
from ..model import GENERAL, Activity, Article, Document, Kind, Suggestion
from ..outline import outline_dict
from ..parse.schema import file_name_of
from ..parse.static_files import beside
from .cells import spreadsheet_csv
from ..urls import LOOKUP_ID
from .publisher import Publisher

DATA_DIR = "data"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SCHEMAS = ("document.schema.json", "index.schema.json")
# 2: articles without the duplicate `text`, `url` a fragment;
# 3: optional article and paragraph fields left out at their default.
FORMAT_VERSION = 3
CSV_COLUMNS = (
    "notice_id", "notice_title", "document_id", "document_title", "article_id", "article_label",
    "from", "from_name", "count", "text", "outcome", "reason",
)


def document_path(doc_id: str) -> str:
    return f"{DATA_DIR}/documents/{file_name_of(doc_id)}.json"


def json_value(value: Any) -> Any:
    """Front matter as JSON: dates as ISO strings, anything else unknown as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


# --- one document -------------------------------------------------------------


def _divisions(outline: list[dict[str, Any]], parent: str | None) -> list[dict[str, Any]]:
    """The outline's division tree, flattened in text order with each parent's id."""
    out: list[dict[str, Any]] = []
    for division in outline:
        out.append({key: division[key] for key in ("id", "kind", "number", "label", "title")} | {"parent": parent})
        out.extend(_divisions(division["children"], division["id"]))
    return out


def _interpretations(site: Site, data: Publisher) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(interpreted doc id, article id) → the sections that explain it."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for document in site.of_kind(Kind.INTERPRETATION):
        parsed = document.interpretation
        if parsed is None:
            continue
        for section in parsed.sections:
            record = {
                "document": document.id,
                "heading": section.heading,
                "url": data.urls.absolute(document.id, section.anchor),
                "text": section.body.strip(),
            }
            for article_id in section.article_ids:
                found.setdefault((parsed.interprets, article_id), []).append(record)
    return found


def _suggestion(suggestion: Suggestion, notice_id: str) -> dict[str, Any]:
    return {
        "notice": notice_id,
        "from": suggestion.source,
        "count": suggestion.count,
        "text": suggestion.text,
        "outcome": suggestion.outcome.value,
        "reason": suggestion.reason,
    }


def _ledger(entry: ArticleLedger | None, notice_of: dict[int, str]) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "total": entry.total,
        "entries": entry.tally.entries,
        "counts": {outcome.value: n for outcome, n in entry.counts.items()},
        "suggestions": [_suggestion(s, notice_of.get(id(s), entry.notice_id)) for s in entry.suggestions],
    }


def _article(article: Article, division: str | None, document: Document, data: Publisher, extras: "_Extras") -> dict[str, Any]:
    record = {
        "id": article.id,
        "number": article.number,
        "sub": article.sub,
        "label": article.label,
        "caption": article.caption,
        "repealed": article.repealed,
        "division": division,
        # Relative to the document's `url` (64,000 absolute URLs were 13 MB).
        "url": f"#{article.id}",
        "paragraphs": [
            _without_defaults(
                {
                    "id": para.id,
                    "number": para.number,
                    "text": para.text,
                    "items": [{"id": item.id, "number": item.number, "label": item.label, "text": item.text} for item in para.items],
                }
            )
            for para in article.paragraphs
        ],
        "interpretation": extras.interpretations.get((document.id, article.id), []),
        "ledger": _ledger(extras.ledger.for_article(document.id, article.id), extras.notice_of),
    }
    return _without_defaults(record)


# Format 3: these fields are left out where they hold their default (the
# schema names it): most articles have no 之M, caption, interpretation or
# ledger, most paragraphs no items; written out, they were 6 MB of the corpus.
OPTIONAL_DEFAULTS: dict[str, Any] = {"sub": None, "caption": None, "repealed": False, "items": [], "interpretation": [], "ledger": None}


def _without_defaults(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if not _is_default(key, value)}


def _is_default(key: str, value: Any) -> bool:
    default = OPTIONAL_DEFAULTS.get(key, ...)
    return type(value) is type(default) and value == default  # the type: 0 is not False


def value_of(record: dict[str, Any], key: str) -> Any:
    """A field of an article or paragraph record, its default where left out."""
    return record.get(key, OPTIONAL_DEFAULTS.get(key))


def record_text(article: dict[str, Any]) -> str:
    """An article record's whole text, as `Article.plain_text`: each paragraph's
    text, then its items (label + text), one per line. Readers rebuild it this
    way; it is not stored a second time beside `paragraphs`."""
    lines: list[str] = []
    for para in article["paragraphs"]:
        if para["text"]:
            lines.append(para["text"])
        lines.extend(item["label"] + item["text"] for item in value_of(para, "items"))
    return "\n".join(lines)


@dataclass
class _Extras:
    """What is computed once for the whole site and looked up per article."""

    ledger: Ledger
    interpretations: dict[tuple[str, str], list[dict[str, Any]]]
    notice_of: dict[int, str]  # id(suggestion) → the notice that itemises it


def _extras(site: Site, data: Publisher) -> _Extras:
    notice_of = {id(s): n.id for n in site.notices.values() for s in n.suggestions}
    return _Extras(site.ledger, _interpretations(site, data), notice_of)


def document_record(document: Document, site: Site, data: Publisher, extras: _Extras | None = None) -> dict[str, Any]:
    """One document's open data (see schema/document.schema.json)."""
    extras = extras or _extras(site, data)
    legal = document.legal
    outline = outline_dict(legal) if legal else None  # divisions, and the division of each article
    division_of = {a["id"]: a["division"] for a in outline["articles"]} if outline else {}
    record: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": document.id,
        "kind": document.kind.value,
        "title": document.title,
        "url": data.urls.absolute(document.id),
        "source": document.path,
        # A notice's raw `suggestions` are replaced by the parsed ones below.
        "metadata": json_value({k: v for k, v in document.meta.items() if k != "suggestions"}),
        "divisions": _divisions(outline["divisions"], None) if outline else [],
        "articles": [_article(a, division_of[a.id], document, data, extras) for a in legal.articles] if legal else [],
        "general": _ledger(extras.ledger.for_article(document.id, GENERAL), extras.notice_of),
    }
    if document.kind is Kind.CONTACT_POINT:
        record["tier"] = _tier(document, site)
        record["accounts"] = [_account(account(site, document.id, year)) for year in years(site)]
    if document.activity is not None:
        record["activity"] = _activity(document, document.activity)
    notice = site.notices.get(document.id) if document.kind is Kind.NOTICE else None
    if notice is not None:
        record["suggestions"] = [{"article": s.article, **_suggestion(s, notice.id)} for s in notice.suggestions]
        record["forwarded"] = notice.forwarded
    return record


def _tier(point: Document, site: Site) -> dict[str, Any]:
    """Its place in the tiers: the point above it and those directly below."""
    return {"parent": site.tiers.parents.get(point.id), "children": site.tiers.children.get(point.id, [])}


def _account(found: Account) -> dict[str, Any]:
    """A year of its 台账, the points below it included (gather/accounts.py)."""
    return {
        "year": found.year, "activities": [d.id for d in found.activities], "people": found.people,
        "collected": found.collected, "forwarded": found.forwarded, "adopted": found.adopted, "drafts": found.drafts,
    }


def _activity(document: Document, facts: Activity) -> dict[str, Any]:
    photos = [path for name in facts.photos if (path := beside(document.path, name))]
    return {
        "type": facts.type, "date": facts.date.isoformat(), "point": facts.point, "drafts": list(facts.drafts),
        "participants": facts.participants, "collected": facts.collected, "photos": photos,
    }


def index_record(site: Site, data: Publisher) -> dict[str, Any]:
    """The list of documents (see schema/index.schema.json)."""
    entries = []
    for document in site.documents.values():
        legal = document.legal
        entries.append({
            "id": document.id,
            "kind": document.kind.value,
            "title": document.title,
            "url": data.urls.absolute(document.id),
            "data": document_path(document.id),
            "published": json_value(document.published),
            "articles": legal.article_count if legal else 0,
        })
    return {
        "format": FORMAT_VERSION,
        "site": data.name,
        "site_url": data.settings.site_url or None,
        "language": data.settings.language,
        "suggestions": f"{DATA_DIR}/suggestions.csv",
        "documents": entries,
    } | ({"lookup": lookup} if (lookup := data.urls.absolute(LOOKUP_ID)) is not None else {})


# --- suggestions CSV -----------------------------------------------------------


def suggestions_csv(site: Site) -> bytes:
    """Every itemised suggestion with its outcome (see `spreadsheet_csv`)."""
    return spreadsheet_csv(CSV_COLUMNS, _suggestion_rows(site))


def _suggestion_rows(site: Site) -> Iterator[tuple[Any, ...]]:
    for notice in site.notices.values():
        notice_doc = site.get(notice.id)
        draft = site.get(notice.concerns)
        labels = {a.id: a.label for a in draft.legal.articles} if draft and draft.legal else {}
        for s in notice.suggestions:
            point = site.get(s.source)
            yield (
                notice.id, notice_doc.title if notice_doc else "", notice.concerns, draft.title if draft else "",
                s.article, labels.get(s.article, ""), s.source,
                point.title if point and point.kind is Kind.CONTACT_POINT else s.source,
                s.count, s.text, s.outcome.value, s.reason or "",
            )


# --- all files --------------------------------------------------------------------


def _json(value: Any) -> bytes:
    # Compact: indentation was an eighth of the corpus's open data.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n").encode("utf-8")


class DocumentFiles:
    """Documents' open-data files one at a time, with what the whole site
    gives each (`_Extras`) computed once: for the parts of a build that
    write their own laws' files (parts.py) and for `open_data_files`."""

    def __init__(self, site: Site, data: Publisher) -> None:
        self.site, self.data = site, data
        self._extras: _Extras | None = None

    def file(self, document: Document) -> tuple[str, bytes]:
        if self._extras is None:
            self._extras = _extras(self.site, self.data)
        return document_path(document.id), _json(document_record(document, self.site, self.data, self._extras))


def open_data_files(site: Site, data: Publisher, written: Collection[str] = ()) -> Iterator[tuple[str, bytes]]:
    """Every open-data file with its path in the built site, one at a time:
    on a corpus they are 44 MB, which the build need not hold at once. The
    files of the documents in `written` (ids) are written already."""
    documents = DocumentFiles(site, data)
    yield f"{DATA_DIR}/index.json", _json(index_record(site, data))
    for document in site.documents.values():
        if document.id not in written:
            yield documents.file(document)
    yield f"{DATA_DIR}/suggestions.csv", suggestions_csv(site)
    for name in SCHEMAS:
        yield f"{DATA_DIR}/schema/{name}", (SCHEMA_DIR / name).read_bytes()
