"""Who publishes the site and where its pages are, for the outputs written
beside the pages (feeds, open data)."""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import Settings
from ..urls import SiteUrls


@dataclass(frozen=True)
class Publisher:
    name: str  # the site's name (mkdocs.yml `site_name`)
    urls: SiteUrls
    settings: Settings
