"""PostgreSQL through psycopg 3, for offices that run one.

The server's defaults keep an acknowledged commit (`synchronous_commit = on`:
the WAL is flushed before COMMIT returns); the service commits concurrent
comments together, as with SQLite.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

import psycopg

from .store import SqlStore, StoreError

SCHEMA_LOCK = 0x1A75_17E0  # pg_advisory_xact_lock key: one upgrade at a time


class PostgresStore(SqlStore):
    placeholder = "%s"

    def __init__(self, url: str, **options: Any) -> None:
        self._url = url
        super().__init__(**options)

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc

    def _transaction(self, connection: psycopg.Connection[Any]) -> AbstractContextManager[Any]:
        return connection.transaction()

    def _lock_schema(self, connection: psycopg.Connection[Any]) -> None:
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
