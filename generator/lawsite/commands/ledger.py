"""`lawsite ledger`: a contact point's 台账 for a year, as an .xlsx workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..gather.site import load_site
from ..model import ConfigError, Kind
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, project_of


def run(args: argparse.Namespace) -> int:
    from ..emit.workbook import ledger_workbook

    project = project_of(args)
    site = load_site(project.content_dir, project.settings)
    if site.errors:
        for problem in site.errors:
            print(format_problem(problem), file=sys.stderr)
        print(f"{len(site.errors)} error(s): the 台账 is not made from content that `lawsite check` refuses", file=sys.stderr)
        return EXIT_PROBLEMS
    point = site.get(args.point)
    if point is None or point.kind is not Kind.CONTACT_POINT:
        known = ", ".join(d.id for d in site.of_kind(Kind.CONTACT_POINT)) or "none"
        raise ConfigError(f"--point {args.point}: no contact point with that id (known: {known})")
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ConfigError(f"-o {out}: the 台账 is written as .xlsx, e.g. -o 台账.xlsx")
    ledger_workbook(site, point, args.year).save(out)
    print(f"wrote {out}: {point.title} {args.year}年度工作台账")
    return EXIT_OK
