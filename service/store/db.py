"""SQLite connections: one short-lived connection per unit of work, so threads never share one.

WAL lets readers run beside the single writer; ``BEGIN IMMEDIATE`` makes writers queue on the
database lock (``busy_timeout``) instead of failing half-way through an ingestion. ``synchronous=NORMAL``
is WAL's usual setting: a commit is atomic and never corrupts the file, and only the last commits
before a power cut may be lost (the articles can be posted again), for no sync on every commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

SCHEMA = files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
BUSY_TIMEOUT_MS = 30_000
DERIVED = ("entry_actors", "entry_articles", "entries", "expressions", "article_analyses", "statements",
           "story_actors", "canonical_actors", "actor_links", "actor_partitions", "partitions")  # rebuilt from the articles
LATEST = (("entries", "sort_key"), ("article_analyses", "people"), ("canonical_actors", "shown_id"))  # columns the derived rows gained last


def _lacks(conn: sqlite3.Connection, table: str, column: str) -> bool:
    """True when the table exists without the column: its rows were derived by older code."""
    columns = {r["name"] for r in conn.execute(f"PRAGMA table_info({table})")}
    return bool(columns) and column not in columns


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            self.outdated = any(_lacks(conn, table, column) for table, column in LATEST)  # an older layout
            if self.outdated:
                conn.executescript("".join(f"DROP TABLE IF EXISTS {table};" for table in DERIVED))
            conn.executescript(SCHEMA)
        # Held open, idle, for the life of the store: while one connection has the WAL open, a unit of
        # work's connection is never the last to close, so closing it neither checkpoints nor deletes
        # the WAL (about 15 ms of disk syncs on every call); the WAL is still checkpointed as it grows.
        self._keeper = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._keeper.execute("PRAGMA user_version").fetchone()  # opens the WAL index now

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.row_factory = sqlite3.Row
            yield conn
        finally:
            conn.close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same snapshot."""
        with self._connect() as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is committed, or none of it on any exception."""
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def ping(self) -> None:
        with self._connect() as conn:
            conn.execute("SELECT 1 FROM stories LIMIT 1").fetchall()
