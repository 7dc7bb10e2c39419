"""`lawsite intake serve|export|purge`: the comment service and its operators' commands.

Starlette, uvicorn and the database drivers are imported only when a
subcommand runs, so the rest of the CLI starts as fast as before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any, Iterator

from ..messages import msg
from ..model import ConfigError
from ..settings import Settings
from . import EXIT_OK, language_of, titled

TOKEN_VARIABLE = "LAWSITE_INTAKE_TOKEN"


def add_parser(subparsers: Any, lang: str, shared: argparse.ArgumentParser) -> None:
    """`intake` and its subcommands, their help in `lang`; `shared` holds the options of every command (--lang)."""

    def command(parent: Any, name: str, summary: str) -> argparse.ArgumentParser:
        return titled(parent.add_parser(name, help=summary, description=summary, parents=[shared], add_help=False), lang)

    intake = command(subparsers, "intake", msg("cli.intake").render(lang))
    intake.set_defaults(run=run)
    commands = intake.add_subparsers(dest="intake_command", required=True, metavar="SUBCOMMAND")

    serve = command(commands, "serve", msg("cli.intake.serve").render(lang))
    serve.add_argument("--site", required=True, help=msg("cli.intake.site").render(lang))
    _db_argument(serve, lang)
    serve.add_argument("--host", default="127.0.0.1", help=msg("cli.intake.host").render(lang))
    serve.add_argument("--port", type=int, default=8000, help=msg("cli.intake.port").render(lang))
    serve.add_argument("--origin", help=msg("cli.intake.origin").render(lang))
    serve.add_argument("--per-minute", type=int, default=30, help=msg("cli.intake.per-minute").render(lang))
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1", help=msg("cli.intake.forwarded").render(lang))
    _timezone_argument(serve, lang)

    export = command(commands, "export", msg("cli.intake.export").render(lang))
    _db_argument(export, lang)
    export.add_argument("--concerns", required=True, metavar="ID", help=msg("cli.intake.concerns").render(lang))
    export.add_argument("-o", "--output", required=True, metavar="FILE.csv", help=msg("cli.intake.output").render(lang))
    _timezone_argument(export, lang)

    purge = command(commands, "purge", msg("cli.intake.purge").render(lang))
    _db_argument(purge, lang)
    purge.add_argument("--before", required=True, metavar="YYYY-MM-DD", help=msg("cli.intake.before").render(lang))
    _timezone_argument(purge, lang)


def _db_argument(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--db", required=True, help=msg("cli.intake.db").render(lang))


def _timezone_argument(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--timezone", default=Settings.timezone, help=msg("cli.intake.timezone", default=Settings.timezone).render(lang))


def run(args: argparse.Namespace) -> int:
    return {"serve": _serve, "export": _export, "purge": _purge}[args.intake_command](args)


def _store(url: str) -> Any:
    from ..intake.backends import open_store
    from ..intake.store import StoreError

    try:
        return open_store(url)
    except StoreError as exc:
        raise ConfigError(msg("error.intake-db", error=str(exc))) from exc


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..intake.app import Options, create_app
    from ..intake.catalogue import CatalogueError, LiveCatalogue
    from ..intake.clock import clock_from_env

    tz = Settings(timezone=args.timezone).tz
    try:
        catalogue = LiveCatalogue(Path(args.site))
    except (CatalogueError, OSError) as exc:
        raise ConfigError(msg("error.intake-site", site=args.site, error=str(exc))) from exc
    token = os.environ.get(TOKEN_VARIABLE) or None
    options = Options(timezone=args.timezone, origin=args.origin, per_minute=args.per_minute, token=token)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    store = _store(args.db)
    try:
        app = create_app(catalogue, store, options, clock_from_env(tz))
        uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_level="warning",
                    proxy_headers=True, forwarded_allow_ips=args.forwarded_allow_ips)
    finally:
        store.close()
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from ..emit.files import write_atomically
    from ..intake.export import csv_chunks

    tz = Settings(timezone=args.timezone).tz
    store = _store(args.db)
    counted = _Counted(store.comments_on(args.concerns))
    target = Path(args.output)
    try:
        write_atomically(target, csv_chunks(counted, tz, args.concerns))
    finally:
        store.close()
    print(msg("intake.exported", n=counted.n, concerns=args.concerns, target=target).render(language_of(args)))
    return EXIT_OK


class _Counted:
    def __init__(self, items: Iterator[Any]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.n += 1
            yield item


def _purge(args: argparse.Namespace) -> int:
    settings = Settings(timezone=args.timezone)
    try:
        day = dt.date.fromisoformat(args.before)
    except ValueError as exc:
        raise ConfigError(msg("error.intake-before", before=args.before)) from exc
    before = dt.datetime.combine(day, dt.time(), settings.tz)
    store = _store(args.db)
    try:
        deleted = store.purge(before, dt.datetime.now(dt.timezone.utc))
    finally:
        store.close()
    print(msg("intake.purged", n=deleted, day=day, timezone=settings.timezone).render(language_of(args)))
    return EXIT_OK
