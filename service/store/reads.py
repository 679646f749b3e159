"""Queries over stored stories; each runs inside the caller's read transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from service.store.codec import loads

STORY_SUMMARY = """
SELECT s.id, s.revision,
       (SELECT count(*) FROM articles a WHERE a.story = s.id) AS articles,
       (SELECT count(*) FROM entries e WHERE e.story = s.id) AS entries,
       (SELECT min(coalesce(earliest, latest)) FROM entries e WHERE e.story = s.id) AS earliest,
       (SELECT max(coalesce(latest, earliest)) FROM entries e WHERE e.story = s.id) AS latest
FROM stories s
"""

ARTICLE = """
SELECT a.*, n.reference_date, n.furniture, n.expression_count,
       (SELECT count(*) FROM entry_articles x WHERE x.article_id = a.id) AS entry_count
FROM articles a JOIN article_analyses n ON n.article_id = a.id
"""


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """Keep entries whose [earliest, latest] overlaps [start, end]; undated entries only when unbounded."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    kind: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["e.story = ?"], []
        if self.start is not None:
            clauses.append("e.dated AND (e.latest IS NULL OR e.latest >= ?)")
            params.append(self.start.isoformat())
        if self.end is not None:
            clauses.append("e.dated AND (e.earliest IS NULL OR e.earliest <= ?)")
            params.append(self.end.isoformat())
        if self.kind is not None:
            clauses.append("e.kind = ?")
            params.append(self.kind)
        if self.actor is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM entry_actors x WHERE x.story = e.story"
                " AND x.position = e.position AND x.actor_id = ?)"
            )
            params.append(self.actor)
        return " AND ".join(clauses), params


def _story(row: sqlite3.Row) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "articles", "entries", "earliest", "latest")}


def list_stories(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [_story(r) for r in conn.execute(STORY_SUMMARY + " ORDER BY s.id")]


def get_story(conn: sqlite3.Connection, story: str) -> dict[str, Any] | None:
    row = conn.execute(STORY_SUMMARY + " WHERE s.id = ?", (story,)).fetchone()
    return _story(row) if row else None


def story_revision(conn: sqlite3.Connection, story: str) -> int | None:
    row = conn.execute("SELECT revision FROM stories WHERE id = ?", (story,)).fetchone()
    return row["revision"] if row else None


def _article(row: sqlite3.Row, with_text: bool) -> dict[str, Any]:
    out = {k: row[k] for k in ("id", "story", "title", "publisher", "url", "published_at", "content_sha256", "ingested_at")}
    out["reference_date"] = loads(row["reference_date"])
    out["counts"] = {"expressions": row["expression_count"], "entries": row["entry_count"]}
    out["furniture"] = loads(row["furniture"])
    if with_text:
        out["text"] = row["text"]
    return out


def get_article(conn: sqlite3.Connection, aid: str, with_text: bool = True) -> dict[str, Any] | None:
    row = conn.execute(ARTICLE + " WHERE a.id = ?", (aid,)).fetchone()
    return _article(row, with_text) if row else None


def list_articles(conn: sqlite3.Connection, story: str, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """A page of the story's articles in ingestion order, and how many there are in all."""
    total = conn.execute("SELECT count(*) FROM articles WHERE story = ?", (story,)).fetchone()[0]
    rows = conn.execute(ARTICLE + " WHERE a.story = ? ORDER BY a.rowid LIMIT ? OFFSET ?", (story, limit, offset))
    return [_article(r, with_text=False) for r in rows], total


def get_expressions(conn: sqlite3.Connection, aid: str) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT data FROM expressions WHERE article_id = ? ORDER BY position", (aid,))
    return [loads(r["data"]) for r in rows]


def timeline(
    conn: sqlite3.Connection, story: str, where: TimelineFilter, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """A page of the story's filtered entries in timeline order, and how many pass the filter."""
    sql, params = where.where()
    total = conn.execute(f"SELECT count(*) FROM entries e WHERE {sql}", [story, *params]).fetchone()[0]
    rows = conn.execute(
        f"SELECT data FROM entries e WHERE {sql} ORDER BY e.sort_key LIMIT ? OFFSET ?",
        [story, *params, limit, offset],
    )
    return [loads(r["data"]) for r in rows], total


def get_entry(conn: sqlite3.Connection, story: str, entry_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT data FROM entries WHERE story = ? AND id = ? ORDER BY sort_key LIMIT 1", (story, entry_id)
    ).fetchone()
    return loads(row["data"]) if row else None


def actors(conn: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """Each actor of the story once (as first met in timeline order), with its number of entries."""
    rows = conn.execute(
        "SELECT x.actor_id, x.data, count(*) OVER (PARTITION BY x.actor_id) AS n,"
        " row_number() OVER (PARTITION BY x.actor_id ORDER BY e.sort_key) AS r, e.sort_key"
        " FROM entry_actors x JOIN entries e ON e.story = x.story AND e.position = x.position"
        " WHERE x.story = ?",
        (story,),
    ).fetchall()
    first = sorted((r for r in rows if r["r"] == 1), key=lambda r: (r["sort_key"], r["actor_id"]))
    return [{**loads(r["data"]), "entries": r["n"]} for r in first]
