"""Notices: every validation problem, with file, line and field; CSV encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawsite.model import GENERAL, Outcome, Problem, Severity, Source
from lawsite.settings import Settings
from lawsite.gather.site import gather, load_site
from notice_samples import DRAFT, POINT

HEADER = "article,from,count,text,outcome,reason\n"


def notice(items: str, extra: str = "") -> str:
    return f"---\nkind: notice\nid: n1\nconcerns: d1\n{extra}suggestions:\n{items}---\n\n正文。\n"


def check(notice_text: str, files: dict[str, bytes] | None = None):
    sources = [Source("drafts/d1.md", DRAFT), Source("points/east.md", POINT), Source("notices/n1.md", notice_text)]
    site = gather(sources, Settings(), read_file=(files or {}).get)
    return site, [p for p in site.problems if p.path != "drafts/d1.md"]


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    return found[0]


GOOD = """- article: 第二条
  from: east-street
  count: 3
  text: 建议扩大适用范围。
  outcome: adopted
"""


def test_valid_yaml_suggestions_resolve_labels_ids_and_general() -> None:
    items = GOOD + "- article: art_2-1\n  from: 网民\n  text: 建议删除。\n  outcome: 部分采纳\n  reason: 改为倡导性规定。\n- article: 总体\n  from: 网民\n  text: 好。\n  outcome: noted\n"
    site, problems = check(notice(items))
    assert problems == []
    suggestions = site.notices["n1"].suggestions
    assert [(s.article, s.count, s.outcome) for s in suggestions] == [("art_2", 3, Outcome.ADOPTED), ("art_2-1", 1, Outcome.PARTLY), (GENERAL, 1, Outcome.NOTED)]
    assert [s.line for s in suggestions] == [6, 11, 16]
    assert site.notices["n1"].csv_encoding is None


@pytest.mark.parametrize(
    ("item", "code", "line", "field", "says"),
    [
        ("- article: 第九条\n  from: 网民\n  text: x\n  outcome: adopted\n", "unknown-article", 6, "suggestions[0].article", "第一条 to 第三条"),
        ("- article: 第二款\n  from: 网民\n  text: x\n  outcome: adopted\n", "bad-article", 6, "suggestions[0].article", "总体"),
        ("- article: 第二条\n  from: 网民\n  text: x\n  outcome: adoptd\n", "unknown-outcome", 9, "suggestions[0].outcome", "did you mean `adopted`"),
        ("- article: 第二条\n  from: 网民\n  text: x\n  outcome: not-adopted\n", "missing-reason", 9, "suggestions[0].outcome", "not-adopted"),
        ("- article: 第二条\n  from: 网民\n  text: x\n  outcome: partly\n", "missing-reason", 9, "suggestions[0].outcome", "partly"),
        ("- article: 第二条\n  from: 网民\n  outcome: adopted\n", "missing-key", 6, "suggestions[0].text", "missing `text`"),
        ("- article: 第二条\n  text: x\n  outcome: adopted\n", "missing-key", 6, "suggestions[0].from", "missing `from`"),
        ("- from: 网民\n  text: x\n  outcome: adopted\n", "missing-key", 6, "suggestions[0].article", "missing `article`"),
        ("- article: 第二条\n  from: 网民\n  text: x\n", "missing-key", 6, "suggestions[0].outcome", "missing `outcome`"),
        ("- article: 第二条\n  from: 网民\n  count: 0\n  text: x\n  outcome: adopted\n", "bad-number", 8, "suggestions[0].count", "≥ 1"),
        ("- article: 第二条\n  from: 网民\n  count: 很多\n  text: x\n  outcome: adopted\n", "bad-number", 8, "suggestions[0].count", "很多"),
        # int() refuses more than 4,300 digits and reads no superscript: both a Problem, not a ValueError
        ("- article: 第二条\n  from: 网民\n  count: '" + "7" * 5_000 + "'\n  text: x\n  outcome: adopted\n", "bad-number", 8, "suggestions[0].count", "at most 18 digits"),
        ("- article: 第二条\n  from: 网民\n  count: '²'\n  text: x\n  outcome: adopted\n", "bad-number", 8, "suggestions[0].count", "²"),
        ("- article: 第二条\n  from: 网民\n  txet: x\n  text: x\n  outcome: adopted\n", "unknown-key", 8, "suggestions[0].txet", "did you mean `text`"),
        ("- 第二条 建议扩大范围\n", "bad-type", 6, "suggestions[0]", "key: value"),
    ],
)
def test_yaml_problem_has_line_and_field(item: str, code: str, line: int, field: str, says: str) -> None:
    _, problems = check(notice(GOOD + item))
    problem = only(problems, code)
    assert (problem.path, problem.line, problem.field, problem.severity) == ("notices/n1.md", line + 5, field.replace("[0]", "[1]"), Severity.ERROR)
    assert says in problem.message.render("en") + (problem.hint.render("en") if problem.hint else "")


def test_id_like_source_that_is_no_contact_point_is_a_warning_with_did_you_mean() -> None:
    _, problems = check(notice(GOOD.replace("east-street", "east-stret")))
    problem = only(problems, "unknown-contact-point")
    assert (problem.line, problem.field, problem.severity) == (7, "suggestions[0].from", Severity.WARNING)
    assert "did you mean `east-street`" in (problem.hint.render("en") if problem.hint else "")


def test_received_smaller_than_itemised_is_an_error_on_its_line() -> None:
    _, problems = check(notice(GOOD, extra="received: 2\n"))
    problem = only(problems, "received-too-small")
    assert (problem.line, problem.field) == (5, "received")


def test_notice_without_suggestions_is_warned() -> None:
    _, problems = check("---\nkind: notice\nconcerns: d1\n---\n")
    assert only(problems, "no-suggestions").severity is Severity.WARNING


def test_every_problem_in_one_notice_is_reported_not_only_the_first() -> None:
    items = "- article: 第九条\n  from: 网民\n  text: x\n  outcome: adopted\n- article: 第二条\n  from: 网民\n  text: x\n  outcome: nope\n"
    _, problems = check(notice(items))
    assert [p.code for p in problems] == ["unknown-article", "unknown-outcome"]


# --- CSV ---------------------------------------------------------------------

ROWS = "第二条,east-street,3,建议扩大适用范围。,adopted,\n总体,网民,,建议尽快出台。,留作研究,\n\"第三条\",网民,2,\"建议写明：\n施行日期\",not-adopted,已经写明。\n"


def csv_notice() -> str:
    return "---\nkind: notice\nid: n1\nconcerns: d1\nsuggestions_file: n1.csv\n---\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("gbk", b"", "gbk")],
)
def test_csv_encodings_are_read_and_reported(tmp_path: Path, encoding: str, prefix: bytes, name: str) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "notices").mkdir()
    (tmp_path / "drafts" / "d1.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "points.md").write_text(POINT, encoding="utf-8")
    (tmp_path / "notices" / "n1.md").write_text(csv_notice(), encoding="utf-8")
    (tmp_path / "notices" / "n1.csv").write_bytes(prefix + (HEADER + ROWS).replace("\n", "\r\n").encode(encoding))
    site = load_site(tmp_path)
    notice = site.notices["n1"]
    assert notice.csv_encoding == name
    assert [(s.article, s.count, s.outcome, s.line) for s in notice.suggestions] == [
        ("art_2", 3, Outcome.ADOPTED, 2),
        (GENERAL, 1, Outcome.NOTED, 3),
        ("art_3", 2, Outcome.NOT_ADOPTED, 4),
    ]
    assert notice.suggestions[2].text == "建议写明：\n施行日期"
    assert all(s.path == "notices/n1.csv" for s in notice.suggestions)
    codes = [(p.code, p.severity) for p in site.problems]
    assert codes == ([("csv-gbk", Severity.WARNING)] if name == "gbk" else [])
    if name == "gbk":
        assert "GBK" in site.problems[0].message.render("en") and site.problems[0].path == "notices/n1.csv"


def check_csv(body: bytes | None, extra_items: str = ""):
    files = {} if body is None else {"notices/n1.csv": body}
    text = csv_notice() if not extra_items else csv_notice().replace("---\n", f"suggestions:\n{extra_items}---\n", 1).replace("kind: notice", "kind: notice", 1)
    return check(text, files)


@pytest.mark.parametrize(
    ("row", "code", "field", "says"),
    [
        ("第九条,网民,1,x,adopted,", "unknown-article", "article", "第九条"),
        ("第二条,网民,1,x,adopt,", "unknown-outcome", "outcome", "did you mean `adopted`"),
        ("第二条,网民,1,x,partly,", "missing-reason", "outcome", "partly"),
        ("第二条,网民,-1,x,adopted,", "bad-number", "count", "-1"),
        ("第二条,网民," + "7" * 5_000 + ",x,adopted,", "bad-number", "count", "at most 18 digits"),
        ("第二条,网民,²,x,adopted,", "bad-number", "count", "²"),
        ("第二条,网民,1,,adopted,", "missing-key", "text", "missing `text`"),
        ("第二条,网民,1,x,adopted,理由,多余", "csv-cells", None, "7 cells"),
    ],
)
def test_csv_row_problem_points_at_csv_file_and_row_line(row: str, code: str, field: str | None, says: str) -> None:
    body = (HEADER + "\n" + ROWS + row + "\n").encode("utf-8")
    _, problems = check_csv(body)
    problem = only(problems, code)
    assert (problem.path, problem.line, problem.field) == ("notices/n1.csv", 7, field)
    assert "row 7" in problem.message.render("en") and says in problem.message.render("en") + (problem.hint.render("en") if problem.hint else "")


def test_empty_cells_exported_at_the_end_of_rows_are_ignored() -> None:
    site, problems = check_csv(("article,from,count,text,outcome,reason,,\n" + "第二条,网民,,x,adopted,,,,\n第三条,网民,2,y,noted\n").encode())
    assert problems == []
    assert [(s.article, s.count) for s in site.notices["n1"].suggestions] == [("art_2", 1), ("art_3", 2)]


def test_csv_header_problems() -> None:
    _, problems = check_csv("article,from,count,txt,outcome,reason\n第二条,网民,1,x,adopted,\n".encode())
    problem = only(problems, "csv-header")
    assert (problem.path, problem.line) == ("notices/n1.csv", 1)
    assert "txt" in problem.message.render("en") and "missing column(s) text" in problem.message.render("en") and "did you mean `text`" in (problem.hint.render("en") if problem.hint else "")


def test_chinese_headers_are_accepted() -> None:
    site, problems = check_csv("条文,来源,数量,意见,处理结果,理由\n第二条,网民,4,x,采纳,\n".encode())
    assert problems == []
    assert site.notices["n1"].suggestions[0].count == 4


def test_missing_csv_file_is_an_error_at_the_key() -> None:
    _, problems = check_csv(None)
    problem = only(problems, "missing-file")
    assert (problem.path, problem.line, problem.field) == ("notices/n1.md", 5, "suggestions_file")
    assert "notices/n1.csv" in problem.message.render("en")


@pytest.mark.parametrize("name", ["../../outside.csv", "/etc/passwd.csv", "n1.xlsx"])
def test_csv_outside_the_content_folder_or_not_csv_is_refused(name: str) -> None:
    text = csv_notice().replace("n1.csv", name)
    _, problems = check(text, {"outside.csv": HEADER.encode(), "notices/n1.xlsx": HEADER.encode()})
    assert only(problems, "missing-file").field == "suggestions_file"


def test_csv_in_no_known_encoding_is_an_error() -> None:
    _, problems = check_csv(HEADER.encode() + b"\x80\xff\x80\xff,x,1,x,adopted,\n")
    assert only(problems, "csv-encoding").path == "notices/n1.csv"


def test_yaml_and_csv_suggestions_are_combined() -> None:
    text = csv_notice().replace("suggestions_file", "suggestions:\n" + GOOD + "suggestions_file")
    site, problems = check(text, {"notices/n1.csv": (HEADER + ROWS).encode()})
    assert len(site.notices["n1"].suggestions) == 4
    assert site.notices["n1"].suggestions[0].path == "notices/n1.md"
    # GOOD and the CSV's first row are the same suggestion from the same point.
    problem = only(problems, "duplicate-suggestion")
    assert (problem.path, problem.line, problem.severity) == ("notices/n1.csv", 2, Severity.WARNING)
    assert "notices/n1.md:6" in problem.message.render("en")
    assert len(problems) == 1


def test_same_text_from_another_source_is_no_duplicate() -> None:
    _, problems = check(notice(GOOD + GOOD.replace("east-street", "网民").replace("建议扩大适用范围。", "建议扩大适用范围")))
    assert problems == []


# --- ids: the comments merged into a suggestion -----------------------------

ITEM = "- article: 第二条\n  from: 网民\n  count: {count}\n  text: {text}\n  outcome: adopted\n  ids: {ids}\n"


def item(ids: str, count: int = 2, text: str = "建议扩大适用范围。") -> str:
    return ITEM.format(ids=ids, count=count, text=text)


def test_ids_are_parsed_into_the_suggestion_and_absent_ids_are_empty() -> None:
    items = item("[7KQ2-M9XD-4TNB, mail-3f9a2c81]") + "- article: 第三条\n  from: 网民\n  text: 好。\n  outcome: noted\n"
    site, problems = check(notice(items))
    assert problems == []
    assert [s.ids for s in site.notices["n1"].suggestions] == [("7KQ2-M9XD-4TNB", "mail-3f9a2c81"), ()]


@pytest.mark.parametrize("column", ["ids", "意见编号"])
def test_ids_in_a_csv_cell_are_separated_by_spaces_or_semicolons(column: str) -> None:
    site, problems = check_csv((HEADER.rstrip("\n") + f",{column}\n" + "第二条,网民,3,x,adopted,,7KQ2-M9XD-4TNB; mail-3f9a2c81 comments.csv:7\n").encode())
    assert problems == []
    assert site.notices["n1"].suggestions[0].ids == ("7KQ2-M9XD-4TNB", "mail-3f9a2c81", "comments.csv:7")


@pytest.mark.parametrize("ids", ["7KQ2-M9XD-4TNB", "[7KQ2, {a: b}]", "[7KQ2, 12]", "[7KQ2, '']", "{a: b}"])
def test_ids_that_are_not_a_list_of_texts_are_an_error_at_their_line(ids: str) -> None:
    _, problems = check(notice(item(ids)))
    problem = only(problems, "bad-type")
    assert (problem.line, problem.field, problem.severity) == (11, "suggestions[0].ids", Severity.ERROR)
    assert "list of comment ids" in problem.message.render("en") and "7KQ2-M9XD-4TNB" in problem.hint.render("en")
    assert "意见编号" in problem.message.render("zh")


def test_the_same_id_under_two_suggestions_names_where_it_is_listed_first() -> None:
    items = item("[A1, B2]") + item("[C3, B2]", text="建议删除。")
    site, problems = check(notice(items))
    problem = only(problems, "duplicate-comment-id")
    assert (problem.path, problem.line, problem.field) == ("notices/n1.md", 17, "suggestions[1].ids")
    assert "B2" in problem.message.render("en") and "notices/n1.md:11" in problem.message.render("en")
    assert problem.is_error and len(site.notices["n1"].suggestions) == 1


def test_the_same_id_twice_in_one_suggestion_is_reported_once() -> None:
    _, problems = check(notice(item("[A1, A1, B2]", count=3)))
    assert only(problems, "duplicate-comment-id").field == "suggestions[0].ids"


def test_ids_in_a_csv_and_in_the_front_matter_are_one_notice() -> None:
    text = csv_notice().replace("suggestions_file", "suggestions:\n" + item("[A1]", count=1) + "suggestions_file")
    _, problems = check(text, {"notices/n1.csv": (HEADER.rstrip("\n") + ",ids\n" + "第三条,网民,1,y,adopted,,A1\n").encode()})
    problem = only(problems, "duplicate-comment-id")
    assert (problem.path, problem.line) == ("notices/n1.csv", 2)


@pytest.mark.parametrize(("count", "ok"), [(1, False), (2, True), (5, True)])
def test_count_smaller_than_the_number_of_ids_is_an_error_on_count(count: int, ok: bool) -> None:
    _, problems = check(notice(item("[A1, B2]", count=count)))
    if ok:
        assert problems == []
        return
    problem = only(problems, "ids-exceed-count")
    assert (problem.line, problem.field) == (8, "suggestions[0].count")
    assert "`count` is 1 but `ids` lists 2" in problem.message.render("en") and "at least 2" in problem.hint.render("en")


def test_ids_without_count_count_as_one() -> None:
    items = item("[A1, B2]").replace("  count: 2\n", "")
    _, problems = check(notice(items))
    problem = only(problems, "ids-exceed-count")
    assert (problem.line, problem.field) == (6, "suggestions[0].count")


# --- one notice per draft --------------------------------------------------------------


def test_a_second_notice_on_the_same_draft_is_an_error_naming_the_first() -> None:
    second = notice(GOOD).replace("id: n1", "id: n2")
    sources = [Source("drafts/d1.md", DRAFT), Source("points/east.md", POINT), Source("notices/n1.md", notice(GOOD)), Source("notices/n2.md", second)]
    site = gather(sources, Settings())
    problem = only(site.problems, "second-notice")
    assert (problem.path, problem.line, problem.field, problem.is_error) == ("notices/n2.md", 4, "concerns", True)
    assert "notices/n1.md" in problem.message.render("en") and "counted twice" in problem.message.render("en")


def test_notices_on_two_readings_are_no_second_notice() -> None:
    second_reading = DRAFT.replace("id: d1", "id: d2")
    second = notice(GOOD).replace("id: n1", "id: n2").replace("concerns: d1", "concerns: d2")
    sources = [Source("drafts/d1.md", DRAFT), Source("drafts/d2.md", second_reading), Source("points/east.md", POINT), Source("notices/n1.md", notice(GOOD)), Source("notices/n2.md", second)]
    site = gather(sources, Settings())
    assert [p for p in site.problems if p.code == "second-notice"] == []
    assert set(site.notices) == {"n1", "n2"}
