"""Unit and property tests for `lawsite.parse.legal`: one test (or more) per rule."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawsite.model import Article, LegalText, Problem, Prose, Severity
from lawsite.numerals import to_chinese
from lawsite.parse.legal import EN, NUMBERINGS, ZH_HANS, ZH_HANT, Numbering, article_id, parse_legal_text


def parse(md: str, numbering: Numbering = ZH_HANS, first_line: int = 1) -> tuple[LegalText, list[Problem]]:
    return parse_legal_text(md, path="doc.md", first_line=first_line, numbering=numbering)


def only_article(md: str, numbering: Numbering = ZH_HANS) -> Article:
    legal, _ = parse(md, numbering)
    (article,) = legal.articles
    return article


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


# --- divisions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sep", [" ", "  ", "\u3000", "\u2002", "\u2002\u2002", "\xa0", "\t", ""], ids=repr
)
@pytest.mark.parametrize("level", range(1, 7))
def test_division_any_level_any_separator(sep: str, level: int) -> None:
    legal, problems = parse(f"{'#' * level} 第六章{sep}法律责任\n\n第一条 文。\n")
    (division,) = legal.divisions
    assert (division.kind, division.number, division.label, division.title) == ("章", 6, "第六章", "法律责任")
    assert division.heading_level == level and division.id == "chp_6"
    assert legal.articles[0] in division.children and problems == []


def test_spaced_title_kept_as_written() -> None:
    legal, _ = parse("## 第四章  肖 像 权\n")
    assert legal.divisions[0].title == "肖 像 权"


@pytest.mark.parametrize("title", ["附则", "附 则", "附\u3000则"])
def test_unnumbered_fuze_is_a_chapter(title: str) -> None:
    legal, _ = parse(f"## 第一章 总则\n\n第一条 a\n\n## {title}\n\n第二条 b\n")
    fuze = legal.divisions[1]
    assert (fuze.kind, fuze.number, fuze.label, fuze.title, fuze.id) == ("章", None, "", title, "chp_u1")
    assert [a.id for a in fuze.children if isinstance(a, Article)] == ["art_2"]


def test_unnumbered_ids_count_per_parent() -> None:
    legal, problems = parse("## 第一编 甲\n\n### 附则\n\n## 第二编 乙\n\n### 附则\n\n### 总则\n")
    assert [d.id for d in legal.divisions] == ["part_1", "part_1__chp_u1", "part_2", "part_2__chp_u1", "part_2__chp_u2"]
    assert problems == []


def test_h1_title_and_other_headings_are_prose() -> None:
    legal, _ = parse("# 某某条例\n\n# 附则\n\n## 基本案情\n\n正文\n")
    assert [type(n) for n in legal.children] == [Prose, Prose, Prose, Prose]
    assert legal.children[0].text == "# 某某条例"


def test_nesting_by_rank_not_level() -> None:
    md = "## 第一编 总则\n\n### 第一分编 通则\n\n#### 第一章 一般规定\n\n## 第一节 甲\n\n第一条 x\n\n### 第二章 乙\n\n# 第二编 丙\n"
    legal, _ = parse(md)
    ids = [d.id for d in legal.divisions]
    assert ids == [
        "part_1",
        "part_1__subpart_1",
        "part_1__subpart_1__chp_1",
        "part_1__subpart_1__chp_1__sec_1",
        "part_1__subpart_1__chp_2",
        "part_2",
    ]
    assert legal.articles[0] in legal.divisions[3].children


def test_unnumbered_division_nests_by_heading_level() -> None:
    legal, _ = parse("## 第一编 甲\n\n### 第一章 乙\n\n### 附则\n\n## 附则\n\n### 第一节 丙\n")
    assert [d.id for d in legal.divisions] == ["part_1", "part_1__chp_1", "part_1__chp_u1", "chp_u1", "chp_u1__sec_1"]


def test_heading_ends_article() -> None:
    legal, _ = parse("第一条 a\n\n## 说明\n\n这不是第一条的款。\n")
    assert len(legal.articles[0].paragraphs) == 1
    assert isinstance(legal.children[-1], Prose)


def test_duplicate_division_gets_unique_id_and_warning() -> None:
    legal, problems = parse("## 第一章 甲\n\n## 第一章 乙\n")
    assert [d.id for d in legal.divisions] == ["chp_1", "chp_1_dup2"]
    assert codes(problems) == ["division-duplicate"]


# --- article heads ----------------------------------------------------------------


@pytest.mark.parametrize("sep", [" ", "\u3000", "\xa0", "\t", "  ", "\u2002"], ids=repr)
def test_head_separators(sep: str) -> None:
    article = only_article(f"第十二条{sep}为了规范。\n")
    assert (article.number, article.label, article.paragraphs[0].text) == (12, "第十二条", "为了规范。")


@pytest.mark.parametrize(
    ("head", "caption"),
    [("第一条（立法目的）", "立法目的"), ("第一条(制定目的)", "制定目的"),
     ("第一条〖目的依据〗", "目的依据"), ("第一条【适用范围】", "适用范围")],
)  # fmt: skip
def test_caption_styles(head: str, caption: str) -> None:
    article = only_article(head + "为了规范。\n")
    assert article.caption == caption
    assert article.paragraphs[0].text == "为了规范。"


def test_caption_after_space_when_text_follows() -> None:
    assert only_article("第一条\u3000（立法目的）为了规范。\n").caption == "立法目的"
    article = only_article("第五条 （一）甲；\n")
    assert article.caption is None and article.paragraphs[0].text == "（一）甲；"


def test_caption_only_head_then_text_fills_paragraph_one() -> None:
    article = only_article("第一条（立法目的）\n\n为了规范。\n\n第二款。\n")
    assert article.caption == "立法目的"
    assert [(p.id, p.text, p.line) for p in article.paragraphs] == [
        ("art_1__para_1", "为了规范。", 3),
        ("art_1__para_2", "第二款。", 5),
    ]


def test_label_alone_at_end_of_paragraph() -> None:
    legal, _ = parse("第一条\n\n第二条 b\n")
    assert [a.paragraphs[0].text for a in legal.articles] == ["", "b"]


@pytest.mark.parametrize("text", ["第一百九十九条 （删去）", "第一百九十九条（删去）", "第一百九十九条 删去。"])
def test_repealed(text: str) -> None:
    article = only_article(text + "\n")
    assert article.repealed and article.caption is None
    assert "删去" in article.paragraphs[0].text


def test_inserted_article() -> None:
    legal, problems = parse("第一百三十三条 a\n\n第一百三十三条之一 b\n\n第一百三十三条之二 c\n\n第一百三十四条 d\n")
    assert [(a.id, a.label, a.sub) for a in legal.articles] == [
        ("art_133", "第一百三十三条", None),
        ("art_133-1", "第一百三十三条之一", 1),
        ("art_133-2", "第一百三十三条之二", 2),
        ("art_134", "第一百三十四条", None),
    ]
    assert problems == []


@pytest.mark.parametrize("line", ["第三十条规定的事项，从其规定。", "第十条的规定不适用。", "第五条、第六条不适用。", "第十条之规定"])
def test_reference_at_line_start_is_not_a_head(line: str) -> None:
    legal, _ = parse(f"第一条 甲。\n\n{line}\n")
    assert len(legal.articles) == 1
    assert legal.articles[0].paragraphs[1].text == line


def test_reference_line_outside_article_is_prose() -> None:
    legal, _ = parse("第三十条规定的事项\n")
    assert legal.articles == [] and legal.children[0].text == "第三十条规定的事项"


def test_stray_space_in_label_is_tolerated_with_warning() -> None:
    legal, problems = parse("第一百二十七条 a\n\n第一百二十八 条侦查人员应当……\n")
    article = legal.articles[1]
    assert (article.id, article.label, article.paragraphs[0].text) == ("art_128", "第一百二十八条", "侦查人员应当……")
    (problem,) = problems
    assert (problem.code, problem.line, problem.severity) == ("label-stray-space", 3, Severity.WARNING)
    assert problem.hint and "第一百二十八条" in problem.hint.render("en")


def test_typo_di_is_tolerated_with_warning() -> None:
    legal, problems = parse("第五十三条 a\n\n笫五十四条 清算组成员……\n")
    assert legal.articles[1].label == "第五十四条"
    assert codes(problems) == ["label-typo"] and problems[0].line == 3


def test_typo_in_division_heading() -> None:
    legal, problems = parse("## 笫二章 监督\n")
    assert legal.divisions[0].label == "第二章" and codes(problems) == ["label-typo"]


def test_arabic_digits_in_label_are_normalised() -> None:
    assert only_article("第12条 文。\n").label == "第十二条"


# --- paragraphs and items -----------------------------------------------------------


def test_paragraphs_until_next_article() -> None:
    legal, _ = parse("第一条 一款。\n\n二款。\n\n三款。\n\n第二条 x\n")
    first = legal.articles[0]
    assert [(p.id, p.number, p.text, p.line) for p in first.paragraphs] == [
        ("art_1__para_1", 1, "一款。", 1),
        ("art_1__para_2", 2, "二款。", 3),
        ("art_1__para_3", 3, "三款。", 5),
    ]


@pytest.mark.parametrize(("open_", "close"), [("（", "）"), ("(", ")")])
def test_items_both_styles(open_: str, close: str) -> None:
    article = only_article(f"第二条 下列：\n\n{open_}一{close}甲；\n\n{open_}二{close}乙。\n\n有前款情形的，从重。\n")
    para1, para2 = article.paragraphs
    assert [(i.id, i.number, i.label, i.text, i.line) for i in para1.items] == [
        ("art_2__para_1__item_1", 1, f"{open_}一{close}", "甲；", 3),
        ("art_2__para_1__item_2", 2, f"{open_}二{close}", "乙。", 5),
    ]
    assert para2.text == "有前款情形的，从重。" and para2.items == []


def test_items_directly_after_label_attach_to_empty_paragraph_one() -> None:
    article = only_article("第三条\n\n（一）甲；\n\n（二）乙。\n")
    (para,) = article.paragraphs
    assert para.text == "" and len(para.items) == 2


def test_sub_items_stay_with_their_item() -> None:
    article = only_article("第四条 下列：\n\n（一）甲：\n\n1.子一；\n\n（2）子二；\n\n（二）乙。\n")
    (para,) = article.paragraphs
    assert [i.text for i in para.items] == ["甲：\n\n1.子一；\n\n（2）子二；", "乙。"]


def test_consecutive_lines_soft_wrap_unless_structure_starts() -> None:
    article = only_article("第五条 第一行\n第二行\n（一）项\n续行\n")
    (para1,) = article.paragraphs
    assert para1.text == "第一行\n第二行" and para1.items[0].text == "项\n续行"
    legal, _ = parse("第一条 a\n第二条 b\n")
    assert [a.number for a in legal.articles] == [1, 2]


def test_table_inside_article_is_appended_to_last_paragraph() -> None:
    article = only_article("第六条 标准如下：\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n前款标准每年调整。\n")
    para1, para2 = article.paragraphs
    assert para1.text == "标准如下：\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |"
    assert para2.number == 2


def test_table_outside_article_is_prose() -> None:
    legal, _ = parse("说明：\n\n| 甲 |\n|---|\n")
    assert [type(n) for n in legal.children] == [Prose, Prose]


def test_fenced_code_is_kept_whole() -> None:
    legal, _ = parse("```\n# not a heading\n\n第一条 not an article\n```\n")
    assert legal.articles == [] and legal.divisions == []
    assert "第一条 not an article" in legal.children[0].text


# --- run-together articles ----------------------------------------------------------


def test_articles_run_together_are_split_with_warning() -> None:
    md = "第一条 为了甲，制定本规则。 第二条 凡乙，必须遵守本规则。 本条第二款。 第三条 丙如下： （一）丁； （二）戊。\n"
    legal, problems = parse(md)
    assert [a.id for a in legal.articles] == ["art_1", "art_2", "art_3"]
    assert [p.text for p in legal.articles[1].paragraphs] == ["凡乙，必须遵守本规则。", "本条第二款。"]
    assert [i.text for i in legal.articles[2].paragraphs[0].items] == ["丁；", "戊。"]
    assert codes(problems) == ["articles-run-together"] and problems[0].line == 1


def test_reference_mid_line_is_not_run_together() -> None:
    legal, problems = parse("第一条 依照本法。 第三十条 的规定执行。\n")
    assert len(legal.articles) == 1 and problems == []


# --- numbering checks -------------------------------------------------------------


def test_numbering_may_start_above_one() -> None:
    legal, problems = parse("第四百六十三条 a\n\n第四百六十四条 b\n")
    assert [a.id for a in legal.articles] == ["art_463", "art_464"] and problems == []


def test_gap_duplicate_order_warnings_with_lines() -> None:
    legal, problems = parse("第一条 a\n\n第二条 b\n\n第五条 c\n\n第三条 d\n\n第三条 e\n")
    assert [(p.code, p.line) for p in problems] == [
        ("article-gap", 5),
        ("article-order", 7),
        ("article-duplicate", 9),
    ]
    assert all(p.hint and p.severity is Severity.WARNING and p.path == "doc.md" for p in problems)
    assert [a.id for a in legal.articles] == ["art_1", "art_2", "art_5", "art_3", "art_3_dup2"]


def test_duplicate_ids_unique_also_for_paragraphs() -> None:
    legal, _ = parse("第一条 a\n\nb\n\n第一条 c\n\nd\n")
    ids = [p.id for a in legal.articles for p in a.paragraphs]
    assert ids == ["art_1__para_1", "art_1__para_2", "art_1_dup2__para_1", "art_1_dup2__para_2"]


# --- invisible characters, lines ------------------------------------------------------


def test_zero_width_and_nbsp_tolerated() -> None:
    legal, _ = parse("\u200b\n\n\ufeff第一条\u200b 文\u200b字。\n\n\xa0第二条\xa0乙。\n\n## \u200b第一章\u200b 总则\n")
    assert [a.number for a in legal.articles] == [1, 2]
    assert legal.articles[0].paragraphs[0].text == "文\u200b字。"  # kept inside text
    assert legal.divisions[0].title == "总则"


def test_first_line_offsets_every_line() -> None:
    legal, problems = parse("## 第一章 总则\n\n第一条 a\n\nb\n\n第三条 c\n", first_line=7)
    assert legal.divisions[0].line == 7
    assert [p.line for p in legal.articles[0].paragraphs] == [9, 11]
    assert problems[0].line == 13


def test_crlf_line_endings() -> None:
    legal, _ = parse("## 第一章 总则\r\n\r\n第一条 a\r\n")
    assert legal.divisions[0].title == "总则" and legal.articles[0].paragraphs[0].text == "a"


def test_article_id_helper() -> None:
    assert (article_id(12), article_id(133, 1)) == ("art_12", "art_133-1")


# --- other numberings ---------------------------------------------------------------


def test_numberings_registry() -> None:
    assert NUMBERINGS == {"zh-Hans": ZH_HANS, "zh-Hant": ZH_HANT, "en": EN}


def test_traditional_numbering() -> None:
    md = "## 第一章　總則\n\n### 第一節 通則\n\n第一條（立法目的）為規範。\n\n（一）甲；\n\n第二條之一 乙\n\n第二條 丙\n\n## 附則\n"
    legal, problems = parse(md, ZH_HANT)
    assert [(d.id, d.kind, d.title) for d in legal.divisions] == [
        ("chp_1", "章", "總則"),
        ("chp_1__sec_1", "節", "通則"),
        ("chp_u1", "章", "附則"),
    ]
    first, inserted, second = legal.articles
    assert (first.label, first.caption, len(first.paragraphs[0].items)) == ("第一條", "立法目的", 1)
    assert (inserted.id, inserted.label) == ("art_2-1", "第二條之一")
    assert codes(problems) == ["article-gap", "article-order"]
    assert parse("第一条 简体\n", ZH_HANT)[0].articles == []


def test_english_numbering() -> None:
    md = (
        "# Property Regulations\n\n## Part 1 General\n\n### Chapter 2: Owners\n\n#### Section 1 Meetings\n\n"
        "Article 12 Owners may meet.\n\n(a) annually;\n\n(b) when called.\n\nA second paragraph.\n\n"
        "Article 12 of this Law applies.\n\nArticle 13 [Scope] This applies.\n\n## Final Provisions\n"
    )
    legal, problems = parse(md, EN)
    assert [d.id for d in legal.divisions] == ["part_1", "part_1__chp_2", "part_1__chp_2__sec_1", "chp_u1"]
    assert legal.divisions[1].title == "Owners"
    art12, art13 = legal.articles
    assert art12.label == "Article 12" and [i.number for i in art12.paragraphs[0].items] == [1, 2]
    assert [p.text for p in art12.paragraphs[1:]] == ["A second paragraph.", "Article 12 of this Law applies."]
    assert (art13.caption, art13.paragraphs[0].text) == ("Scope", "This applies.")
    assert problems == []


# --- properties ---------------------------------------------------------------------

_FRAGMENTS = st.one_of(
    st.builds(lambda n: f"第{to_chinese(n)}条 ", st.integers(1, 60)),
    st.builds(lambda n: f"第{to_chinese(n)}条之一 ", st.integers(1, 60)),
    st.builds(lambda n, c: f"第{to_chinese(n)}条（{c}）", st.integers(1, 60), st.sampled_from(["目的", "范围", "删去"])),
    st.builds(lambda n: f"第{to_chinese(n)} 条", st.integers(1, 60)),
    st.builds(lambda n: f"笫{to_chinese(n)}条 ", st.integers(1, 60)),
    st.builds(lambda n: f"第{to_chinese(n)}条规定的", st.integers(1, 60)),
    st.builds(lambda lv, n, k: f"{'#' * lv} 第{to_chinese(n)}{k} ", st.integers(1, 6), st.integers(1, 9),
              st.sampled_from(["编", "分编", "章", "节"])),  # fmt: skip
    st.sampled_from(["（一）", "(二)", "1.", "## 附 则", "# 标题", "| a | b |", "<!-- x -->", "```", "。 ", "：",
                     "\n", "\n\n", "\u200b", "\u3000", "\xa0", "\t", "甲", "乙丙。", "（", "）", "【", "】"]),  # fmt: skip
    st.text(alphabet="第条之章节编一二三十甲乙丙。；：（）() \n#|", max_size=8),
)
_IGNORED = set("#（）()〖〗【】〔〕\u200b\ufeff")


def _normalised_chars(text: str) -> Counter[str]:
    return Counter(c.replace("笫", "第") for c in text if not c.isspace() and c not in _IGNORED)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_every_character_survives(markdown: str) -> None:
    """Nothing is dropped or invented: the non-space characters of the input and of
    all text fields are the same multiset (brackets and # are syntax, 笫 reads 第)."""
    legal, _ = parse(markdown)
    assert _normalised_chars(legal.all_text()) == _normalised_chars(markdown)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_ids_are_unique(markdown: str) -> None:
    legal, problems = parse(markdown)
    ids = legal.ids()
    assert len(ids) == len(set(ids))
    assert all(p.line is not None and p.line >= 1 for p in problems)


@pytest.mark.parametrize(
    ("label", "article_id", "normal"),
    [
        ("第一〇条", "art_10", "第十条"),
        ("第一〇一条", "art_101", "第一百零一条"),
        ("第一千零零一条", "art_1001", "第一千零一条"),
        ("第一百〇一条", "art_101", "第一百零一条"),
        ("第零二条", "art_2", "第二条"),
        ("第二条之〇一", "art_2-1", "第二条之一"),
    ],
)
def test_a_zero_where_the_legal_style_has_none_is_read_by_value_with_a_warning(label: str, article_id: str, normal: str) -> None:
    legal, problems = parse_legal_text(f"第一条　内容。\n\n{label}　内容。\n", path="d.md", first_line=5)
    assert [a.id for a in legal.articles][-1] == article_id
    odd = [p for p in problems if p.code == "numeral-form"]
    assert [(p.line, p.severity) for p in odd] == [(7, Severity.WARNING)]
    assert label in odd[0].message.render("en") and odd[0].hint.render("en") == f"write {normal}"


@pytest.mark.parametrize("label", ["第一百零一条", "第一千零一条", "第二千零二十条", "第十条", "第12条", "第一百零一条之一"])
def test_numerals_in_the_legal_style_get_no_numeral_warning(label: str) -> None:
    _, problems = parse_legal_text(f"{label}　内容。\n", path="d.md")
    assert [p for p in problems if p.code == "numeral-form"] == []
