"""`lawsite import`: convert law Markdown, Word files and plain text into content files
(`import_` because `import` is a Python keyword)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import msg
from ..model import ConfigError
from ..progress import Progress
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS, language_of


def run(args: argparse.Namespace) -> int:
    from ..importer import import_paths

    lang = language_of(args)
    sources = [Path(raw) for raw in args.sources]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        raise ConfigError(msg("error.no-such-path", paths=", ".join(missing)))
    progress = Progress(msg("progress.importing").render(lang))
    result = import_paths(sources, Path(args.into), force=args.force, kind=args.kind, progress=progress)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem, lang), file=sys.stderr)
    unread = sum(1 for p in result.problems if p.is_error)
    print(msg("import.done", written=len(result.written), into=args.into, skipped=len(result.skipped), unread=unread).render(lang))
    return EXIT_PROBLEMS if unread else EXIT_OK
