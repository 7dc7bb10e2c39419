"""A contact point's people (联络员, 信息员, 专家库): only those marked public are published."""

from __future__ import annotations

import json
from pathlib import Path

from lawsite.gather.site import gather
from lawsite.model import Source
from lawsite.parse.document import parse_document
from lawsite.settings import Settings

POINT = """---
kind: contact-point
id: east
title: 东区联系点
level: 县级
liaisons:
- {name: 王公开, unit: 东区人大, public: true}
informants:
- {name: 李不公开, unit: 一网格}
- {name: 赵不同意, public: false}
experts:
- name: 钱专家
  field: 行政法
  unit: 东区大学
  public: true
---

介绍。
"""


def test_people_are_parsed_with_their_consent() -> None:
    document, problems = parse_document(Source("points/east.md", POINT))
    assert problems == [] and document is not None and document.contact_point is not None
    point = document.contact_point
    assert [(p.name, p.public) for p in point.informants] == [("李不公开", False), ("赵不同意", False)]
    assert [(p.name, p.field, p.unit, p.public) for p in point.experts] == [("钱专家", "行政法", "东区大学", True)]
    # What is handed on to open data holds no one who is not marked public.
    assert "李不公开" not in json.dumps(document.meta, ensure_ascii=False, default=str)
    assert document.meta["informants"] == []
    assert document.meta["liaisons"] == [{"name": "王公开", "unit": "东区人大", "public": True}]


def test_a_bad_person_entry_is_reported_with_line_and_field() -> None:
    text = "---\nkind: contact-point\nlevel: 县级\nexperts:\n- {field: 法学, public: yes please}\n---\n"
    _, problems = parse_document(Source("p.md", text))
    found = {(p.field, p.line, p.code) for p in problems}
    assert found == {("experts[0].public", 5, "bad-type"), ("experts[0]", 5, "missing-key")}
    assert all(p.hint for p in problems)


def test_the_page_names_only_the_public_ones_and_counts_the_others() -> None:
    from site_pages import SitePages

    site = gather([Source("points/east.md", POINT)], Settings())
    assert site.errors == []
    page = SitePages(site, Settings()).markdown("points/east.md", "points/east/")
    assert "王公开" in page and "钱专家" in page and "行政法" in page and "东区大学" in page
    assert "李不公开" not in page and "赵不同意" not in page
    assert "信息员" in page and "共 2 人" in page and "另有 2 人未公开姓名" in page


def test_no_unmarked_name_appears_anywhere_in_the_built_sample_site(sample_site: Path) -> None:
    source = (Path(__file__).resolve().parents[2] / "content/contact-points/xinghai-road.md").read_text(encoding="utf-8")
    private, public = "司马守静", "林立言"
    assert private in source and public in source  # the sample holds both kinds
    found_public = False
    for path in sample_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert private.encode("utf-8") not in data, path
            assert "欧阳砚秋".encode("utf-8") not in data, path
            found_public = found_public or public.encode("utf-8") in data
    assert found_public
