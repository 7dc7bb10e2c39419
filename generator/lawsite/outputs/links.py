"""Where a built site's documents live, for the outputs that link to them
(feeds, open data)."""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import Settings


@dataclass(frozen=True)
class SiteLinks:
    """`hrefs` maps document ids to page URLs relative to the site root
    (MkDocs' `file.url`); `name` is the site's name."""

    name: str
    hrefs: dict[str, str]
    settings: Settings

    def url(self, doc_id: str, anchor: str | None = None) -> str | None:
        """A document's URL (absolute when the site has a `site_url`), or None
        when it is not published."""
        href = self.hrefs.get(doc_id)
        if href is None:
            return None
        return self.settings.site_url + href + (f"#{anchor}" if anchor else "")
