"""`lawsite outline`: show how files were parsed (divisions, articles)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable

from ..gather.site import load_site, read_sources
from ..messages import msg
from ..model import ConfigError, Kind, Problem, Source
from ..outline import outline_dict, outline_text, with_site_notes
from ..parse.document import parse_document
from ..parse.legal import parse_legal_text
from ..project import load_project
from ..report import format_problem
from . import EXIT_OK, language_of


def run(args: argparse.Namespace) -> int:
    lang = language_of(args)
    sources, problems = _outline_sources(args.paths)
    results = []
    for source in sources:
        document, found = parse_document(source)
        problems += found
        if document is not None and document.legal is None and document.kind is Kind.PAGE:
            # A file without front matter (e.g. an imported law): outline its body anyway.
            document.legal, found = parse_legal_text(document.body, path=document.path, first_line=document.body_line)
            problems += found
        if document is None or document.legal is None:
            continue
        results.append((document, outline_dict(document.legal)))
    if args.json:
        notes = _site_notes(args, [Path(d.path) for d, _ in results], lang)
        results = [(d, with_site_notes(o, notes(Path(d.path)) if notes else None)) for d, o in results]
        payload = {
            "documents": [{"path": d.path, "id": d.id, "kind": d.kind.value, "title": d.title, **o} for d, o in results],
            "problems": [p.to_dict(lang) for p in problems],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for document, _ in results:
            print(f"{document.path}  [{document.kind.value}] {document.id}  {document.title}")
            print(outline_text(document.legal))  # type: ignore[arg-type]
        for problem in problems:
            print(format_problem(problem, lang), file=sys.stderr)
    return EXIT_OK


def _outline_sources(paths: list[str]) -> tuple[list[Source], list[Problem]]:
    sources: list[Source] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, trouble = read_sources(path)
            sources += [Source(str(path / s.path), s.text) for s in found]
            problems += trouble
        elif path.is_file():
            found, trouble = read_sources_of_file(path)
            sources += found
            problems += trouble
        else:
            raise ConfigError(msg("error.no-such-path", paths=raw))
    return sources, problems


def read_sources_of_file(path: Path) -> tuple[list[Source], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(str(path), None, None, msg("not-utf8"), msg("not-utf8.hint"), code="not-utf8")]
    return [Source(str(path), text.replace("\r\n", "\n"))], []


def _site_notes(args: argparse.Namespace, paths: list[Path], lang: str) -> Callable[[Path], dict[str, dict[str, Any]] | None] | None:
    """Per-file article notes (interpretation, ledger) when some of `paths`
    lie in the content folder of the site, else None (the plain outline)."""
    from ..outline import SiteNotes

    config = Path(args.config_file)
    if not config.is_file():
        return None
    try:
        project = load_project(config)
    except ConfigError as exc:
        # Outlining files needs no site: say why the site's notes are missing, go on.
        print(msg("outline.no-site", error=exc.text).render(lang), file=sys.stderr)
        return None
    root = project.content_dir.resolve()
    if not any(p.resolve().is_relative_to(root) for p in paths):
        return None  # e.g. corpus files: reading the site would only cost time
    site = load_site(project.content_dir, project.settings)
    return SiteNotes(project.content_dir, site, site.ledger, project.settings.site_url).for_path
