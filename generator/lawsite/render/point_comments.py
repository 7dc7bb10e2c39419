"""A contact point's page lists the consultations open now, each with a way
to comment that names the point without any script: the page its QR sign
opens (emit/sign.py), so a comment made after scanning it carries the point
also where JavaScript is off (reader.js keeps `?point=ID` only with it).

Per open draft: with a comment service (`intake`), a plain HTML form — the
article (总体 or one of them), the text, optional name and contact, and the
point as a hidden field — posting to it, whose receipt page works without
script (intake.js shows the receipt in place where it runs); else the mail
link with the point in the body, as the basket writes it; else the form link
with `{point}` filled in. Context builders only.
"""

from __future__ import annotations

from ..consultation import State
from ..gather.site import Site
from ..intake.catalogue import GENERAL_LABEL
from ..model import Document
from ..settings import Settings
from ..urls import PageLinks
from .comments import form_href, intake_action, intake_base, intake_origin, mailto_href, template_values
from .i18n import translator
from .legal import banner_context
from .templates import render

POINT_OPEN = "ls-point-open"  # the section's anchor, which the sign's QR code opens


def open_drafts(site: Site) -> list[Document]:
    """The drafts open for comment at build time, in the site's order."""
    found = [site.documents[i] for i, status in site.consultations.items() if status.state is State.OPEN and i in site.documents]
    return [d for d in found if d.legal is not None and d.comments is not None]


def point_service(site: Site, settings: Settings) -> str:
    """The origins a point's page posts to (its CSP allows them, and no others)."""
    return " ".join(sorted({origin for d in open_drafts(site) if (origin := intake_origin(d, settings))}))


def point_comments_html(point: Document, site: Site, links: PageLinks, settings: Settings) -> str:
    """The section: every open draft with its no-script way to comment through `point`."""
    t = translator(settings.language)
    drafts = []
    for draft in open_drafts(site):
        assert draft.comments is not None and draft.legal is not None  # open_drafts keeps only those
        values = template_values(draft, None, links.site.absolute(draft.id) or "")
        intake = intake_base(draft, settings)
        body = "\n".join((t("basket_body_intro", title=draft.title), "", "", "", t("basket_body_field", name=t("basket_body_point"), value=point.id)))
        articles = [{"value": a.id, "label": f"{a.label} {a.caption}" if a.caption else a.label} for a in draft.legal.articles if not a.repealed]
        drafts.append({
            "id": draft.id,
            "title": draft.title,
            "href": links.to(draft.id, ""),
            "banner": banner_context(site.consultations[draft.id], draft, settings),
            "intake": {"action": intake_action(intake), "general": GENERAL_LABEL, "articles": articles} if intake else None,
            "mailto": None if intake else mailto_href(draft.comments, values, body),
            "form": None if intake else form_href(draft.comments, values, point.id),
        })
    return render(settings.language, "partials/point_comments.html", open={"anchor": POINT_OPEN, "point": point.id, "drafts": drafts})
