"""One computation of a consultation's figures (gather/ledger.py: Figures),
for the draft's page, its notices, the statistics and the feeds."""

from __future__ import annotations

from lawsite.gather.ledger import received_of
from lawsite.gather.site import gather
from lawsite.model import Outcome, Source
from lawsite.settings import Settings

DRAFT = "---\nkind: draft\nid: d1\ntitle: 测试条例\n---\n\n第一条 为了测试。\n\n第二条 适用范围。\n"


def notice(notice_id: str, received: int | None, counts: list[tuple[int, str]]) -> Source:
    items = "".join(f"- article: 第二条\n  from: 网民\n  count: {n}\n  text: 建议{i}。\n  outcome: {o}\n  reason: 理由。\n" for i, (n, o) in enumerate(counts))
    stated = f"received: {received}\n" if received is not None else ""
    return Source(f"{notice_id}.md", f"---\nkind: notice\nid: {notice_id}\nconcerns: d1\n{stated}suggestions:\n{items}---\n\n说明。\n")


def test_a_draft_counts_its_notices_and_each_notice_its_own() -> None:
    site = gather([Source("d1.md", DRAFT), notice("n1", 100, [(3, "adopted"), (2, "not-adopted")]), notice("n2", None, [(4, "partly")])], Settings())
    assert [problem.code for problem in site.errors] == ["second-notice"]  # check refuses it; should one slip through, the figures still add up
    assert received_of(site.notices["n1"]) == 100
    assert received_of(site.notices["n2"]) == 4  # states none: received what it itemises (check refuses fewer)
    first, second = site.ledger.notices["n1"].figures, site.ledger.notices["n2"].figures
    assert (first.received, first.itemised, first.entries, first.not_itemised) == (100, 5, 2, 95)
    assert (second.received, second.itemised, second.not_itemised) == (4, 4, 0)
    draft = site.ledger.documents["d1"].figures  # the draft page and its statistics row: both notices
    assert (draft.received, draft.itemised, draft.adopted, draft.partly) == (104, 9, 3, 4)
    assert draft.rate == 7 / 9
    assert sum(n for _, n in draft.counts) == draft.itemised
    assert dict(draft.counts)[Outcome.NOT_ADOPTED] == 2
    whole = site.ledger.figures
    assert (whole.received, whole.itemised) == (draft.received, draft.itemised)
