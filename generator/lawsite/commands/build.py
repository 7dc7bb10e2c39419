"""`lawsite build`: build the site; the previous site stays if the build fails."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..messages import ENV, msg
from ..model import ConfigError
from . import EXIT_OK, EXIT_PROBLEMS, language_of, project_of
from .build_process import BuildFailed, build_then_index


def run(args: argparse.Namespace) -> int:
    from ..publish import Sources, publish

    project = project_of(args)
    lang = language_of(args, project)
    if args.lang:  # the MkDocs process and the plugin in it speak it too
        os.environ[ENV] = args.lang
    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir

    def build_into(folder: Path) -> None:
        _require_engine(lang)  # before starting a process for nothing
        build_then_index(project.config_file, folder, args.strict, lang, args.jobs)

    try:
        publish(site_dir, build_into, Sources(project.content_dir, project.config_file.parent), tell=lambda message: print(message.render(lang), file=sys.stderr))
    except BuildFailed:
        print(msg("build.failed", site_dir=site_dir).render(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    print(msg("build.done", site_dir=site_dir).render(lang))
    return EXIT_OK


def _require_engine(lang: str) -> None:
    """The plugin's own check (compat.py), made here too: the MkDocs process
    would only fail on it after starting up."""
    import mkdocs

    from ..compat import require_supported_engine

    try:
        require_supported_engine(getattr(mkdocs, "__version__", ""))
    except ConfigError as exc:
        print(exc.text.render(lang), file=sys.stderr)
        raise BuildFailed(exc.text) from exc
