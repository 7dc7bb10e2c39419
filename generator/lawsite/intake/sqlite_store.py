"""The embedded default: one SQLite file in WAL mode.

`synchronous=FULL`: each commit waits for the WAL to reach the disk. In WAL
mode NORMAL would already survive SIGKILL (the WAL is written before commit
returns and the kernel keeps it), but not a power cut or a kernel crash, and
a receipt is a promise to a citizen. FULL costs one fsync per commit (about
2 ms here, ~450 commits/s); the service commits concurrent comments together
(`writer.Writer`), so FULL still takes well over 1,000 comments a second.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator

from .store import SqlStore

BUSY_TIMEOUT_MS = 10_000  # an export or purge from the CLI waits for the service's write


class SqliteStore(SqlStore):
    def __init__(self, path: str, **options: Any) -> None:
        self._path = path.removeprefix("sqlite:///")
        super().__init__(**options)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    @contextmanager
    def _transaction(self, connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        connection.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
