"""`lawsite sort`: a table of comments → the review worksheet (or a CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..messages import msg
from ..model import ConfigError
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, language_of, project_of, titled


def add_parser(subparsers: Any, lang: str, shared: argparse.ArgumentParser) -> None:
    """`sort`, its help in `lang`; `shared` holds the options of every command (--lang)."""
    summary = msg("cli.sort").render(lang)
    sort = titled(subparsers.add_parser("sort", help=summary, description=summary, parents=[shared], add_help=False), lang)
    sort.add_argument("file", metavar="FILE.csv", help=msg("cli.sort.file").render(lang))
    sort.add_argument("--concerns", required=True, metavar="ID", help=msg("cli.sort.concerns").render(lang))
    sort.add_argument("-o", "--output", required=True, metavar="FILE", help=msg("cli.sort.output").render(lang))
    sort.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", help=msg("cli.sort.format").render(lang))
    sort.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..sort import sort_comments
    from ..sort.comments import read_table
    from ..sort.drafts import draft_by_id, draft_from_file
    from ..sort.matching import ArticleIndex
    from ..sort.worksheet import write_csv, write_workbook

    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(msg("error.no-such-path", paths=source))
    concerns = Path(args.concerns)
    if concerns.suffix == ".md":
        if not concerns.is_file():
            raise ConfigError(msg("error.no-such-path", paths=concerns))
        lang = language_of(args)
        draft = draft_from_file(concerns)
    else:
        project = project_of(args)
        lang = language_of(args, project)
        draft = draft_by_id(project.content_dir, args.concerns, project.settings)
    table = read_table(source)
    for problem in table.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    if table.errors or not table.comments:
        print(msg("tally.refused", n=len(table.problems), source=source).render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    index = ArticleIndex(draft)
    result = sort_comments(table.comments, index)
    output = Path(args.output)
    if args.format == "csv":
        output.write_text(write_csv(result, index, table.header), encoding="utf-8-sig")
    else:
        write_workbook(result, index, table.header, output)
    low = sum(item.proposal.low for item in result.comments)
    flagged = sum(item.proposal.flagged for item in result.comments)
    print(msg("sort.done", n=len(result.comments), groups=len(result.groups), draft=draft.id, low=low, flagged=flagged, output=output).render(lang))
    return EXIT_OK
