"""The /admin/ page: Decap CMS's entry script, its config, and a policy of
its own.

The editor needs more than a reader's page: Decap styles itself with
CSS-in-JS (inline <style> and style attributes), compiles its config schema
at run time (ajv: eval, without which it does not start), shows media as
blob: URLs, and talks to its backend. Its Content-Security-Policy allows exactly that, for its own files
and the backend's origins (admin/config.py: AdminSettings.origins), and no
other host: Decap's GitHub status check (githubstatus.com) is refused here.
The page is never indexed (robots noindex, no search marks, no sitemap
entry: it is a static file, not a page of the site).
"""

from __future__ import annotations

import html

from ..messages import language, msg
from .bundle import ENTRY
from .config import AdminSettings

FOLDER = "admin"
CONFIG = "config.yml"


def admin_policy(settings: AdminSettings) -> str:
    connect = " ".join(("'self'", *settings.origins()))
    return "; ".join((
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        f"connect-src {connect}",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ))


# Decap's editor and its toolbar have a minimum width of 800 px, so on a
# phone the whole form scrolled sideways. Its styles are CSS-in-JS, with
# class names that end in the component's name (css-hn3jn7-EditorContainer):
# matched by that name, narrower screens get a form as wide as the screen.
# A file of the site, not a <style> in the page: no page carries inline
# styles of its own (tests/hostile's scan).
PHONE_STYLESHEET = "lawsite-phone.css"
PHONE_CSS = (
    "@media (max-width: 799px) {"
    " [class*=-EditorContainer], [class*=-ToolbarContainer] { min-width: 0 !important; }"
    " [class*=-ToolbarContainer] { height: auto !important; min-height: 66px; flex-wrap: wrap; }"
    " [class*=-ControlPaneContainer] { max-width: 100% !important; }"
    " }\n"
)


def admin_page(settings: AdminSettings, site_name: str, site_language: str = "zh") -> str:
    lang = language(site_language)
    title = f"{msg('admin.title').render(lang)} · {site_name}" if site_name else msg("admin.title").render(lang)
    html_lang = {"zh": "zh-CN", "zh-Hant": "zh-TW"}.get(site_language, site_language)
    return f"""<!doctype html>
<html lang="{html.escape(html_lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(admin_policy(settings))}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link href="{CONFIG}" type="text/yaml" rel="cms-config-url">
<link href="{PHONE_STYLESHEET}" rel="stylesheet">
</head>
<body>
<noscript>{html.escape(msg("admin.noscript").render(lang))}</noscript>
<script src="{ENTRY}"></script>
</body>
</html>
"""
