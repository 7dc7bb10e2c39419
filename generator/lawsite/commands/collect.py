"""`lawsite collect SOURCE... --concerns ID -o comments.csv`: every channel's
comments on one draft in one table (the collect format, `collect.table`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..emit.files import write_atomically
from ..gather.site import load_site
from ..model import ConfigError, Kind
from ..report import format_problem
from . import EXIT_OK, project_of

if TYPE_CHECKING:
    from ..collect.table import Collected


def add_parser(subparsers: Any) -> None:
    collect = subparsers.add_parser("collect", help="comments from intake, mailboxes, CSV/xlsx → one table (id,channel,point,article,text,received,…)")
    collect.add_argument("sources", nargs="+", metavar="SOURCE",
                         help="an intake database (file, sqlite:PATH, postgresql://…), an .mbox, a Maildir, a folder of .eml, .eml, .csv or .xlsx "
                              "(a table is paper; write meeting:FILE for meeting minutes)")
    collect.add_argument("--concerns", required=True, metavar="ID", help="the id of the draft the comments are on")
    collect.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    collect.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..collect.sources import collect
    from ..collect.table import Target, csv_chunks

    project = project_of(args)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.kind is not Kind.DRAFT:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT)) or "none"
        raise ConfigError(f"--concerns {args.concerns}: no draft with that id (known: {known})")
    points = frozenset(d.id for d in site.of_kind(Kind.CONTACT_POINT))
    collected = collect(args.sources, Target(draft, points, project.settings.tz))
    for problem in collected.problems:
        print(format_problem(problem), file=sys.stderr)
    write_atomically(Path(args.output), csv_chunks(collected.rows, draft.id))
    print("\n".join(summary(collected, args.output)))
    return EXIT_OK


def summary(collected: "Collected", output: str) -> Iterator[str]:
    rows = collected.rows
    yield f"{len(rows)} comment(s) written to {output}"
    for source, n in collected.by_source.items():
        yield f"  {source}\t{n} row(s)"
    without = sum(1 for row in rows if not row.article)
    if without:
        yield f"{without} row(s) without an article, for 整理"
    for what, counts in (("skipped", collected.skipped), ("flagged", collected.flagged)):
        if counts:
            yield f"{sum(counts.values())} {what}: " + ", ".join(f"{n} {code}" for code, n in counts.most_common())
    if collected.unlisted:
        yield f"({collected.unlisted} more problem(s) counted above but not listed)"
