"""Comments from the intake database, read through the intake's own store
and export (`intake.export.row`): the service's export and `collect` cannot
disagree about what a stored comment says."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..intake.backends import open_store
from ..intake.export import row
from ..messages import msg
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
        raise ConfigError(msg("error.collect-db-missing", source=source))
    try:
        store = open_store(url)
    except Exception as exc:  # StoreError, or either driver's own (unreachable, not a database, …)
        raise ConfigError(msg("error.collect-db", source=without_password(source), error=str(exc))) from exc
    try:
        for comment in store.comments_on(target.draft.id):
            collected = row(comment, target.tz, without_password(source))
            if not target.has_article(collected.article):  # the draft changed since the comment was taken
                message = msg("collect-unknown-article.comment", id=comment.receipt, draft=target.draft.id, article=comment.article)
                collected = replace(collected, article="", flags=(message,))
                into.flag(Problem(without_password(source), None, "article", message, msg("collect-unknown-article.hint"), Severity.WARNING, "collect-unknown-article"))
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
