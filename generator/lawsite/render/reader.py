"""The reader's tools around a page: the poster link and the comment basket
on a draft, the label table the scripts show (one static script per site),
and what every page's head carries (the larger-type switch applied before
the first paint).

The poster link and the basket are page parts (render/notes/parts.py): this
module builds the basket's data, its partial lays it out. The head snippet
and the label script are strings the adapter places.
"""

from __future__ import annotations

import json

from ..consultation import Consultation, State
from ..model import Document
from ..settings import Settings
from .comments import form_href, form_point_template, intake_action, intake_base, template_values
from .i18n import INTAKE_SCRIPT_LABELS, SCRIPT_LABELS, translator
from .phone import phone_html
from .templates import render

# Assets added to every page (besides lawsite.css/js), and the poster's own.
PAGE_ASSETS: tuple[str, ...] = ("reader.css", "reader.js", "basket.js")
# Added to every page of a site whose drafts post to a comment service (after basket.js).
INTAKE_ASSETS: tuple[str, ...] = ("intake.css", "intake.js")
POSTER_ASSETS: tuple[str, ...] = ("poster.css", "poster.js", "sign.css")  # sign.css: the contact points' signs (emit/sign.py)
# The scripts' labels in the site's language, generated once per build and
# loaded before reader.js: 2 kB the browser caches, instead of in every page.
LABELS_SCRIPT = "assets/lawsite/i18n.js"

FONT_KEY = "lawsite:font"  # localStorage key of the larger-type switch (also in reader.js)

# Runs in <head>, before the body is painted, so a reader who chose larger type
# never sees the page jump. No text, no third-party code.
BEFORE_PAINT = (
    "<script>try{if(localStorage.getItem(%s)===\"large\")"
    "document.documentElement.classList.add(\"ls-large\")}catch(e){}</script>"
) % json.dumps(FONT_KEY)


def labels_script(language: str, intake: bool = False) -> str:
    """The labels the scripts show, as a script setting `window.lawsiteLabels`:
    ASCII only (non-ASCII as \\uXXXX), so it reads right whatever charset a
    server declares for .js files. intake.js's only on a site that uses the service."""
    t = translator(language)
    data = {key: t(key) for key in SCRIPT_LABELS + (INTAKE_SCRIPT_LABELS if intake else ())}
    return f"window.lawsiteLabels = {json.dumps(data, sort_keys=True)};\n"


def inject_head(page_html: str, snippet: str) -> str:
    """`snippet` placed just before `</head>` (unchanged when there is none)."""
    index = page_html.find("</head>")
    return page_html if index < 0 else page_html[:index] + snippet + page_html[index:]


def footer_html(settings: Settings) -> str:
    """The site's footer (Settings.footer); empty when none is set."""
    footer = settings.footer
    if not footer.shown:
        return ""
    police_code = "".join(c for c in footer.police if c.isascii() and c.isdigit())
    return render(settings.language, "partials/site_footer.html", footer=footer, contact=phone_html(footer.contact), police_code=police_code)


def not_found_html(settings: Settings) -> str:
    """The 404 page's content: served at any address, so its link is absolute."""
    return render(settings.language, "partials/not_found.html", home=settings.site_url or "/")


def basket_context(document: Document, status: Consultation | None, page_url: str, settings: Settings) -> dict[str, str] | None:
    """The basket's root on a draft open (or about to open) for comment.

    It holds the draft's e-mail, subject template and form address as data;
    basket.js builds the panel into it. Without the script it stays hidden and
    each article's own entry is the way to comment. With a comment service,
    its address too: intake.js adds the button that sends the whole basket.
    """
    comments = document.comments
    intake = intake_base(document, settings)
    if status is None or comments is None or status.state is State.CLOSED or not (comments.email or comments.form or intake):
        return None
    values = template_values(document, None, page_url)
    return {
        "doc": document.id,
        "title": document.title,
        "email": comments.email or "",
        "subject": comments.subject,
        "form": form_href(comments, values) or "",
        "form_point": form_point_template(comments, values) or "",
        "intake": intake_action(intake) if intake else "",
    }
