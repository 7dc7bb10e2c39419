"""Import round trip on the real corpus: nothing of a law is lost on import.

Every file is imported; for every clean file (MANIFEST flags empty) each
article of the original body — label, caption, every paragraph and item —
is found unchanged in the imported document parsed by `load_site`, and the
article count is the manifest's.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lawsite.importer import INFO_END, import_paths
from lawsite.model import Article, Kind
from lawsite.parse.legal import parse_legal_text
from lawsite.gather.site import Site, load_site

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def imported(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    content = tmp_path_factory.mktemp("corpus-site") / "content"
    result = import_paths([corpus / "laws"], content / "laws")
    assert result.problems == []
    return content, load_site(content)


def clean_files(corpus: Path) -> list[tuple[str, int]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as f:
        return [(row["path"], int(row["articles"])) for row in csv.DictReader(f, delimiter="\t") if not row["flags"]]


def original_articles(path: Path) -> list[Article]:
    text = path.read_text(encoding="utf-8")
    body = text.split(INFO_END, 1)[1].split("\n", 1)[1]
    legal, _ = parse_legal_text(body, path=str(path))
    return legal.articles


def shape(article: Article) -> tuple:
    return (article.id, article.label, article.caption, article.repealed, article.plain_text())


def test_every_file_is_imported_as_a_law_without_errors(corpus: Path, imported: tuple[Path, Site]) -> None:
    _, site = imported
    assert len(site.documents) == sum(1 for _ in (corpus / "laws").rglob("*.md"))
    assert site.errors == []
    assert {d.kind for d in site.documents.values()} == {Kind.LAW}


def test_every_article_of_every_clean_file_survives(corpus: Path, imported: tuple[Path, Site]) -> None:
    _, site = imported
    files = clean_files(corpus)
    assert len(files) > 1400
    lost: list[str] = []
    for rel, count in files:
        document = site.by_path[f"laws/{rel}"]
        assert document.legal is not None
        ours = [shape(a) for a in document.legal.articles]
        theirs = [shape(a) for a in original_articles(corpus / "laws" / rel)]
        if ours != theirs or len(ours) != count:
            lost.append(f"{rel}: {len(ours)} imported, {len(theirs)} in the original, {count} in the manifest")
    assert lost == []


def test_categories_and_ids_follow_the_folders(imported: tuple[Path, Site]) -> None:
    _, site = imported
    part = site.by_path["laws/民法典/合同编.md"]
    assert part.id == "民法典-合同编" and part.meta["category"] == "民法典"
    assert part.title == "中华人民共和国民法典·合同编"
    nested = next(d for p, d in site.by_path.items() if p.startswith("laws/部门规章/公安部/"))
    assert nested.meta["category"] == "部门规章/公安部"
