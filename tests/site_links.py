"""Every link and reference in a built site, checked as a reader's browser
would follow them: internal pages and files exist, `#fragment`s name an id
(or a name) on the page they point into, nothing points at a loopback host.

Used by tests/site/test_site_links.py (the sample site) and kept free of
pytest so a benchmark or a one-off run can call `site_problems`."""

from __future__ import annotations

import html.parser
import posixpath
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "0.0.0.0")
# Attributes holding a URL the browser follows or fetches.
URL_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"), ("form", "action")}


@dataclass
class Page:
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    ids: set[str] = field(default_factory=set)


class _Scanner(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            if (tag, name) in URL_ATTRIBUTES or name == "srcset":
                self.page.links.append((tag, name, value))


def scan(path: Path) -> Page:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    return scanner.page


def _target(site: Path, page: Path, url: str, site_url: str) -> tuple[Path, str] | None:
    """(file, fragment) an internal URL opens, None for an external one."""
    if site_url and url.startswith(site_url):
        url = "/" + url[len(site_url):]
    parts = urllib.parse.urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = urllib.parse.unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = "/" + page.relative_to(site).parent.as_posix()
    resolved = posixpath.normpath(posixpath.join(base, path) if not path.startswith("/") else path)
    target = site / resolved.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def site_problems(site: Path, site_url: str = "") -> list[str]:
    """Every broken internal link, missing fragment and loopback URL in the built `site`."""
    pages = {path: scan(path) for path in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        where = path.relative_to(site).as_posix()
        for tag, attribute, value in page.links:
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
            for url in urls:
                if any(host in url for host in LOOPBACK):
                    problems.append(f"{where}: loopback URL in <{tag} {attribute}>: {url}")
                    continue
                if url.startswith(("mailto:", "tel:", "data:", "javascript:", "sms:")):
                    continue
                found = _target(site, path, url, site_url)
                if found is None:
                    continue
                target, fragment = found
                if not target.is_file():
                    problems.append(f"{where}: <{tag} {attribute}> to a missing file: {url}")
                elif fragment and target.suffix == ".html" and urllib.parse.unquote(fragment) not in pages.get(target, Page()).ids:
                    problems.append(f"{where}: <{tag} {attribute}> to a missing #fragment: {url}")
    return problems
