"""The comment entry of each article while a draft is open (or about to open):
a mail link with the article in the subject and body, and the form link, or,
with a comment service (`comments.intake`), an in-page form posting to it."""

from __future__ import annotations

from ...consultation import State
from ..comments import form_href, form_point_template, intake_action, intake_base, mailto_href, template_values
from ..i18n import translator
from ..legal import permalink
from .page import ArticlePage, Note


def notes(page: ArticlePage) -> dict[str, Note]:
    document, status, comments = page.document, page.status, page.document.comments
    if status is None or status.state is State.CLOSED or comments is None or document.legal is None:
        return {}
    t = translator(page.settings.language)
    intake = intake_base(document, page.settings)
    found = {}
    for article in document.legal.articles:
        url = permalink(page.links.absolute, article.id)
        values = template_values(document, article, url)
        body = t("mail_body", title=document.title, label=article.label, url=url)
        found[article.id] = Note("partials/comment_entry.html", {
            "label": article.label,
            "mailto": mailto_href(comments, values, body),
            "form": form_href(comments, values),
            "form_point": form_point_template(comments, values),
            "intake": {"action": intake_action(intake), "doc": document.id, "article": article.id} if intake else None,
            # Before opening the entries exist but stay hidden; the script reveals them.
            "hidden": status.state is State.UPCOMING,
        })
    return found
