"""Cross-reference detection: what links, what does not, and the link spans."""

from __future__ import annotations

import pytest

from lawsite.parse.crossref import Reference, find_references
from lawsite.parse.legal import EN, ZH_HANT


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.id) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("依照本法第三十条的规定", [("第三十条", "art_30")]),
        ("本条例第十二条第二款", [("第十二条第二款", "art_12__para_2")]),
        ("依照第五条处罚", [("第五条", "art_5")]),
        ("第十条第一款第三项", [("第十条第一款第三项", "art_10__para_1__item_3")]),
        ("第二十条至第二十二条", [("第二十条", "art_20"), ("第二十二条", "art_22")]),
        ("第五条、第六条", [("第五条", "art_5"), ("第六条", "art_6")]),
        ("本规定第十条和第十一条", [("第十条", "art_10"), ("第十一条", "art_11")]),
        ("违反本办法第一百三十三条之一", [("第一百三十三条之一", "art_133-1")]),
        ("依照本法第二章第十条", [("第十条", "art_10")]),
    ],
)
def test_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《中华人民共和国民法典》第十条",
        "民事诉讼法第十条",
        "刑法第三百条",
        "刑法第三百条、第三百零一条",  # the chain stays with 刑法
        "该法第五条",
        "宪法第八条第一款",
        "合资经营企业法实施条例〉第一百条",
        "不符合刑法分则第九章第三百九十八条",
        "第152条第2款",  # digits: quoting another code in a table
        "第三章",
        "依照第一条之〇",  # no article (the legal parser refuses it): once linked to 第一条
        "本法第一条之零第二款",
    ],
)
def test_not_references_into_this_document(text: str) -> None:
    assert find_references(text) == []


def test_mixed_sentence_offsets() -> None:
    text = "依照本法第三十条和《刑法》第十条的规定，适用第五条"
    refs = find_references(text)
    assert [(r.start, r.end, r.article) for r in refs] == [(4, 8, 30), (22, 25, 5)]
    # a chain continued by a connector stays with the instrument it started in
    assert spans("《刑法》第十条，以及第五条") == []


def test_reference_fields() -> None:
    (ref,) = find_references("本法第十条第二款第三项")
    assert ref == Reference(2, 11, 10, None, 2, 3)
    assert ref.article_id == "art_10"
    assert Reference(0, 1, 10, item=3).id == "art_10"  # no paragraph: the item is ambiguous


def test_traditional() -> None:
    text = "依本法第十二條第二款"
    assert [(text[r.start : r.end], r.id) for r in find_references(text, ZH_HANT)] == [("第十二條第二款", "art_12__para_2")]


def test_english() -> None:
    text = "See Article 12(2)(a), Article 5 of the Civil Code, Article 6 of this Law and Article 15(3) of the Code."
    refs = find_references(text, EN)
    assert [(text[r.start : r.end], r.id, r.item) for r in refs] == [
        ("Article 12(2)(a)", "art_12__para_2__item_1", 1),
        ("Article 6", "art_6", None),
    ]
