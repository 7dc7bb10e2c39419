"""Readings of a draft: the chain shown on each reading's page, and the
redline page between two readings with the outcomes beside the changes.

Context builders only: every string and URL is computed here, the partials
`readings.html` and `redline.html` just lay them out.
"""

from __future__ import annotations

from typing import Any

from ..gather.ledger import ArticleLedger, Ledger
from ..model import Document, Outcome
from ..redline import ArticleChange, Segment, Status, article_text, summary
from ..settings import Settings
from ..urls import PageLinks, redline_key
from .i18n import translator
from .templates import format_date, render

# Outcome labels (outcome_*, outcome_count_*, ledger_line_received) and badge
# classes (ls-badge--*) are the ledger's, so an outcome looks the same everywhere.

# The statuses shown in full; the others are collapsed between them.
FOCUS = (Status.ADDED, Status.REMOVED, Status.CHANGED, Status.RENUMBERED_CHANGED)
SUMMARY_ORDER = (Status.ADDED, Status.REMOVED, Status.CHANGED, Status.RENUMBERED_CHANGED, Status.RENUMBERED, Status.UNCHANGED)


# --- the chain of readings ----------------------------------------------------------


def readings_context(chain: list[Document], current: Document, links: PageLinks, settings: Settings) -> dict[str, Any] | None:
    """The chain 征求意见稿 → 一审稿 → 二审稿 with the current one marked and a
    redline link between each pair; None for a draft with one reading."""
    if len(chain) < 2:
        return None
    t = translator(settings.language)
    steps = []
    for document in chain:
        steps.append(
            {
                "label": _stage(document),
                "title": document.title,
                "date": format_date(document.published, settings.language) if document.published else "",
                "href": None if document is current else links.to(document.id),
                "current": document is current,
                "redline_href": links.to(redline_key(document.id)),
                "redline_text": t("redline_link"),
            }
        )
    return {"steps": steps}


# --- the redline page ---------------------------------------------------------------


def redline_title(old: Document, new: Document, language: str) -> str:
    return translator(language)("redline_title", old=_stage(old), new=_stage(new), title=_base_title(new))


def _stage(document: Document) -> str:
    return document.stage or document.title


def _base_title(document: Document) -> str:
    # 青川市物业管理条例（草案二审稿） → 青川市物业管理条例
    title = document.title
    cut = title.find("（")
    return title[:cut] if cut > 0 else title


def redline_page_markdown(old: Document, new: Document, changes: list[ArticleChange], ledger: Ledger, links: PageLinks, names: dict[str, str], settings: Settings) -> str:
    """The whole redline page: title, counts, legend, then the changes."""
    t = translator(settings.language)
    counts = summary(changes)
    context = {
        "old": {"title": old.title, "stage": _stage(old), "href": links.to(old.id)},
        "new": {"title": new.title, "stage": _stage(new), "href": links.to(new.id)},
        "counts": [{"status": s.value, "label": t(f"status_{s.value.replace('-', '_')}"), "n": counts[s.value]} for s in SUMMARY_ORDER],
        "total_old": len(old.legal.articles) if old.legal else 0,
        "total_new": len(new.legal.articles) if new.legal else 0,
        "blocks": _blocks(old, new, changes, ledger, links, names, settings),
    }
    title = redline_title(old, new, settings.language)
    return f"# {title} {{#ls-redline-title}}\n\n" + render(settings.language, "partials/redline.html", redline=context) + "\n"


def _blocks(old: Document, new: Document, changes: list[ArticleChange], ledger: Ledger, links: PageLinks, names: dict[str, str], settings: Settings) -> list[dict[str, Any]]:
    """Changes in full; runs of unchanged or merely renumbered articles folded."""
    blocks: list[dict[str, Any]] = []
    quiet: list[dict[str, Any]] = []
    for change in changes:
        entry = _change(old, new, change, ledger, links, names, settings)
        if change.status in FOCUS:
            _fold(blocks, quiet, settings)
            blocks.append(entry)
        else:
            quiet.append(entry)
    _fold(blocks, quiet, settings)
    return blocks


def _fold(blocks: list[dict[str, Any]], quiet: list[dict[str, Any]], settings: Settings) -> None:
    if not quiet:
        return
    t = translator(settings.language)
    moved = sum(1 for e in quiet if e["status"] == Status.RENUMBERED.value)
    text = t("redline_unchanged_run", n=len(quiet))
    if moved:
        text += t("redline_renumbered_part", n=moved)
    span = quiet[0]["label_span"] + ("" if len(quiet) == 1 else t("range_to") + quiet[-1]["label_span"])
    blocks.append({"folded": True, "summary": text, "span": span, "entries": list(quiet)})
    quiet.clear()


def _change(old: Document, new: Document, change: ArticleChange, ledger: Ledger, links: PageLinks, names: dict[str, str], settings: Settings) -> dict[str, Any]:
    t = translator(settings.language)
    before, after = change.old, change.new
    shown = after or before
    assert shown is not None
    return {
        "folded": False,
        "status": change.status.value,
        "status_label": t(f"status_{change.status.value.replace('-', '_')}"),
        # Anchors by the new number; a removed article by its old one.
        "id": f"rl-{shown.id}" if after else f"rl-old-{shown.id}",
        "old_label": before.label if before else None,
        "old_href": links.to(old.id, before.id) if before else None,
        "new_label": after.label if after else None,
        "new_href": links.to(new.id, after.id) if after else None,
        "renumbered": bool(before and after and before.key != after.key),
        "label_span": shown.label,
        "segments": _segments(change),
        "ledger": _ledger(ledger.for_article(old.id, before.id), old, links, names, settings) if before else None,
    }


def _segments(change: ArticleChange) -> list[dict[str, str]]:
    if change.segments:
        segments: tuple[Segment, ...] = change.segments
    elif change.status is Status.ADDED:
        segments = (Segment("insert", article_text(change.article)),)
    elif change.status is Status.REMOVED:
        segments = (Segment("delete", article_text(change.article)),)
    else:
        segments = (Segment("equal", article_text(change.article)),)
    return [run for s in segments for run in _runs(s)]


PILCROW = "¶"


def _runs(segment: Segment) -> list[dict[str, str]]:
    """A segment as runs whose line breaks stand outside <del>/<ins>, so a
    marked run never spans two paragraphs; a change of nothing but a paragraph
    break is shown as ¶ (struck through when two paragraphs were joined)."""
    if segment.op == "equal":
        return [{"op": "equal", "text": segment.text}]
    if not segment.text.strip("\n"):
        mark = [{"op": segment.op, "text": PILCROW}]
        return mark + ([{"op": "equal", "text": "\n"}] if segment.op == "insert" else [])
    runs: list[dict[str, str]] = []
    for k, line in enumerate(segment.text.split("\n")):
        if k:
            runs.append({"op": "equal", "text": "\n"})
        if line:
            runs.append({"op": segment.op, "text": line})
    return runs


def _ledger(entry: ArticleLedger | None, old: Document, links: PageLinks, names: dict[str, str], settings: Settings) -> dict[str, Any] | None:
    """The outcomes of the suggestions made on the earlier article."""
    if entry is None:
        return None
    t = translator(settings.language)
    tally = entry.tally
    parts = [t("ledger_line_received", n=tally.total)]
    parts += [t(f"outcome_count_{o.value.replace('-', '_')}", n=tally.counts[o]) for o in Outcome if tally.counts[o]]
    return {
        "heading": t("redline_outcomes_on", label=_label_of(old, entry.article_id), stage=_stage(old)),
        "line": " · ".join(parts),
        "href": links.to(entry.notice_id, entry.anchor),
        "link_text": t("redline_notice_link"),
        "outcomes": [
            {
                "outcome": s.outcome.value,
                "badge": t(f"outcome_{s.outcome.value.replace('-', '_')}"),
                "text": s.text,
                "count": t("suggestion_count", n=s.count) if s.count > 1 else "",
                "source": names.get(s.source, s.source),
                "reason": s.reason or "",
            }
            for s in entry.suggestions
        ],
    }


def _label_of(document: Document, article_id: str) -> str:
    assert document.legal is not None
    return next((a.label for a in document.legal.articles if a.id == article_id), article_id)
