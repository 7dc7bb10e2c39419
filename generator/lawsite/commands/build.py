"""`lawsite build`: build the site; the previous site stays if the build fails."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..model import ConfigError
from . import EXIT_OK, EXIT_PROBLEMS, project_of
from .build_process import BuildFailed, build_then_index


def run(args: argparse.Namespace) -> int:
    from ..publish import Sources, publish

    project = project_of(args)
    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir

    def build_into(folder: Path) -> None:
        _require_engine()  # before starting a process for nothing
        build_then_index(project.config_file, folder, args.strict)

    try:
        publish(site_dir, build_into, Sources(project.content_dir, project.config_file.parent), tell=lambda message: print(message, file=sys.stderr))
    except BuildFailed:
        print(f"build failed; {site_dir} was left as it was.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"site built into {site_dir}")
    return EXIT_OK


def _require_engine() -> None:
    """The plugin's own check (compat.py), made here too: the MkDocs process
    would only fail on it after starting up."""
    import mkdocs

    from ..compat import require_supported_engine

    try:
        require_supported_engine(getattr(mkdocs, "__version__", ""))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise BuildFailed(str(exc)) from exc
