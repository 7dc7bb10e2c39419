"""The bodies of the `lawsite` commands, one module each (`cli.py` only wires
them to the command line). Each module's `run(args)` returns the exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..messages import language, msg
from ..project import Project, load_project

# Exit codes: 0 success, 1 content errors (or warnings under --strict), 2 usage
# or configuration errors.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def project_of(args: argparse.Namespace) -> Project:
    """The site named by `-f/--config-file`."""
    return load_project(Path(args.config_file))


def language_of(args: argparse.Namespace, project: Project | None = None) -> str:
    """The language of what a command prints: `--lang` or `LAWSITE_LANG`
    (`args.lang`, set by cli.main), else the site's `language`, else Chinese."""
    requested = getattr(args, "lang", None)
    return language(requested or (project.settings.language if project else None))


def titled(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """`parser` with its "options:" heading in `lang` (argparse has no
    argument for it; the rest of argparse's own words stay English)."""
    parser._optionals.title = msg("cli.options").render(lang)
    return parser
