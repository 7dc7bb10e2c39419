"""Readings and interpretations across the site: which pages exist, where
they live, and what each article of a draft is attached to.

Pure (no MkDocs): the plugin asks these functions which redline pages to
generate and where links go; `lawsite outline --json` asks them what to report
per article. URLs are site-relative (``drafts/property-r2/``) as MkDocs makes
them with `use_directory_urls` (the default); `relative_url` turns two of them
into a link from one page to the other.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ledger import Ledger
from .model import Document, InterpretationSection, Kind, Outcome
from .parse.schema import file_name_of

if TYPE_CHECKING:
    from .site import Site

REDLINE_FOLDER = "redlines"


@dataclass(frozen=True)
class Explained:
    """Where one article is explained: an interpretation and its section."""

    document: Document  # the interpretation
    section: InterpretationSection
    article_id: str

    @property
    def fragment(self) -> str:
        """The article's own anchor on the interpretation page."""
        return self.article_id


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a content file."""
    stem, _ = posixpath.splitext(src_path)
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative);
    fragments on `to_url` are kept."""
    target, hash_, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + hash_ + fragment


def redline_src(new: Document) -> str:
    """The generated Markdown file of the redline from `new`'s previous reading to `new`."""
    return f"{REDLINE_FOLDER}/{file_name_of(new.id)}.md"


def redline_pairs(site: "Site") -> list[tuple[Document, Document]]:
    """(earlier, later) for every draft or law whose `previous:` names a legal text."""
    pairs = []
    for new in site.of_kind(Kind.DRAFT, Kind.LAW):
        old = site.get(new.previous)
        if old is not None and old.legal is not None and new.legal is not None:
            pairs.append((old, new))
    return pairs


def interpretations_of(site: "Site", document: Document) -> list[Document]:
    return [d for d in site.of_kind(Kind.INTERPRETATION) if d.interpretation and d.interpretation.interprets == document.id]


def explained_articles(site: "Site", document: Document) -> dict[str, Explained]:
    """Article id → the first interpretation section explaining it."""
    found: dict[str, Explained] = {}
    for interpretation in interpretations_of(site, document):
        assert interpretation.interpretation is not None
        for section in interpretation.interpretation.sections:
            for art_id in section.article_ids:
                found.setdefault(art_id, Explained(interpretation, section, art_id))
    return found


# --- outline annotations ----------------------------------------------------------


def article_annotations(site: "Site", document: Document, ledger: Ledger, site_url: str = "") -> dict[str, dict[str, Any]]:
    """Per article id: its `interpretation` and `ledger` (see lawsite.outline)."""
    assert document.legal is not None
    explained = explained_articles(site, document)
    notes: dict[str, dict[str, Any]] = {}
    for article in document.legal.articles:
        notes[article.id] = {
            "interpretation": _interpretation_entry(explained.get(article.id), site_url),
            "ledger": _ledger_entry(ledger, document.id, article.id, site, site_url),
        }
    return notes


def _interpretation_entry(explained: Explained | None, site_url: str) -> dict[str, Any] | None:
    if explained is None:
        return None
    return {
        "id": explained.document.id,
        "section": explained.section.anchor,
        "heading": explained.section.heading,
        "line": explained.section.line,
        "url": site_url + page_url(explained.document.path) + "#" + explained.fragment,
    }


def _ledger_entry(ledger: Ledger, doc_id: str, article_id: str, site: "Site", site_url: str) -> dict[str, Any] | None:
    entry = ledger.for_article(doc_id, article_id)
    if entry is None:
        return None
    notice = site.get(entry.notice_id)
    tally = entry.tally
    return {
        "notice": entry.notice_id,
        "url": (site_url + page_url(notice.path) + "#" + entry.anchor) if notice else None,
        "entries": tally.entries,
        "total": tally.total,
        **{outcome.value: tally.counts[outcome] for outcome in Outcome},
    }


class SiteNotes:
    """Per-article notes for `lawsite outline --json` run inside a site:
    looks a file up among the site's documents by its path."""

    def __init__(self, content_dir: Path, site: "Site", ledger: Ledger, site_url: str = ""):
        self.root = content_dir.resolve()
        self.site = site
        self.ledger = ledger
        self.site_url = site_url

    def for_path(self, path: Path) -> dict[str, dict[str, Any]] | None:
        """Article id → notes, or None for a file that is not a legal text of the site."""
        try:
            rel = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
        document = self.site.by_path.get(rel)
        if document is None or document.legal is None:
            return None
        return article_annotations(self.site, document, self.ledger, self.site_url)
