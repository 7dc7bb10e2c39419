"""Where every page lives, and links from one page to another.

Pure (no MkDocs). URLs are site-relative as MkDocs makes them with
`use_directory_urls` (the default): ``""`` for the home page,
``drafts/property-r2/`` for a draft, ``posters/x/index.html`` for a file.
The adapter builds one `SiteUrls` per build from the URL MkDocs gave each
planned page; every page, feed, poster and JSON file links through it.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from typing import Callable, Mapping


ASSET_DIR = "assets/lawsite"  # the plugin's scripts and styles in the built site

# Keys of the generated pages in `SiteUrls` (documents are keyed by their id,
# which never holds a "/").
STATISTICS_ID = "lawsite-statistics"
DIRECTORY_ID = "lawsite-contact-points"
LOOKUP_ID = "lawsite-lookup"  # 查询我的意见 (emit/lookup.py)


def service_origin(base: str) -> str | None:
    """The origin of a service's base address (`lawsite intake` behind
    https://host/prefix), or None when `base` is not one: http(s), a host,
    no query, no fragment."""
    parts = urllib.parse.urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or "{" in base:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def redline_key(new_id: str) -> str:
    """The redline page from the previous reading of `new_id` to it."""
    return f"redline/{new_id}"


def year_key(year: int) -> str:
    """The key of a year's statistics page (the contact points' 台账 summed)."""
    return f"{STATISTICS_ID}/{year}"


def poster_key(doc_id: str) -> str:
    return f"poster/{doc_id}"


def sign_key(point_id: str) -> str:
    """The standing QR sign of a contact point."""
    return f"sign/{point_id}"


def feedback_sheet_key(point_id: str, notice_id: str) -> str:
    """A contact point's 反馈单 on one notice (emit/feedback_sheet.py)."""
    return f"feedback/{point_id}/{notice_id}"


def law_index_key(folder: str) -> str:
    return f"index/{folder}"


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a content file."""
    stem, _ = posixpath.splitext(src_path)
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative);
    a fragment on `to_url` is kept.

    Like MkDocs' `get_relative_url` (the last part of `from_url` is dropped
    when it names a file), except that a link to a folder page, the home page
    included, always ends with "/": MkDocs gives ``../..`` from ``drafts/x/``
    to the home page, this gives ``../../`` (both resolve to the same URL)."""
    target, _, fragment = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


def content_target(href: str, src: str) -> tuple[str, str] | None:
    """What a link written in the content file `src` names inside the content
    folder: (its content path, the fragment). None for an address elsewhere:
    with a scheme or host, a site-absolute path, a fragment or query alone.
    A path that leaves the content folder is returned as it resolves ("../x"):
    the caller finds no such file."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(src), urllib.parse.unquote(parts.path)))
    return path, parts.fragment


def with_fragment(url: str, fragment: str = "") -> str:
    return url + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class SiteUrls:
    """Every page of one build by its key (a document id, or a generated
    page's key from `plan.py`), built once per build and shared."""

    pages: Mapping[str, str]  # key → site-relative URL
    site_url: str = ""  # "https://host/" or "" when the site has none

    def url(self, key: str, fragment: str = "") -> str | None:
        """The page's site-relative URL, None when the site has no such page."""
        url = self.pages.get(key)
        return None if url is None else with_fragment(url, fragment)

    def absolute(self, key: str, fragment: str = "") -> str | None:
        """The page's URL with the host when the site has a `site_url`."""
        url = self.url(key, fragment)
        return None if url is None else self.site_url + url

    def at(self, here: str) -> PageLinks:
        """Links from the page at the site-relative URL `here`."""
        return PageLinks(self, here)


@dataclass(frozen=True)
class PageLinks:
    """Links from one page: relative to it, so a site works from any folder."""

    site: SiteUrls
    here: str  # the page's own site-relative URL

    def to(self, key: str, fragment: str = "") -> str | None:
        """A link to the page `key` (and `fragment` on it), None when there is no such page."""
        url = self.site.url(key, fragment)
        return None if url is None else relative_url(self.here, url)

    def to_url(self, url: str) -> str:
        """A link to any site-relative URL (an asset, a feed)."""
        return relative_url(self.here, url)

    def to_content(self, href: str, src: str, key_of: Callable[[str], str | None]) -> str | None:
        """The published form of a link written in the content file `src`, as
        MkDocs makes it for the Markdown it converts: to a page's address for
        a `.md` file (`key_of` gives its key, None when no page is made of
        it), to the copied file for any other; None when it names nothing
        published. An address elsewhere is returned as written."""
        named = content_target(href, src)
        if named is None:
            return href
        path, fragment = named
        if path.startswith("../") or path == "..":
            return None
        if not path.endswith(".md"):
            return with_fragment(quote_readable(relative_url(self.here, path), safe="/"), fragment)
        key = key_of(path)
        return None if key is None else self.to(key, fragment)

    @property
    def absolute(self) -> str:
        """This page's own URL, with the host when the site has a `site_url`."""
        return self.site.site_url + self.here


def printable_unicode(ch: str) -> bool:
    """Whether a link shows `ch` as it is rather than %-escaped: a printable
    non-ASCII character (controls, format characters and spaces stay escaped,
    so nothing in a link is invisible). isprintable() is false for exactly
    Unicode's Other (C*) and Separator (Z*) categories, save the ASCII space."""
    return ord(ch) > 0x7F and ch.isprintable()


_ASCII_OR_NOT = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def quote_readable(text: str, safe: str = "", encoding: str | None = None, errors: str | None = None) -> str:
    """`urllib.parse.quote`, with printable non-ASCII characters as they are:
    what finish/minify.py's readable_urls makes of quote's output, at once
    (for 99,990 mail links on one draft page that pass cost 8 s). Takes
    urlencode's quote_via arguments; the text is always UTF-8."""
    return "".join(
        urllib.parse.quote(run, safe) if run[0] <= "\x7f" else run if run.isprintable() else "".join(ch if ch.isprintable() else urllib.parse.quote(ch, safe) for ch in run)
        for run in _ASCII_OR_NOT.findall(text)
    )
