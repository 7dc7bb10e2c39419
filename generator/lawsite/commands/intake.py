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

from ..model import ConfigError
from ..settings import Settings
from . import EXIT_OK

TOKEN_VARIABLE = "LAWSITE_INTAKE_TOKEN"


def add_parser(subparsers: Any) -> None:
    intake = subparsers.add_parser("intake", help="the comment service: serve, export comments, purge personal data")
    intake.set_defaults(run=run)
    commands = intake.add_subparsers(dest="intake_command", required=True, metavar="SUBCOMMAND")

    serve = commands.add_parser("serve", help="take comments on the site's open drafts (ASGI, uvicorn)")
    serve.add_argument("--site", required=True, help="the built site folder (its data/ is read for what is open)")
    _db_argument(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--origin", help="the site's origin, the only one allowed to post (default: from site_url in the open data)")
    serve.add_argument("--per-minute", type=int, default=30, help="requests per client address and minute (default: 30)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1", help="proxies whose X-Forwarded-For is trusted (as uvicorn takes it)")
    _timezone_argument(serve)

    export = commands.add_parser("export", help="comments on one draft → CSV (id,channel,point,article,text,received)")
    _db_argument(export)
    export.add_argument("--concerns", required=True, metavar="ID", help="the id of the draft")
    export.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    _timezone_argument(export)

    purge = commands.add_parser("purge", help="delete names and contacts of comments received before a day")
    _db_argument(purge)
    purge.add_argument("--before", required=True, metavar="YYYY-MM-DD", help="first day whose personal data is kept (site time zone)")
    _timezone_argument(purge)


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help="a SQLite file (created if missing) or postgresql://user@host/dbname")


def _timezone_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--timezone", default=Settings.timezone, help=f"the site's time zone (default: {Settings.timezone})")


def run(args: argparse.Namespace) -> int:
    return {"serve": _serve, "export": _export, "purge": _purge}[args.intake_command](args)


def _store(url: str) -> Any:
    from ..intake.backends import open_store
    from ..intake.store import StoreError

    try:
        return open_store(url)
    except StoreError as exc:
        raise ConfigError(f"--db: {exc}") from exc


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..intake.app import Options, create_app
    from ..intake.catalogue import CatalogueError, LiveCatalogue
    from ..intake.clock import clock_from_env

    tz = Settings(timezone=args.timezone).tz
    try:
        catalogue = LiveCatalogue(Path(args.site))
    except (CatalogueError, OSError) as exc:
        raise ConfigError(f"--site {args.site}: no open data to serve ({exc}); build the site first") from exc
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
    print(f"{counted.n} comment(s) on {args.concerns} written to {target}")
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
        raise ConfigError(f"--before {args.before!r}: not a date; write YYYY-MM-DD") from exc
    before = dt.datetime.combine(day, dt.time(), settings.tz)
    store = _store(args.db)
    try:
        deleted = store.purge(before, dt.datetime.now(dt.timezone.utc))
    finally:
        store.close()
    print(f"deleted the name and contact of {deleted} comment(s) received before {day} ({settings.timezone}); the comments stay")
    return EXIT_OK
