"""The operators' page of the guide (content/guide/7-intake.md) shows
commands that the CLI takes as written."""

from __future__ import annotations

import re
import shlex

from lawsite.cli import parser

from .harness import REPO

PAGE = REPO / "content" / "guide" / "7-intake.md"


def test_every_intake_command_shown_parses() -> None:
    text = PAGE.read_text(encoding="utf-8")
    shown = re.findall(r"(?:^|ExecStart=/usr/local/bin/)(lawsite intake [^\n`]+)", text, re.MULTILINE)
    assert len(shown) >= 4
    subcommands = set()
    for line in shown:
        args = parser().parse_args(shlex.split(line)[1:])
        subcommands.add(args.intake_command)
    assert subcommands == {"serve", "export", "purge"}
