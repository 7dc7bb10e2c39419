"""Which store a database URL names. Apart from `store.py`, which the two
implementations build on, so that the base never imports its subclasses."""

from __future__ import annotations

from typing import Any

from .store import Store, StoreError


def open_store(url: str, **options: Any) -> Store:
    """`postgresql://…` (or `postgres://…`) for PostgreSQL, anything else a SQLite file."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres_store import PostgresStore
        except ImportError as exc:
            raise StoreError(f"PostgreSQL needs psycopg: pip install 'lawsite[postgresql]' ({exc})") from exc

        return PostgresStore(url, **options)
    from .sqlite_store import SqliteStore

    return SqliteStore(url, **options)
