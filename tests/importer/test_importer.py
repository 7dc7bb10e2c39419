"""`lawsite import`: corpus-style headers → front matter; file handling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from lawsite.cli import main
from lawsite.importer import convert, doc_id, event_type, import_paths, parse_header
from lawsite.model import Kind, Source
from lawsite.parse.document import parse_document

pytestmark = pytest.mark.usefixtures("english")  # asserts on English texts

CRIMINAL = """# 中华人民共和国刑法

1979年7月1日 第五届全国人民代表大会第二次会议通过

1997年3月14日 第八届全国人民代表大会第五次会议修订

1999年12月25日 第九届全国人民代表大会常务委员会第十三次会议通过的《中华人民共和国刑法修正案》

<!-- INFO END -->

## 第一章 刑法的任务

第一条 为了惩罚犯罪，保护人民，制定本法。
"""

CIVIL_PART = """# 中华人民共和国民法典

# 人格权编

2020年5月28日 第十三届全国人民代表大会第三次会议通过

2021年1月1日 施行

<!-- INFO END -->

## 第一章  一般规定

第九百八十九条 本编调整因人格权的享有和保护产生的民事关系。
"""

WRAPPED = """# 中华人民共和国代表法

1992年4月3日 第七届全国人民代表大会第五次会议通过

2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改<中华人民共和国地方组织法>

<中华人民共和国代表法>的决定》第三次修正

<!-- INFO END -->

第一条 为了保证代表依法行使职权，制定本法。
"""

INTERPRETATION = """# 最高人民法院关于某问题的批复

法释〔2021〕11号

2021年5月31日 最高人民法院审判委员会第1840次会议通过

2021年6月3日 施行

<!-- INFO END -->

第一条 批复内容。
"""

REGULATION = """# 上海航运交易所管理规定

1996年9月19日 经国务院批准　

1996年10月3日 中华人民共和国交通部令第8号发布　

<!-- INFO END -->

第一条 为了加强管理，制定本规定。
"""

TWO_ON_ONE_LINE = """# 人民检察院组织规则

1998年12月16日 检察委员会第二十一次会议第一次修订  2012年10月16日检察委员会第八十次会议第二次修订）

<!-- INFO END -->

第一条 规则。
"""


def front(converted: str) -> dict:
    return yaml.safe_load(converted.split("---\n")[1])


def test_events_of_a_law_passed_revised_and_amended() -> None:
    converted, problems = convert(CRIMINAL, "刑法/刑法.md", "刑法")
    assert problems == [] and converted is not None
    data = front(converted)
    assert data["kind"] == "law" and data["id"] == "刑法-刑法" and data["category"] == "刑法"
    assert data["title"] == "中华人民共和国刑法"
    assert data["adopted"] == dt.date(1979, 7, 1)
    assert data["revised"] == [dt.date(1997, 3, 14)]
    # Passing another act (a 修正案) amends this one.
    assert data["amended"] == [dt.date(1999, 12, 25)]
    assert [e["type"] for e in data["events"]] == ["passed", "revised", "amended"]
    assert data["events"][0] == {"date": dt.date(1979, 7, 1), "type": "passed", "text": "1979年7月1日 第五届全国人民代表大会第二次会议通过"}
    assert "&id" not in converted  # dates written out, not as YAML aliases


def test_body_is_kept_unchanged_after_info_end() -> None:
    converted, _ = convert(CRIMINAL, "刑法/刑法.md", "刑法")
    assert converted is not None
    assert converted.split("---\n", 2)[2] == CRIMINAL.split("<!-- INFO END -->\n")[1]


def test_civil_code_part_joins_its_part_to_the_title() -> None:
    converted, _ = convert(CIVIL_PART, "民法典/人格权编.md", "民法典")
    data = front(converted or "")
    assert data["title"] == "中华人民共和国民法典·人格权编"
    assert data["id"] == "民法典-人格权编"
    assert data["adopted"] == dt.date(2020, 5, 28) and data["effective"] == dt.date(2021, 1, 1)


def test_wrapped_event_line_is_joined_to_its_event() -> None:
    header, _ = parse_header(WRAPPED, "x.md")
    assert header is not None
    assert [e.type for e in header.events] == ["passed", "amended"]
    assert header.events[1].text.endswith("<中华人民共和国代表法>的决定》第三次修正")
    assert header.notes == []


def test_undated_lines_are_kept_as_notes() -> None:
    converted, _ = convert(INTERPRETATION, "司法解释/批复.md", "司法解释")
    data = front(converted or "")
    assert data["notes"] == ["法释〔2021〕11号"]
    assert data["effective"] == dt.date(2021, 6, 3)


def test_approved_and_issued_regulation() -> None:
    header, _ = parse_header(REGULATION, "x.md")
    assert header is not None
    assert [(e.date, e.type) for e in header.events] == [(dt.date(1996, 9, 19), "approved"), (dt.date(1996, 10, 3), "promulgated")]


def test_two_events_on_one_line_are_split() -> None:
    header, _ = parse_header(TWO_ON_ONE_LINE, "x.md")
    assert header is not None
    assert [(e.date.year, e.type) for e in header.events] == [(1998, "revised"), (2012, "revised")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2019年12月30日 施行", "effective"),
        ("2006年4月1日 起生效）", "effective"),
        ("1994年10月27日 印发，根据", "promulgated"),
        ("2022年3月24日 《国家市场监督管理总局关于修改和废止有关规章的决定》修改", "amended"),
        ("2018年9月3日 最高人民法院审判委员会第1747次会议", "other"),
    ],
)
def test_event_type_by_the_last_verb(line: str, expected: str) -> None:
    assert event_type(line) == expected


def test_missing_info_end_is_a_problem() -> None:
    converted, problems = convert("# 某法\n\n第一条 正文。\n", "a/b.md", "a")
    assert converted is None
    assert [p.code for p in problems] == ["no-info-end"]


def test_missing_title_is_a_problem() -> None:
    converted, problems = convert("2020年1月1日 施行\n\n<!-- INFO END -->\n\n第一条 正文。\n", "a/b.md", "a")
    assert converted is None and [p.code for p in problems] == ["no-title"]


def test_ids_are_path_derived_and_usable() -> None:
    assert doc_id("司法解释/最高人民法院 最高人民检察院关于（三）(2020-09-12).md") == "司法解释-最高人民法院-最高人民检察院关于（三）(2020-09-12)"


def test_imported_file_passes_the_schema() -> None:
    converted, _ = convert(CRIMINAL, "刑法/刑法.md", "刑法")
    document, problems = parse_document(Source("laws/刑法/刑法.md", converted or ""))
    assert problems == []
    assert document is not None and document.kind is Kind.LAW
    assert document.meta["amended"] == [dt.date(1999, 12, 25)]
    assert document.meta["events"][1]["type"] == "revised"
    assert document.legal is not None and [a.label for a in document.legal.articles] == ["第一条"]


def test_schema_reports_a_bad_event_type() -> None:
    text = "---\nkind: law\ntitle: 某法\nevents:\n  - {date: 2020-01-01, type: pased}\n---\n第一条 正文。\n"
    _, problems = parse_document(Source("a.md", text))
    assert [(p.code, p.line, p.field) for p in problems] == [("bad-event-type", 5, "events[0].type")]


# --- files ------------------------------------------------------------------------


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "刑法").mkdir(parents=True)
    (root / "民法典").mkdir()
    (root / "刑法" / "刑法.md").write_text(CRIMINAL, encoding="utf-8")
    (root / "民法典" / "人格权编.md").write_text(CIVIL_PART, encoding="utf-8")
    (root / "民法典" / "坏编码.md").write_bytes(CRIMINAL.encode("gb18030"))
    (root / "民法典" / "无结尾.md").write_text("# 某法\n\n第一条 正文。\n", encoding="utf-8")
    return root


def test_import_keeps_folders_as_categories_and_reports_unreadable(sources: Path, tmp_path: Path) -> None:
    into = tmp_path / "content" / "laws"
    result = import_paths([sources], into)
    assert sorted(p.relative_to(into).as_posix() for p in result.written) == ["刑法/刑法.md", "民法典/人格权编.md"]
    assert sorted((Path(p.path).name, p.code) for p in result.problems) == [("坏编码.md", "not-utf8"), ("无结尾.md", "no-info-end")]
    assert front((into / "民法典" / "人格权编.md").read_text(encoding="utf-8"))["category"] == "民法典"


def test_import_of_a_category_folder_gives_the_same_paths(sources: Path, tmp_path: Path) -> None:
    into = tmp_path / "laws"
    import_paths([sources / "刑法"], into)
    assert (into / "刑法" / "刑法.md").is_file()


def test_import_never_overwrites_without_force(sources: Path, tmp_path: Path) -> None:
    into = tmp_path / "laws"
    target = into / "刑法" / "刑法.md"
    target.parent.mkdir(parents=True)
    target.write_text("edited by hand", encoding="utf-8")
    result = import_paths([sources / "刑法"], into)
    assert result.skipped == [target] and target.read_text(encoding="utf-8") == "edited by hand"
    assert [p.code for p in result.problems] == ["exists"]
    result = import_paths([sources / "刑法"], into, force=True)
    assert result.written == [target] and target.read_text(encoding="utf-8").startswith("---\nkind: law\n")


def test_cli_import_reports_and_exits_1_on_unreadable(sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(sources), "--into", str(tmp_path / "laws")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "2 file(s) written" in out and "2 could not be read" in out
    assert "坏编码.md" in err and "not-utf8" in err and "无结尾.md" in err
    assert main(["import", str(sources / "刑法"), "--into", str(tmp_path / "laws")]) == 0
    out, err = capsys.readouterr()
    assert "1 left as they were" in out and "--force" in err


def test_cli_import_of_a_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["import", str(tmp_path / "nope"), "--into", str(tmp_path / "laws")]) == 2
