"""The ledger on the page: ledger lines on draft articles, the notice page,
contact points, their directory and the site statistics.

Context builders only: every string and URL is computed here; the partials
lay them out. Links go through `PageLinks.to(key, fragment)` (urls.py): a URL
relative to the page being rendered.
"""

from __future__ import annotations

import html
import re
from typing import Any, Callable

from markupsafe import Markup

from ..gather.ledger import ArticleLedger, Figures, Ledger, PointLedger, Tally
from ..gather.tiers import Tiers
from ..model import GENERAL, Article, ContactPoint, Document, Kind, Notice, Outcome, Suggestion
from ..settings import Settings
from ..urls import DIRECTORY_ID, LOOKUP_ID, STATISTICS_ID, PageLinks, feedback_sheet_key, sign_key, year_key
from .charts import Bar, stacked_bars_svg
from .i18n import translator
from .phone import phone_html
from .templates import format_date, render

LEVELS = ("国家级", "省级", "市级", "县级")
Labels = Callable[..., str]


def _key(outcome: Outcome) -> str:
    return outcome.value.replace("-", "_")


def ledger_parts(tally: Tally, t: Labels) -> list[dict[str, str]]:
    """收到意见 5 条 · 采纳 2 · 部分采纳 1 · 未采纳 2 (outcomes with none left out)."""
    parts = [{"outcome": "", "text": t("ledger_line_received", n=tally.total)}]
    parts += [{"outcome": o.value, "text": t(f"outcome_count_{_key(o)}", n=n)} for o, n in tally.counts.items() if n]
    return parts


def ledger_line_text(tally: Tally, language: str) -> str:
    return " · ".join(p["text"] for p in ledger_parts(tally, translator(language)))


def _rate(counted: Tally | Figures) -> str:
    return "—" if counted.rate is None else f"{counted.rate * 100:.1f}%"


def figure_html(name: str, value: object) -> Markup:
    """One figure, marked with what it is (data-ls-figure) for the pages' own checks."""
    return Markup('<span class="ls-figure" data-ls-figure="{}">{}</span>').format(name, value)


def figures_sentence(figures: Figures, key: str, t: Labels) -> Markup:
    """A label sentence (draft_outcome…) with each figure in it marked."""
    values = {"received": figures.received, "itemised": figures.itemised, "adopted": figures.adopted, "partly": figures.partly, "rate": _rate(figures), "entries": figures.entries}
    return Markup(t(key)).format(**{name: figure_html(name, value) for name, value in values.items()})


def _labels(draft: Document | None) -> dict[str, Article]:
    """Articles by id; built once per page (walking the text per group is slow on long notices)."""
    return {a.id: a for a in draft.legal.articles} if draft and draft.legal else {}


def article_heading(article_id: str, articles: dict[str, Article], t: Labels) -> str:
    if article_id == GENERAL:
        return t("general_group")
    article = articles.get(article_id)
    if article is None:
        return article_id
    return article.label + (f"（{article.caption}）" if article.caption else "")


# --- the draft page -------------------------------------------------------------


def draft_outcome_context(draft: Document, ledger: Ledger, links: PageLinks, settings: Settings) -> dict[str, str | None] | None:
    """收到意见 N 条，采纳 M 条 in the draft's page head, linked to the notice; None if none."""
    document = ledger.for_document(draft.id)
    if document is None:
        return None
    t = translator(settings.language)
    return {
        "text": figures_sentence(document.figures, "draft_outcome", t),
        "link": t("draft_outcome_link"),
        "href": links.to(document.notice_ids[0], ""),
    }


# --- the notice page ---------------------------------------------------------------


def _source(source: str, names: dict[str, str], links: PageLinks) -> dict[str, str | None]:
    return {"text": names.get(source, source), "href": links.to(source, "") if source in names else None}


def suggestion_context(s: Suggestion, names: dict[str, str], links: PageLinks, t: Labels) -> dict[str, Any]:
    return {
        "outcome": s.outcome.value,
        "badge": t(f"outcome_{_key(s.outcome)}"),
        "text": s.text,
        "source": _source(s.source, names, links),
        "count": t("entry_count", n=s.count),
        "reason": s.reason or "",
    }


def _totals(figures: Figures, t: Labels) -> list[dict[str, Any]]:
    """Each figure with its label and, for the two totals, what it counts."""
    itemised_what = [t("figure_itemised_what", entries=figures.entries)]
    if figures.not_itemised:
        itemised_what.append(t("figure_not_itemised", n=figures.not_itemised))
    rows = [
        ("received", t("total_received"), t("count_unit", n=figures.received), [t("figure_received_what")]),
        ("itemised", t("total_itemised"), t("count_unit", n=figures.itemised), itemised_what),
        *((o.value, t(f"outcome_{_key(o)}"), t("count_unit", n=n), []) for o, n in figures.counts),
        ("rate", t("total_rate"), _rate(figures), []),
    ]
    return [{"key": k, "label": label, "value": value, "what": what} for k, label, value, what in rows]


def _legend(t: Labels) -> list[tuple[str, str]]:
    return [(o.value, t(f"outcome_{_key(o)}")) for o in Outcome]


def _parts(tally: Tally) -> tuple[tuple[str, int], ...]:
    return tuple((o.value, tally.counts[o]) for o in Outcome)


def _desc(bars: list[Bar], t: Labels) -> str:
    names = dict(_legend(t))
    return "；".join(f"{b.label}：" + "，".join(f"{names[m]} {n}" for m, n in b.parts if n) for b in bars)


def outcome_chart(chart_id: str, tally: Tally, t: Labels) -> str:
    """One bar: the share of each outcome."""
    bars = [Bar(t("col_total"), _parts(tally))]
    return stacked_bars_svg(chart_id, t("chart_title"), _desc(bars, t), bars, _legend(t))


def notice_page_markdown(document: Document, body: str, notice: Notice, draft: Document | None, ledger: Ledger, names: dict[str, str], links: PageLinks, settings: Settings) -> str:
    """The notice's own text, its totals and chart, then every article's group."""
    t = translator(settings.language)
    mine = ledger.notices.get(notice.id)
    assert mine is not None
    by_id = _labels(draft)
    groups = [_group(entry, by_id, names, links, t) for entry in mine.articles.values()]
    bars = [Bar(g["short"], _parts(entry.tally)) for g, entry in zip(groups, mine.articles.values())]
    head = {
        "published": format_date(document.published, settings.language) if document.published else "",
        "concerns": {"label": t("notice_concerns"), "text": draft.title if draft else notice.concerns, "href": links.to(notice.concerns, "")},
        "totals": _totals(mine.figures, t),
        "note": t("figure_outcomes_note", n=mine.figures.itemised),
        "chart": outcome_chart("ls-chart-outcomes", mine.tally, t),
        "statistics": links.to(STATISTICS_ID, ""),
        "lookup": links.to(LOOKUP_ID, ""),
    }
    blocks = [render(settings.language, "partials/notice_head.html", head=head), body.strip()]
    blocks.append(f"## {_md(t('by_article'))} {{#ledger-by-article}}")
    chart = stacked_bars_svg("ls-chart-articles", t("chart_articles_title"), _desc(bars, t), bars, _legend(t))
    blocks.append(render(settings.language, "partials/chart.html", chart={"svg": chart, "caption": t("rate_note")}))
    for group in groups:
        blocks.append(f"### {_md(group['heading'])} {{#{group['anchor']}}}")
        blocks.append(render(settings.language, "partials/notice_group.html", group=group))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _group(entry: ArticleLedger, articles: dict[str, Article], names: dict[str, str], links: PageLinks, t: Labels) -> dict[str, Any]:
    heading = article_heading(entry.article_id, articles, t)
    article = articles.get(entry.article_id)
    return {
        "anchor": entry.anchor,
        "heading": heading,
        "short": article.label if article else heading,
        "article_href": links.to(entry.doc_id, entry.article_id) if article else None,
        "see_article": t("see_article"),
        "parts": ledger_parts(entry.tally, t),
        "suggestions": [suggestion_context(s, names, links, t) for s in entry.suggestions],
    }


def _md(text: str) -> str:
    """Text safe to put in a Markdown heading (attr_list and emphasis escaped)."""
    return re.sub(r"([\\`*_{}\[\]#!|])", r"\\\1", html.escape(text, quote=False))


# --- contact points ---------------------------------------------------------------



def _point(point: Document) -> ContactPoint:
    return point.contact_point or ContactPoint(None)  # set on every contact-point document


def _point_facts(point: Document, t: Labels) -> list[dict[str, str]]:
    facts = _point(point)
    shown = (("level", facts.level), ("region", facts.region), ("address", facts.address), ("phone", facts.phone), ("hours", facts.hours))
    return [{"label": t(k), "value": phone_html(str(v)) if k == "phone" else str(v)} for k, v in shown if v]


def contact_point_markdown(point: Document, body: str, site_docs: dict[str, Document], ledger: Ledger, tiers: Tiers, links: PageLinks, settings: Settings, activities: str = "") -> str:
    """A contact point's page: its place in the tiers, its facts, its text,
    its people, its record, and `activities` (the HTML of their list)."""
    t = translator(settings.language)
    record = ledger.for_point(point.id) or PointLedger(point.id, [])
    names = {d.id: d.title for d in site_docs.values() if d.kind is Kind.CONTACT_POINT}
    by_draft: dict[str, list[Any]] = {}
    for placed in record.suggestions:
        by_draft.setdefault(placed.doc_id, []).append(placed)
    drafts = []
    for doc_id, placed_list in by_draft.items():
        draft = site_docs.get(doc_id)
        by_id = _labels(draft)
        items = []
        for placed in placed_list:
            s = placed.suggestion
            item = suggestion_context(s, names, links, t)
            item["article"] = article_heading(s.article, by_id, t)
            item["article_href"] = links.to(doc_id, s.article) if s.article != GENERAL else links.to(doc_id, "")
            item["notice_href"] = links.to(placed.notice_id, f"ledger-{s.article}")
            items.append(item)
        drafts.append({"title": draft.title if draft else doc_id, "href": links.to(doc_id, ""), "entries": items})
    context = {
        "facts": _point_facts(point, t),
        "above": [_point_link(site_docs[p], links) for p in tiers.above(point.id) if p in site_docs],
        "below": [_point_link(site_docs[p], links, ledger.for_point(p), t) for p in tiers.children.get(point.id, []) if p in site_docs],
        "stats": _point_stats(record, t),
        "consultations": [{"title": site_docs[d].title if d in site_docs else d, "href": links.to(d, "")} for d in record.consultations],
        "drafts": drafts,
        "chart": outcome_chart("ls-chart-point", record.tally, t) if record.tally.total else "",
        "directory": links.to(DIRECTORY_ID, ""),
        "sign": links.to(sign_key(point.id)),
        "feedback_sheets": _feedback_sheet_links(point, record, site_docs, links, t),
    }
    head = render(settings.language, "partials/contact_point_head.html", point=context)
    people = _people(_point(point), t)
    people_html = f"## {_md(t('point_people'))} {{#ls-point-people}}\n\n" + render(settings.language, "partials/contact_point_people.html", people=people) if people else ""
    tail = render(settings.language, "partials/contact_point_record.html", point=context)
    return "\n\n".join(b for b in (head, body.strip(), people_html, f"## {_md(t('point_record'))} {{#ls-point-record}}", tail, activities) if b) + "\n"


def _feedback_sheet_links(point: Document, record: PointLedger, site_docs: dict[str, Document], links: PageLinks, t: Labels) -> list[dict[str, str]]:
    """The point's 反馈单, one per notice that lists a suggestion from it."""
    return [
        {"text": t("feedback_sheet_link", title=site_docs[n].title if n in site_docs else n), "href": href}
        for n in record.notice_ids
        if (href := links.to(feedback_sheet_key(point.id, n))) is not None
    ]


def _people(facts: ContactPoint, t: Labels) -> list[dict[str, Any]]:
    """The point's people by role: only those marked public by name, the others counted."""
    groups = []
    for role, people in (("liaisons", facts.liaisons), ("informants", facts.informants), ("experts", facts.experts)):
        if not people:
            continue
        shown = [{"name": p.name, "field": p.field or "", "unit": p.unit or ""} for p in people if p.public]
        hidden = len(people) - len(shown)
        groups.append({"title": t(f"people_{role}"), "count": t("people_count", n=len(people)), "entries": shown, "hidden": t("people_hidden", n=hidden) if hidden else ""})
    return groups


def _point_link(point: Document, links: PageLinks, record: PointLedger | None = None, t: Labels | None = None) -> dict[str, str | None]:
    """A link to another point; with its rolled-up counts when `record` is given."""
    line = ""
    if record is not None and t is not None:
        line = t("point_submitted") + " " + t("count_unit", n=record.rolled.total)
    return {"title": point.title, "href": links.to(point.id, ""), "line": line}


def _point_stats(record: PointLedger, t: Labels) -> list[dict[str, str]]:
    """Its counts, those of the points below it included (their own are on their pages)."""
    tally = record.rolled
    return [
        {"label": t("point_consultations"), "value": str(len(record.rolled_consultations))},
        {"label": t("point_submitted"), "value": t("count_unit", n=tally.total)},
        {"label": t("point_adopted"), "value": t("count_unit", n=tally.adopted + tally.partly)},
        {"label": t("total_rate"), "value": _rate(tally)},
    ]


def directory_markdown(points: list[Document], ledger: Ledger, tiers: Tiers, links: PageLinks, settings: Settings) -> str:
    """The directory of contact points as a tree: the top points by level
    (国家级 → 县级) and region, each with the points below it."""
    t = translator(settings.language)
    levels: dict[str, dict[str, list[dict[str, Any]]]] = {}
    rank = {level: i for i, level in enumerate(LEVELS)}
    by_id = {p.id: p for p in points}
    roots = [by_id[i] for i in tiers.roots(list(by_id))]
    for point in sorted(roots, key=lambda p: (rank.get(str(_point(p).level), len(LEVELS)), _point(p).region or "", p.title)):
        level = str(_point(point).level or "") if _point(point).level in LEVELS else t("level_other")
        region = _point(point).region or t("region_other")
        levels.setdefault(level, {}).setdefault(region, []).append(_directory_card(point, by_id, ledger, tiers, links, t))
    context = {
        "intro": t("directory_intro"),
        "levels": [{"title": level, "regions": [{"title": r, "points": ps} for r, ps in regions.items()]} for level, regions in levels.items()],
        "statistics": links.to(STATISTICS_ID, ""),
    }
    return render(settings.language, "partials/directory.html", directory=context) + "\n"


def _directory_card(point: Document, by_id: dict[str, Document], ledger: Ledger, tiers: Tiers, links: PageLinks, t: Labels) -> dict[str, Any]:
    """One point's card with the cards of the points below it (the tree is
    cycle-free: gather/tiers.py drops the link that closes a circle)."""
    record = ledger.for_point(point.id)
    tally = record.rolled if record else Tally()
    return {
        "title": point.title,
        "href": links.to(point.id, ""),
        "facts": [f for f in _point_facts(point, t) if f["label"] in (t("address"), t("phone"), t("hours"))],
        "line": " · ".join([t("point_submitted") + " " + t("count_unit", n=tally.total), t("point_adopted") + " " + t("count_unit", n=tally.adopted + tally.partly)]),
        "children": [_directory_card(by_id[c], by_id, ledger, tiers, links, t) for c in tiers.children.get(point.id, []) if c in by_id],
    }


# --- statistics ---------------------------------------------------------------------


def home_ledger_html(ledger: Ledger, notices: int, links: PageLinks, settings: Settings) -> str:
    """The site's totals for the home page, linking to the statistics; "" before any notice."""
    if not notices:
        return ""
    t = translator(settings.language)
    total = ledger.totals
    home = {
        "title": t("home_ledger_title"),
        "text": t("home_ledger", notices=notices, received=ledger.received, itemised=total.total, adopted=total.adopted, partly=total.partly),
        "href": links.to(STATISTICS_ID, ""),
        "link": t("statistics_link"),
        "lookup": links.to(LOOKUP_ID, ""),
        "chart": outcome_chart("ls-chart-home", total, t),
    }
    return render(settings.language, "partials/home_ledger.html", home=home)


def _row(label: str, link: str | None, tally: Tally, received: int | None, t: Labels, key: str = "") -> dict[str, Any]:
    return {
        "key": key,  # a draft's id: its cells are marked with what they count (data-ls-figure)
        "label": label,
        "href": link,
        "received": str(received) if received is not None else "",
        "total": str(tally.total),
        "cells": [str(tally.counts[o]) for o in Outcome],
        "rate": _rate(tally),
    }


def statistics_markdown(site_docs: dict[str, Document], ledger: Ledger, links: PageLinks, settings: Settings, years: list[int] | None = None) -> str:
    """Totals per outcome, per draft, per contact point and per other source,
    and links to the `years`' statistics of the contact points."""
    t = translator(settings.language)
    total = ledger.totals
    by_outcome = [
        {"outcome": o.value, "label": t(f"outcome_{_key(o)}"), "count": str(n), "share": "—" if not total.total else f"{n * 100 / total.total:.1f}%"}
        for o, n in total.counts.items()
    ]
    draft_rows = [
        _row(site_docs[d].title if d in site_docs else d, links.to(d, ""), doc.tally, doc.figures.received, t, key=d)
        for d, doc in ledger.documents.items()
    ]
    points = [(pid, rec) for pid, rec in ledger.points.items()]
    points.sort(key=lambda pr: (-pr[1].tally.total, pr[0]))
    point_rows = [_row(site_docs[pid].title, links.to(pid, ""), rec.tally, None, t) for pid, rec in points]
    sources = sorted(ledger.sources.items(), key=lambda kv: (-kv[1].total, kv[0]))
    source_rows = [_row(name, None, tally, None, t) for name, tally in sources]
    draft_bars = [Bar(_short(site_docs[d].title) if d in site_docs else d, _parts(doc.tally)) for d, doc in ledger.documents.items()]
    point_bars = [Bar(_short(site_docs[pid].title), _parts(rec.tally)) for pid, rec in points if rec.tally.total]
    context = {
        "intro": t("statistics_intro"),
        "totals": _totals(ledger.figures, t),
        "outcome_chart": outcome_chart("ls-chart-site", total, t),
        "by_outcome": by_outcome,
        "outcome_heads": [t(f"outcome_{_key(o)}") for o in Outcome],
        "outcome_keys": [o.value for o in Outcome],
        "drafts": draft_rows,
        "drafts_chart": stacked_bars_svg("ls-chart-drafts", t("chart_drafts_title"), _desc(draft_bars, t), draft_bars, _legend(t)),
        "points": point_rows,
        "points_chart": stacked_bars_svg("ls-chart-points", t("chart_points_title"), _desc(point_bars, t), point_bars, _legend(t)),
        "sources": source_rows,
        "note": t("rate_note"),
        "directory": links.to(DIRECTORY_ID, ""),
        "years": [{"year": y, "href": links.to(year_key(y), "")} for y in years or ()],
    }
    return render(settings.language, "partials/statistics.html", stats=context) + "\n"


def _short(title: str) -> str:
    """A chart label: the title without a bracketed stage or the words every
    contact point's title ends with (the table beside it has the full title)."""
    return re.sub(r"(?:[（(][^（(]*[）)]|基层立法联系点|基層立法聯繫點)$", "", title) or title
