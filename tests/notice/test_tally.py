"""`lawsite tally`: rows checked against the draft, identical suggestions merged,
a notice skeleton that `lawsite check` accepts, and nothing overwritten."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawsite.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main
from lawsite.model import GENERAL, Outcome, Source
from lawsite.parse.document import parse_document
from lawsite.gather.site import load_site
from lawsite.tally import normalise, skeleton, tally_comments
from notice_samples import DRAFT, POINT

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

COMMENTS = """article,from,text,count
第二条,网民,建议扩大适用范围。,
第二条,网民,建议扩大适用范围 ,2
第2条,east-street,建议扩大适用范围。,
art_2-1,网民,建议删除。,
总体,网民,尽快出台！,
第三条,east-street,建议明确施行日期,3
"""


def draft():
    document, problems = parse_document(Source("drafts/d1.md", DRAFT))
    assert document is not None and not [p for p in problems if p.is_error]
    return document


def test_normalise_ignores_spaces_width_and_final_punctuation() -> None:
    assert normalise("建议扩大适用范围。") == normalise(" 建议扩大 适用范围 ") == normalise("建议扩大适用范围!")
    assert normalise("ＡＢＣ") == "abc"
    assert normalise("建议扩大适用范围") != normalise("建议缩小适用范围")


def test_identical_suggestions_are_merged_per_source_and_counted() -> None:
    result = tally_comments(COMMENTS.encode(), "c.csv", draft())
    assert result.problems == []
    assert result.encoding == "utf-8" and result.rows == 6
    assert [(e.article, e.source, e.count, e.rows) for e in result.entries] == [
        (GENERAL, "网民", 1, [6]),
        ("art_2", "网民", 3, [2, 3]),
        ("art_2", "east-street", 1, [4]),
        ("art_2-1", "网民", 1, [5]),
        ("art_3", "east-street", 3, [7]),
    ]
    assert result.entries[1].text == "建议扩大适用范围。"  # as first written
    assert result.comments == 9


@pytest.mark.parametrize(("encoding", "prefix", "name"), [("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("gbk", b"", "gbk")])
def test_tally_reads_bom_and_gbk(encoding: str, prefix: bytes, name: str) -> None:
    result = tally_comments(prefix + COMMENTS.replace("\n", "\r\n").encode(encoding), "c.csv", draft())
    assert result.encoding == name and result.problems == [] and result.comments == 9


@pytest.mark.parametrize(
    ("row", "code", "field"),
    [
        ("第九条,网民,x,", "unknown-article", "article"),
        ("第二款,网民,x,", "unknown-article", "article"),
        ("第二条,,x,", "missing-key", "from"),
        ("第二条,网民,,", "missing-key", "text"),
        ("第二条,网民,x,0", "bad-number", "count"),
        ("第二条,网民,x," + "7" * 5_000, "bad-number", "count"),  # int() refuses over 4,300 digits
        ("第二条,网民,x,²", "bad-number", "count"),  # str.isdigit() is true, int() refuses it
        ("第二条,网民,x,1,多余", "csv-cells", None),
    ],
)
def test_bad_rows_are_reported_with_their_row_number(row: str, code: str, field: str | None) -> None:
    result = tally_comments((COMMENTS + row + "\n").encode(), "c.csv", draft())
    assert [(p.code, p.line, p.field) for p in result.problems] == [(code, 8, field)]
    assert result.problems[0].message.render("en").startswith("row 8: ")


def test_bad_header_is_reported() -> None:
    result = tally_comments("条文,来源,意见,备注\n第二条,网民,x,y\n".encode(), "c.csv", draft())
    assert [(p.code, p.line) for p in result.problems] == [("csv-header", 1)]
    assert "备注" in result.problems[0].message.render("en")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "drafts").mkdir(parents=True)
    (tmp_path / "content" / "drafts" / "d1.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "content" / "east.md").write_text(POINT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\nplugins:\n  - lawsite\n", encoding="utf-8")
    (tmp_path / "comments.csv").write_bytes(COMMENTS.encode("gbk"))
    return tmp_path


def test_cli_writes_a_skeleton_that_check_accepts_and_never_overwrites(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(project / "mkdocs.yml")
    assert main(["-f", config, "tally", str(project / "comments.csv"), "--concerns", "d1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "read 6 comment row(s) as GBK: 9 comment(s) in 5 entries after merging" in out
    assert "  第二条\t4 comment(s), 2 entries" in out
    assert "  网民\t5 comment(s)" in out and "  east-street\t4 comment(s)" in out
    written = project / "content" / "notices" / "d1-feedback.md"
    site = load_site(project / "content")
    assert [p for p in site.problems if p.is_error] == []
    notice = site.notices["d1-feedback"]
    assert notice.received == 9 and {s.outcome for s in notice.suggestions} == {Outcome.PENDING}
    assert [s.article for s in notice.suggestions] == [GENERAL, "art_2", "art_2", "art_2-1", "art_3"]
    assert main(["-f", config, "check"]) == EXIT_OK
    before = written.read_bytes()
    assert main(["-f", config, "tally", str(project / "comments.csv"), "--concerns", "d1", "--out", str(project / "other.md"), "--id", "other"]) == EXIT_USAGE
    assert f"the draft d1 has a notice already: {written}" in capsys.readouterr().err
    assert written.read_bytes() == before and not (project / "other.md").exists()


def test_tally_twice_refuses_naming_the_notice_and_force_replaces_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(project / "mkdocs.yml")
    notices = project / "content" / "notices"
    assert main(["-f", config, "tally", str(project / "comments.csv"), "--concerns", "d1", "--id", "d1-first"]) == EXIT_OK
    first = notices / "d1-first.md"
    edited = first.read_text(encoding="utf-8").replace("outcome: pending", "outcome: noted").replace("concerns: d1\n", "concerns: d1\npublished: 2026-12-20\n")
    first.write_text(edited.split("\n---\n")[0] + "\n---\n\n编辑写的正文。\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["-f", config, "tally", str(project / "comments.csv"), "--concerns", "d1"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"the draft d1 has a notice already: {first}" in err and "add --force" in err
    assert sorted(p.name for p in notices.iterdir()) == ["d1-first.md"]  # no d1-feedback.md, no …-2.md
    assert main(["-f", config, "tally", str(project / "comments.csv"), "--concerns", "d1", "--force"]) == EXIT_OK
    assert f"replaced {first}" in capsys.readouterr().out
    assert sorted(p.name for p in notices.iterdir()) == ["d1-first.md"]  # replaced in its place, with its id
    replaced = first.read_text(encoding="utf-8")
    assert "id: d1-first" in replaced and "outcome: noted" not in replaced and "outcome: pending" in replaced
    assert "published: 2026-12-20" in replaced and replaced.endswith("\n---\n\n编辑写的正文。\n")  # what the editor wrote stays
    assert main(["-f", config, "check"]) == EXIT_OK


def test_cli_writes_nothing_when_a_row_is_wrong(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "comments.csv").write_text(COMMENTS + "第九条,网民,x,\n", encoding="utf-8")
    assert main(["-f", str(project / "mkdocs.yml"), "tally", str(project / "comments.csv"), "--concerns", "d1"]) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert "comments.csv:8 [article] error: row 8: d1 has no article `第九条`" in err
    assert not (project / "content" / "notices").exists()


def test_cli_refuses_an_unknown_draft(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(project / "mkdocs.yml"), "tally", str(project / "comments.csv"), "--concerns", "nope"]) == EXIT_USAGE
    assert "known: d1" in capsys.readouterr().err


# --- the collect format (lawsite intake export, lawsite collect) ---------------------

COLLECTED = """\ufeffid,channel,point,article,text,received,concerns
7KQ2-M9XD-4TNB,web,east-street,art_2,经联系点标牌提交的意见。,2026-12-01T10:00:00+08:00,d1
8KQ2-M9XD-4TNB,web,east-street,art_2,经联系点标牌提交的意见,2026-12-01T10:05:00+08:00,d1
9KQ2-M9XD-4TNB,web,,art_3,网上直接提交。,2026-12-01T10:06:00+08:00,d1
m-1f3a,mail,,总体,来信意见。,2026-12-01T11:00:00+08:00,d1
"""


def test_the_collect_format_counts_each_comment_for_its_contact_point() -> None:
    result = tally_comments(COLLECTED.encode(), "comments.csv", draft())
    assert result.problems == [] and result.rows == 4
    assert [(e.article, e.source, e.count, e.ids) for e in result.entries] == [
        (GENERAL, "来信", 1, ["m-1f3a"]),
        ("art_2", "east-street", 2, ["7KQ2-M9XD-4TNB", "8KQ2-M9XD-4TNB"]),  # the point's two identical comments, merged and credited to it
        ("art_3", "网民", 1, ["9KQ2-M9XD-4TNB"]),
    ]
    assert result.entries[1].outcome is Outcome.PENDING


def test_the_collect_format_without_an_article_is_reported_by_row() -> None:
    rows = COLLECTED + "p-3,paper,,,纸质意见未标条文。,2026-12-02T09:00:00+08:00,d1\n"
    result = tally_comments(rows.encode(), "comments.csv", draft())
    assert [(p.code, p.line, p.field) for p in result.problems] == [("unknown-article", 6, "article")]


def test_a_signs_comments_reach_the_ledgers_per_point_counts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "comments.csv").write_bytes(COLLECTED.encode())
    assert main(["-f", str(project / "mkdocs.yml"), "tally", str(project / "comments.csv"), "--concerns", "d1"]) == EXIT_OK
    assert "  east-street\t2 comment(s)" in capsys.readouterr().out
    site = load_site(project / "content")
    assert [p for p in site.problems if p.is_error] == []
    point = site.ledger.for_point("east-street")
    assert point is not None and point.tally.total == 2 and "d1" in point.consultations
    assert [s.ids for s in site.notices["d1-feedback"].suggestions if s.source == "east-street"] == [("7KQ2-M9XD-4TNB", "8KQ2-M9XD-4TNB")]
    # 上报 derived from the collect table: its rows per point, stated on the notice
    assert "forwarded:\n  east-street: 2\n" in (project / "content/notices/d1-feedback.md").read_text(encoding="utf-8")
    assert site.notices["d1-feedback"].forwarded == {"east-street": 2}


def test_a_point_the_site_does_not_know_gets_no_forwarded_line() -> None:
    rows = COLLECTED.replace("web,east-street,art_2", "web,west-street,art_2")
    result = tally_comments(rows.encode(), "comments.csv", draft())
    assert result.forwarded == {"west-street": 2}
    assert "forwarded" not in skeleton(draft(), result, "n1", points={"east-street"})


def test_tally_help_names_its_columns_and_the_header_row(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAWSITE_LANG")
    assert main(["tally", "--help"]) == EXIT_OK
    help_text = re.sub(r"\s+", "", capsys.readouterr().out)
    assert "第一行必须是表头" in help_text and "article,from,text[,count]" in help_text
    assert "id,channel,point,article,text,received" in help_text
    for column in ("组", "建议条文", "意见样例", "处理结果", "理由", "意见分组", "全部意见"):
        assert column in help_text
    assert "部分采纳、未采纳、留作研究必须写理由" in help_text and "--force" in help_text


def test_outcomes_and_reasons_already_decided_are_kept_in_english_or_chinese_headers() -> None:
    """A liaison's table with 处理结果 and 理由 filled in for some rows: those
    are kept, the rest stay pending; checked as the worksheet's are."""
    english = "article,from,text,count,outcome,reason\n第二条,网民,建议扩大适用范围。,2,adopted,\n第三条,网民,建议明确施行日期,,未采纳,上位法已有规定\n总体,网民,尽快出台！,,,\n"
    chinese = english.replace("article,from,text,count,outcome,reason", "条文,来源,意见,条数,处理结果,理由")
    for table in (english, chinese):
        result = tally_comments(table.encode(), "c.csv", draft())
        assert result.problems == []
        assert [(e.article, e.outcome, e.reason) for e in result.entries] == [
            (GENERAL, Outcome.PENDING, None), ("art_2", Outcome.ADOPTED, None), ("art_3", Outcome.NOT_ADOPTED, "上位法已有规定")]
    written = skeleton(draft(), tally_comments(english.encode(), "c.csv", draft()), "d1-feedback")
    assert "outcome: not-adopted" in written and "reason: 上位法已有规定" in written and "outcome: adopted" in written


@pytest.mark.parametrize(
    ("rows", "code", "field", "line"),
    [
        ("第二条,网民,x,,通过,\n", "unknown-outcome", "outcome", 2),
        ("第二条,网民,x,,partly,\n", "missing-reason", "reason", 2),
        ("第二条,网民,x,,noted,研究\n第二条,网民,x,,adopted,\n", "tally-outcome-differs", "outcome", 3),
    ],
)
def test_an_outcome_that_is_wrong_lacks_a_reason_or_disagrees_is_reported_by_row(rows: str, code: str, field: str, line: int) -> None:
    result = tally_comments(("article,from,text,count,outcome,reason\n" + rows).encode(), "c.csv", draft())
    assert [(p.code, p.field, p.line) for p in result.problems] == [(code, field, line)]
    if code == "tally-outcome-differs":
        assert "row 2" in result.problems[0].message.render("en")
