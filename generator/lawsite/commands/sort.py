"""`lawsite sort`: a table of comments → the review worksheet (or a CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import ConfigError
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, project_of


def add_parser(commands: argparse._SubParsersAction) -> None:
    sort = commands.add_parser("sort", help="collected comments → groups with a proposed article, in a review worksheet")
    sort.add_argument("file", metavar="FILE.csv", help="the collect table: id,channel,point,article,text,received (UTF-8 or GBK)")
    sort.add_argument("--concerns", required=True, metavar="ID", help="the id of the draft commented on, or the path of a draft's Markdown file")
    sort.add_argument("-o", "--output", required=True, metavar="FILE", help="the worksheet (.xlsx) or, with --format csv, the CSV to write")
    sort.add_argument("--format", choices=("xlsx", "csv"), default="xlsx", help="csv: one row per comment (id,article,group,confidence,reason, then the input's columns)")
    sort.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..sort import sort_comments
    from ..sort.comments import read_table
    from ..sort.drafts import draft_by_id, draft_from_file
    from ..sort.matching import ArticleIndex
    from ..sort.worksheet import write_csv, write_workbook

    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(f"{source}: no such file")
    concerns = Path(args.concerns)
    if concerns.suffix == ".md":
        if not concerns.is_file():
            raise ConfigError(f"--concerns {concerns}: no such file")
        draft = draft_from_file(concerns)
    else:
        project = project_of(args)
        draft = draft_by_id(project.content_dir, args.concerns, project.settings)
    table = read_table(source)
    for problem in table.problems:
        print(format_problem(problem), file=sys.stderr)
    if table.errors or not table.comments:
        print(f"{len(table.problems)} problem(s) in {source}; nothing written", file=sys.stderr)
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
    print(f"{len(result.comments)} comment(s) in {len(result.groups)} group(s) on {draft.id}: {low} left to the editor (low confidence), {flagged} naming an article they are not about; wrote {output}")
    return EXIT_OK
