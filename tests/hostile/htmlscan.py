"""Find anything executable in built HTML: the judge of the hostile-input tests.

Parses each page with html.parser (as a browser would tokenise it) and lists:
inline scripts that are not the theme's own, scripts loaded from elsewhere,
event-handler attributes, javascript:/vbscript:/data: URLs, embedding elements
(iframe, object, embed, base, meta refresh), <style> elements, broken JSON data
blocks (a sign that a value escaped its <script type="application/json">),
and — when a marker is given — the marker inside any of those.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "cite", "ping", "longdesc"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def unsafe_url(value: str) -> bool:
    # As the URL standard reads it: C0 controls and spaces trimmed at both
    # ends, tabs and newlines removed everywhere.
    url = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21))))
    return bool(re.match(r"(?:javascript|vbscript|data):", url, re.IGNORECASE))


@dataclass
class Finding:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class _Scanner(HTMLParser):
    where: str
    marker: str | None
    findings: list[Finding] = field(default_factory=list)
    csp: str | None = None
    csp_before_scripts: bool = True
    inline_scripts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._script: dict[str, str] | None = None
        self._style = False
        self._buffer: list[str] = []

    def _add(self, what: str) -> None:
        self.findings.append(Finding(self.where, what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self._add(f"<{tag} {name}={value!r}>: event handler attribute")
            if name in URL_ATTRIBUTES and unsafe_url(value):
                self._add(f"<{tag} {name}={value[:60]!r}>: unsafe URL")
            if name == "style" and self.marker and self.marker in value:
                self._add(f"<{tag} style={value!r}>: marker in a style attribute")
        if tag in FORBIDDEN_ELEMENTS:
            self._add(f"<{tag}>: embedding element")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self._add("<meta http-equiv=refresh>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = values.get("content", "")
        if tag == "script":
            if self.csp is None:
                self.csp_before_scripts = False
            self._script = values
            self._buffer = []
            src = values.get("src")
            if src is not None and (re.match(r"(?:[a-z]+:)?//", src, re.IGNORECASE) or (self.marker and self.marker in src)):
                self._add(f"<script src={src!r}>: script from elsewhere")
        if tag == "style":
            self._style = True
            self._add("<style> element")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            body = "".join(self._buffer)
            kind = self._script.get("type", "").strip().lower()
            if kind in _JS_TYPES and "src" not in self._script:
                self.inline_scripts.append(body)
                if self.marker and self.marker in body:
                    self._add(f"inline script runs {body[:80]!r}")
            elif kind == "application/json":
                try:
                    json.loads(body)
                except ValueError:
                    self._add(f"JSON data block is broken (did a value escape it?): {body[:80]!r}")
            self._script = None
        if tag == "style":
            self._style = False


@dataclass
class PageScan:
    findings: list[Finding]
    csp: str | None
    csp_before_scripts: bool
    inline_scripts: list[str]


def scan_html(text: str, where: str = "page", marker: str | None = None) -> PageScan:
    scanner = _Scanner(where, marker)
    scanner.feed(text)
    scanner.close()
    return PageScan(scanner.findings, scanner.csp, scanner.csp_before_scripts, scanner.inline_scripts)


def scan_site(site_dir: Path, marker: str | None = None) -> dict[str, PageScan]:
    """Every .html file of a built site, by path relative to `site_dir`."""
    return {
        path.relative_to(site_dir).as_posix(): scan_html(path.read_text(encoding="utf-8"), path.relative_to(site_dir).as_posix(), marker)
        for path in sorted(site_dir.rglob("*.html"))
    }
