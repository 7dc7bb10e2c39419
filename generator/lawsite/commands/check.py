"""`lawsite check`: validate all content and report every problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..gather.site import Site, load_site
from ..messages import Text, msg
from ..model import Problem
from ..progress import Progress
from ..project import Project
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, language_of, project_of


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    lang = language_of(args, project)
    progress = Progress(msg("progress.checking").render(lang))
    site = load_site(project.content_dir, project.settings, progress, law_texts=False)  # a check needs the laws' problems, not their articles
    progress.close()
    problems = sorted(site.problems, key=lambda p: (p.path, p.line or 0))
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    summary = msg("check.summary", documents=len(site.documents), errors=len(errors), warnings=len(warnings)).render(lang)
    if args.format in ("github", "gitlab") or args.output:
        _write_report(args, project, problems, summary, lang)
    elif args.format == "json":
        print(json.dumps({"errors": len(errors), "warnings": len(warnings), "problems": [p.to_dict(lang) for p in problems]}, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(format_problem(problem, lang))
        for note in _csv_notes(site):
            print(note.render(lang))
        print(summary)
    failed = errors or (args.strict and warnings)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _csv_notes(site: Site) -> list[Text]:
    """The encoding each notice's CSV was read in: Excel exports are guessed at."""
    from ..parse.notice import ENCODING_NAMES

    notes = []
    for notice in site.notices.values():
        document = site.documents[notice.id]
        if notice.csv_encoding:
            rows = sum(1 for s in notice.suggestions if s.path != document.path)
            notes.append(msg("check.csv-note", path=document.path, rows=rows, file=document.suggestions_file, encoding=ENCODING_NAMES[notice.csv_encoding]))
    return notes


def _write_report(args: argparse.Namespace, project: Project, problems: list[Problem], summary: str, lang: str) -> None:
    """CI formats (see lawsite.report): to --output, or to stdout with the summary kept off it."""
    from .. import report

    prefix = report.content_prefix(project.content_dir)
    if args.format == "github":
        text = report.github_annotations(problems, prefix, lang) + summary + "\n"
    elif args.format == "gitlab":
        text = report.gitlab_code_quality(problems, prefix, lang)
    elif args.format == "json":
        text = json.dumps({"problems": [p.to_dict(lang) for p in problems]}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(format_problem(p, lang) + "\n" for p in problems) + summary + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        for problem in problems:  # the job log still shows every problem
            print(format_problem(problem, lang))
        print(msg("check.written", summary=summary, output=args.output).render(lang))
    else:
        sys.stdout.write(text)
        if args.format == "gitlab":
            print(summary, file=sys.stderr)
