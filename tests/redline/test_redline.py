"""Tests of the redline between two readings: alignment and character diff."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawsite.model import Article, Paragraph
from lawsite.redline import (
    ArticleChange,
    Segment,
    Status,
    align_readings,
    article_text,
    char_diff,
    summary,
)

# --- helpers ------------------------------------------------------------------


def make_article(number: int, text: str, caption: str | None = None) -> Article:
    """An article whose paragraphs are the lines of `text`."""
    paragraphs = [
        Paragraph(id=f"art_{number}__para_{k}", number=k, text=line, line=number * 10 + k)
        for k, line in enumerate(text.split("\n"), start=1)
    ]
    return Article(
        id=f"art_{number}",
        number=number,
        sub=None,
        label=f"第{number}条",
        caption=caption,
        line=number * 10,
        paragraphs=paragraphs,
    )


def reading(texts: list[str]) -> list[Article]:
    """A reading numbered 1..n in order, as a redrafted text is."""
    return [make_article(n, text) for n, text in enumerate(texts, start=1)]


def statuses(changes: list[ArticleChange]) -> list[Status]:
    return [c.status for c in changes]


def reconstruct(segments: tuple[Segment, ...], side: str) -> str:
    return "".join(s.text for s in segments if s.op in ("equal", side))


U, C, A, R = Status.UNCHANGED, Status.CHANGED, Status.ADDED, Status.REMOVED
RN, RNC = Status.RENUMBERED, Status.RENUMBERED_CHANGED

PROPERTY_TEXTS = [
    "为了规范物业管理活动，维护业主、物业服务人的合法权益，营造安全、舒适、文明、和谐的居住环境，根据有关法律、行政法规，结合本市实际，制定本条例。",
    "本市行政区域内的物业管理及其监督管理活动，适用本条例。",
    "市住房城乡建设主管部门负责全市物业管理活动的监督管理工作。",
    "街道办事处、乡镇人民政府负责组织、指导本辖区业主大会成立和业主委员会选举工作。",
    "居民委员会、村民委员会应当协助街道办事处、乡镇人民政府开展物业管理相关工作。",
    "一个物业管理区域成立一个业主大会。业主大会由物业管理区域内全体业主组成。",
    "业主委员会应当自选举产生之日起三十日内，向物业所在地的街道办事处备案。",
    "物业服务人应当按照物业服务合同的约定，提供相应的服务，并公开服务内容和收费标准。",
    "建设单位应当在销售物业之前，制定临时管理规约，对有关物业的使用、维护、管理等事项作出约定。",
    "业主应当按照约定交纳物业费。业主违反约定逾期不交纳物业费的，业主委员会应当督促其限期交纳。",
    "专项维修资金属于业主所有，专项用于物业保修期满后物业共用部位、共用设施设备的维修和更新、改造。",
    "违反本条例规定，物业服务人未按照规定公开有关信息的，由区住房城乡建设主管部门责令限期改正。",
]
# Texts of a different subject, so that none is similar to the ones above.
UNRELATED_TEXTS = [
    "渔业捕捞许可证由县级以上渔业行政主管部门批准发放。",
    "国家鼓励科研机构开展种子资源的收集、整理、鉴定、登记、保存、交流和利用。",
    "航道养护单位应当按照航道养护技术规范进行航道养护，保证航道处于良好技术状态。",
    "气象台站应当按照规定向社会发布灾害性天气警报和气象灾害预警信号。",
    "文物收藏单位应当建立健全馆藏文物的接收、鉴定、登记、编目和档案制度。",
    "出口商品应当经检验合格方可出口，具体办法由海关总署制定。",
]


# --- char_diff ----------------------------------------------------------------


def test_char_diff_of_equal_texts_is_one_equal_run() -> None:
    text = PROPERTY_TEXTS[0]
    assert char_diff(text, text) == (Segment("equal", text),)


def test_char_diff_shows_an_inserted_time_limit() -> None:
    old = "业主委员会应当向物业所在地的街道办事处备案。"
    new = "业主委员会应当自选举产生之日起三十日内，向物业所在地的街道办事处备案。"
    assert char_diff(old, new) == (
        Segment("equal", "业主委员会应当"),
        Segment("insert", "自选举产生之日起三十日内，"),
        Segment("equal", "向物业所在地的街道办事处备案。"),
    )


def test_char_diff_folds_single_shared_characters_into_one_block() -> None:
    # "的" is shared by both wordings; a reader wants one replacement, not confetti.
    old = "由市人民政府的有关部门负责"
    new = "由区住房城乡建设主管部门负责"
    segments = char_diff(old, new)
    assert [s.op for s in segments] == ["equal", "delete", "insert", "equal"]
    assert segments[0].text == "由"
    assert segments[-1].text.endswith("部门负责")


def test_char_diff_folds_punctuation_between_changes() -> None:
    old = "处一万元以上，五万元以下罚款"
    new = "处二万元以上，十万元以下罚款"
    ops = [s.op for s in char_diff(old, new)]
    assert ops.count("delete") == ops.count("insert") <= 2
    # Delete precedes insert within a block.
    for a, b in zip(ops, ops[1:]):
        assert (a, b) != ("insert", "delete")


def test_char_diff_pure_deletion() -> None:
    old = "业主、物业使用人应当遵守管理规约。"
    new = "业主应当遵守管理规约。"
    segments = char_diff(old, new)
    assert Segment("delete", "、物业使用人") in segments
    assert all(s.op != "insert" for s in segments)


CJK = st.sampled_from(list("业主委员会物业服务人应当的，。、；（）一二三四\n"))


@given(st.text(CJK, max_size=60), st.text(CJK, max_size=60))
@settings(max_examples=400, deadline=None)
def test_char_diff_reconstructs_both_sides(old: str, new: str) -> None:
    segments = char_diff(old, new)
    assert reconstruct(segments, "delete") == old
    assert reconstruct(segments, "insert") == new
    assert all(s.text for s in segments)
    # No two equal runs in a row, and never insert before delete in a block.
    for a, b in zip(segments, segments[1:]):
        assert not (a.op == b.op == "equal")
        assert (a.op, b.op) != ("insert", "delete")
        assert a.op != b.op


@given(st.text(max_size=80), st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_char_diff_reconstructs_any_unicode(old: str, new: str) -> None:
    segments = char_diff(old, new)
    assert reconstruct(segments, "delete") == old
    assert reconstruct(segments, "insert") == new


# --- align_readings: the cases an editor meets -----------------------------------


def test_identical_readings_are_unchanged() -> None:
    texts = PROPERTY_TEXTS[:5]
    changes = align_readings(reading(texts), reading(texts))
    assert statuses(changes) == [U] * 5
    assert all(c.similarity == 1.0 and c.segments == () for c in changes)


def test_inserted_article_renumbers_the_later_ones() -> None:
    old = PROPERTY_TEXTS[:5]
    new = old[:2] + [UNRELATED_TEXTS[0]] + old[2:]
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [U, U, A, RN, RN, RN]
    assert [(c.old and c.old.id, c.new and c.new.id) for c in changes[3:]] == [
        ("art_3", "art_4"),
        ("art_4", "art_5"),
        ("art_5", "art_6"),
    ]


def test_reworded_article_is_changed_with_segments() -> None:
    old = PROPERTY_TEXTS[:4]
    new = list(old)
    new[2] = "市住房城乡建设主管部门负责全市物业管理活动的监督管理和指导工作。"
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [U, U, C, U]
    change = changes[2]
    assert 0.5 <= change.similarity < 1.0
    assert reconstruct(change.segments, "delete") == old[2]
    assert reconstruct(change.segments, "insert") == new[2]
    assert Segment("insert", "和指导") in change.segments


def test_deleted_article_is_removed_in_place() -> None:
    old = PROPERTY_TEXTS[:5]
    new = old[:1] + old[2:]
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [U, R, RN, RN, RN]
    assert changes[1].old is not None and changes[1].old.id == "art_2"
    assert changes[1].new is None and changes[1].similarity == 0.0


def test_deleting_the_first_and_last_articles() -> None:
    old = PROPERTY_TEXTS[:4]
    changes = align_readings(reading(old), reading(old[1:3]))
    assert statuses(changes) == [R, RN, RN, R]


def test_moved_and_edited_article_is_renumbered_changed() -> None:
    old = PROPERTY_TEXTS[:4]
    new = [UNRELATED_TEXTS[1]] + old
    new[4] = "街道办事处、乡镇人民政府负责组织、指导本辖区业主大会成立和业主委员会换届选举工作。"
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [A, RN, RN, RN, RNC]
    edited = changes[4]
    assert (edited.old.id, edited.new.id) == ("art_4", "art_5")  # type: ignore[union-attr]
    assert Segment("insert", "换届") in edited.segments


def test_article_moved_to_another_place_is_paired_not_removed() -> None:
    old = PROPERTY_TEXTS[:6]
    new = [old[0], old[4], old[1], old[2], old[3], old[5]]
    changes = align_readings(reading(old), reading(new))
    assert Status.ADDED not in statuses(changes)
    assert Status.REMOVED not in statuses(changes)
    assert [c.new.id for c in changes] == [f"art_{n}" for n in range(1, 7)]  # type: ignore[union-attr]


def test_merged_articles_keep_the_closer_one_and_remove_the_other() -> None:
    first, second = PROPERTY_TEXTS[5], PROPERTY_TEXTS[6]
    old = [PROPERTY_TEXTS[0], first, second, PROPERTY_TEXTS[7]]
    new = [PROPERTY_TEXTS[0], first + "\n" + second, PROPERTY_TEXTS[7]]
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [U, C, R, RN]
    merged = changes[1]
    assert merged.old.id == "art_2" and merged.new.id == "art_2"  # type: ignore[union-attr]
    assert merged.segments[-1] == Segment("insert", "\n" + second)


def test_rewrite_beyond_recognition_is_removed_and_added() -> None:
    old = PROPERTY_TEXTS[:3]
    new = [old[0], UNRELATED_TEXTS[2], old[2]]
    changes = align_readings(reading(old), reading(new))
    assert statuses(changes) == [U, R, A, U]


def test_caption_is_part_of_the_text() -> None:
    old = [make_article(1, PROPERTY_TEXTS[0], caption="立法目的")]
    new = [make_article(1, PROPERTY_TEXTS[0], caption="立法宗旨")]
    (change,) = align_readings(old, new)
    assert change.status is C
    assert article_text(change.new).startswith("（立法宗旨）")  # type: ignore[arg-type]
    assert Segment("delete", "目的") in change.segments
    assert Segment("insert", "宗旨") in change.segments


def test_duplicate_texts_keep_their_numbers() -> None:
    old = reading([PROPERTY_TEXTS[0], "（删去）", "（删去）", PROPERTY_TEXTS[1]])
    changes = align_readings(old, old)
    assert statuses(changes) == [U, U, U, U]


def test_empty_readings() -> None:
    assert align_readings([], []) == []
    assert statuses(align_readings([], reading(PROPERTY_TEXTS[:2]))) == [A, A]
    assert statuses(align_readings(reading(PROPERTY_TEXTS[:2]), [])) == [R, R]


def test_summary_counts_every_status() -> None:
    old = PROPERTY_TEXTS[:5]
    new = old[:1] + [UNRELATED_TEXTS[0]] + old[2:]
    counts = summary(align_readings(reading(old), reading(new)))
    assert counts == {
        "unchanged": 4,
        "changed": 0,
        "added": 1,
        "removed": 1,
        "renumbered": 0,
        "renumbered-changed": 0,
    }


# --- align_readings: properties --------------------------------------------------


Redraft = tuple[list[str], list[int | str]]


@st.composite
def redrafts(draw: st.DrawFn) -> Redraft:
    """An original reading, and a redraft of it as slots: an int is the index
    of a kept original article, a str an inserted unrelated article."""
    n = draw(st.integers(1, len(PROPERTY_TEXTS)))
    original = draw(st.permutations(PROPERTY_TEXTS))[:n]
    slots: list[int | str] = [i for i in range(n) if draw(st.integers(0, 3))]  # ~3/4 kept
    for text in draw(st.lists(st.sampled_from(UNRELATED_TEXTS), max_size=4, unique=True)):
        slots.insert(draw(st.integers(0, len(slots))), text)
    return original, slots


def redraft_texts(case: Redraft) -> list[str]:
    original, slots = case
    return [original[s] if isinstance(s, int) else s for s in slots]


@given(redrafts())
@settings(max_examples=300, deadline=None)
def test_surviving_articles_are_never_removed_and_added(case: Redraft) -> None:
    original, slots = case
    new_texts = redraft_texts(case)
    kept = {s for s in slots if isinstance(s, int)}
    changes = align_readings(reading(original), reading(new_texts))

    for change in changes:
        if change.old is not None and change.old.number - 1 in kept:
            assert change.status in (U, RN)
            assert change.new is not None
            assert article_text(change.new) == article_text(change.old)
    counts = summary(changes)
    assert counts["removed"] == len(original) - len(kept)
    assert counts["added"] == len(new_texts) - len(kept)
    # The new text in order, every old article exactly once.
    assert [c.new.id for c in changes if c.new] == [f"art_{n}" for n in range(1, len(new_texts) + 1)]
    assert sorted(c.old.number for c in changes if c.old) == list(range(1, len(original) + 1))


@given(redrafts())
@settings(max_examples=150, deadline=None)
def test_removed_articles_stand_after_their_old_predecessor(case: Redraft) -> None:
    original, _ = case
    changes = align_readings(reading(original), reading(redraft_texts(case)))
    old_order = [c.old.number for c in changes if c.old]
    assert old_order == sorted(old_order)  # nothing moved, so the old order holds


# --- real laws ------------------------------------------------------------------------

ARTICLE_HEAD = re.compile(r"^第[一二三四五六七八九十百千零〇]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]+")


def read_law(path: Path) -> list[str]:
    """Article texts of a corpus law (paragraphs joined by newlines): a
    deliberately small stand-in for the real parser."""
    body = path.read_text(encoding="utf-8").split("<!-- INFO END -->")[-1]
    articles: list[list[str]] = []
    in_article = False
    for line in map(str.strip, body.splitlines()):
        head = ARTICLE_HEAD.match(line)
        if head:
            articles.append([line[head.end():]])
            in_article = True
        elif line.startswith("#"):
            in_article = False  # a heading ends the article
        elif line and in_article:
            articles[-1].append(line)
    return ["\n".join(a) for a in articles]


def lightly_edit(texts: list[str]) -> tuple[list[str], dict[str, int]]:
    """A redraft: delete every 50th article, insert a new one every 40th,
    reword every 30th (a phrase replaced), as a second reading might."""
    new: list[str] = []
    edits = {"deleted": 0, "inserted": 0, "reworded": 0}
    for k, text in enumerate(texts):
        if k % 40 == 20:
            new.append(UNRELATED_TEXTS[k % len(UNRELATED_TEXTS)] + f"（新增第{k}条）")
            edits["inserted"] += 1
        if k % 50 == 25:
            edits["deleted"] += 1
            continue
        if k % 30 == 10 and len(text) > 20:
            text = text[:10] + "依照国家有关规定" + text[14:]
            edits["reworded"] += 1
        new.append(text)
    return new, edits


@pytest.mark.corpus
def test_aligning_the_criminal_law_against_a_redraft(corpus: Path) -> None:
    texts = read_law(corpus / "laws" / "刑法" / "刑法.md")
    assert len(texts) > 450
    new, edits = lightly_edit(texts)
    start = time.perf_counter()
    changes = align_readings(reading(texts), reading(new))
    elapsed = time.perf_counter() - start
    counts = summary(changes)
    assert counts["removed"] == edits["deleted"]
    assert counts["added"] == edits["inserted"]
    assert counts["changed"] + counts["renumbered-changed"] == edits["reworded"]
    assert counts["unchanged"] + counts["renumbered"] == len(new) - edits["inserted"] - edits["reworded"]
    assert elapsed < 5.0, f"alignment took {elapsed:.2f}s"


@pytest.mark.corpus
def test_every_article_rewritten_still_aligns(corpus: Path) -> None:
    # The worst case for the anchors: no article is left word for word, and
    # the first 30 are dropped, so every pair sits 30 places off the diagonal.
    texts = read_law(corpus / "laws" / "刑法" / "刑法.md")[:300]
    new = [t.replace("的", "之").replace("，", "；", 1) + "。" for t in texts[30:]]
    new.insert(100, UNRELATED_TEXTS[0])
    start = time.perf_counter()
    changes = align_readings(reading(texts), reading(new))
    elapsed = time.perf_counter() - start
    counts = summary(changes)
    assert counts["added"] == 1 and counts["removed"] == 30
    assert counts["renumbered-changed"] == 270
    assert statuses(changes)[:30] == [R] * 30
    assert elapsed < 10.0, f"alignment took {elapsed:.2f}s"
