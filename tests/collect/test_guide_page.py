"""The guide's page on collect (content/guide/8-collect.md) is true: its
commands parse, its table example is read as it says on the sample site's
draft, and the summary it shows is what the command prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from intake.harness import REPO
from lawsite.cli import main, parser
from lawsite.model import GENERAL

PAGE = REPO / "content" / "guide" / "8-collect.md"
FENCE = re.compile(r"^```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks() -> list[str]:
    return FENCE.findall(PAGE.read_text(encoding="utf-8"))


def test_every_command_shown_parses() -> None:
    commands = [line for block in _blocks() for line in block.splitlines() if line.startswith("lawsite ")]
    assert {shlex.split(c)[1] for c in commands} == {"collect", "tally"}
    for command in commands:
        parser().parse_args(shlex.split(command)[1:])


def test_the_table_example_is_read_as_the_page_says(tmp_path: Path, capsys) -> None:
    table = next(b for b in _blocks() if b.startswith("条文,意见"))
    forms = tmp_path / "意见表.csv"
    forms.write_text(table, encoding="utf-8")
    out = tmp_path / "comments.csv"
    assert main(["-f", str(REPO / "mkdocs.yml"), "collect", f"meeting:{forms}", "--concerns", "qingchuan-civilized-behavior-2026", "-o", str(out), "--lang", "zh"]) == 0
    printed = capsys.readouterr()
    assert "姓名, 联系电话 列未抄录" in printed.err
    written = out.read_text(encoding="utf-8-sig")
    assert "张某" not in written and f",{GENERAL}," not in written  # 总体, never the internal key
    lines = written.splitlines()
    assert lines[0].startswith("id,channel,point,article,text,received,source")
    assert ",meeting,hubin-street,art_5,建议明确在公共场所禁止随地吐痰。,2026-11-05," in lines[1]
    assert ",meeting,,总体,建议增加对文明行为的奖励措施。,2026-11-06," in lines[2]
    assert "湖滨街道座谈会" in lines[1] and ",3," in lines[1]

    # the summary's lines are shaped as the page shows them
    shown = next(b for b in _blocks() if b.startswith("8 条意见已写入"))
    for pattern in (r"^\d+ 条意见已写入 \S+$", r"^  \S+\t\d+ 行$"):
        assert re.search(pattern, shown, re.MULTILINE) and re.search(pattern, printed.out, re.MULTILINE), pattern
