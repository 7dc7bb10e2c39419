"""The 台账 on the page: a contact point's per year and quarter, and the
yearly statistics page with the funnel per point and per level.

Context builders only (see gather/accounts.py for what is counted)."""

from __future__ import annotations

from typing import Any, Callable

from ..gather.accounts import (
    QUARTERS,
    Account,
    account,
    draft_accounts,
    rate_text,
    title_of,
    years,
)
from ..gather.site import Site
from ..model import Document, Kind
from ..settings import Settings
from ..urls import PageLinks, year_key
from .charts import Bar, stacked_bars_svg
from .i18n import translator
from .ledger import LEVELS
from .templates import render

Labels = Callable[..., str]
FUNNEL = ("activities", "people", "collected", "forwarded", "adopted")


def funnel_heads(t: Labels) -> list[str]:
    return [t(f"funnel_{stage}") for stage in FUNNEL]


def _row(label: str, href: str | None, found: Account, depth: int = 0) -> dict[str, Any]:
    return {"label": label, "href": href, "depth": depth, "cells": [str(n) for n in found.funnel], "rate": rate_text(found)}


def _drafts(found: Account, site: Site, links: PageLinks) -> list[dict[str, str | None]]:
    return [{"title": title_of(site, i), "href": links.to(i, "")} for i in found.drafts]


def point_accounts_html(point: Document, site: Site, links: PageLinks, settings: Settings) -> str:
    """The point's 台账, a table per year (the year, then each quarter); "" when it has none."""
    t = translator(settings.language)
    tables = []
    for year in years(site):
        whole = account(site, point.id, year)
        if not any(whole.funnel):
            continue
        rows = [_row(t("year_whole", year=year), links.to(year_key(year), ""), whole)]
        rows += [_row(t("quarter_n", n=q), None, account(site, point.id, year, q)) for q in QUARTERS]
        tables.append({"year": year, "rows": rows, "drafts": _drafts(whole, site, links)})
    if not tables:
        return ""
    return render(settings.language, "partials/point_accounts.html", accounts={"heads": funnel_heads(t), "tables": tables, "below": bool(site.tiers.children.get(point.id))})


def _tree(site: Site) -> list[tuple[Document, int]]:
    """Every point in directory order (the top points by level, each followed by those below it), with its depth."""
    points = site.of_kind(Kind.CONTACT_POINT)
    by_id = {p.id: p for p in points}
    rank = {level: i for i, level in enumerate(LEVELS)}
    roots = sorted((by_id[i] for i in site.tiers.roots(list(by_id))), key=lambda p: (rank.get(str(_level(p)), len(LEVELS)), p.title))
    ordered: list[tuple[Document, int]] = []
    for root in roots:
        ordered.append((root, 0))
        depth = {root.id: 0}
        for below in site.tiers.below(root.id):
            depth[below] = depth[site.tiers.parents[below]] + 1
            ordered.append((by_id[below], depth[below]))
    return ordered


def _level(point: Document) -> str:
    return (point.contact_point.level if point.contact_point else None) or ""


def level_accounts(site: Site, year: int, quarter: int | None = None) -> dict[str, Account]:
    """Each level's sum (国家级 → 县级, then the others as they first appear),
    every point counted once, with its own work only."""
    found: dict[str, Account] = {}
    for point, _ in _tree(site):
        level = _level(point)
        found.setdefault(level, Account(level, year, quarter)).add(account(site, point.id, year, quarter, own=True))
    rank = {level: i for i, level in enumerate(LEVELS)}
    return dict(sorted(found.items(), key=lambda kv: rank.get(kv[0], len(LEVELS))))


def yearly_markdown(site: Site, year: int, links: PageLinks, settings: Settings) -> str:
    """The year's statistics: the funnel of the whole site and per level, per point, per quarter."""
    t = translator(settings.language)
    levels = level_accounts(site, year)
    total = Account("", year, None)
    for found in levels.values():
        total.add(found)
    quarters = []
    for q in QUARTERS:
        summed = Account("", year, q)
        for found in level_accounts(site, year, q).values():
            summed.add(found)
        quarters.append(_row(t("quarter_n", n=q), None, summed))
    context = {
        "intro": t("yearly_intro", year=year),
        "heads": funnel_heads(t),
        "chart": _funnel_chart(total, t),
        "total": [_row(t("year_whole", year=year), None, total)],
        "levels": [_row(level or t("level_other"), None, found) for level, found in levels.items()],
        "points": [_row(p.title, links.to(p.id, ""), account(site, p.id, year, own=True), depth) for p, depth in _tree(site)],
        "quarters": quarters,
        "drafts": [_row(title_of(site, doc_id), links.to(doc_id, ""), found) for doc_id, found in draft_accounts(site, year).items()],
        "years": [{"year": y, "href": links.to(year_key(y), "") if y != year else None} for y in years(site)],
        "statistics": links.to("lawsite-statistics", ""),
    }
    return render(settings.language, "partials/yearly.html", yearly=context) + "\n"


def _funnel_chart(found: Account, t: Labels) -> str:
    """The funnel as bars, one per stage (activities left out: another unit)."""
    stages = list(zip(FUNNEL, found.funnel))[1:]
    bars = [Bar(t(f"funnel_{stage}"), (("funnel", n),)) for stage, n in stages]
    desc = "；".join(f"{b.label} {b.total}" for b in bars)
    return stacked_bars_svg("ls-chart-funnel", t("funnel_title"), desc, bars, [])
