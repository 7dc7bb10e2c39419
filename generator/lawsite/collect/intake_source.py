"""Comments from the intake database, read through the intake's own store
and export (`intake.export.row`): the service's export and `collect` cannot
disagree about what a stored comment says."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..intake.backends import open_store
from ..intake.export import row
from ..model import ConfigError, Problem, Severity
from .table import Collected, Target

SQLITE_PREFIX = "sqlite:"
SQLITE_MAGIC = b"SQLite format 3\x00"
SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(source: str) -> bool:
    return source.startswith((SQLITE_PREFIX, *SERVER_SCHEMES))


def database_url(source: str) -> str:
    """`sqlite:path` (or `sqlite:///path`) → the path `open_store` takes; anything else unchanged."""
    if source.startswith(SQLITE_PREFIX):
        rest = source[len(SQLITE_PREFIX):]
        return rest[2:] if rest.startswith("///") else rest
    return source


def collect_database(source: str, target: Target, into: Collected) -> None:
    url = database_url(source)
    if not url.startswith(SERVER_SCHEMES) and not Path(url).is_file():  # opening would create an empty one
        raise ConfigError(f"{source}: no such database file")
    try:
        store = open_store(url)
    except Exception as exc:  # StoreError, or either driver's own (unreachable, not a database, …)
        raise ConfigError(f"{without_password(source)}: the intake database cannot be opened ({exc})") from exc
    try:
        for comment in store.comments_on(target.draft.id):
            collected = row(comment, target.tz, without_password(source))
            if not target.has_article(collected.article):  # the draft changed since the comment was taken
                collected = replace(collected, article="", flag=f"unknown article {comment.article}")
                into.flag(Problem(without_password(source), None, "article", f"comment {comment.receipt}: {target.draft.id} has no article `{comment.article}` (any more)", "set the article in 整理", Severity.WARNING, "collect-unknown-article"))
            into.add(collected, without_password(source))  # the summary names it too
    finally:
        store.close()


def without_password(source: str) -> str:
    """A database named without its password."""
    if "://" in source and "@" in source:
        scheme, rest = source.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return source
