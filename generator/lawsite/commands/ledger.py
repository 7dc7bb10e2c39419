"""`lawsite ledger`: a contact point's 台账 for a year, as an .xlsx workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..gather.site import load_site
from ..messages import msg
from ..model import ConfigError, Kind
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, language_of, project_of


def run(args: argparse.Namespace) -> int:
    from ..emit.workbook import ledger_workbook

    project = project_of(args)
    lang = language_of(args, project)
    site = load_site(project.content_dir, project.settings)
    if site.errors:
        for problem in site.errors:
            print(format_problem(problem, lang), file=sys.stderr)
        print(msg("ledger.refused", n=len(site.errors)).render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    point = site.get(args.point)
    if point is None or point.kind is not Kind.CONTACT_POINT:
        known = ", ".join(d.id for d in site.of_kind(Kind.CONTACT_POINT)) or "—"
        raise ConfigError(msg("error.ledger-point", point=args.point, known=known))
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ConfigError(msg("error.ledger-suffix", out=out))
    ledger_workbook(site, point, args.year).save(out)
    print(msg("ledger.done", out=out, title=point.title, year=args.year).render(lang))
    return EXIT_OK
