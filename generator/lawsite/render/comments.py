"""Consultation status and per-article comment links, as pure functions.

Every value put into a link is percent-encoded here, in one place, so a title
with `&`, `?` or a newline can neither break the URL nor add mail headers.
Templates are filled by `fill_template`, never `str.format`: a format spec in
front matter must not run even if `check` was skipped.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

from ..model import Article, Comments, Document
from ..parse.schema import fill_template


class State(str, Enum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Status:
    state: State
    days: int | None  # days left while open (0 = last day), days until opening while upcoming
    opens_at: dt.datetime | None  # first instant comments are accepted
    deadline: dt.datetime  # first instant they are no longer accepted

    @property
    def is_open(self) -> bool:
        return self.state is State.OPEN


def consultation_status(comments: Comments, today: dt.date, tz: ZoneInfo) -> Status:
    """Where a consultation stands on `today` (a date in the site's time zone).

    `closes` is inclusive: comments are accepted until midnight at its end.
    """
    assert comments.closes is not None
    deadline = dt.datetime.combine(comments.closes + dt.timedelta(days=1), dt.time(), tz)
    opens_at = dt.datetime.combine(comments.opens, dt.time(), tz) if comments.opens else None
    if comments.opens and today < comments.opens:
        return Status(State.UPCOMING, (comments.opens - today).days, opens_at, deadline)
    if today <= comments.closes:
        return Status(State.OPEN, (comments.closes - today).days, opens_at, deadline)
    return Status(State.CLOSED, None, opens_at, deadline)


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
    query = urllib.parse.urlencode({"subject": subject, "body": body.replace("\n", "\r\n")}, quote_via=urllib.parse.quote)
    return f"mailto:{urllib.parse.quote(comments.email, safe='@')}?{query}"


def form_href(comments: Comments, values: dict[str, str]) -> str | None:
    """The form URL template with every placeholder percent-encoded."""
    if not comments.form:
        return None
    encoded = {key: urllib.parse.quote(value, safe="") for key, value in values.items()}
    return fill_template(comments.form, encoded)
