"""Import one source into a fresh content folder and read it back as `check` does."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawsite.gather.site import load_site
from lawsite.importer import ImportResult, import_paths
from lawsite.model import Article, Division, Document, Problem


@dataclass
class Imported:
    result: ImportResult
    document: Document | None
    check_problems: list[Problem]  # what `lawsite check` says about the written file

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.result.problems]

    def problem(self, code: str) -> Problem:
        return next(p for p in self.result.problems if p.code == code)

    @property
    def articles(self) -> list[Article]:
        assert self.document is not None and self.document.legal is not None
        return self.document.legal.articles

    def article(self, label: str) -> Article:
        return next(a for a in self.articles if a.label == label)

    def divisions(self) -> list[tuple[str, str]]:
        assert self.document is not None and self.document.legal is not None
        return [(n.label, n.title) for n in self.document.legal.walk() if isinstance(n, Division)]

    def paragraphs(self, label: str) -> list[str]:
        return [p.text for p in self.article(label).paragraphs]

    def items(self, label: str, paragraph: int = 1) -> list[str]:
        return [i.text for i in self.article(label).paragraphs[paragraph - 1].items]


def import_one(source: Path, root: Path, **options: object) -> Imported:
    content = root / "content"
    result = import_paths([source], content / "laws", **options)  # type: ignore[arg-type]
    if not result.written:
        return Imported(result, None, [])
    site = load_site(content)
    (document,) = site.documents.values()
    return Imported(result, document, site.problems)
