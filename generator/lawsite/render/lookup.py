"""The 查询我的意见 page: a form for a receipt, the parameters lookup.js
needs to find its sealed record (emit/lookup.py), the labels it shows, and
what a reader without JavaScript can do instead."""

from __future__ import annotations

from ..emit.lookup import BUCKET_DIR, FORMAT, ITERATIONS, b64, bucket_count, published_receipts, site_salt
from ..gather.site import Site
from ..settings import Settings
from ..urls import ASSET_DIR, PageLinks
from .i18n import translator
from .templates import render

LOOKUP_SCRIPT = "lookup.js"
# What lookup.js shows, as data-msg-* attributes of the form (`{receipt}` filled in by the script).
_MESSAGES = ("working", "malformed", "not_found", "found", "insecure", "failed", "notice", "draft", "article", "suggestion", "outcome", "reason", "ledger", "group")


def lookup_page_html(site: Site, links: PageLinks, settings: Settings) -> str:
    t = translator(settings.language)
    contact = settings.footer.contact
    lookup = {
        "salt": b64(site_salt(settings)),
        "iterations": ITERATIONS,
        "buckets": bucket_count(len(set(published_receipts(site)))),
        "format": FORMAT,
        "base": links.to_url(BUCKET_DIR + "/"),
        "script": links.to_url(f"{ASSET_DIR}/{LOOKUP_SCRIPT}"),
        "ask": t("lookup_ask", contact=contact) if contact else t("lookup_ask_plain"),
        "messages": {name.replace("_", "-"): t("reason") if name == "reason" else t(f"lookup_{name}") for name in _MESSAGES},
    }
    return render(settings.language, "partials/lookup.html", lookup=lookup) + "\n"
