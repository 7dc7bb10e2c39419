"""`lawsite new`: create a content file from a template."""

from __future__ import annotations

import argparse
import sys

from ..gather.site import load_site
from ..messages import msg
from . import EXIT_OK, language_of, project_of


def run(args: argparse.Namespace) -> int:
    from ..scaffold import Answers, complete, scaffold

    project = project_of(args)
    site = load_site(project.content_dir, project.settings)
    given = Answers(title=args.title, id=args.id, interprets=args.interprets, concerns=args.concerns, point=args.point, path=args.path)
    ask = input if sys.stdin.isatty() else None  # ask only a person, never a pipe
    lang = language_of(args, project)
    target = scaffold(args.kind, project.content_dir, complete(args.kind, given, site, ask, lang), site, project.settings.today())
    print(msg("new.done", target=target).render(lang))
    return EXIT_OK
