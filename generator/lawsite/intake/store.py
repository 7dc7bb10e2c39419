"""Where comments are kept: one interface, SQLite or PostgreSQL behind it.

Two tables, so that nothing meant for publication can carry personal data
by accident: `comments` (receipt, draft, article, contact point, text, time
received) and `personal` (receipt → name, contact), which `purge` empties
of everything received before a day.

The schema is versioned by hand rather than with Alembic: it is three
tables, the same SQL runs on both databases, and an ordered list of
migrations with a `schema_version` row keeps the service free of an ORM and
of a migration tool that an office would have to run separately. Opening a
store brings it up to the current version in one transaction; a database
newer than this code is refused. Every statement is parameterised.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Protocol, Sequence

from .receipts import new_receipt
from .submission import Comment

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: comments and the personal data kept apart from them
    (
        "CREATE TABLE comments (receipt TEXT PRIMARY KEY, doc TEXT NOT NULL, article TEXT NOT NULL,"
        " point TEXT, text TEXT NOT NULL, received TEXT NOT NULL)",
        "CREATE TABLE personal (receipt TEXT PRIMARY KEY REFERENCES comments (receipt) ON DELETE CASCADE,"
        " name TEXT, contact TEXT)",
    ),
    # 2: export reads one draft in order; each purge is recorded (what was deleted, when)
    (
        "CREATE INDEX comments_by_doc ON comments (doc, received, receipt)",
        "CREATE TABLE purges (purged_at TEXT NOT NULL, cutoff TEXT NOT NULL, deleted INTEGER NOT NULL)",
    ),
)
CURRENT_VERSION = len(MIGRATIONS)
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # UTC, fixed width: text order is time order
MAX_RECEIPT_TRIES = 8
PAGE = 1000  # rows per query of an export


class StoreError(Exception):
    """The database cannot be used (unreachable, or newer than this code)."""


@dataclass(frozen=True)
class Stored:
    receipt: str
    doc: str
    article: str
    point: str | None
    text: str
    received: dt.datetime  # aware, UTC


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime(TIME_FORMAT)


def _unstamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, TIME_FORMAT).replace(tzinfo=dt.timezone.utc)


class Store(Protocol):
    """What the service and the operators' commands need of a database."""

    def add(self, comments: Sequence[Comment], received: dt.datetime) -> list[str]: ...
    def get(self, receipt: str) -> Stored | None: ...
    def comments_on(self, doc: str) -> Iterator[Stored]: ...
    def personal(self, receipt: str) -> tuple[str | None, str | None] | None: ...
    def purge(self, before: dt.datetime, now: dt.datetime) -> int: ...
    def version(self) -> int: ...
    def close(self) -> None: ...


class SqlStore:
    """The SQL both databases share; a subclass connects and says how its
    driver writes placeholders and opens a transaction."""

    placeholder = "?"

    def __init__(self, new_receipt: Callable[[], str] = new_receipt, upto: int = CURRENT_VERSION) -> None:
        self._new_receipt = new_receipt
        self._local = threading.local()  # one connection per thread: neither driver shares one safely for writes
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._upgrade(upto)

    # --- what a subclass provides ---

    def _connect(self) -> Any:
        raise NotImplementedError

    def _transaction(self, connection: Any) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _lock_schema(self, connection: Any) -> None:
        """Keep a second process from upgrading at the same time."""

    # --- shared ---

    def _sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def _connection(self) -> Any:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = self._connect()
            with self._lock:
                self._connections.append(connection)
        return connection

    def _run(self, connection: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        return connection.execute(self._sql(sql), tuple(params))

    def _upgrade(self, upto: int) -> None:
        connection = self._connection()
        with self._transaction(connection):
            self._lock_schema(connection)
            self._run(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._run(connection, "SELECT version FROM schema_version").fetchone()
            current = row[0] if row else 0
            if current > CURRENT_VERSION:
                raise StoreError(f"the database is at schema version {current}, newer than this lawsite ({CURRENT_VERSION}); upgrade lawsite")
            for statements in MIGRATIONS[current:upto]:
                for statement in statements:
                    self._run(connection, statement)
            if row is None:
                self._run(connection, "INSERT INTO schema_version (version) VALUES (?)", (max(current, upto),))
            else:
                self._run(connection, "UPDATE schema_version SET version = ?", (max(current, upto),))

    def version(self) -> int:
        return self._run(self._connection(), "SELECT version FROM schema_version").fetchone()[0]

    def add(self, comments: Sequence[Comment], received: dt.datetime) -> list[str]:
        """Store `comments` in one transaction (one commit for a whole batch)
        and return their receipts once that commit is durable."""
        connection = self._connection()
        when = stamp(received)
        with self._transaction(connection):
            return [self._insert(connection, comment, when) for comment in comments]

    def _insert(self, connection: Any, comment: Comment, when: str) -> str:
        for _ in range(MAX_RECEIPT_TRIES):
            receipt = self._new_receipt()
            inserted = self._run(
                connection,
                "INSERT INTO comments (receipt, doc, article, point, text, received) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (receipt) DO NOTHING",
                (receipt, comment.doc, comment.article, comment.point, comment.text, when),
            ).rowcount
            if inserted == 1:
                break
        else:
            raise StoreError(f"no free receipt after {MAX_RECEIPT_TRIES} tries")
        if comment.name or comment.contact:
            self._run(connection, "INSERT INTO personal (receipt, name, contact) VALUES (?, ?, ?)", (receipt, comment.name, comment.contact))
        return receipt

    def get(self, receipt: str) -> Stored | None:
        row = self._run(self._connection(), "SELECT receipt, doc, article, point, text, received FROM comments WHERE receipt = ?", (receipt,)).fetchone()
        return _stored(row) if row else None

    def comments_on(self, doc: str) -> Iterator[Stored]:
        """The comments on `doc` in the order received, a page per query: each
        page is one whole call, so the pages may be read from different threads."""
        after = ("", "")
        while True:
            rows = self._run(
                self._connection(),
                "SELECT receipt, doc, article, point, text, received FROM comments"
                " WHERE doc = ? AND (received, receipt) > (?, ?) ORDER BY received, receipt LIMIT ?",
                (doc, after[0], after[1], PAGE),
            ).fetchall()
            yield from (_stored(row) for row in rows)
            if len(rows) < PAGE:
                return
            after = (rows[-1][5], rows[-1][0])

    def personal(self, receipt: str) -> tuple[str | None, str | None] | None:
        """Name and contact given with a comment (operators only; never exported)."""
        row = self._run(self._connection(), "SELECT name, contact FROM personal WHERE receipt = ?", (receipt,)).fetchone()
        return (row[0], row[1]) if row else None

    def purge(self, before: dt.datetime, now: dt.datetime) -> int:
        """Delete the name and contact of every comment received before
        `before`; return how many rows were deleted. The comments stay."""
        connection = self._connection()
        with self._transaction(connection):
            deleted = self._run(
                connection,
                "DELETE FROM personal WHERE receipt IN (SELECT receipt FROM comments WHERE received < ?)",
                (stamp(before),),
            ).rowcount
            self._run(connection, "INSERT INTO purges (purged_at, cutoff, deleted) VALUES (?, ?, ?)", (stamp(now), stamp(before), deleted))
        return deleted

    def close(self) -> None:
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()


def _stored(row: Sequence[Any]) -> Stored:
    receipt, doc, article, point, text, received = row
    return Stored(receipt, doc, article, point, text, _unstamp(received))
