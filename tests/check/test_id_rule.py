"""One id rule (`lawsite.ids`), the same in `new`, `check`, `import`, the
file-name stand-in and the intake service; what `import` makes passes it."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawsite.cli import main
from lawsite.ids import MAX_ID_BYTES, as_id, id_problem
from lawsite.importer import doc_id, import_paths, unique_id
from lawsite.intake.submission import MAX_CHARS
from lawsite.model import Source
from lawsite.parse.document import parse_document

REPO = Path(__file__).resolve().parents[2]

GOOD = ["电动车", "电动车(2026)", "经济法-烟叶税法(2017-12-27)", "qingchuan-property-2026-r2", "a_b.c", "条例（草案）", "Ölgesetz"]
BAD = ["电动车 2026", "a,b", "[a]", "a:b", "a/b", "a#b", "a?b", "50%", "a&b", "\"a\"", "'a'", ".hidden", "a\u200bb", "汉" * 84, "《刑法》"]


def check_id(value: str) -> list[str]:
    """The codes `check` gives the front matter `id: value`."""
    _, problems = parse_document(Source("p.md", f"---\nkind: page\nid: {json.dumps(value, ensure_ascii=False)}\n---\n\n正文\n"))
    return [p.code for p in problems if p.field == "id"]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return tmp_path


@pytest.mark.parametrize("value", GOOD)
def test_ids_the_rule_allows_pass_check(value: str) -> None:
    assert id_problem(value) is None and check_id(value) == []


@pytest.mark.parametrize("value", BAD)
def test_ids_the_rule_refuses_are_refused_by_check_with_the_rule_as_hint(value: str) -> None:
    assert id_problem(value) is not None
    _, problems = parse_document(Source("p.md", f"---\nkind: page\nid: {json.dumps(value, ensure_ascii=False)}\n---\n\n正文\n"))
    (problem,) = [p for p in problems if p.field == "id"]
    assert problem.code == "bad-id" and problem.line == 3 and problem.is_error
    assert "汉字、字母、数字" in problem.hint.render("zh")  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["电动车", "电动车(2026)", "a b", "a,b", "《刑法》"])
def test_new_refuses_exactly_what_check_refuses(site: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    code = main(["new", "draft", "--title", "某某条例（草案）", "--id", value])
    err = capsys.readouterr().err
    if id_problem(value) is None:
        assert code == 0 and (site / "content" / "drafts" / f"{value}.md").is_file()
        assert main(["check"]) == 0
    else:
        assert code == 2 and "不能用作 id" in err and "汉字、字母、数字" in err, err


@pytest.mark.parametrize("name", ["物业 条例.md", "《刑法》.md"])
def test_a_file_name_standing_in_for_the_id_is_held_to_the_rule(name: str) -> None:
    _, problems = parse_document(Source(name, "正文\n"))
    assert [(p.code, p.field) for p in problems] == [("bad-id", "id")]
    assert "汉字、字母、数字" in problems[0].hint.render("zh")  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_whatever_a_name_is_the_id_made_of_it_passes_or_is_empty(name: str) -> None:
    made = as_id(name)
    assert made == "" or id_problem(made) is None
    assert id_problem(as_id(name, "-0a1b2c3d")) is None


def test_import_writes_ids_that_pass_check(tmp_path: Path) -> None:
    source = tmp_path / "经济法"
    source.mkdir()
    law = "# 中华人民共和国烟叶税法\n\n2017年12月27日 第十二届全国人民代表大会常务委员会第三十一次会议通过\n\n<!-- INFO END -->\n\n第一条　内容。\n"
    for name in ("烟叶税法(2017-12-27).md", "《烟叶》税法 , 修正.md"):
        (source / name).write_text(law, encoding="utf-8")
    result = import_paths([source], tmp_path / "laws")
    assert len(result.written) == 2 and not result.problems
    ids = []
    for path in result.written:
        document, problems = parse_document(Source(path.name, path.read_text(encoding="utf-8")))
        assert document is not None and not [p for p in problems if p.field == "id"]
        ids.append(document.id)
    assert sorted(ids) == ["经济法-烟叶-税法-修正", "经济法-烟叶税法(2017-12-27)"]


def test_two_paths_that_make_one_id_keep_apart() -> None:
    taken: set[str] = set()
    first = unique_id("司法解释/最高人民法院  最高人民检察院关于x.md", taken)
    second = unique_id("司法解释/最高人民法院、最高人民检察院关于x.md", taken)
    assert first == "司法解释-最高人民法院-最高人民检察院关于x" and second.startswith(first + "-") and id_problem(second) is None
    assert unique_id("司法解释/最高人民法院、最高人民检察院关于x.md", set()) == first  # alone, a source keeps the plain id


def test_every_corpus_path_makes_an_id_that_passes(corpus: Path) -> None:
    paths = [line.split("\t")[0] for line in (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    taken: set[str] = set()
    ids = [unique_id(path, taken) for path in paths]
    assert len(set(ids)) == len(paths) and all(id_problem(i) is None for i in ids)
    assert doc_id("经济法/烟叶税法(2017-12-27).md") in ids


def test_the_intake_service_takes_any_id_the_rule_allows() -> None:
    assert MAX_CHARS["doc"] >= MAX_ID_BYTES and MAX_CHARS["point"] >= MAX_ID_BYTES
