"""`lawsite outline --json` inside a site reports each article's interpretation
and ledger counts; outside a site (corpus files) the outline keeps its shape."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from lawsite.cli import main

PLAIN_KEYS = {"id", "label", "number", "sub", "caption", "line", "division", "repealed", "paragraphs", "items"}


def outline(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main([*args]) == 0
    return json.loads(capsys.readouterr().out)


def articles(payload: dict) -> dict[str, dict]:
    (document,) = payload["documents"]
    return {a["id"]: a for a in document["articles"]}


def test_interpretation_of_each_article_of_the_second_reading(capsys):
    payload = outline(capsys, "-f", str(REPO / "mkdocs.yml"), "outline", "--json", str(REPO / "content/drafts/property-r2.md"))
    assert payload["documents"][0]["in_site"] is True
    by_id = articles(payload)
    assert by_id["art_12"]["interpretation"] == {
        "id": "qingchuan-property-2026-r2-interpretation",
        "section": "sec-art_11",
        "heading": "第十一条至第十三条",
        "line": 31,
        "url": "https://lawsite.example.gov.cn/interpretations/property-r2-interpretation/#art_12",
    }
    assert by_id["art_2"]["interpretation"] is None
    assert sum(1 for a in by_id.values() if a["interpretation"]) == 19
    assert all(a["ledger"] is None for a in by_id.values())  # the notice concerns the first reading


def test_ledger_counts_of_each_article_of_the_first_reading(capsys, monkeypatch):
    monkeypatch.chdir(REPO)  # the default --config-file is ./mkdocs.yml
    by_id = articles(outline(capsys, "outline", "--json", "content/drafts/property-r1.md"))
    assert by_id["art_14"]["ledger"] == {
        "notice": "qingchuan-property-2026-r1-feedback",
        "url": "https://lawsite.example.gov.cn/notices/property-r1-feedback/#ledger-art_14",
        "entries": 4,
        "total": 39,
        "adopted": 12,
        "partly": 23,
        "not-adopted": 0,
        "noted": 2,
        "pending": 2,
    }
    assert by_id["art_2"]["ledger"] is None
    assert by_id["art_14"]["interpretation"] is None


def test_file_outside_the_site_keeps_the_plain_outline(capsys, tmp_path):
    law = tmp_path / "law.md"
    law.write_text("# 某法\n\n第一条 为了测试，制定本法。\n\n第二条 本法自公布之日起施行。\n", encoding="utf-8")
    inside = outline(capsys, "-f", str(REPO / "mkdocs.yml"), "outline", "--json", str(law))
    assert inside["documents"][0]["in_site"] is False
    assert set(articles(inside)["art_1"]) == PLAIN_KEYS
    nowhere = outline(capsys, "-f", str(tmp_path / "none.yml"), "outline", "--json", str(law))
    assert nowhere["documents"][0]["in_site"] is False
    assert set(articles(nowhere)["art_1"]) == PLAIN_KEYS


def test_text_outline_is_unchanged_inside_a_site(capsys):
    assert main(["-f", str(REPO / "mkdocs.yml"), "outline", str(REPO / "content/drafts/property-r2.md")]) == 0
    out = capsys.readouterr().out
    assert "art_12  第十二条  （业主大会会议）" in out


def test_broken_site_config_still_outlines_the_file(capsys, tmp_path, english):
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    law = tmp_path / "law.md"
    law.write_text("第一条 为了测试，制定本法。\n", encoding="utf-8")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "outline", "--json", str(law)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["documents"][0]["in_site"] is False
    assert "outlining without interpretations and ledger counts" in captured.err
