"""Per-article comment links, as pure functions (the consultation's status
is a domain fact: lawsite.consultation).

Every value put into a link is percent-encoded here, in one place, so a title
with `&`, `?` or a newline can neither break the URL nor add mail headers.
Templates are filled by `fill_template`, never `str.format`: a format spec in
front matter must not run even if `check` was skipped.
"""

from __future__ import annotations

import urllib.parse

from ..model import Article, Comments, Document
from ..parse.schema import fill_template
from ..settings import Settings
from ..urls import quote_readable, service_origin


def template_values(document: Document, article: Article | None, url: str) -> dict[str, str]:
    """The values of the {doc} {article} {label} {title} {url} placeholders."""
    return {
        "doc": document.id,
        "article": article.id if article else "",
        "label": article.label if article else "",
        "title": document.title,
        "url": url,
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def mailto_href(comments: Comments, values: dict[str, str], body: str) -> str | None:
    """`mailto:` with the subject from the template and `body` filled in."""
    if not comments.email:
        return None
    subject = _one_line(fill_template(comments.subject, values))
    query = urllib.parse.urlencode({"subject": subject, "body": body.replace("\n", "\r\n")}, quote_via=quote_readable)
    return f"mailto:{quote_readable(comments.email, safe='@')}?{query}"


def intake_base(document: Document, settings: Settings) -> str | None:
    """The comment service a draft's readers post to: its own `comments.intake`,
    else the site's `intake`; None when it takes comments by mail and form only."""
    if document.comments is None:
        return None
    return document.comments.intake or settings.intake or None


def intake_action(base: str) -> str:
    """Where the in-page form posts (`lawsite intake` answers POST /comments)."""
    return base.rstrip("/") + "/comments"


def intake_origin(document: Document | None, settings: Settings) -> str:
    """The service's origin, which the page's CSP allows; "" for a page that posts nowhere."""
    base = intake_base(document, settings) if document is not None else None
    return (service_origin(base) or "") if base else ""


POINT = "{point}"  # kept as written in the `data-ls-form-point` template; reader.js fills it in


def form_href(comments: Comments, values: dict[str, str], point: str = "") -> str | None:
    """The form URL template with every placeholder percent-encoded; {point}
    is `point` (empty at build time: the reader's contact point is known only
    in the browser)."""
    if not comments.form:
        return None
    encoded = {key: urllib.parse.quote(value, safe="") for key, value in {**values, "point": point}.items()}
    if point == POINT:
        encoded["point"] = POINT
    return fill_template(comments.form, encoded)


def form_point_template(comments: Comments, values: dict[str, str]) -> str | None:
    """The form's address with {point} left for reader.js, when the template has one."""
    if not comments.form or POINT not in comments.form:
        return None
    return form_href(comments, values, POINT)
