"""Property: however a later reading inserts and removes articles (and so
renumbers the others), each suggestion made on the earlier reading appears
beside the article it was made on, under its earlier number."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawsite.model import Document, Kind, Notice, Outcome, Source, Suggestion
from lawsite.parse.legal import parse_legal_text
from lawsite.numerals import to_chinese
from lawsite.redline import align_readings
from lawsite.render.readings import redline_page_markdown
from lawsite.settings import Settings
from lawsite.urls import SiteUrls
from lawsite.gather.site import Site

# Clearly different article texts, so that alignment is unambiguous.
TEXTS = [
    "为了规范物业管理活动，制定本条例。",
    "业主大会会议分为定期会议和临时会议。",
    "业主委员会应当自选举产生之日起三十日内备案。",
    "物业服务人应当在显著位置公示收费标准。",
    "住宅专项维修资金属于业主所有，不得挪作他用。",
    "禁止在楼梯间停放电动自行车或者私拉电线充电。",
    "装饰装修房屋的，应当事先告知物业服务人。",
    "投诉应当自收到之日起十五个工作日内答复。",
    "市主管部门建立物业服务信用档案并向社会公开。",
    "建设单位应当通过招投标选聘前期物业服务人。",
    "承接物业前应当共同查验共用部位和设施设备。",
    "物业纠纷可以由人民调解委员会调解。",
]


def draft(doc_id: str, texts: list[str]) -> Document:
    body = "\n\n".join(f"第{to_chinese(n)}条　{t}" for n, t in enumerate(texts, start=1)) + "\n"
    legal, _ = parse_legal_text(body, path=doc_id)
    return Document(source=Source(doc_id, body), kind=Kind.DRAFT, id=doc_id, title=doc_id, body=body, body_line=1, legal=legal)


@st.composite
def redrafts(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    n = draw(st.integers(3, 8))
    old = TEXTS[:n]
    new = [t for t in old if draw(st.booleans())]
    for text in TEXTS[n : n + draw(st.integers(0, 3))]:
        new.insert(draw(st.integers(0, len(new))), text)
    return old, new


@settings(max_examples=40, deadline=None)
@given(redrafts())
def test_each_suggestion_stays_beside_its_article(case: tuple[list[str], list[str]]) -> None:
    old_texts, new_texts = case
    old, new = draft("r1", old_texts), draft("r2", new_texts)
    suggestions = [
        Suggestion(article=f"art_{n}", source="网民", count=n, text=f"对第{n}条的意见", outcome=Outcome.ADOPTED, reason="已采纳", path="n.md", line=n)
        for n in range(1, len(old_texts) + 1)
    ]
    site = Site(documents={"r1": old, "r2": new}, notices={"n": Notice("n", "r1", None, suggestions)})
    page = redline_page_markdown(old, new, align_readings(old.legal.articles, new.legal.articles), site.ledger, SiteUrls({"r1": "r1/", "r2": "r2/", "n": "n/"}).at("x/"), {}, Settings())
    for n, text in enumerate(old_texts, start=1):
        where = new_texts.index(text) + 1 if text in new_texts else None
        anchor = f"rl-art_{where}" if where else f"rl-old-art_{n}"
        start = page.index(f'id="{anchor}"')
        entry = page[start : page.find('id="rl-', start + 10) if page.find('id="rl-', start + 10) > 0 else len(page)]
        assert f"n/#ledger-art_{n}" in entry, (n, anchor)
        assert f"第{to_chinese(n)}条的意见" in entry  # under its earlier number
    # No suggestion is shown twice, none beside an added article.
    assert sorted(re.findall(r"#ledger-art_(\d+)", page)) == sorted(str(n) for n in range(1, len(old_texts) + 1))
