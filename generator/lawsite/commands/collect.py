"""`lawsite collect SOURCE... --concerns ID -o comments.csv`: every channel's
comments on one draft in one table (the collect format, `collect.table`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..messages import Text, msg
from ..model import ConfigError, Kind
from ..report import format_problem
from . import EXIT_OK, language_of, project_of, titled

if TYPE_CHECKING:
    from collections import Counter

    from ..collect.table import Collected


def add_parser(subparsers: Any, lang: str, shared: argparse.ArgumentParser) -> None:
    """`collect`, its help in `lang`; `shared` holds the options of every command (--lang)."""
    summary = msg("cli.collect").render(lang)
    collect = titled(subparsers.add_parser("collect", help=summary, description=summary, parents=[shared], add_help=False), lang)
    collect.add_argument("sources", nargs="+", metavar="SOURCE", help=msg("cli.collect.sources").render(lang))
    collect.add_argument("--concerns", required=True, metavar="ID", help=msg("cli.collect.concerns").render(lang))
    collect.add_argument("-o", "--output", required=True, metavar="FILE.csv", help=msg("cli.collect.output").render(lang))
    collect.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..collect.sources import collect
    from ..collect.table import Target, csv_chunks
    from ..emit.files import write_atomically  # here: the command line is built without them
    from ..gather.site import load_site

    project = project_of(args)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.kind is not Kind.DRAFT:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT)) or "none"
        raise ConfigError(msg("error.collect-concerns", id=args.concerns, known=known))
    points = frozenset(d.id for d in site.of_kind(Kind.CONTACT_POINT))
    collected = collect(args.sources, Target(draft, points, project.settings.tz))
    lang = language_of(args, project)
    for problem in collected.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    write_atomically(Path(args.output), csv_chunks(collected.rows, draft.id, lang))
    print("\n".join(line.render(lang) for line in summary(collected, args.output)))
    return EXIT_OK


def summary(collected: "Collected", output: str) -> Iterator[Text]:
    rows = collected.rows
    yield msg("collect.written", n=len(rows), output=output)
    for source, n in collected.by_source.items():
        yield msg("collect.source", source=source, n=n)
    without = sum(1 for row in rows if not row.article)
    if without:
        yield msg("collect.without-article", n=without)
    if collected.skipped:
        yield msg("collect.skipped", n=collected.skipped.total(), codes=_by_code(collected.skipped))
    if collected.flagged:
        yield msg("collect.flagged", n=collected.flagged.total(), codes=_by_code(collected.flagged))
    if collected.unlisted:
        yield msg("collect.unlisted", n=collected.unlisted)


def _by_code(counts: "Counter[str]") -> str:
    return ", ".join(f"{n} {code}" for code, n in counts.most_common())
