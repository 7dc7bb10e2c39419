"""`lawsite tally`: the reviewed worksheet (.xlsx) or collected comments (CSV) → a notice."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..gather.site import load_site
from ..messages import msg
from ..model import ConfigError, Document, Kind, Outcome, Problem
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, language_of, project_of

if TYPE_CHECKING:
    from ..tally import Tallied


def run(args: argparse.Namespace) -> int:
    from ..tally import report_lines, skeleton

    project = project_of(args)
    lang = language_of(args, project)
    site = load_site(project.content_dir, project.settings)
    draft = site.get(args.concerns)
    if draft is None or draft.legal is None:
        known = ", ".join(d.id for d in site.of_kind(Kind.DRAFT, Kind.LAW)) or "—"
        raise ConfigError(msg("error.tally-concerns", concerns=args.concerns, known=known))
    existing = next((d for d in site.of_kind(Kind.NOTICE) if d.concerns == draft.id), None)
    if existing is not None and not args.force:
        raise ConfigError(msg("error.tally-notice-exists", draft=draft.id, path=project.content_dir / existing.path))
    replaced = existing if args.force else None  # --force: the draft's notice is written anew, in its place
    notice_id = args.id or (replaced.id if replaced else f"{draft.id}-feedback")
    out = Path(args.out) if args.out else project.content_dir / (replaced.path if replaced else f"notices/{notice_id}.md")
    if out.exists() and not args.force:
        raise ConfigError(msg("error.tally-exists", out=out))
    used = site.documents.get(notice_id)
    if used is not None and used is not replaced:
        raise ConfigError(msg("error.tally-id-used", notice_id=notice_id, path=used.path))
    source = Path(args.file)
    if not source.is_file():
        raise ConfigError(msg("error.no-such-path", paths=source))
    result = _tallied(source, draft)
    for problem in result.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    if result.problems:
        print(msg("tally.refused", n=len(result.problems), source=source).render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    print("\n".join(line.render(lang) for line in report_lines(draft, result)))
    out.parent.mkdir(parents=True, exist_ok=True)
    existed = out.exists()
    text = skeleton(draft, result, notice_id, replaced)
    if args.force:
        partial = out.with_name(out.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(out)  # whole or not at all
    else:
        with out.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    pending = any(e.outcome is Outcome.PENDING for e in result.entries)
    if existed:
        done = msg("tally.done.replaced", out=out)
    else:
        done = msg("tally.done", out=out) if pending or not result.entries else msg("tally.done.decided", out=out)
    print(done.render(lang))
    return EXIT_OK


_NOT_TABLES = (".xls", ".et", ".ods", ".numbers", ".doc", ".docx", ".wps", ".pdf")
_OLE = b"\xd0\xcf\x11\xe0"  # .xls, .et, .doc: the old binary formats


def _tallied(source: Path, draft: Document) -> Tallied:
    """The worksheet when the file is one (a zip), else the CSV; a file of another format is refused."""
    from ..review import is_workbook
    from ..tally import Tallied, tally_comments, tally_worksheet

    with source.open("rb") as handle:
        start = handle.read(8)
    suffix = source.suffix.lower()
    if is_workbook(start) and suffix not in _NOT_TABLES:
        return tally_worksheet(source, draft)
    if suffix == ".xlsx" or suffix in _NOT_TABLES or start.startswith(_OLE) or is_workbook(start):
        problem = Problem(str(source), None, None, msg("sheet-not-xlsx", name=source.name), msg("sheet-not-xlsx.hint"), code="sheet-not-xlsx")
        return Tallied(None, problems=[problem])
    return tally_comments(source.read_bytes(), str(source), draft)
