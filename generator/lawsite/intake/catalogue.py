"""What is open for comment, learnt from the built site's own open data.

The service reads `data/index.json` and each draft's `data/documents/<id>.json`
(the files `lawsite.emit.opendata` writes), so the site and the service
share one source of truth: a draft, its articles, its `comments.opens` /
`comments.closes` dates, and the contact points. Whether a draft is open on a
day is decided by the same domain function the site's banners come from
(`lawsite.consultation.consultation_at`), in the site's time zone. The catalogue is re-read
when `index.json` changes, so a rebuilt site is seen without a restart.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..consultation import State, consultation_at
from ..model import Comments, Kind

GENERAL_LABEL = "总体"  # the `article` of a comment on the whole draft
MAX_FILE_BYTES = 64 * 1024 * 1024  # the largest corpus document is a few MB
RELOAD_EVERY = 2.0  # seconds between looks at index.json's mtime


class CatalogueError(Exception):
    """The site folder holds no readable open data."""


@dataclass(frozen=True)
class Draft:
    id: str
    title: str
    url: str
    comments: Comments | None  # None: the draft takes no comments
    articles: dict[str, str]  # article id → label (第十二条)


@dataclass(frozen=True)
class Catalogue:
    site_url: str  # "" when the site has none
    lookup_url: str = ""  # 查询我的意见 (emit/lookup.py), absolute; "" when the site has none or no site_url
    drafts: dict[str, Draft] = field(default_factory=dict)
    others: dict[str, str] = field(default_factory=dict)  # every other document: id → kind
    points: dict[str, str] = field(default_factory=dict)  # contact point id → title

    def state(self, draft: Draft, now: dt.datetime, tz: ZoneInfo) -> State | None:
        """Where `draft`'s consultation stands at `now`; None if it takes no comments."""
        if draft.comments is None:
            return None
        return consultation_at(draft.comments, now, tz).state

    def label(self, doc: str, article: str) -> str:
        draft = self.drafts.get(doc)
        return draft.articles.get(article, article) if draft else article


def _read_json(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CatalogueError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB, not open data written by lawsite")
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"{path}: {exc}") from exc


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _draft(record: dict[str, Any]) -> Draft:
    raw = record.get("metadata", {}).get("comments")
    closes = _date(raw.get("closes")) if isinstance(raw, dict) else None
    comments = Comments(opens=_date(raw.get("opens")), closes=closes) if closes else None
    articles = {a["id"]: a["label"] for a in record.get("articles", [])}
    return Draft(record["id"], record["title"], record.get("url", ""), comments, articles)


def load_catalogue(site_dir: Path) -> Catalogue:
    """The catalogue of the site built into `site_dir`; CatalogueError if unreadable."""
    data = site_dir / "data"
    index = _read_json(data / "index.json")
    try:
        site_url = index.get("site_url") or ""
        lookup = index.get("lookup") or ""
        catalogue = Catalogue(site_url=site_url, lookup_url=lookup if site_url and lookup.startswith(site_url) else "")
        for entry in index["documents"]:
            if entry["kind"] == Kind.DRAFT.value:
                catalogue.drafts[entry["id"]] = _draft(_read_json(site_dir / entry["data"]))
            elif entry["kind"] == Kind.CONTACT_POINT.value:
                catalogue.points[entry["id"]] = entry["title"]
            else:
                catalogue.others[entry["id"]] = entry["kind"]
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise CatalogueError(f"{data}: not lawsite open data ({type(exc).__name__}: {exc})") from exc
    return catalogue


class LiveCatalogue:
    """The catalogue, re-read when the site is rebuilt (index.json changes)."""

    def __init__(self, site_dir: Path) -> None:
        self._site_dir = site_dir
        self._index = site_dir / "data" / "index.json"
        self._lock = threading.Lock()
        self._seen = self._stamp()
        self._catalogue = load_catalogue(site_dir)
        self._checked = time.monotonic()

    def _stamp(self) -> tuple[int, int]:
        stat = os.stat(self._index)
        return stat.st_mtime_ns, stat.st_size

    def current(self) -> Catalogue:
        if time.monotonic() - self._checked < RELOAD_EVERY:
            return self._catalogue
        with self._lock:
            self._checked = time.monotonic()
            try:
                stamp = self._stamp()
                if stamp != self._seen:
                    self._catalogue, self._seen = load_catalogue(self._site_dir), stamp
            except (OSError, CatalogueError):
                pass  # a build in progress: keep serving what was read last
        return self._catalogue
