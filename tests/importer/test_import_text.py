"""`lawsite import` of plain text: as the national database exports it and as
people paste it, in every encoding and line end offices produce."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importer.imported import import_one
from lawsite.cli import main

# The national database's layout: title, bracketed history, 目录, spaced chapter
# lines, two U+3000 of indentation, one paragraph per line.
DATABASE = """中华人民共和国测试法
（2010年8月28日第十一届全国人民代表大会常务委员会第十六次会议通过　根据2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议《关于修改〈中华人民共和国测试法〉的决定》修正）

目　　录

第一章　总　　则
第二章　测试活动
　第一节　一般规定
第三章　附　　则

第一章　总　　则
　　第一条　为了规范测试活动，制定本法。
　　第二条　本法所称测试，是指下列活动：
　　（一）抽样；
　　（二）检验。
　　前款所列活动，适用本法。
第二章　测试活动
第一节　一般规定
　　第三条　第二章规定的活动，由测试机构实施。
第三章　附　　则
　　第四条　本法自2011年1月1日起施行。
"""

LABELS = ["第一条", "第二条", "第三条", "第四条"]


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(DATABASE.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + DATABASE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(DATABASE.encode("gbk"), id="gbk"),
        pytest.param(DATABASE.replace("\n", "\r\n").encode("gbk"), id="gbk-crlf"),
        pytest.param(b"\xef\xbb\xbf" + DATABASE.replace("\n", "\r\n").encode("utf-8"), id="utf-8-bom-crlf"),
        pytest.param(DATABASE.encode("utf-16"), id="utf-16-bom"),
    ],
)
def test_the_database_layout_in_every_encoding(tmp_path: Path, encoded: bytes) -> None:
    got = import_one(write(tmp_path / "src" / "测试法.txt", encoded), tmp_path)
    assert got.result.problems == [] and got.check_problems == []
    document = got.document
    assert document is not None and document.title == "中华人民共和国测试法"
    assert document.meta["adopted"] == dt.date(2010, 8, 28)
    assert document.meta["amended"] == [dt.date(2015, 4, 24)]
    assert [e["type"] for e in document.meta["events"]] == ["passed", "amended"]
    # 目录 dropped; spaced titles closed up; 节 inside 章; a line opening with 第二章规定的… stays text.
    assert got.divisions() == [("第一章", "总则"), ("第二章", "测试活动"), ("第一节", "一般规定"), ("第三章", "附则")]
    assert [a.label for a in got.articles] == LABELS
    assert got.items("第二条") == ["抽样；", "检验。"]
    assert got.paragraphs("第二条") == ["本法所称测试，是指下列活动：", "前款所列活动，适用本法。"]
    assert got.paragraphs("第三条") == ["第二章规定的活动，由测试机构实施。"]
    written = got.result.written[0]
    assert written.name == "测试法.md" and "目　　录" not in written.read_text(encoding="utf-8")


def test_several_dated_events_in_one_bracket_over_two_lines(tmp_path: Path) -> None:
    text = ("某某法\n（1989年12月26日第七届全国人民代表大会常务委员会第十一次会议通过\n"
            "2014年4月24日第十二届全国人民代表大会常务委员会第八次会议修订）\n第一条　正文。\n")  # fmt: skip
    got = import_one(write(tmp_path / "src" / "某某法.txt", text.encode("utf-8")), tmp_path)
    assert got.document is not None
    assert got.document.meta["adopted"] == dt.date(1989, 12, 26)
    assert got.document.meta["revised"] == [dt.date(2014, 4, 24)]
    assert [a.label for a in got.articles] == ["第一条"]


def test_parts_put_chapters_one_level_down(tmp_path: Path) -> None:
    text = "某某法典\n第一编　总　　则\n第一章　基本规定\n第一条　正文。\n第二编　分　　则\n第二章　一般规定\n第二条　正文。\n"
    got = import_one(write(tmp_path / "src" / "法典.txt", text.encode("utf-8")), tmp_path)
    body = got.result.written[0].read_text(encoding="utf-8")
    assert "## 第一编 总则\n" in body and "### 第一章 基本规定\n" in body
    assert got.divisions() == [("第一编", "总则"), ("第一章", "基本规定"), ("第二编", "分则"), ("第二章", "一般规定")]


def test_markdown_characters_at_a_line_start_stay_text(tmp_path: Path) -> None:
    text = "某某规定\n第一条　正文：\n# 不是标题\n<b>不是标签</b>\n- 不是列表\n"
    got = import_one(write(tmp_path / "src" / "规定.txt", text.encode("utf-8")), tmp_path)
    assert got.paragraphs("第一条") == ["正文：", "\\# 不是标题", "\\<b>不是标签</b>", "\\- 不是列表"]


def test_what_could_not_be_read_is_reported_by_file_and_line(tmp_path: Path) -> None:
    text = "第一条　没有标题。\n第三条　少了第二条。\n"
    source = write(tmp_path / "src" / "无题.txt", text.encode("utf-8"))
    got = import_one(source, tmp_path)
    assert got.document is not None and got.document.title == "无题"
    assert got.problem("import-no-title").path == str(source)
    gap = got.problem("article-gap")
    assert (gap.path, gap.line) == (str(source), 2)


def test_a_text_without_articles_is_said_to_be_one(tmp_path: Path) -> None:
    got = import_one(write(tmp_path / "src" / "通知.txt", "某某通知\n各单位：\n请遵照执行。\n".encode("utf-8")), tmp_path)
    assert got.codes == ["import-no-articles"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(b"\xff\xfe\x00\xd8", "import-encoding", id="broken-utf-16"),
        pytest.param(b"\x00\x01\x02binary", "import-not-text", id="binary"),
    ],
)
def test_files_that_are_not_text(tmp_path: Path, data: bytes, code: str) -> None:
    source = write(tmp_path / "src" / "坏.txt", data)
    got = import_one(source, tmp_path)
    assert got.codes == [code] and got.result.written == []


def test_a_draft_from_text_and_the_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    source = write(tmp_path / "src" / "测试法.txt", DATABASE.encode("gbk"))
    into = tmp_path / "content" / "drafts"
    assert main(["import", str(source), "--into", str(into), "--kind", "draft"]) == 0
    written = (into / "src" / "测试法.md").read_text(encoding="utf-8")
    assert written.startswith("---\nkind: draft") and "\ncomments:" in written
    assert "1 file(s) written" in capsys.readouterr().out
    bad = write(tmp_path / "src2" / "坏.txt", b"\x00")
    assert main(["import", str(bad), "--into", str(into)]) == 1
