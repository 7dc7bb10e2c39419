"""`lawsite serve`: preview with live reload."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import signal
import socket
import sys

from ..filesystems import POLL_ENV
from ..messages import msg
from ..model import ConfigError
from . import EXIT_OK, project_of

# MkDocs' own warning about the dirty rebuilds `lawsite serve` asks for (see
# `run`): addressed to whoever chose them, not to the editor who reads it.
_DIRTY_NOTICE = "A 'dirty' build is being performed"
# The address is taken (another preview?) or is not this machine's.
_ADDRESS_ERRORS = (errno.EADDRINUSE, errno.EADDRNOTAVAIL)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    project = project_of(args)
    if args.poll:
        os.environ[POLL_ENV] = "1"  # read by the plugin in on_serve (filesystems.py)
    _show_lawsite_lines()
    signal.signal(signal.SIGTERM, _stop_as_interrupted)
    try:
        # Dirty rebuilds: after the first build, a change re-renders only the pages
        # whose file changed (seconds on a 1,564-law site instead of minutes).
        serve(config_file=str(project.config_file), livereload=True, dev_addr=args.dev_addr, build_type=None if args.full_rebuild else "dirty")
    except OSError as exc:
        if isinstance(exc, socket.gaierror) or exc.errno in _ADDRESS_ERRORS:
            raise ConfigError(msg("error.serve-address", address=args.dev_addr, error=exc.strerror or str(exc))) from exc
        raise
    return EXIT_OK


def _stop_as_interrupted(signum: int, frame: object) -> None:
    """A preview ended by SIGTERM (a service manager, a benchmark) stops as
    with Ctrl+C: MkDocs then removes its preview folder from the temporary
    folder (a corpus preview: 200 MB left behind each time)."""
    raise KeyboardInterrupt


class _LawsiteLines(logging.Filter):
    """What an editor reads while previewing: the plugin's own lines (the
    address, the preview's state) and every warning, not MkDocs' progress."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return not str(record.msg).startswith(_DIRTY_NOTICE)
        return record.name.startswith("mkdocs.plugins.lawsite")


def _show_lawsite_lines() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_LawsiteLines())
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
