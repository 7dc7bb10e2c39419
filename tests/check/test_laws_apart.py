"""`lawsite check` parses laws in worker processes for their problems only
(gather/laws_apart.py): it must report exactly what a full parse reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawsite.gather import laws_apart
from lawsite.gather.site import load_site
from lawsite.model import Kind

REPO = Path(__file__).resolve().parents[2]

LAW = """---
kind: law
id: {id}
title: 测试条例{n}
---

## 第一章　总则

第一条　为了测试，制定本条例。

第三条　本条例自公布之日起施行。
"""  # 第二条 is missing: a warning in every law

INTERPRETATION = """---
kind: interpretation
id: water-interpretation
title: 水源保护条例解读
interprets: qingchuan-water-protection-2025
---

## 第一条

这一条说明立法目的。

## 第九百条

没有这一条。
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The sample content, an interpretation of its law (which reads the
    law's articles), and enough laws with a warning each to be parsed apart."""
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder)
    (folder / "interpretations" / "water-interpretation.md").write_text(INTERPRETATION, encoding="utf-8")
    for n in range(30):
        (folder / "laws" / f"test-{n:02d}.md").write_text(LAW.format(id=f"test-law-{n:02d}", n=n), encoding="utf-8")
    return folder


def _problems(folder: Path, law_texts: bool) -> list[dict]:
    return [p.to_dict("en") for p in load_site(folder, law_texts=law_texts).problems]


def test_laws_parsed_apart_give_every_problem_of_a_full_parse(content, monkeypatch):
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)
    monkeypatch.setattr(laws_apart, "CHUNK", 7)
    full = _problems(content, law_texts=True)
    apart = _problems(content, law_texts=False)
    assert apart == full
    gaps = [p["path"] for p in full if p["code"] == "article-gap"]
    assert gaps == [f"laws/test-{n:02d}.md" for n in range(30)]  # each law's own warning, in order
    unknown = [p for p in full if p["code"] == "unknown-article"]
    assert [p["path"] for p in unknown] == ["interpretations/water-interpretation.md"]  # read against the law's articles


def test_laws_on_demand_give_every_problem_of_a_full_parse_once_their_bodies_are_read(content, monkeypatch):
    """`lawsite build`: the front matter's problems (and a named law's
    body's) at once, the other bodies' where they are parsed (body_problems):
    together, those of a full parse."""
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)
    full = sorted(map(repr, _problems(content, law_texts=True)))
    site = load_site(content, laws_on_demand=True)
    first = [p.to_dict("en") for p in site.problems]
    assert not [p for p in first if p["code"] == "article-gap"]  # no body parsed yet
    later = [p.to_dict("en") for p in laws_apart.body_problems(site.documents.values())]
    assert [p["path"] for p in later] == [f"laws/test-{n:02d}.md" for n in range(30)]
    assert sorted(map(repr, first + later)) == full
    laws_apart.forget_read()


def test_a_law_with_an_unknown_numbering_has_its_problem_once_and_no_body(content, monkeypatch):
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)
    (content / "laws" / "test-00.md").write_text(LAW.format(id="test-law-00", n=0).replace("kind: law", "kind: law\nnumbering: roman"), encoding="utf-8")
    site = load_site(content, laws_on_demand=True)
    assert [p.code for p in site.problems if p.path == "laws/test-00.md"] == ["unknown-numbering"]
    later = laws_apart.body_problems(site.documents.values())
    assert "laws/test-00.md" not in {p.path for p in later} and len(later) == 29
    assert site.documents["test-law-00"].legal.articles == []
    laws_apart.forget_read()


def test_laws_apart_have_no_articles_but_those_others_read(content, monkeypatch):
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)
    site = load_site(content, law_texts=False)
    laws = {d.id: d for d in site.of_kind(Kind.LAW)}
    assert laws["qingchuan-water-protection-2025"].legal is not None and laws["qingchuan-water-protection-2025"].legal.articles
    assert all(laws[f"test-law-{n:02d}"].legal is None for n in range(30))
    assert site.by_path["laws/water-protection.md"] is laws["qingchuan-water-protection-2025"]
    assert site.documents["water-interpretation"].interpretation is not None


def test_a_small_site_is_parsed_here(content):
    # Below PARALLEL_FROM sources nothing is forked; everything is whole.
    site = load_site(content, law_texts=False)
    assert all(d.legal is not None for d in site.of_kind(Kind.LAW))


def test_laws_on_demand_are_parsed_again_when_read_as_a_full_parse_gives_them(content, monkeypatch):
    """`lawsite build` of a large site: the laws parsed apart get a body
    parsed again from their text (not their front matter) when read, the
    same as a full parse's, and only the last few read are kept; their
    number of articles is noted at their first parse."""
    monkeypatch.setattr(laws_apart, "PARALLEL_FROM", 1)
    full = {d.id: d for d in load_site(content).of_kind(Kind.LAW)}
    site = load_site(content, laws_on_demand=True)
    laws = {d.id: d for d in site.of_kind(Kind.LAW)}
    named = laws["qingchuan-water-protection-2025"].legal  # an interpretation reads it: parsed in full and kept
    assert not isinstance(named, laws_apart.LegalTextOnDemand) and named == full["qingchuan-water-protection-2025"].legal
    on_demand = [laws[f"test-law-{n:02d}"].legal for n in range(30)]
    assert all(isinstance(body, laws_apart.LegalTextOnDemand) for body in on_demand)
    parses = []
    parse = laws_apart.parse_body
    monkeypatch.setattr(laws_apart, "parse_body", lambda document: parses.append(document.path) or parse(document))
    monkeypatch.setattr(laws_apart, "parse_document", lambda *args, **kw: pytest.fail("the front matter is read again"))
    for n, body in enumerate(on_demand):
        assert [a.label for a in body.articles] == ["第一条", "第三条"]
        assert body == full[f"test-law-{n:02d}"].legal
    assert len(parses) == 30  # each once: read again at once, it was kept
    assert [body.article_count for body in on_demand] == [2] * 30 and len(parses) == 30  # noted at the first parse
    assert sum(body._children is not None for body in on_demand) == laws_apart.KEPT
    on_demand[0].articles  # forgotten since: parsed again
    assert len(parses) == 31
    laws_apart.forget_read()
    assert all(body._children is None for body in on_demand)
