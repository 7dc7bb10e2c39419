"""The outline of a parsed legal text, as JSON-ready data and as plain text.

`outline_dict(legal)` returns a stable structure (plain dicts, lists, strings,
ints, bools and None; keys always present, lists in text order)::

    {
      "format": "lawsite-outline/1",
      "divisions": [                    # the division tree, top level first
        {
          "id": "part_1__chp_3",        # unique, Akoma Ntoso-style path
          "kind": "章",                  # 编 / 分编 / 章 / 节 (or configured words)
          "number": 3,                  # null for unnumbered ones (附则)
          "label": "第三章",             # normalised; "" when unnumbered
          "title": "业主大会",           # as written
          "heading_level": 2,           # Markdown level it was written at
          "line": 40,                   # file line of the heading
          "articles": ["art_20", …],    # ids of articles directly inside
          "children": [ …same shape… ]  # nested divisions
        }
      ],
      "articles": [                     # every article, in text order
        {
          "id": "art_133-1", "label": "第一百三十三条之一",
          "number": 133, "sub": 1,      # sub is null unless 第N条之M
          "caption": "立法目的",         # 条旨, or null
          "line": 512,                  # file line of the head
          "division": "part_2__chp_2",  # innermost division id, or null
          "repealed": false,            # 第N条 （删去）
          "paragraphs": 2,              # number of 款
          "items": 5                    # number of 项 over all 款
        }
      ],
      "prose": [{"line": 1, "chars": 12}],   # blocks kept as Prose
      "counts": {"divisions": 9, "articles": 120, "paragraphs": 180,
                 "items": 64, "prose": 3, "repealed": 1, "inserted": 2}
    }

Run inside a site (`lawsite outline --json` finds the site's mkdocs.yml via
``--config-file``, default ./mkdocs.yml), a legal text of the site's content
folder gets two more keys per article (`with_site_notes`), both null when the
article has none; files outside the site (corpus files) keep the plain shape,
and each document says which it is with ``"in_site": true|false``::

      "interpretation": {               # the first section explaining it
        "id": "…-interpretation",       # the interpretation's document id
        "section": "sec-art_11",        # the section's anchor on that page
        "heading": "第十一条至第十三条",  # as written
        "line": 31,                     # file line of the section heading
        "url": "https://…/interpretations/…/#art_12"   # the article on that page
      },
      "ledger": {                       # suggestions on this article (lawsite.gather.ledger)
        "notice": "…-feedback",         # the notice itemising them
        "url": "https://…/notices/…/#ledger-art_12",
        "entries": 3,                   # itemised entries
        "total": 7,                     # suggestions, weighted by count
        "adopted": 2, "partly": 1, "not-adopted": 4, "noted": 0, "pending": 0
      }

URLs are absolute when the site has a `site_url`, else site-relative.

`outline_text(legal)` is the same outline for people: indented divisions with
their articles, one article per line as ``id  label  (caption)  line N``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .gather.ledger import Ledger
from .gather.readings import Explained, explained_articles
from .gather.site import Site
from .model import Article, Division, Document, LegalText, Outcome, Prose
from .urls import page_url

FORMAT = "lawsite-outline/1"


def outline_dict(legal: LegalText) -> dict[str, Any]:
    """The JSON-ready outline of `legal` (format in the module docstring)."""
    articles: list[dict[str, Any]] = []
    prose: list[dict[str, Any]] = []
    divisions = [_collect(node, None, articles, prose) for node in legal.children]
    tree = [d for d in divisions if d is not None]
    return {
        "format": FORMAT,
        "divisions": tree,
        "articles": articles,
        "prose": prose,
        "counts": _counts(legal, articles, prose),
    }


def _collect(
    node: object, division: str | None, articles: list[dict[str, Any]], prose: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """Append articles and prose under `node`; return the division's dict (if any)."""
    if isinstance(node, Article):
        articles.append(_article(node, division))
        return None
    if isinstance(node, Prose):
        prose.append({"line": node.line, "chars": len(node.text)})
        return None
    assert isinstance(node, Division)
    result: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind,
        "number": node.number,
        "label": node.label,
        "title": node.title,
        "heading_level": node.heading_level,
        "line": node.line,
        "articles": [c.id for c in node.children if isinstance(c, Article)],
        "children": [],
    }
    for child in node.children:
        sub = _collect(child, node.id, articles, prose)
        if sub is not None:
            result["children"].append(sub)
    return result


def _article(article: Article, division: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "label": article.label,
        "number": article.number,
        "sub": article.sub,
        "caption": article.caption,
        "line": article.line,
        "division": division,
        "repealed": article.repealed,
        "paragraphs": len(article.paragraphs),
        "items": sum(len(p.items) for p in article.paragraphs),
    }


def _counts(legal: LegalText, articles: list[dict[str, Any]], prose: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "divisions": len(legal.divisions),
        "articles": len(articles),
        "paragraphs": sum(a["paragraphs"] for a in articles),
        "items": sum(a["items"] for a in articles),
        "prose": len(prose),
        "repealed": sum(1 for a in articles if a["repealed"]),
        "inserted": sum(1 for a in articles if a["sub"] is not None),
    }


def outline_text(legal: LegalText) -> str:
    """A human-readable indented outline: divisions, articles, prose lines."""
    lines: list[str] = []
    for node in legal.children:
        _text(node, 0, lines)
    counts = outline_dict(legal)["counts"]
    lines.append(", ".join(f"{value} {key}" for key, value in counts.items()))
    return "\n".join(lines) + "\n"


def _text(node: object, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if isinstance(node, Division):
        name = " ".join(part for part in (node.label, node.title) if part)
        lines.append(f"{pad}{name}  [{node.id}]  line {node.line}")
        for child in node.children:
            _text(child, depth + 1, lines)
    elif isinstance(node, Article):
        caption = f"  （{node.caption}）" if node.caption else ""
        repealed = "  (repealed)" if node.repealed else ""
        lines.append(f"{pad}{node.id}  {node.label}{caption}{repealed}  line {node.line}")
    elif isinstance(node, Prose):
        first = node.text.split("\n", 1)[0]
        snippet = first[:30] + ("…" if len(first) > 30 or "\n" in node.text else "")
        lines.append(f"{pad}prose  line {node.line}: {snippet}")


def with_site_notes(outline: dict[str, Any], notes: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """`outline` with each article's site notes (see the module docstring);
    `notes` is None for a file outside the site."""
    articles = outline["articles"]
    if notes is not None:
        articles = [{**a, **notes.get(a["id"], {"interpretation": None, "ledger": None})} for a in articles]
    return {**outline, "in_site": notes is not None, "articles": articles}


# --- per-article notes of a site (outline --json inside a site) ----------------------


def article_annotations(site: Site, document: Document, ledger: Ledger, site_url: str = "") -> dict[str, dict[str, Any]]:
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


def _ledger_entry(ledger: Ledger, doc_id: str, article_id: str, site: Site, site_url: str) -> dict[str, Any] | None:
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

    def __init__(self, content_dir: Path, site: Site, ledger: Ledger, site_url: str = ""):
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
