"""Import → build → open data, on a sample of the real corpus.

Fifty files spread over every category are imported and built as a site with
the lawsite plugin. For each clean file (MANIFEST flags empty) every article of
the original text (id, label, text) is in the document's open-data JSON and
has its anchor on the built page. (Every clean file at the parse level:
tests/importer/test_corpus_roundtrip.py.)
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from lawsite.importer import INFO_END, doc_id, import_paths
from lawsite.emit.opendata import record_text
from lawsite.parse.legal import parse_legal_text
from tests.conftest import build_site

pytestmark = pytest.mark.corpus

SAMPLE = 50

CONFIG = """site_name: 法律法规
site_url: https://example.gov.cn/
docs_dir: content
theme:
  name: material
  font: false
  language: zh
plugins:
  - lawsite:
      search: material
"""


def sample(corpus: Path) -> list[tuple[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as f:
        rows = [(row["path"], row["flags"]) for row in csv.DictReader(f, delimiter="\t")]
    rows.sort()
    step = len(rows) / SAMPLE
    return [rows[int(i * step)] for i in range(SAMPLE)]


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    root = tmp_path_factory.mktemp("corpus-sample")
    staging = root / "src"
    chosen = sample(corpus)
    for rel, _ in chosen:
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((corpus / "laws" / rel).read_bytes())
    result = import_paths(sorted(staging.iterdir()), root / "content" / "laws")
    assert result.problems == [] and len(result.written) == SAMPLE
    (root / "content" / "index.md").write_text("# 法律法规\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site", 1_800_000_000)
    return root / "site", chosen


def original(corpus: Path, rel: str):
    text = (corpus / "laws" / rel).read_text(encoding="utf-8")
    legal, _ = parse_legal_text(text.split(INFO_END, 1)[1].split("\n", 1)[1], path=rel)
    return legal.articles


def test_every_article_reaches_open_data_and_the_page(corpus: Path, built: tuple[Path, list[tuple[str, str]]]) -> None:
    site, chosen = built
    clean = [rel for rel, flags in chosen if not flags]
    assert len(clean) >= 35
    checked = 0
    for rel in clean:
        data = json.loads((site / "data" / "documents" / f"{doc_id(rel)}.json").read_text(encoding="utf-8"))
        page = (site / "laws" / Path(rel).with_suffix("") / "index.html").read_text(encoding="utf-8")
        published = [(a["id"], a["label"], record_text(a)) for a in data["articles"]]
        expected = [(a.id, a.label, a.plain_text()) for a in original(corpus, rel)]
        assert published == expected, rel
        missing = [a_id for a_id, _, _ in expected if f'id="{a_id}"' not in page]
        assert missing == [], rel
        checked += len(expected)
    assert checked > 1000


def test_pages_carry_the_imported_facts(built: tuple[Path, list[tuple[str, str]]]) -> None:
    site, chosen = built
    rel = next(rel for rel, flags in chosen if rel.startswith("宪法相关法/"))
    data = json.loads((site / "data" / "documents" / f"{doc_id(rel)}.json").read_text(encoding="utf-8"))
    assert data["metadata"]["category"] == "宪法相关法"
    assert data["metadata"]["events"] and data["metadata"]["events"][0]["text"].startswith(data["metadata"]["events"][0]["date"][:4])
