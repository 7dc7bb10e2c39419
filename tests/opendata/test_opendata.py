"""Open data of the sample site: JSON valid against the schemas in the
repository, ids and texts as on the pages, the ledger and interpretations per
article, and a CSV that Excel opens."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from lawsite.model import Outcome
from lawsite.emit import opendata
from lawsite.emit.publisher import Publisher
from lawsite.urls import SiteUrls
from lawsite.settings import Settings
from lawsite.gather.site import load_site

SITE_URL = "https://lawsite.example.gov.cn/"


def publisher(name: str, hrefs: dict[str, str], settings: Settings) -> Publisher:
    return Publisher(name, SiteUrls(hrefs, settings.site_url), settings)


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((opendata.SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def data(sample_site: Path) -> Path:
    return sample_site / "data"


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_index_and_every_document_validate_against_the_schemas(data: Path) -> None:
    index = _load(data / "index.json")
    _validator("index.schema.json").validate(index)
    validator = _validator("document.schema.json")
    site = load_site(REPO / "content")
    assert [d["id"] for d in index["documents"]] == list(site.documents)
    for entry in index["documents"]:
        record = _load(data.parent / entry["data"])
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, f"{entry['data']}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        assert record["id"] == entry["id"] and len(record["articles"]) == entry["articles"]


def test_the_schemas_are_published_with_the_data(data: Path) -> None:
    for name in opendata.SCHEMAS:
        assert (data / "schema" / name).read_bytes() == (opendata.SCHEMA_DIR / name).read_bytes()


def test_schema_rejects_a_record_with_a_wrong_article_id(data: Path) -> None:
    record = _load(data / "documents" / "qingchuan-property-2026-r2.json")
    record["articles"][0]["id"] = "article-1"
    with pytest.raises(jsonschema.ValidationError):
        _validator("document.schema.json").validate(record)


def test_articles_carry_ids_text_and_anchored_urls(data: Path) -> None:
    record = _load(data / "documents" / "qingchuan-property-2026-r2.json")
    page = (data.parent / "drafts" / "property-r2" / "index.html").read_text(encoding="utf-8")
    assert record["kind"] == "draft" and record["metadata"]["comments"]["closes"] == "2028-06-30"
    for article in record["articles"]:
        assert f'id="{article["id"]}"' in page
        assert article["url"] == f"#{article['id']}"
        if not any(opendata.value_of(p, "items") for p in article["paragraphs"]):
            assert opendata.record_text(article) == "\n".join(p["text"] for p in article["paragraphs"] if p["text"])
    assert record["url"] == f"{SITE_URL}drafts/property-r2/"
    texts = {a.id: a.plain_text() for a in load_site(REPO / "content").documents[record["id"]].legal.articles}
    assert {a["id"]: opendata.record_text(a) for a in record["articles"]} == texts
    divisions = {d["id"] for d in record["divisions"]}
    assert all(a["division"] in divisions for a in record["articles"])


def test_an_article_of_the_commented_reading_carries_its_ledger(data: Path) -> None:
    site = load_site(REPO / "content")
    notice = site.notices["qingchuan-property-2026-r1-feedback"]
    record = _load(data / "documents" / "qingchuan-property-2026-r1.json")
    by_id = {a["id"]: a for a in record["articles"]}
    for article_id in {s.article for s in notice.suggestions} - {"general"}:
        expected = [s for s in notice.suggestions if s.article == article_id]
        ledger = opendata.value_of(by_id[article_id], "ledger")
        assert ledger["total"] == sum(s.count for s in expected)
        assert ledger["counts"]["adopted"] == sum(s.count for s in expected if s.outcome is Outcome.ADOPTED)
        assert [s["text"] for s in ledger["suggestions"]] == [s.text for s in expected]
        assert {s["notice"] for s in ledger["suggestions"]} == {notice.id}
    assert record["general"]["entries"] == sum(1 for s in notice.suggestions if s.article == "general")
    untouched = [a for a in record["articles"] if a["id"] not in {s.article for s in notice.suggestions}]
    assert untouched and all("ledger" not in a for a in untouched)  # left out at its default, null


def test_an_interpreted_article_carries_its_interpretation(data: Path) -> None:
    record = _load(data / "documents" / "qingchuan-property-2026-r2.json")
    explained = [a for a in record["articles"] if opendata.value_of(a, "interpretation")]
    assert explained, "the sample interpretation explains articles of the second reading"
    first = explained[0]["interpretation"][0]
    assert first["document"] == "qingchuan-property-2026-r2-interpretation"
    assert first["url"].startswith(f"{SITE_URL}interpretations/property-r2-interpretation/#")
    assert first["text"]


def test_a_notice_lists_its_suggestions(data: Path) -> None:
    record = _load(data / "documents" / "qingchuan-elderly-care-2026-feedback.json")
    assert record["kind"] == "notice" and "suggestions" not in record["metadata"]
    assert record["suggestions"][0] == {
        "article": "art_6", "notice": "qingchuan-elderly-care-2026-feedback", "from": "hubin-street", "count": 9,
        "text": "每百户二十平方米的配建标准偏低，难以容纳助餐、日间照料等功能，建议提高到每百户三十平方米。",
        "outcome": "partly", "reason": "修改稿将标准提高为每百户不少于二十五平方米，并规定单处用房不少于三百平方米。",
    }


def test_suggestions_csv_opens_in_excel_and_lists_every_suggestion(data: Path) -> None:
    raw = (data / "suggestions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, so Excel reads the Chinese text"
    assert all(line.endswith(b"\r") for line in raw.split(b"\n")[:-1]), "CRLF line ends"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    site = load_site(REPO / "content")
    assert len(rows) == sum(len(n.suggestions) for n in site.notices.values())
    assert tuple(rows[0]) == opendata.CSV_COLUMNS
    assert {r["outcome"] for r in rows} <= {o.value for o in Outcome}
    first = rows[0]
    assert first["article_id"] == "art_6" and first["article_label"] == "第六条"
    assert first["from"] == "hubin-street" and first["from_name"].endswith("基层立法联系点")
    general = [r for r in rows if r["article_id"] == "general"]
    assert general and all(r["article_label"] == "" for r in general)


def test_urls_are_site_relative_without_site_url() -> None:
    site = load_site(REPO / "content")
    where = publisher("S", {"qingchuan-water-protection-2025": "laws/water-protection/"}, Settings())
    record = opendata.document_record(site.documents["qingchuan-water-protection-2025"], site, where)
    assert record["url"] == "laws/water-protection/"
    assert record["articles"][0]["url"] == "#art_1"
    assert record["metadata"]["adopted"] == "2025-10-30"
    _validator("document.schema.json").validate(record)


def test_the_open_data_page_links_to_files_that_exist(sample_site: Path) -> None:
    import posixpath
    import re

    page = (sample_site / "open-data" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="(\.\./(?:data|feeds)/[^"]+)"', page)
    assert len(hrefs) >= 5
    for href in hrefs:
        assert (sample_site / posixpath.normpath(posixpath.join("open-data", href))).is_file(), href


def test_fields_at_their_default_are_left_out_and_read_back_as_the_default(data: Path) -> None:
    """Format 3: no `"caption": null`, `"items": []`… in 64,000 corpus articles."""
    articles = [a for path in sorted((data / "documents").glob("*.json")) for a in _load(path).get("articles", [])]
    paragraphs = [p for a in articles for p in a["paragraphs"]]
    for record, key in [(a, k) for a in articles for k in ("sub", "caption", "repealed", "interpretation", "ledger")] + [(p, "items") for p in paragraphs]:
        if key in record:
            assert record[key] != opendata.OPTIONAL_DEFAULTS[key] or type(record[key]) is not type(opendata.OPTIONAL_DEFAULTS[key]), (record["id"], key)
    # Both kinds occur in the sample: present where there is something, absent elsewhere.
    for key in ("caption", "interpretation", "ledger"):
        assert any(key in a for a in articles) and any(key not in a for a in articles), key
    assert any("items" in p for p in paragraphs) and any("items" not in p for p in paragraphs)
    bare = next(a for a in articles if "caption" not in a and "ledger" not in a)
    assert opendata.value_of(bare, "caption") is None and opendata.value_of(bare, "ledger") is None
    assert opendata.value_of(bare, "repealed") is False and opendata.value_of(bare["paragraphs"][0], "items") == []
