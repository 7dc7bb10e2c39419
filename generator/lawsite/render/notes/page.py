"""What a note is, and the page whose articles are annotated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ...consultation import Consultation
from ...gather.site import Site
from ...model import Document
from ...settings import Settings
from ...urls import PageLinks


@dataclass(frozen=True)
class Note:
    """One entry of an article's action row."""

    template: str  # the partial that shows it (it reads `note`)
    data: Mapping[str, Any]


@dataclass(frozen=True)
class ArticlePage:
    """The page whose articles are annotated."""

    site: Site
    settings: Settings
    document: Document
    links: PageLinks  # from this page

    @property
    def status(self) -> Consultation | None:
        """The draft's consultation at the build moment (gathered), None for a law."""
        return self.site.consultations.get(self.document.id)


Annotator = Callable[[ArticlePage], Mapping[str, Note]]
