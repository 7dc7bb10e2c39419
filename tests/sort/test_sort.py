"""`lawsite sort`: mentions, proposals, groups, the worksheet and the CSV, bad input.

The draft is the sample site's 文明行为促进条例 (content/drafts/civilized-behavior.md),
read as a file the way `--concerns PATH` reads it, and by id through the site.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from lawsite.cli import main
from lawsite.model import GENERAL
from lawsite.sort import sort_comments
from lawsite.sort.comments import MAX_PROBLEMS, Comment, read_comments
from lawsite.sort.drafts import draft_from_file
from lawsite.sort.grouping import group
from lawsite.sort.matching import NONE, ArticleIndex
from lawsite.sort.mentions import mentions
from lawsite.sort.worksheet import (
    COMMENT_COLUMNS,
    COMMENT_SHEET,
    GROUP_COLUMNS,
    GROUP_SHEET,
    LISTS_SHEET,
    OUTCOMES,
)

REPO = Path(__file__).resolve().parents[2]
DRAFT = REPO / "content" / "drafts" / "civilized-behavior.md"
HEADER = "id,channel,point,article,text,received\n"


@pytest.fixture(scope="module")
def index() -> ArticleIndex:
    return ArticleIndex(draft_from_file(DRAFT))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第十二条太宽泛", [(12, None, None)]),
        ("建议修改第12条", [(12, None, None)]),
        ("第 12 条应当删除", [(12, None, None)]),
        ("第１２条", [(12, None, None)]),
        ("十二条不好执行", [(12, None, None)]),
        ("12条的表述有歧义", [(12, None, None)]),
        ("草案第十二条第二款", [(12, None, 2)]),
        ("第十二条之一", [(12, 1, None)]),
        ("第十二条规定的志愿服务", [(12, None, None)]),
        ("第十二、十三条", [(12, None, None), (13, None, None)]),
        ("第十二条至第十五条", [(12, None, None), (15, None, None)]),
        ("第一百零五条", [(105, None, None)]),
        ("我提三条建议", []),
        ("这两条很好", []),
        ("有几条意见", []),
        ("12条建议", []),
        ("《民法典》第一千一百六十五条", []),
        ("没有提到条文", []),
    ],
)
def test_mentions_in_every_form(text: str, expected: list[tuple[int, int | None, int | None]]) -> None:
    assert [(m.number, m.sub, m.paragraph) for m in mentions(text)] == expected


def test_a_mention_after_the_drafts_own_title_counts() -> None:
    title = "青川市文明行为促进条例（草案）"
    assert [m.number for m in mentions("《志愿服务条例》第五条", title)] == []
    assert [m.number for m in mentions("《青川市文明行为促进条例（草案）》第五条", title)] == [5]
    assert [m.number for m in mentions("《文明行为促进条例》第五条", title)] == [5]  # shortened, still this draft


def propose(index: ArticleIndex, text: str, given: str = ""):
    comment = Comment("1", text, article=given)
    return sort_comments([comment], index).comments[0].proposal


def test_a_named_article_is_proposed_with_its_reason(index: ArticleIndex) -> None:
    proposal = propose(index, "第十二条应当写明志愿服务组织要为志愿者购买保险")
    assert (proposal.article, proposal.reason, proposal.flagged) == ("art_12", "提到第十二条", False)
    assert proposal.confidence >= 0.9


def test_the_article_the_row_names_counts_as_named(index: ArticleIndex) -> None:
    proposal = propose(index, "志愿者的保险谁来买？", given="第十二条")
    assert (proposal.article, proposal.reason) == ("art_12", "意见表注明第十二条")


def test_a_quote_with_a_slip_is_matched_to_its_article(index: ArticleIndex) -> None:
    quoted = index.texts[index.ids.index("art_9")][:22].replace("应当", "应该")
    proposal = propose(index, f"草案说“{quoted}”，小餐馆做不到")
    assert (proposal.article, proposal.reason) == ("art_9", "引用第九条原文")


def test_without_a_mention_the_closest_article_is_proposed(index: ArticleIndex) -> None:
    proposal = propose(index, "鼓励无偿献血很好，献血者本人和家属用血应当有优待")
    assert (proposal.article, proposal.reason) == ("art_13", "与第十三条内容相近")


def test_general_and_off_topic_comments(index: ArticleIndex) -> None:
    assert propose(index, "总体上支持这部条例，希望尽快通过").article == GENERAL
    assert propose(index, "请问社保卡丢了去哪里补办").article == NONE
    assert propose(index, "专业代办营业执照，上门服务，电话13900001111").reason == "像是广告"


def test_a_comment_naming_one_article_about_another_is_flagged(index: ArticleIndex) -> None:
    proposal = propose(index, "第三条对无偿献血、捐献造血干细胞的人应当给予表彰")
    assert proposal.flagged and proposal.article == "art_13"
    assert proposal.reason == "提到第三条，但内容与第十三条相近，请核对"
    assert proposal.low


CAMPAIGN = [
    "强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！",
    "强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离。",
    "建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！",
    "强烈建议在医院、图书馆和地铁上禁止外放声音，大声喧哗的要劝离！",
    "本人强烈建议在医院、图书馆和公共交通工具上禁止外放声音，大声喧哗的要劝离！谢谢",
]


def test_campaign_comments_are_one_group_and_other_comments_are_not() -> None:
    others = ["志愿服务时间应当可以兑换社区服务", "网络文明要从娃娃抓起，学校应当开设课程"]
    numbers = group(CAMPAIGN + others, ["art_5"] * len(CAMPAIGN) + ["art_12", "art_8"])
    assert len(set(numbers[: len(CAMPAIGN)])) == 1
    assert len(set(numbers)) == 3


def test_alike_texts_on_different_articles_are_not_one_group() -> None:
    assert len(set(group(["建议删除第十二条", "建议删除第十三条"], ["art_12", "art_13"]))) == 2


def test_a_group_keeps_every_members_id_channel_and_point(index: ArticleIndex) -> None:
    comments = [Comment(f"R{n}", text, channel=("网站", "信函")[n % 2], point=("xinhai-road", "")[n % 2]) for n, text in enumerate(CAMPAIGN)]
    result = sort_comments(comments, index)
    assert len(result.groups) == 1
    members = result.groups[0].members
    assert [m.comment.id for m in members] == ["R0", "R1", "R2", "R3", "R4"]
    assert result.groups[0].counted("channel") == "网站 3、信函 2"
    assert result.groups[0].counted("point") == "xinhai-road 3、— 2"


def write_table(folder: Path, rows: list[str], header: str = HEADER) -> Path:
    path = folder / "comments.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


SAMPLE_ROWS = [
    "A1,网站,,,第十二条应当写明志愿服务组织要为志愿者购买保险,2026-11-12\n",
    f"A2,信函,xinhai-road,,\"{CAMPAIGN[0]}\",2026-11-13\n",
    f"A3,联系点,nanmen-community,,{CAMPAIGN[3]},2026-11-13\n",
    "A4,网站,,总体,总体上支持这部条例，希望尽快通过,2026-11-14\n",
    "A5,网站,,,请问社保卡丢了去哪里补办,2026-11-14\n",
    "A6,网站,,,=1+2 鼓励无偿献血很好，献血者本人用血应当有优待,2026-11-15\n",
]


def run_sort(table: Path, out: Path, *extra: str) -> int:
    return main(["sort", str(table), "--concerns", str(DRAFT), "-o", str(out), *extra])


def test_the_worksheet_read_back_with_openpyxl(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xlsx"
    assert run_sort(write_table(tmp_path, SAMPLE_ROWS), sheet) == 0
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames == [GROUP_SHEET, COMMENT_SHEET, LISTS_SHEET]
    groups, comments, lists = book[GROUP_SHEET], book[COMMENT_SHEET], book[LISTS_SHEET]
    assert [c.value for c in groups[1]] == [c.header for c in GROUP_COLUMNS]
    assert groups.freeze_panes == "A2" and comments.freeze_panes == "A2"
    assert lists.sheet_state == "hidden"
    labels = [row[0] for row in lists.iter_rows(values_only=True) if row[0]]
    assert labels[:2] == ["第一条", "第二条"] and labels[-3:] == ["第二十条", "总体", "none"]
    assert [row[1] for row in lists.iter_rows(values_only=True) if row[1]] == list(OUTCOMES)
    formulas = {v.formula1: str(v.sqref) for v in groups.data_validations.dataValidation}
    assert formulas == {f"{LISTS_SHEET}!$A$1:$A${len(labels)}": "B2:B6", f"{LISTS_SHEET}!$B$1:$B$4": "K2:K6"}
    rows = [dict(zip([c.key for c in GROUP_COLUMNS], row)) for row in groups.iter_rows(min_row=2, values_only=True)]
    assert [r["article"] for r in rows] == ["总体", "第五条", "第十二条", "第十三条", "none"]
    smoking = rows[1]
    assert (smoking["count"], smoking["ids"], smoking["channels"]) == (2, "A2 A3", "信函 1、联系点 1")
    assert smoking["outcome"] is None and smoking["outcome_reason"] is None
    assert groups.column_dimensions["G"].width == 60 and groups["G2"].alignment.wrap_text
    low = [r[0].value for r in groups.iter_rows(min_row=2) if r[2].value < 0.6]
    marked = [r[0].value for r in groups.iter_rows(min_row=2) if r[2].fill.fgColor.rgb == "00FFF2CC"]
    assert low and marked == low
    every = list(comments.iter_rows(values_only=True))
    assert every[0][:5] == COMMENT_COLUMNS and len(every) == 1 + len(SAMPLE_ROWS)
    assert every[6][every[0].index("text")].startswith("=1+2")  # text, not a formula


def test_csv_format_one_row_per_comment(tmp_path: Path) -> None:
    out = tmp_path / "sorted.csv"
    table = write_table(tmp_path, SAMPLE_ROWS, header="id,channel,point,article,text,received,note\n")
    assert run_sort(table, out, "--format", "csv") == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["id", "article", "group", "confidence", "reason", "channel", "point", "named_article", "text", "received", "note"]
    assert [r[0] for r in rows[1:]] == ["A1", "A2", "A3", "A4", "A5", "A6"]
    assert rows[1][1:5] == ["第十二条", rows[1][2], "0.95", "提到第十二条"]
    assert rows[2][2] == rows[3][2] and len({r[2] for r in rows[1:]}) == 5
    assert rows[4][7] == "总体" and rows[4][1] == "总体"


def test_the_draft_by_id_from_the_site(tmp_path: Path) -> None:
    out = tmp_path / "sorted.csv"
    code = main(["-f", str(REPO / "mkdocs.yml"), "sort", str(write_table(tmp_path, SAMPLE_ROWS[:1])), "--concerns", "qingchuan-civilized-behavior-2026", "-o", str(out), "--format", "csv"])
    assert code == 0 and "第十二条" in out.read_text(encoding="utf-8-sig")
    assert main(["-f", str(REPO / "mkdocs.yml"), "sort", str(write_table(tmp_path, SAMPLE_ROWS[:1])), "--concerns", "no-such-draft", "-o", str(out)]) == 2


def test_the_same_input_gives_the_same_output_whatever_the_hash_seed(tmp_path: Path) -> None:
    table = write_table(tmp_path, SAMPLE_ROWS * 1 + [f"B{n},网站,,,{CAMPAIGN[n % 5]}{'！' * (n % 3)},2026-11-20\n" for n in range(30)])
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"sorted-{seed}.csv"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO / "generator")}
        subprocess.run([sys.executable, "-m", "lawsite.cli", "sort", str(table), "--concerns", str(DRAFT), "-o", str(out), "--format", "csv"], check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"", "csv-empty", None),
        (HEADER.encode(), "csv-empty", None),
        (b"id,channel,point\nA1,x,y\n", "csv-header", 1),
        (b"id,text,text\nA1,x,y\n", "csv-header", 1),
        (HEADER.encode() + b"A1,\xff\xfe\xfa\xfb,,,x,\n", "csv-encoding", None),
        (HEADER.encode() + b"A1,,,,a,b,c,d\n", "csv-cells", 2),
        (HEADER.encode() + b"A1,,,,one,\nA1,,,,two,\n", "duplicate-id", 3),
        (HEADER.encode() + b'A1,,,,"' + "长".encode() * 200_000 + b'",\n', "csv-malformed", 2),
    ],
)
def test_bad_tables_are_problems_with_file_row_and_column(raw: bytes, code: str, line: int | None) -> None:
    table = read_comments(raw, "comments.csv")
    found = [p for p in table.problems if p.code == code]
    assert found, table.problems
    assert found[0].path == "comments.csv" and found[0].line == line


def test_an_empty_text_is_named_by_row_and_column_and_left_out() -> None:
    table = read_comments((HEADER + "A1,,,,,\nA2,,,,有内容,\n").encode(), "comments.csv")
    (problem,) = table.problems
    assert (problem.line, problem.field, problem.code, problem.is_error) == (2, "text", "missing-key", False)
    assert [c.id for c in table.comments] == ["A2"]


def test_problems_are_bounded() -> None:
    table = read_comments((HEADER + "".join(f"A{n},,,,a,b,c,d\n" for n in range(500))).encode(), "comments.csv")
    assert len(table.problems) == MAX_PROBLEMS + 1
    assert table.problems[-1].code == "too-many-problems" and "450 more" in table.problems[-1].message.render("en")


def test_a_long_comment_is_compared_by_its_beginning() -> None:
    table = read_comments((HEADER + "A1,,,,第十二条" + "很长" * 20_000 + ",\n").encode(), "comments.csv")
    assert table.problems[0].code == "text-too-long" and len(table.comments[0].text) == 5_000


def test_a_bad_table_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    out = tmp_path / "sheet.xlsx"
    assert run_sort(write_table(tmp_path, [], header="id,channel\n"), out) == 1
    assert not out.exists()
    assert "comments.csv:1 error: CSV header: missing column(s) text" in capsys.readouterr().err


def test_sort_speaks_chinese_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_sort(write_table(tmp_path, [], header="id,channel\n"), tmp_path / "sheet.xlsx") == 1
    err = capsys.readouterr().err
    assert "表头：缺少的列 text" in err and "没有写入任何文件" in err
    assert run_sort(write_table(tmp_path, SAMPLE_ROWS[:1]), tmp_path / "sheet.xlsx") == 0
    assert "条意见分为 1 组" in capsys.readouterr().out
