"""`lawsite tally`: collected comments (CSV) → a notice skeleton."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..gather.site import load_site
from ..model import ConfigError, Kind
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, project_of


def run(args: argparse.Namespace) -> int:
    from ..tally import report_lines, skeleton, tally_comments

    project = project_of(args)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.legal is None:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT, Kind.LAW)) or "none"
        raise ConfigError(f"--concerns {args.concerns}: no draft or law with that id (known: {known})")
    notice_id = args.id or next(i for n in range(1, 1000) if (i := f"{draft.id}-feedback" + (f"-{n}" if n > 1 else "")) not in site.documents)
    out = Path(args.out) if args.out else project.content_dir / "notices" / f"{notice_id}.md"
    if out.exists():
        raise FileExistsError(f"{out} exists already; choose another --out (tally never overwrites)")
    if notice_id in site.documents:
        raise ConfigError(f"id {notice_id} is already used by {site.documents[notice_id].path}; choose another --id")
    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(f"{source}: no such file")
    result = tally_comments(source.read_bytes(), str(source), draft)
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    if result.problems:
        print(f"{len(result.problems)} problem(s) in {source}; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    print("\n".join(report_lines(draft, result)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(skeleton(draft, result, notice_id))
    print(f"created {out}; next: decide each outcome, then run `lawsite check`")
    return EXIT_OK
