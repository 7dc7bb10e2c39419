"""The ledger counts notices per article, per draft, per contact point and in total."""

from __future__ import annotations

from lawsite.gather.ledger import anchor_for
from lawsite.model import GENERAL, Outcome, Source
from lawsite.settings import Settings
from lawsite.gather.site import gather

DRAFT = """---
kind: draft
id: d1
title: 测试条例（草案）
contact_points: [east, west]
---

第一条 为了测试，制定本条例。

第二条 本条例适用于测试。

第三条 测试应当认真。

第三条之一 测试应当及时。

第四条 本条例自公布之日起施行。
"""

LATER = """---
kind: draft
id: d2
title: 测试条例（草案二审稿）
previous: d1
---

第一条 为了测试，制定本条例。

第二条 新增的一条。

第三条 本条例适用于测试。
"""

POINT = """---
kind: contact-point
id: {id}
title: {id} 联系点
level: 县级
region: 东区
---
"""

NOTICE = """---
kind: notice
id: n1
concerns: d1
received: 100
suggestions:
- article: 第四条
  from: east
  count: 3
  text: 建议明确施行日期。
  outcome: adopted
- article: 第二条
  from: 网民
  count: 5
  text: 建议扩大适用范围。
  outcome: not-adopted
  reason: 超出立法权限。
- article: art_2
  from: east
  text: 建议列举适用情形。
  outcome: partly
  reason: 部分列举。
- article: 总体
  from: west
  count: 2
  text: 建议尽快出台。
  outcome: noted
- article: 第三条之一
  from: 网民
  text: 建议删除。
  outcome: pending
---
"""


def site():
    sources = [
        Source("drafts/d1.md", DRAFT),
        Source("drafts/d2.md", LATER),
        Source("points/east.md", POINT.format(id="east")),
        Source("points/west.md", POINT.format(id="west")),
        Source("points/north.md", POINT.format(id="north")),
        Source("notices/n1.md", NOTICE),
    ]
    built = gather(sources, Settings(), read_file=lambda path: None)
    assert built.errors == []
    return built


def test_article_ledger_counts_by_outcome_weighted_by_count() -> None:
    ledger = site().ledger
    art2 = ledger.for_article("d1", "art_2")
    assert art2 is not None
    assert art2.total == 6
    assert art2.counts[Outcome.NOT_ADOPTED] == 5 and art2.counts[Outcome.PARTLY] == 1
    assert art2.tally.entries == 2
    assert [s.text for s in art2.suggestions] == ["建议扩大适用范围。", "建议列举适用情形。"]
    assert art2.anchor == anchor_for("art_2") == "ledger-art_2"
    assert art2.notice_id == "n1"
    assert ledger.for_article("d1", "art_1") is None
    assert ledger.for_article("nope", "art_1") is None


def test_articles_are_in_text_order_with_general_first() -> None:
    document = site().ledger.for_document("d1")
    assert document is not None
    assert list(document.articles) == [GENERAL, "art_2", "art_3-1", "art_4"]


def test_document_and_site_totals() -> None:
    ledger = site().ledger
    document = ledger.for_document("d1")
    assert document is not None and document.notice_ids == ["n1"]
    assert document.received == 100
    tally = document.tally
    assert (tally.total, tally.entries) == (12, 5)
    assert (tally.adopted, tally.partly, tally.not_adopted, tally.noted, tally.pending) == (3, 1, 5, 2, 1)
    assert tally.rate == 4 / 12
    assert ledger.totals.total == 12 and ledger.received == 100


def test_contact_points_and_free_text_sources() -> None:
    ledger = site().ledger
    east = ledger.for_point("east")
    assert east is not None
    assert east.consultations == ["d1"]
    assert (east.tally.total, east.tally.adopted, east.tally.partly) == (4, 3, 1)
    assert [(p.doc_id, p.suggestion.article) for p in east.suggestions] == [("d1", "art_4"), ("d1", "art_2")]
    north = ledger.for_point("north")
    assert north is not None and north.consultations == [] and north.tally.total == 0
    assert north.tally.rate is None
    assert ledger.sources["网民"].total == 6
    assert "east" not in ledger.sources


def test_renumbered_later_reading_keeps_keys_of_the_commented_reading() -> None:
    # d2 moved 第二条 to 第三条: the ledger still answers for d1's art_2, and not for d2.
    ledger = site().ledger
    assert ledger.for_article("d1", "art_2") is not None
    assert ledger.for_document("d2") is None


def test_received_defaults_to_itemised_total() -> None:
    built = site()
    built.notices["n1"].received = None
    assert built.ledger.for_document("d1").received == 12  # type: ignore[union-attr]
