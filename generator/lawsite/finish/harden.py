"""Make every page safe whatever its content says: sanitise, escape, lock down.

Pure functions on strings, called by the MkDocs adapter:

- `sanitize_page` cleans the HTML that Python-Markdown made from an editor's
  Markdown (raw HTML included) with nh3. The allowlist is broad enough for what
  Markdown, Material and lawsite's partials produce (headings with permalinks,
  ids, classes, data-ls-* attributes, tables, details, figures, SVG charts and
  QR codes) and has no way to run script: no <script>/<style>/<iframe>/<object>,
  no on* attributes, no javascript:/data: URLs.
- `escape_text` / `clean_title` make titles and front matter values safe for
  MkDocs' theme templates, which (unlike ours) do not autoescape.
- `finish_page` gives external links rel="noopener noreferrer" and puts a
  Content-Security-Policy <meta> at the top of <head> that allows only the
  site's own scripts and styles, plus the theme's inline scripts by hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import urllib.parse
from typing import Iterable

import nh3
from markupsafe import Markup

from ..parse.safety import SCRIPT_ATTRIBUTES, SCRIPT_IDS
from ..render.inline import ALLOWED_ATTRIBUTES as INLINE_ATTRIBUTES
from ..render.inline import ALLOWED_TAGS as INLINE_TAGS

_SVG_TAGS = {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc", "defs"}
PAGE_TAGS = INLINE_TAGS | _SVG_TAGS | {
    "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "aside", "header", "footer", "nav", "main",
    "details", "summary", "figure", "figcaption", "dl", "dt", "dd", "mark", "small", "time", "kbd", "samp", "var",
    "q", "cite", "dfn", "ruby", "rt", "rp", "bdi", "wbr", "label", "input", "meter", "progress",
}
_GENERIC = {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"}
_SVG_ATTRIBUTES = {
    "viewbox", "viewBox", "width", "height", "xmlns", "preserveAspectRatio", "focusable", "fill", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "fill-rule", "clip-rule", "opacity", "fill-opacity",
    "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "points", "dx", "dy",
    "text-anchor", "dominant-baseline", "font-size", "font-weight",
}
PAGE_ATTRIBUTES: dict[str, set[str]] = {tag: set(attrs) for tag, attrs in INLINE_ATTRIBUTES.items()}
PAGE_ATTRIBUTES["*"] = _GENERIC
PAGE_ATTRIBUTES["a"] = PAGE_ATTRIBUTES.get("a", set()) | {"href", "hreflang", "target", "download", "rel"}
PAGE_ATTRIBUTES["img"] = PAGE_ATTRIBUTES.get("img", set()) | {"loading", "decoding"}
for _cell in ("td", "th"):
    PAGE_ATTRIBUTES[_cell] = PAGE_ATTRIBUTES.get(_cell, set()) | {"headers", "scope"}
PAGE_ATTRIBUTES.update({
    "ol": {"start", "type", "reversed"}, "li": {"value"}, "details": {"open"}, "time": {"datetime"},
    "q": {"cite"}, "blockquote": {"cite"}, "label": {"for"}, "input": {"type", "checked", "disabled", "name"},
    "meter": {"value", "min", "max", "low", "high", "optimum"}, "progress": {"value", "max"},
    "ins": {"datetime"}, "del": {"datetime"},
})
for _tag in _SVG_TAGS:
    PAGE_ATTRIBUTES[_tag] = set(_SVG_ATTRIBUTES)

URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Names the theme's script looks up by id (`__config`, `__md_*`, `__search` …):
# content may not shadow them. pymdownx.tabbed's own `__tabbed_*` are fine.
_THEME_ID = re.compile(r"__(?!tabbed_)")
def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("id", "for", "name") and (_THEME_ID.match(value) or value in SCRIPT_IDS):
        return None
    if attribute.startswith("data-md") or attribute in SCRIPT_ATTRIBUTES:
        return None
    if tag == "input" and attribute == "type" and value not in ("checkbox", "radio"):
        return None
    if tag == "a" and attribute == "target" and value not in ("_blank", "_self"):
        return None
    return value


def sanitize_page(fragment: str) -> str:
    """Page HTML made from Markdown → the same HTML without anything that runs."""
    return nh3.clean(
        fragment,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"},
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # finish_page sets rel on external links only
        filter_style_properties={"text-align"},
    )


# --- titles and fields for the theme's templates ----------------------------------


def escape_text(value: str) -> Markup:
    """Plain text (front matter, file names) → HTML text, marked as such."""
    return Markup.escape(value)


def clean_title(fragment: str) -> Markup:
    """A title that is already HTML (from a Markdown heading) → text-only HTML."""
    return Markup(nh3.clean(fragment, tags=set(), attributes={}, clean_content_tags={"script", "style"}))


def escape_meta(value: object) -> object:
    """Every string in front matter data escaped; other values unchanged."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, dict):
        return {key: escape_meta(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_meta(item) for item in value]
    return value


def safe_striptags(value: object) -> Markup:
    """Jinja's `striptags` returns *unescaped* text, which MkDocs' templates
    print raw (`<title>{{ page.title | striptags }}`); this one re-escapes."""
    text = Markup(str(value)).striptags()
    return Markup.escape(text)


# --- whole pages ---------------------------------------------------------------------

_A_TAG = re.compile(r"<a\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_SCRIPT = re.compile(r"<script(\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*)?>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# What an address naming another host must hold: `//` (a tab or line break
# between the two, which browsers and urlsplit drop, included), or an entity
# that unescapes to one. A tag without either is not external.
_MAY_NAME_A_HOST = re.compile(r"/[\t\n\r]*/|&")
_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
CSP_MARK = 'http-equiv="Content-Security-Policy"'


def _attributes(tag: str) -> dict[str, str]:
    body = tag[tag.index(" ") : -1]
    return {m.group(1).lower(): html.unescape(next((g for g in m.groups()[1:] if g is not None), "")) for m in _ATTR.finditer(body)}


def is_external(href: str, site_host: str) -> bool:
    parts = urllib.parse.urlsplit(href.strip())
    return parts.scheme in ("http", "https", "") and bool(parts.netloc) and parts.hostname != site_host


def external_links_safe(page_html: str, site_host: str) -> str:
    """Every <a> to another host gets rel="noopener noreferrer" (merged with
    any rel it had), so the opened page can neither script the opener nor
    learn which page the reader came from."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        if _MAY_NAME_A_HOST.search(tag) is None:  # most of a page's links: read no further
            return tag
        attrs = _attributes(tag)
        if not is_external(attrs.get("href", ""), site_host):
            return tag
        rel = attrs.get("rel", "").split()
        wanted = rel + [v for v in ("noopener", "noreferrer") if v not in rel]
        if wanted == rel:
            return tag
        if "rel" in attrs:
            tag = re.sub(r"""\srel\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", "", tag, count=1, flags=re.IGNORECASE)
        return tag[:-1].rstrip("/ ") + f' rel="{" ".join(wanted)}"' + (" />" if tag.endswith("/>") else ">")

    return _A_TAG.sub(fix, page_html)


def inline_script_hashes(page_html: str, untrusted: str = "") -> list[str]:
    """CSP hash sources of the executable inline scripts of `page_html`,
    leaving out any script that also appears in `untrusted` (the content)."""
    excluded = {body for _, body in _scripts(untrusted)} if untrusted else set()
    hashes: list[str] = []
    for attrs, body in _scripts(page_html):
        if "src" in attrs or attrs.get("type", "").strip().lower() not in _JS_TYPES or body in excluded:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def _scripts(page_html: str) -> Iterable[tuple[dict[str, str], str]]:
    for match in _SCRIPT.finditer(page_html):
        attrs = _attributes("<script" + (match.group(1) or " ") + ">") if match.group(1) else {}
        yield attrs, match.group(2)


def content_security_policy(script_hashes: Iterable[str], wasm: bool = False, origin: str = "", service: str = "") -> str:
    """`origin` is the site_url's origin: the theme fetches the sitemap there
    (absolute), which is 'self' when published but not on a preview server.
    `service` is the comment service's origin on a page whose forms post to
    it (with and without script): that one origin, and only on that page."""
    scripts = " ".join(["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *script_hashes])
    return "; ".join((
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",  # the theme's icons are data: SVGs in its CSS
        "font-src 'self'",
        " ".join(("connect-src 'self'", *(o for o in (origin, service) if o))),
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        " ".join(("form-action 'self'", *((service,) if service else ()))),
    ))


def add_csp_meta(page_html: str, policy: str) -> str:
    """The policy as the first thing in <head> (it governs only what follows it)."""
    meta = f'<meta {CSP_MARK} content="{html.escape(policy)}">'
    charset = re.search(r"<meta\s+charset=[^>]*>", page_html, re.IGNORECASE)
    if charset:
        return page_html[: charset.end()] + "\n    " + meta + page_html[charset.end() :]
    head = re.search(r"<head\b[^>]*>", page_html, re.IGNORECASE)
    if head:
        return page_html[: head.end()] + meta + page_html[head.end() :]
    return page_html


def finish_page(page_html: str, *, content: str = "", site_url: str = "", csp: bool = True, wasm: bool = False, service: str = "") -> str:
    """Safe external links and the CSP meta, on a whole rendered page.
    `content` is the page's Markdown-made part: scripts found there never get
    a hash (with `trust_html` a site may keep raw HTML, but not inline script)."""
    parts = urllib.parse.urlsplit(site_url)
    page_html = external_links_safe(page_html, parts.hostname or "")
    if csp and CSP_MARK not in page_html:
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
        policy = content_security_policy(inline_script_hashes(page_html, content), wasm=wasm, origin=origin, service=service)
        page_html = add_csp_meta(page_html, policy)
    return page_html
