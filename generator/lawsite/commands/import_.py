"""`lawsite import`: convert law Markdown, Word files and plain text into content files
(`import_` because `import` is a Python keyword)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import ConfigError
from ..progress import Progress
from ..report import format_problem
from . import EXIT_OK, EXIT_PROBLEMS


def run(args: argparse.Namespace) -> int:
    from ..importer import import_paths

    sources = [Path(raw) for raw in args.sources]
    missing = [str(s) for s in sources if not s.exists()]
    if missing:
        raise ConfigError(f"no such file or folder: {', '.join(missing)}")
    progress = Progress("importing")
    result = import_paths(sources, Path(args.into), force=args.force, kind=args.kind, progress=progress)
    progress.close()
    for problem in result.problems:
        print(format_problem(problem), file=sys.stderr)
    unread = sum(1 for p in result.problems if p.is_error)
    print(f"{len(result.written)} file(s) written into {args.into}, {len(result.skipped)} left as they were (use --force to overwrite), {unread} could not be read")
    return EXIT_PROBLEMS if unread else EXIT_OK
