"""Hostile ids, links, cycles, numbers, invisible characters, dates, theme names
and CSV files (issue 16): each class with its reproducer, a property test, and
the issue's resource bound — a hostile file checked in ≤ 2 s of CPU and in a
process limited to 200 MB of address space (`hostile.bounds`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile.bounds import check_bounded, run_bounded, site_with
from lawsite.consultation import consultation_at
from lawsite.model import Source
from lawsite.numerals import to_chinese, to_int
from lawsite.emit.feeds import draft_feed_path, timestamp
from lawsite.emit.opendata import document_path
from lawsite.emit.poster import poster_uri
from lawsite.ids import MAX_ID_BYTES
from lawsite.parse.document import parse_document
from lawsite.parse.legal import INVISIBLE, MAX_ARTICLE, parse_head, parse_legal_text
from lawsite.parse.schema import FIRST_DATE, LAST_DATE, file_name_of, theme_file
from lawsite.plan import redline_src
from lawsite.settings import Settings
from lawsite.gather.site import MAX_READINGS, gather, load_site

DRAFT = "---\nkind: draft\nid: d\n---\n\n第一条　内容。\n\n第二条　内容。\n"
NOTICE = "---\nkind: notice\nid: n\nconcerns: d\nsuggestions_file: s.csv\n---\n"


def codes(problems: list[tuple]) -> set[str]:
    return {p[3] for p in problems}


def one(problems: list[tuple], code: str) -> tuple:
    found = [p for p in problems if p[3] == code]
    assert found, problems
    return found[0]


def _doc(text: str, path: str = "d.md"):
    return parse_document(Source(path, text))


# --- 1. ids --------------------------------------------------------------------------

ID_REPRODUCERS = ["..", ".", "../../../tmp/x", "a/b", "a\\b", "a\x00b", "x" * 300, "é" * 130, "a\u200bb", ".hidden"]


@pytest.mark.parametrize("bad", ID_REPRODUCERS)
def test_a_bad_id_is_refused_with_field_line_and_hint(bad: str) -> None:
    document, problems = _doc(f"---\nkind: page\nid: {json.dumps(bad)}\n---\n\n正文\n", "p.md")
    (problem,) = [p for p in problems if p.code == "bad-id"]
    assert (problem.path, problem.line, problem.field) == ("p.md", 3, "id") and problem.hint and problem.is_error
    assert document is not None and document.id == "p"


@pytest.mark.parametrize("name", ["...md", "x" * 252 + ".md", "a\u200bb.md", "..md/index.md"])
def test_a_file_name_that_cannot_be_an_id_is_refused(name: str) -> None:
    problems = [p for p in _doc("正文\n", name)[1] if p.code == "bad-id"]
    assert [p.field for p in problems] == ["id"]


def _single_name(uri: str, folder: str) -> bool:
    return posixpath.dirname(posixpath.normpath(uri)) == folder and len(posixpath.basename(uri).encode("utf-8", "surrogatepass")) <= 255


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=300))
@example("..")
@example("../../etc/passwd")
@example("x" * 300)
def test_any_id_is_refused_or_one_file_name_and_writers_never_leave_their_folder(raw: str) -> None:
    document, problems = _doc(f"---\nkind: draft\nid: {json.dumps(raw, ensure_ascii=False)}\n---\n\n第一条　内容。\n")
    if document is None:  # not even YAML (a lone surrogate, U+FFFE…): refused as such
        assert any(p.is_error for p in problems)
    elif not [p for p in problems if p.field == "id"]:
        assert file_name_of(document.id) == document.id and len(document.id.encode()) <= MAX_ID_BYTES
    # Whatever reaches a writer, even an id `check` refuses, stays one name in its folder.
    document = _doc(DRAFT)[0]
    assert document is not None
    document.id = raw
    assert _single_name(document_path(document.id), "data/documents")
    assert _single_name(draft_feed_path(document), "feeds")
    assert _single_name(redline_src(document), posixpath.dirname(redline_src(document)))
    assert posixpath.normpath(poster_uri(document)).count("/") == poster_uri(document).count("/")


def test_bad_ids_checked_within_the_bounds(tmp_path: Path) -> None:
    files = {f"p{i}.md": f"---\nid: {json.dumps(bad)}\n---\n\n正文\n" for i, bad in enumerate(ID_REPRODUCERS)}
    problems = check_bounded(site_with(tmp_path, files)).problems
    assert sorted(p[0] for p in problems if p[3] == "bad-id") == sorted(files)
    assert all(p[1] == 2 and p[2] == "id" for p in problems if p[3] == "bad-id")


# --- 2. links in content/ ----------------------------------------------------------------


def _link_tree(root: Path) -> Path:
    content = root / "content"
    (content / "sub").mkdir(parents=True)
    (root / "outside").mkdir()
    (root / "outside" / "secret.md").write_text("# secret\n", encoding="utf-8")
    (content / "a.md").write_text("# a\n", encoding="utf-8")
    os.symlink("..", content / "sub" / "up")  # an ancestor
    os.symlink(".", content / "self")
    os.symlink("loop2", content / "loop1")  # a circle of links
    os.symlink("loop1", content / "loop2")
    os.symlink("loop1", content / "loop.md")
    os.symlink("../outside", content / "out")  # a folder out of the tree
    os.symlink("../outside/secret.md", content / "secret.md")  # a file out of the tree
    os.symlink("missing.md", content / "gone.md")
    return content


def test_link_loops_ancestors_and_ways_out_are_each_refused(tmp_path: Path) -> None:
    _link_tree(tmp_path)
    problems = check_bounded(site_with(tmp_path, {})).problems
    by_path = {p[0]: p[3] for p in problems}
    assert by_path == {
        "sub/up": "link-loop", "self": "link-loop", "loop1": "link-broken", "loop2": "link-broken",
        "loop.md": "link-broken", "out": "link-outside", "secret.md": "link-outside", "gone.md": "link-broken",
    }  # fmt: skip
    assert all(p[4] for p in problems)


def test_the_build_refuses_links_before_mkdocs_walks_them(tmp_path: Path) -> None:
    _link_tree(tmp_path)
    run = run_bounded(site_with(tmp_path, {}), "build", "-d", str(tmp_path / "site"))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "sub/up" in run.stderr and "link-loop" in run.stderr
    assert not (tmp_path / "site").exists()


_TARGETS = ["..", ".", "../..", "sub", "a.md", "sub/b.md", "nowhere", "l0", "l1", "l2", "../../outside", "../outside/x.md", "/etc"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["l0", "l1", "l2", "sub/l3", "l4.md", "sub/l5.md"]), st.sampled_from(_TARGETS)), max_size=6, unique_by=lambda t: t[0]))
def test_any_links_are_reported_and_nothing_outside_is_read(links: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = root / "content"
        (content / "sub").mkdir(parents=True)
        (root / "outside").mkdir()
        (root / "outside" / "x.md").write_text("---\nid: stolen\n---\n", encoding="utf-8")
        (content / "a.md").write_text("# a\n", encoding="utf-8")
        (content / "sub" / "b.md").write_text("# b\n", encoding="utf-8")
        for name, target in links:
            os.symlink(target, content / name)
        site = load_site(content, Settings())
        reported = {p.path for p in site.problems if p.code and p.code.startswith("link-")}
        assert "stolen" not in site.documents
        for name, _ in links:
            path = content / name
            harmless = path.is_file() and path.resolve().is_relative_to(content.resolve())
            assert harmless or name in reported, (name, site.problems)


# --- 3. previous: cycles ---------------------------------------------------------------


def _reading(doc_id: str, previous: str | None, kind: str = "draft") -> Source:
    prev = f"previous: {previous}\n" if previous else ""
    return Source(f"{doc_id}.md", f"---\nkind: {kind}\nid: {doc_id}\n{prev}---\n\n第一条　内容。\n")


@pytest.mark.parametrize(
    "chain, code, named",
    [
        ([("a", "a")], "self-reference", "a"),
        ([("a", "b"), ("b", "a")], "readings-cycle", "a → b → a"),
        ([("z", "a"), ("a", "b"), ("b", "c"), ("c", "a")], "readings-cycle", "a → b → c → a"),
    ],
)
def test_previous_cycles_are_named(chain: list[tuple[str, str]], code: str, named: str) -> None:
    site = gather([_reading(i, p) for i, p in chain], Settings())
    (problem,) = [p for p in site.problems if p.code == code]
    assert named in problem.message.render("en") and problem.field == "previous" and problem.line == 4
    for document in site.documents.values():
        assert len(site.readings(document)) <= len(chain)


@pytest.mark.parametrize("key, kind", [("concerns", "notice"), ("interprets", "interpretation"), ("from_draft", "law")])
def test_links_to_the_document_itself_are_named(key: str, kind: str) -> None:
    site = gather([Source("x.md", f"---\nkind: {kind}\nid: x\n{key}: x\n---\n\n第一条　内容。\n")], Settings())
    assert [(p.field, p.code) for p in site.problems if p.field == key] == [(key, "self-reference")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 7)), min_size=1, max_size=8))
def test_any_previous_graph_ends_and_every_circle_is_reported(previous: list[int | None]) -> None:
    sources = [_reading(f"r{i}", f"r{p}" if p is not None and p < len(previous) else None) for i, p in enumerate(previous)]
    site = gather(sources, Settings())
    reported = {p.path for p in site.problems if p.code in ("readings-cycle", "self-reference")}
    for i in range(len(previous)):
        seen, current = set(), i
        while current is not None and current not in seen:
            seen.add(current)
            nxt = previous[current]
            current = nxt if nxt is not None and nxt < len(previous) else None
        if current is not None:  # i's chain enters a circle: one of its members is named
            circle, j = {current}, previous[current]
            while j != current:
                circle.add(j)
                j = previous[j]
            assert {f"r{k}.md" for k in circle} & reported
        assert len(site.readings(site.documents[f"r{i}"])) <= len(previous)


def test_a_long_chain_of_readings_is_refused_within_the_bounds(tmp_path: Path) -> None:
    files = {f"r{i}.md": f"---\nkind: draft\nid: r{i}\n" + (f"previous: r{i - 1}\n" if i else "") + "---\n\n第一条　内容。\n" for i in range(2_000)}
    problems = check_bounded(site_with(tmp_path, files)).problems
    assert [p[:3] for p in problems if p[3] == "readings-too-many"] == [(f"r{MAX_READINGS}.md", 4, "previous")]


# --- 4. absurd article numbers ------------------------------------------------------------

NUMBER_REPRODUCERS = ["第一万条", "第九千九百九十九万条", "第一亿条", "第一万亿条", "第10000条", "第１００００条", "第〇条", "第0条", "第一〇〇〇〇条", "第一条之〇", "第一条之一万", "第一条之9999999", "第" + "九" * 5_000 + "条", "第" + "9" * 100_000 + "条"]


@pytest.mark.parametrize("label", NUMBER_REPRODUCERS)
def test_an_article_number_out_of_range_is_an_error_not_a_crash(label: str) -> None:
    legal, problems = parse_legal_text(f"第一条　内容。\n\n{label}　内容。\n", path="d.md", first_line=5)
    assert [(p.line, p.code, p.is_error) for p in problems] == [(7, "article-number", True)]
    assert [a.id for a in legal.articles] == ["art_1"]
    assert label[:20] in legal.all_text()  # kept as text


@pytest.mark.parametrize("heading", ["第一万条", "第1条至第10000条", "第一亿条至第一条"])
def test_an_interpretation_of_an_absurd_article_is_a_problem_not_a_crash(heading: str) -> None:
    interpretation = Source("i.md", f"---\nkind: interpretation\ninterprets: d\n---\n\n## {heading}\n\n说明\n")
    site = gather([Source("d.md", DRAFT), interpretation], Settings())
    assert [(p.line, p.code) for p in site.problems if p.code == "unknown-article"] == [(6, "unknown-article")]


def _written(n: int, style: str) -> str:
    if style == "ascii":
        return str(n)
    if style == "fullwidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if n == 10**8:
        return "一亿"
    high, low = divmod(n, 10_000)  # 万 groups, as an editor would write them
    head = to_chinese(high) + "万" if high else ""
    return head + (("零" if high and low < 1000 else "") + to_chinese(low) if low else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**9), st.sampled_from(["ascii", "fullwidth", "chinese"]), st.one_of(st.none(), st.integers(0, 10**6)))
@example(10_000, "chinese", None)
@example(9_999, "chinese", 0)
def test_any_article_number_is_read_as_written_or_refused(n: int, style: str, sub: int | None) -> None:
    if style == "chinese" and n >= 10**8:
        n = 10**8
    label = f"第{_written(n, style)}条" + (f"之{sub}" if sub is not None else "")
    legal, problems = parse_legal_text(f"{label}　内容。\n", path="d.md")
    in_range = 1 <= n <= MAX_ARTICLE and (sub is None or 1 <= sub <= MAX_ARTICLE)
    if in_range:
        assert [a.key for a in legal.articles] == [(n, sub or 0)] and not problems
    else:
        assert legal.articles == [] and [p.code for p in problems] == ["article-number"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="〇零一二两三四五六七八九十百千万亿萬億0９", max_size=60))
def test_numerals_of_any_shape_are_bounded(numeral: str) -> None:
    try:
        assert to_int(numeral) < 10**24
    except ValueError:
        pass
    parse_legal_text(f"第{numeral}条　内容。\n", path="d.md")


def test_absurd_numbers_checked_within_the_bounds(tmp_path: Path) -> None:
    lines = "\n\n".join(f"{label}　内容。" for label in NUMBER_REPRODUCERS[:-1])
    filler = "\n\n".join(f"第{'九' * 5_000}条" for _ in range(300))  # 4.5 MB of numerals
    problems = check_bounded(site_with(tmp_path, {"d.md": f"---\nkind: law\n---\n\n第一条　内容。\n\n{lines}\n\n{filler}\n"})).problems
    assert len([p for p in problems if p[3] == "article-number"]) == len(NUMBER_REPRODUCERS) - 1 + 300


def test_a_draft_of_99990_articles_still_parses() -> None:
    # 9,999 articles with 之一 … 之九 each: the largest draft the numbering allows.
    body = "\n\n".join(f"第{to_chinese(n)}条" + (f"之{to_chinese(s)}" if s else "") + "　内容。" for n in range(1, MAX_ARTICLE + 1) for s in range(10))
    legal, problems = parse_legal_text(body, path="d.md")
    assert len(legal.articles) == 99_990 and not [p for p in problems if p.is_error]


# --- 5. invisible characters ---------------------------------------------------------------

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\ufe0f", "\U000e0100"]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, MAX_ARTICLE), st.sampled_from(INVISIBLES), st.data())
@example(12, "\u200b", None)
def test_an_invisible_character_inside_a_label_is_removed_with_a_warning(n: int, char: str, data) -> None:
    label = f"第{to_chinese(n)}条"
    at = 2 if data is None else data.draw(st.integers(1, len(label) - 1))  # inside the label
    legal, problems = parse_legal_text(f"{label[:at]}{char}{label[at:]}（目的）内容。\n", path="d.md", first_line=3)
    assert [(a.id, a.label, a.caption) for a in legal.articles] == [(f"art_{n}", label, "目的")]
    assert [(p.line, p.code) for p in problems] == [(3, "label-invisible")] and f"U+{ord(char):04X}" in problems[0].message.render("en")


@pytest.mark.parametrize("char", INVISIBLES)
def test_invisible_characters_in_a_notice_article_and_an_id(char: str) -> None:
    notice = f"---\nkind: notice\nid: n\nconcerns: d\nsuggestions:\n  - article: \"第二{char}条\"\n    from: 网民\n    text: 建议\n    outcome: noted\n---\n"
    site = gather([Source("d.md", DRAFT), Source("n.md", notice)], Settings())
    assert [s.article for s in site.notices["n"].suggestions] == ["art_2"]
    assert [(p.line, p.field, p.code) for p in site.problems if p.path == "n.md"] == [(6, "suggestions[0].article", "invisible-character")]
    _, problems = _doc(f"---\nid: \"d{char}\"\n---\n")
    assert [p.code for p in problems] == ["bad-id"]
    assert INVISIBLE.fullmatch(char)


def test_invisible_labels_checked_within_the_bounds(tmp_path: Path) -> None:
    body = "\n\n".join(f"第{to_chinese(n)}{INVISIBLES[n % len(INVISIBLES)]}条　内容。" for n in range(1, 3_000))
    problems = check_bounded(site_with(tmp_path, {"d.md": f"---\nkind: law\n---\n\n{body}\n"})).problems
    assert len([p for p in problems if p[3] == "label-invisible"]) == 2_999
    assert not [p for p in problems if p[4]]


# --- 6. dates at the edge of the calendar ------------------------------------------------


@pytest.mark.parametrize("value, code", [("9999-12-31", "date-out-of-range"), ("0001-01-01", "date-out-of-range"), ('"10000-01-01"', "bad-date"), ("9999-12-31T23:59:59-12:00", "date-out-of-range")])
def test_dates_at_the_edge_are_refused(value: str, code: str) -> None:
    text = f"---\nkind: draft\npublished: {value}\ncomments:\n  closes: {value}\n  email: a@example.org\n---\n\n第一条　内容。\n"
    document, problems = _doc(text)
    assert {(p.line, p.field, p.code) for p in problems} == {(3, "published", code), (5, "comments.closes", code)}
    assert document is not None and document.comments is None


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.dates(), st.datetimes(timezones=st.timezones()) | st.dates())
@example(dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(9999, 12, 31))
def test_any_accepted_date_computes_without_overflow(opens: dt.date, closes: dt.date, published: dt.date) -> None:
    text = f"---\nkind: draft\npublished: {published.isoformat()}\ncomments:\n  opens: {opens.isoformat()}\n  closes: {closes.isoformat()}\n  email: a@example.org\n---\n\n第一条　内容。\n"
    document, problems = _doc(text)
    assert document is not None
    out_of_range = [p.field for p in problems if p.code == "date-out-of-range"]
    for field, day in (("comments.opens", opens), ("comments.closes", closes)):
        assert (field in out_of_range) == (not FIRST_DATE <= day <= LAST_DATE)
    if document.comments is not None:
        site_settings = Settings()
        for today in (FIRST_DATE, LAST_DATE, dt.date(2026, 1, 1)):
            consultation_at(document.comments, dt.datetime.combine(today, dt.time()), site_settings.tz)
        timestamp(document.comments.closes, site_settings)


# --- 7. theme names and CSV files -----------------------------------------------------------


def test_template_and_icon_naming_nothing_are_refused_by_check(tmp_path: Path) -> None:
    page = "---\ntitle: t\ntemplate: nothing.html\nicon: material/no-such-icon\n---\n\n正文\n"
    good = "---\ntitle: t\ntemplate: main.html\nicon: material/file-document\n---\n\n正文\n"
    problems = check_bounded(site_with(tmp_path, {"p.md": page, "good.md": good, "../theme/.icons/own/flag.svg": "<svg/>", "own.md": "---\nicon: own/flag\n---\n"})).problems
    assert sorted(p[:4] for p in problems if p[0] != "good.md" and p[3] != "code-file") == [("p.md", 3, "template", "unknown-template"), ("p.md", 4, "icon", "unknown-icon")]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["template", "icon"]), st.text(max_size=40))
@example("template", "../../../../etc/passwd")
@example("icon", "../../../../../etc/hostname")
def test_theme_names_never_resolve_outside_the_theme(key: str, name: str) -> None:
    folders = (str(Path(__file__).parent),)
    found = theme_file(key, name, folders)
    assert found is None or Path(found).resolve().is_relative_to(Path(folders[0]).resolve())


CSV_HEADER = "article,from,text,outcome\n"
CSV_REPRODUCERS = {
    "39 MB": (lambda: (CSV_HEADER + "第一条,网民,建议" + "很" * 100 + ",adopted\n") .encode() * 130_000, "csv-unreadable"),
    "NUL byte": (lambda: (CSV_HEADER + "第一条,网民,建\x00议,adopted\n").encode(), "csv-control-character"),
    "invalid UTF-8 and GBK": (lambda: CSV_HEADER.encode() + b"\xff\xfe\x80\x81,x,y,adopted\n", "csv-encoding"),
    "one 4.9 MB line": (lambda: CSV_HEADER.encode() + b"x" * 4_900_000, "csv-malformed"),
    "millions of empty rows": (lambda: CSV_HEADER.encode() + b"\n" * 4_900_000, None),
    "field over the csv limit": (lambda: (CSV_HEADER + '第一条,网民,"' + "很" * 200_000 + '",adopted\n').encode(), "csv-malformed"),
    "unclosed quote": (lambda: CSV_HEADER.encode() + b'"' + b"x\n" * 2_000_000, "csv-malformed"),
    "a row of commas": (lambda: CSV_HEADER.encode() + b"," * 4_900_000, None),
}


@pytest.mark.parametrize("shape", list(CSV_REPRODUCERS))
def test_hostile_csv_files_are_named_within_the_bounds(tmp_path: Path, shape: str) -> None:
    make, code = CSV_REPRODUCERS[shape]
    problems = check_bounded(site_with(tmp_path, {"d.md": DRAFT, "n.md": NOTICE, "s.csv": make()})).problems
    csv_problems = [p for p in problems if p[3].startswith("csv-") or p[3] == "missing-file"]
    if code is None:
        assert csv_problems == []  # read, and nothing in it
    else:
        assert [p[3] for p in csv_problems] == [code], problems
        assert "not found" not in json.dumps(problems)
    if code == "csv-unreadable":
        assert csv_problems[0][:3] == ("n.md", 5, "suggestions_file")


# --- all classes: the build refuses, never a traceback ------------------------------------------


def test_the_build_refuses_every_class_without_a_traceback(tmp_path: Path) -> None:
    files = {
        "bad-id.md": '---\nid: ".."\n---\n\n正文\n',
        "self.md": "---\nkind: draft\nid: self\nprevious: self\n---\n\n第一条　内容。\n",
        "big.md": "---\nkind: law\n---\n\n第一条　内容。\n\n第一万条　内容。\n",
        "late.md": "---\nkind: draft\ncomments:\n  closes: 9999-12-31\n  email: a@example.org\n---\n\n第一条　内容。\n",
        "theme.md": "---\ntemplate: nothing.html\n---\n\n正文\n",
        "d.md": DRAFT, "n.md": NOTICE, "s.csv": (CSV_HEADER + "第一条,网民,建议,adopted\n") * 200_000,
    }  # fmt: skip
    config = site_with(tmp_path, files)
    run = run_bounded(config, "build", "-d", str(tmp_path / "site"))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-3000:]
    for needle in ("bad-id.md:2 [id]", "self.md:4 [previous]", "big.md:7", "late.md:4 [comments.closes]", "theme.md:2 [template]", "n.md:5 [suggestions_file]"):
        assert needle in run.stderr, (needle, run.stderr[-3000:])
