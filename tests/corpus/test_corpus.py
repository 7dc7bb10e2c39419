"""The legal parser against 1,564 real laws and their MANIFEST.tsv.

Each file's corpus preamble (title, history) up to ``<!-- INFO END -->`` is
stripped; the body is parsed with its real first line. Rules per manifest flag:

* clean (no flags): article count, first and last number equal the manifest,
  and the parser reports no problem at all.
* ``no_articles``: zero articles (amendment texts numbered 一、二、, cases,
  standards) — everything is kept as prose.
* ``starts_at_N``: the first article is N, the count is the manifest's, and
  starting above 1 is not warned about.
* ``inserted_zhi``: the count includes the 第N条之M articles (so it exceeds
  last − first + 1), they have ids ``art_N-M``, and none is warned about.
* ``gap``: the count equals the manifest's and an ``article-gap`` warning is
  reported — except for the files in `MANIFEST_WRONG`, where the manifest's
  reference script missed tolerated heads; there the count is ours, the
  numbering is continuous, and the tolerance warnings are reported instead.
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from lawsite.model import LegalText, Problem
from lawsite.parse.legal import parse_legal_text

pytestmark = pytest.mark.corpus

INFO_END = "<!-- INFO END -->"

# path -> (our article count, warning codes expected, why the manifest is wrong)
MANIFEST_WRONG: dict[str, tuple[int, set[str], str]] = {
    "诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md": (
        308, {"label-stray-space"}, "line 639 `第一百二十八 条侦查人员…` has a stray space; the manifest skips it"),
    "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md": (
        655, {"label-stray-space"}, "四 heads `第一百二十四 条` … `第四百一十四 条` have a stray space"),
    "民法商法/农民专业合作社法(2017-12-27).md": (
        74, {"label-typo"}, "line 333 is `笫五十四条` (typo 笫 for 第); the manifest skips it"),
    "行政法规/飞行基本规则(2007-10-18).md": (
        124, {"articles-run-together"},
        "articles run together on 12 lines; the manifest counts only line starts, and even its last number "
        "(121) is wrong: the text ends with 第一百二十四条 本规则自2001年8月1日零时起施行"),
}  # fmt: skip


@dataclass
class Parsed:
    row: dict[str, str]
    legal: LegalText
    problems: list[Problem]

    @property
    def numbers(self) -> list[int]:
        return [a.number for a in self.legal.articles]


def split_preamble(text: str) -> tuple[str, int]:
    """The body after the corpus preamble and the file line it starts on."""
    at = text.find(INFO_END)
    if at < 0:
        return text, 1
    end = text.find("\n", at)
    if end < 0:
        return "", text.count("\n") + 2
    return text[end + 1 :], text.count("\n", 0, end) + 2


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, Parsed]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = {row["path"]: (corpus / "laws" / row["path"]).read_text(encoding="utf-8") for row in rows}
    started = time.perf_counter()
    result: dict[str, Parsed] = {}
    for row in rows:
        body, first_line = split_preamble(texts[row["path"]])
        legal, problems = parse_legal_text(body, path=row["path"], first_line=first_line)
        result[row["path"]] = Parsed(row, legal, problems)
    elapsed = time.perf_counter() - started
    size = sum(len(t.encode()) for t in texts.values()) / 1e6
    print(f"\nparsed {len(rows)} files ({size:.1f} MB) in {elapsed:.2f} s")
    return result


def _of(parsed: dict[str, Parsed], flag: str | None) -> list[Parsed]:
    return [p for p in parsed.values() if (flag is None and not p.row["flags"]) or (flag and flag in p.row["flags"])]


def test_all_files_parsed(parsed: dict[str, Parsed]) -> None:
    assert len(parsed) == 1564
    assert sum(len(p.legal.articles) for p in parsed.values()) >= 64670


def test_clean_files_agree_with_manifest(parsed: dict[str, Parsed]) -> None:
    clean = _of(parsed, None)
    assert len(clean) > 1400
    wrong = [
        (p.row["path"], p.row["articles"], len(p.numbers))
        for p in clean
        if (len(p.numbers), p.numbers[0] if p.numbers else 0, p.numbers[-1] if p.numbers else 0)
        != (int(p.row["articles"]), int(p.row["first"]), int(p.row["last"]))
    ]
    assert wrong == []
    assert [(p.row["path"], p.problems[0]) for p in clean if p.problems] == []


def test_no_articles(parsed: dict[str, Parsed]) -> None:
    files = _of(parsed, "no_articles")
    assert len(files) == 130
    assert [p.row["path"] for p in files if p.legal.articles] == []
    assert all(p.legal.children for p in files), "the text is kept as prose"


def test_starts_at_n(parsed: dict[str, Parsed]) -> None:
    files = _of(parsed, "starts_at_")
    assert len(files) == 16
    for p in files:
        start = int(p.row["flags"].split("starts_at_")[1].split(",")[0])
        assert p.numbers[0] == start, p.row["path"]
        assert len(p.numbers) == int(p.row["articles"]), p.row["path"]
        assert "article-order" not in {pr.code for pr in p.problems}


def test_inserted_zhi(parsed: dict[str, Parsed]) -> None:
    (criminal_law,) = _of(parsed, "inserted_zhi")
    articles = criminal_law.legal.articles
    inserted = [a for a in articles if a.sub]
    assert len(articles) == int(criminal_law.row["articles"]) == 505
    assert len(inserted) == 505 - 452 and articles[-1].number == 452
    assert "art_133-1" in {a.id for a in inserted}
    repealed = [a.label for a in articles if a.repealed]
    assert "第一百九十九条" in repealed
    assert criminal_law.problems == []


def test_gap_files(parsed: dict[str, Parsed]) -> None:
    files = _of(parsed, "gap")
    assert len(files) == 5
    for p in files:
        codes = {pr.code for pr in p.problems}
        if p.row["path"] in MANIFEST_WRONG:
            continue
        assert len(p.numbers) == int(p.row["articles"]), p.row["path"]
        assert "article-gap" in codes, p.row["path"]


@pytest.mark.parametrize("path", sorted(MANIFEST_WRONG))
def test_files_where_the_manifest_is_wrong(parsed: dict[str, Parsed], path: str) -> None:
    count, codes, _why = MANIFEST_WRONG[path]
    p = parsed[path]
    assert len(p.numbers) == count and p.numbers == list(range(1, count + 1))
    assert {pr.code for pr in p.problems} == codes
    assert all(pr.line is not None and pr.line > 1 for pr in p.problems)


def test_problem_lines_point_at_the_head(corpus: Path, parsed: dict[str, Parsed]) -> None:
    """Lines are real file lines (the preamble offset is applied)."""
    path = "民法商法/农民专业合作社法(2017-12-27).md"
    (problem,) = parsed[path].problems
    lines = (corpus / "laws" / path).read_text(encoding="utf-8").split("\n")
    assert lines[problem.line - 1].startswith("笫五十四条")


# Every separator after a head's label removed (第一条　为了… → 第一条为了…), as
# copied and OCR'd texts have it; captions in brackets keep theirs.
_SEPARATOR = re.compile(r"^(第[一二三四五六七八九十百千零〇两]+条(?:之[一二三四五六七八九十]+)?)[ \u3000\u00a0\u2002\t]+(?![（(【〔〖\[])", re.M)


def test_clean_files_read_the_same_without_separators(corpus: Path, parsed: dict[str, Parsed]) -> None:
    def shape(legal: LegalText) -> list[tuple]:
        return [(a.label, a.caption, a.plain_text()) for a in legal.articles]

    clean = _of(parsed, None)
    differ: list[str] = []
    for p in clean:
        body, first_line = split_preamble((corpus / "laws" / p.row["path"]).read_text(encoding="utf-8"))
        tight, problems = parse_legal_text(_SEPARATOR.sub(r"\1", body), path=p.row["path"], first_line=first_line)
        if shape(tight) != shape(p.legal) or problems:
            differ.append(p.row["path"])
    assert differ == []
