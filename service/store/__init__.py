"""Persistent stories: stored articles (the truth) and what the pipeline derived from them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

from service.config import sqlite_path
from service.store import reads, writes
from service.store.db import Database
from service.store.reads import TimelineFilter
from service.store.writes import NewArticle

__all__ = ["Locate", "NewArticle", "Page", "Store", "TimelineFilter"]

Locate = Callable[[int], int]  # story revision -> offset of the page (may raise for a stale cursor)


class Page(NamedTuple):
    revision: int  # the story's revision the page was read at
    offset: int
    items: list[dict[str, Any]]
    total: int


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The service's storage; safe to share between threads (each call opens its own connection)."""

    def __init__(self, database_url: str, clock: Callable[[], datetime] = _utc_now) -> None:
        self.db = Database(sqlite_path(database_url))
        self.clock = clock
        if self.db.outdated:  # derived rows of an older layout were dropped: derive them again
            with self.db.write() as conn:
                for story in [r["id"] for r in conn.execute("SELECT id FROM stories ORDER BY id")]:
                    writes.reanalyse(conn, story)

    def _now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")

    def add_articles(self, story: str, articles: list[NewArticle]) -> list[tuple[dict[str, Any], bool]]:
        """Ingest articles in one transaction; (article, created) each, existing ones left unchanged."""
        with self.db.write() as conn:
            results = writes.add_articles(conn, story, articles, self._now())
            return [(reads.get_article(conn, aid), created) for aid, created in results]

    def add_article(self, story: str, article: NewArticle) -> tuple[dict[str, Any], bool]:
        return self.add_articles(story, [article])[0]

    def patch_article(self, aid: str, changes: Mapping[str, str | None]) -> dict[str, Any] | None:
        with self.db.write() as conn:
            if writes.patch_article(conn, aid, changes) is None:
                return None
            return reads.get_article(conn, aid)

    def delete_article(self, aid: str) -> bool:
        with self.db.write() as conn:
            return writes.delete_article(conn, aid)

    def list_stories(self) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return reads.list_stories(conn)

    def get_story(self, story: str) -> dict[str, Any] | None:
        with self.db.read() as conn:
            return reads.get_story(conn, story)

    def get_article(self, aid: str) -> dict[str, Any] | None:
        with self.db.read() as conn:
            return reads.get_article(conn, aid)

    def get_expressions(self, aid: str) -> list[dict[str, Any]] | None:
        with self.db.read() as conn:
            if reads.get_article(conn, aid, with_text=False) is None:
                return None
            return reads.get_expressions(conn, aid)

    def list_articles(self, story: str, locate: Locate, limit: int) -> Page | None:
        """A page of the story's articles, or None for an unknown story."""
        with self.db.read() as conn:
            revision = reads.story_revision(conn, story)
            if revision is None:
                return None
            offset = locate(revision)
            return Page(revision, offset, *reads.list_articles(conn, story, offset, limit))

    def timeline(self, story: str, where: TimelineFilter, locate: Locate, limit: int) -> Page | None:
        """A page of the story's filtered timeline, or None for an unknown story."""
        with self.db.read() as conn:
            revision = reads.story_revision(conn, story)
            if revision is None:
                return None
            offset = locate(revision)
            return Page(revision, offset, *reads.timeline(conn, story, where, offset, limit))

    def get_entry(self, story: str, entry_id: str) -> dict[str, Any] | None:
        with self.db.read() as conn:
            return reads.get_entry(conn, story, entry_id)

    def actors(self, story: str) -> list[dict[str, Any]] | None:
        with self.db.read() as conn:
            return None if reads.story_revision(conn, story) is None else reads.actors(conn, story)

    def ping(self) -> None:
        self.db.ping()
