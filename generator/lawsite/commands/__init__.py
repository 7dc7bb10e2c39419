"""The bodies of the `lawsite` commands, one module each (`cli.py` only wires
them to the command line). Each module's `run(args)` returns the exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..project import Project, load_project

# Exit codes: 0 success, 1 content errors (or warnings under --strict), 2 usage
# or configuration errors.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def project_of(args: argparse.Namespace) -> Project:
    """The site named by `-f/--config-file`."""
    return load_project(Path(args.config_file))
