"""Activities on the page: an activity's own page, the list on its contact
point's page, and the part of a draft's page that lists the activities held
on it. Context builders only; the partials lay them out."""

from __future__ import annotations

from typing import Any, Callable

from ..gather.site import Site
from ..model import Activity, Document
from ..parse.static_files import beside
from ..settings import Settings
from ..urls import PageLinks
from .i18n import translator
from .templates import format_date, render

Labels = Callable[..., str]


def _counts(activity: Activity, t: Labels) -> list[str]:
    """"23 人参加", "收集意见 9 条": the counts it has."""
    counts = [t("activity_participants_n", n=activity.participants) if activity.participants is not None else None, t("activity_collected_n", n=activity.collected) if activity.collected is not None else None]
    return [c for c in counts if c]


def activity_summary(activity: Activity, site: Site, language: str) -> str:
    """座谈会 · 东区联系点 · 23 人参加 · 收集意见 9 条 (a feed entry's summary)."""
    point = site.get(activity.point)
    return " · ".join([activity.type, *([point.title] if point else []), *_counts(activity, translator(language))])


def activity_line(document: Document, links: PageLinks, settings: Settings, site: Site) -> dict[str, Any]:
    """One activity in a list: its date, kind, title, point and counts."""
    t = translator(settings.language)
    activity = document.activity
    assert activity is not None, "listed activities have their facts"
    point = site.get(activity.point)
    return {
        "date": format_date(activity.date, settings.language),
        "datetime": activity.date.isoformat(),
        "type": activity.type,
        "title": document.title,
        "href": links.to(document.id, ""),
        "point": point.title if point else activity.point,
        "point_href": links.to(activity.point, "") if point else None,
        "counts": " · ".join(_counts(activity, t)),
    }


def activity_page_markdown(document: Document, body: str, site: Site, links: PageLinks, settings: Settings) -> str:
    """An activity's page: its facts, the drafts discussed, its photos, then its text."""
    t = translator(settings.language)
    activity = document.activity
    if activity is None:
        return body
    line = activity_line(document, links, settings, site)
    drafts = [{"title": d.title if (d := site.get(i)) else i, "href": links.to(i, "")} for i in activity.drafts]
    photos = [{"src": links.to_url(path), "alt": t("activity_photo", n=n, title=document.title)} for n, name in enumerate(activity.photos, start=1) if (path := beside(document.path, name))]
    context = {**line, "drafts": drafts, "photos": photos, "participants": activity.participants, "collected": activity.collected}
    head = render(settings.language, "partials/activity_head.html", activity=context)
    return "\n\n".join(b for b in (head, body.strip()) if b) + "\n"


def activities_html(activities: list[Document], heading_id: str, site: Site, links: PageLinks, settings: Settings) -> str:
    """The list of `activities` under a heading ("" when there are none)."""
    if not activities:
        return ""
    entries = [activity_line(d, links, settings, site) for d in activities]
    return render(settings.language, "partials/activity_list.html", part={"id": heading_id, "entries": entries})


def activities_on_context(document: Document, site: Site, links: PageLinks, settings: Settings) -> dict[str, Any] | None:
    """The activities held on a draft or law, for its page part; None when none were."""
    held = site.activities_on(document.id)
    if not held:
        return None
    return {"id": "ls-activities", "entries": [activity_line(d, links, settings, site) for d in held]}
