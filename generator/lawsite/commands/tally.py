"""`lawsite tally`: collected comments (CSV) → a notice skeleton."""

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
    from ..tally import report_lines, skeleton, tally_comments

    project = project_of(args)
    lang = language_of(args, project)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.legal is None:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT, Kind.LAW)) or "—"
        raise ConfigError(msg("error.tally-concerns", concerns=args.concerns, known=known))
    notice_id = args.id or next(i for n in range(1, 1000) if (i := f"{draft.id}-feedback" + (f"-{n}" if n > 1 else "")) not in site.documents)
    out = Path(args.out) if args.out else project.content_dir / "notices" / f"{notice_id}.md"
    if out.exists():
        raise ConfigError(msg("error.tally-exists", out=out))
    if notice_id in site.documents:
        raise ConfigError(msg("error.tally-id-used", notice_id=notice_id, path=site.documents[notice_id].path))
    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(msg("error.no-such-path", paths=source))
    result = tally_comments(source.read_bytes(), str(source), draft)
    for problem in result.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    if result.problems:
        print(msg("tally.refused", n=len(result.problems), source=source).render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    print("\n".join(line.render(lang) for line in report_lines(draft, result)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(skeleton(draft, result, notice_id, {p.id for p in site.of_kind(Kind.CONTACT_POINT)}))
    print(msg("tally.done", out=out).render(lang))
    return EXIT_OK
