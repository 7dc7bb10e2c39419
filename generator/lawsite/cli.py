"""The thin command line: check, outline, build, serve, new, import, tally, intake.

Only the wiring lives here (the parser and `main`); each command's body is
`lawsite.commands.<name>.run`. Exit codes: 0 success, 1 content errors (or
warnings under --strict), 2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Callable, Sequence

from . import __version__
from .commands import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, titled
from .commands import collect as collect_command
from .commands import intake as intake_command
from .commands import sort as sort_command
from .messages import DEFAULT, language, msg, requested_language
from .model import ConfigError, LawsiteError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main", "parser"]


def _run(module: str) -> Callable[[argparse.Namespace], int]:
    """`lawsite.commands.<module>.run`, imported when the command runs: a
    command does not wait for every other command's imports (`lawsite
    build` starts MkDocs 0.15 s sooner)."""

    def run(args: argparse.Namespace) -> int:
        return importlib.import_module(f".commands.{module}", __package__).run(args)

    return run


def parser(lang: str = DEFAULT) -> argparse.ArgumentParser:
    """The command line, its help in `lang` (help is printed while arguments
    are parsed, so `main` finds the language first: `--lang`, `LAWSITE_LANG`)."""

    shared = argparse.ArgumentParser(add_help=False)  # -h and --lang after any command, too
    shared.add_argument("-h", "--help", action="help", help=msg("cli.help").render(lang))
    shared.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=msg("cli.lang").render(lang))
    top = argparse.ArgumentParser(prog="lawsite", description=msg("cli.description").render(lang), parents=[shared], add_help=False)
    titled(top, lang)
    top.add_argument("--version", action="version", version=f"lawsite {__version__}", help=msg("cli.version").render(lang))
    top.add_argument("-f", "--config-file", default="mkdocs.yml", help=msg("cli.config-file").render(lang))
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND", title=msg("cli.commands").render(lang))

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return titled(commands.add_parser(name, help=summary, description=summary, parents=[shared], add_help=False), lang)

    check = command("check", msg("cli.check").render(lang))
    check.add_argument("--strict", action="store_true", help=msg("cli.strict").render(lang))
    check.add_argument(
        "--format",
        choices=("text", "json", "github", "gitlab"),
        default="text",
        help=msg("cli.check.format").render(lang),
    )
    check.add_argument("-o", "--output", metavar="FILE", help=msg("cli.check.output").render(lang))
    check.set_defaults(run=_run("check"))

    outline = command("outline", msg("cli.outline").render(lang))
    outline.add_argument("paths", nargs="+", metavar="PATH", help=msg("cli.outline.paths").render(lang))
    outline.add_argument("--json", action="store_true", help=msg("cli.outline.json").render(lang))
    outline.set_defaults(run=_run("outline"))

    build = command("build", msg("cli.build").render(lang))
    build.add_argument("--strict", action="store_true", help=msg("cli.strict").render(lang))
    build.add_argument("-d", "--site-dir", help=msg("cli.build.site-dir").render(lang))
    build.add_argument("-j", "--jobs", type=int, metavar="N", help=msg("cli.build.jobs").render(lang))
    build.set_defaults(run=_run("build"))

    serve = command("serve", msg("cli.serve").render(lang))
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help=msg("cli.serve.dev-addr").render(lang))
    serve.add_argument("--full-rebuild", action="store_true", help=msg("cli.serve.full-rebuild").render(lang))
    serve.add_argument("--poll", action="store_true", help=msg("cli.serve.poll").render(lang))
    serve.set_defaults(run=_run("serve"))

    new = command("new", msg("cli.new").render(lang))
    new.add_argument("kind", choices=("draft", "law", "interpretation", "notice", "contact-point", "activity", "page"), help=msg("cli.new.kind").render(lang))
    new.add_argument("--id", help=msg("cli.new.id").render(lang))
    new.add_argument("--title", help=msg("cli.new.title").render(lang))
    new.add_argument("--interprets", metavar="ID", help=msg("cli.new.interprets").render(lang))
    new.add_argument("--concerns", metavar="ID", help=msg("cli.new.concerns").render(lang))
    new.add_argument("--point", metavar="ID", help=msg("cli.new.point").render(lang))
    new.add_argument("--path", help=msg("cli.new.path").render(lang))
    new.set_defaults(run=_run("new"))

    tally = command("tally", msg("cli.tally").render(lang))
    tally.add_argument("file", metavar="FILE", help=msg("cli.tally.file").render(lang))
    tally.add_argument("--concerns", required=True, metavar="ID", help=msg("cli.tally.concerns").render(lang))
    tally.add_argument("--id", help=msg("cli.tally.id").render(lang))
    tally.add_argument("--out", metavar="PATH", help=msg("cli.tally.out").render(lang))
    tally.add_argument("--force", action="store_true", help=msg("cli.tally.force").render(lang))
    tally.set_defaults(run=_run("tally"))

    ledger = command("ledger", msg("cli.ledger").render(lang))
    ledger.add_argument("--point", required=True, metavar="ID", help=msg("cli.ledger.point").render(lang))
    ledger.add_argument("--year", required=True, type=int, help=msg("cli.ledger.year").render(lang))
    ledger.add_argument("-o", "--out", required=True, metavar="FILE.xlsx", help=msg("cli.ledger.out").render(lang))
    ledger.set_defaults(run=_run("ledger"))

    imp = command("import", msg("cli.import").render(lang))
    imp.add_argument("sources", nargs="+", metavar="SRC", help=msg("cli.import.sources").render(lang))
    imp.add_argument("--kind", choices=("law", "draft"), default="law", help=msg("cli.import.kind").render(lang))
    imp.add_argument("--into", required=True, help=msg("cli.import.into").render(lang))
    imp.add_argument("--force", action="store_true", help=msg("cli.import.force").render(lang))
    imp.set_defaults(run=_run("import_"))

    sort_command.add_parser(commands, lang, shared)
    intake_command.add_parser(commands, lang, shared)  # serve, export, purge: their options are intake's own
    collect_command.add_parser(commands, lang, shared)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    requested = requested_language(arguments)
    lang = language(requested)
    try:
        args = parser(lang).parse_args(arguments)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    args.lang = requested  # None: the site's language decides (commands.language_of)
    try:
        return args.run(args)
    except LawsiteError as exc:
        print(f"lawsite: {exc.text.render(lang)}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
