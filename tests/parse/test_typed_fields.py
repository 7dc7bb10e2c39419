"""The checked front matter becomes typed Document attributes in parsing, so
no later stage reads `Document.meta` for a domain fact."""

from __future__ import annotations

import datetime as dt

from lawsite.model import Comments, ContactPoint, Document, Event, PosterRange, Problem, Source
from lawsite.parse.document import parse_document


def parse(text: str, numbering: str = "zh-Hans") -> tuple[Document, list[Problem]]:
    document, problems = parse_document(Source("doc.md", text), numbering)
    assert document is not None, problems
    return document, problems


BODY = "\n第一条　为了规范管理，制定本条例。\n\n第二条　本条例适用于本市。\n"


def test_a_draft_s_links_facts_poster_and_comment_terms() -> None:
    draft, problems = parse(
        "---\nkind: draft\nid: d2\ntitle: 草案\nprevious: d1\nstage: 二审稿\ndrafted_by: 法制委\n"
        "summary: 摘要\npublished: 2026-05-20\ncontact_points: [east, west]\n"
        "poster:\n  from: 第二条\n"
        "comments:\n  opens: 2026-06-01\n  closes: 2026-06-30\n  email: fzw@example.gov.cn\n  subject: 意见：{label}\n  phone: 0971-1234567\n---\n" + BODY
    )
    assert problems == []
    assert (draft.previous, draft.stage, draft.drafted_by, draft.summary) == ("d1", "二审稿", "法制委", "摘要")
    assert draft.published == dt.date(2026, 5, 20)
    assert draft.contact_points == ("east", "west")
    assert draft.poster == PosterRange("第二条", None)
    assert draft.comments == Comments(dt.date(2026, 6, 1), dt.date(2026, 6, 30), email="fzw@example.gov.cn", subject="意见：{label}", phone="0971-1234567")
    assert draft.numbering == "zh-Hans"
    assert (draft.from_draft, draft.concerns, draft.interprets, draft.contact_point) == (None, None, None, None)


def test_comments_without_a_valid_closing_day_are_no_comment_terms() -> None:
    for closes in ("", "  closes: someday\n"):
        draft, problems = parse(f"---\nkind: draft\ncomments:\n  email: fzw@example.gov.cn\n{closes}---\n" + BODY)
        assert draft.comments is None
        assert {p.code for p in problems} & {"missing-key", "bad-date"}


def test_a_law_s_dates_history_and_numbering() -> None:
    law, problems = parse(
        "---\nkind: law\ntitle: Rules\nnumbering: en\nfrom_draft: d2\ncategory: 地方性法规/西宁\n"
        "adopted: 2026-09-01\neffective: 2027-01-01\npromulgated: 2026-09-10\n"
        "events:\n  - {date: 2026-09-01, type: passed}\n  - {date: someday, type: amended}\n---\n\nArticle 1 These rules apply.\n",
        numbering="zh-Hant",
    )
    assert [p.code for p in problems] == ["bad-date"]
    assert law.numbering == "en"  # the document's own, over the site's zh-Hant
    assert (law.from_draft, law.category) == ("d2", "地方性法规/西宁")
    assert (law.adopted, law.effective, law.promulgated) == (dt.date(2026, 9, 1), dt.date(2027, 1, 1), dt.date(2026, 9, 10))
    assert law.events == (Event(dt.date(2026, 9, 1), "passed"),)  # the undated one is reported, not kept
    assert law.legal is not None and [a.id for a in law.legal.articles] == ["art_1"]


def test_the_site_numbering_is_the_default() -> None:
    law, _ = parse("---\nkind: law\n---\n" + BODY.replace("条", "條"), numbering="zh-Hant")
    assert law.numbering == "zh-Hant"


def test_a_notice_an_interpretation_and_a_contact_point() -> None:
    notice, _ = parse("---\nkind: notice\nconcerns: d1\nreceived: 40\nsuggestions_file: n1.csv\ndescription: 说明\n---\n")
    assert (notice.concerns, notice.received, notice.suggestions_file, notice.suggestion_entries, notice.description) == ("d1", 40, "n1.csv", None, "说明")
    listed, _ = parse("---\nkind: notice\nconcerns: d1\nsuggestions:\n  - {article: 第一条, text: 建议}\n---\n")
    assert listed.suggestion_entries == [{"article": "第一条", "text": "建议"}]
    explained, _ = parse("---\nkind: interpretation\ninterprets: d1\n---\n\n## 第一条\n\n说明。\n")
    assert explained.interprets == "d1"
    point, _ = parse("---\nkind: contact-point\ntitle: 东区\nlevel: 市级\nregion: 城东区\nphone: 0971-1\nestablished: 2020-01-02\n---\n")
    assert point.contact_point == ContactPoint("市级", region="城东区", phone="0971-1", established=dt.date(2020, 1, 2))
    assert point.comments is None and point.legal is None
