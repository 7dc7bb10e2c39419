"""The thin command line: check, outline, build, serve, new, import, tally, intake.

Only the wiring lives here (the parser and `main`); each command's body is
`lawsite.commands.<name>.run`. Exit codes: 0 success, 1 content errors (or
warnings under --strict), 2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from .commands import build as build_command
from .commands import check as check_command
from .commands import import_ as import_command
from .commands import intake as intake_command
from .commands import new as new_command
from .commands import outline as outline_command
from .commands import serve as serve_command
from .commands import sort as sort_command
from .commands import tally as tally_command
from .model import ConfigError, LawsiteError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main", "parser"]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="lawsite", description="Publish draft laws, interpretations and adoption notices as a static site.")
    top.add_argument("--version", action="version", version=f"lawsite {__version__}")
    top.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate all content and report every problem")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab"),
        default="text",
        help="github: workflow commands that annotate pull requests; gitlab: a Code Quality report (JSON)",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (the log still lists every problem)")
    check.set_defaults(run=check_command.run)

    outline = commands.add_parser("outline", help="show how files were parsed (divisions, articles)")
    outline.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or folders")
    outline.add_argument("--json", action="store_true", help="stable JSON (see lawsite.outline)")
    outline.set_defaults(run=outline_command.run)

    build = commands.add_parser("build", help="build the site; the previous site stays if the build fails")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("-d", "--site-dir", help="where to publish (default: site_dir of mkdocs.yml)")
    build.set_defaults(run=build_command.run)

    serve = commands.add_parser("serve", help="preview with live reload")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    serve.add_argument("--full-rebuild", action="store_true", help="rebuild every page on each change (slow on large sites; default: only changed pages)")
    serve.set_defaults(run=serve_command.run)

    new = commands.add_parser("new", help="create a content file from a template")
    new.add_argument("kind", choices=("draft", "law", "interpretation", "notice", "contact-point", "page"))
    new.add_argument("--id", help="document id (default: KIND-YYYY-MM-DD)")
    new.add_argument("--title", help="document title (asked for on a terminal when missing)")
    new.add_argument("--interprets", metavar="ID", help="interpretation: the id of the draft or law it explains")
    new.add_argument("--concerns", metavar="ID", help="notice: the id of the draft the suggestions were made on")
    new.add_argument("--path", help="file to write (default: content/<kind folder>/<id>.md)")
    new.set_defaults(run=new_command.run)

    tally = commands.add_parser("tally", help="collected comments (CSV: article,from,text[,count]) → a notice skeleton")
    tally.add_argument("file", metavar="FILE.csv", help="one row per comment; UTF-8 (with or without BOM) or GBK")
    tally.add_argument("--concerns", required=True, metavar="ID", help="the id of the draft the comments were made on")
    tally.add_argument("--id", help="the notice's id (default: ID-feedback)")
    tally.add_argument("--out", metavar="PATH", help="file to write (default: content/notices/<id>.md); never overwritten")
    tally.set_defaults(run=tally_command.run)

    imp = commands.add_parser("import", help="convert existing law Markdown (title, dated lines, <!-- INFO END -->) into content files")
    imp.add_argument("sources", nargs="+", metavar="SRC", help="Markdown files or folders (subfolders become categories)")
    imp.add_argument("--into", required=True, help="content folder to write into, e.g. content/laws/")
    imp.add_argument("--force", action="store_true", help="overwrite files that exist already")
    imp.set_defaults(run=import_command.run)

    sort_command.add_parser(commands)
    intake_command.add_parser(commands)  # serve, export, purge: their options are intake's own
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    try:
        return args.run(args)
    except (ConfigError, FileExistsError) as exc:
        print(f"lawsite: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LawsiteError as exc:
        print(f"lawsite: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
