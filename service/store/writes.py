"""Changes to a story's articles; each call runs inside the caller's write transaction.

After any change the story's derived rows equal ``analyse_story`` of the stored articles, updated
incrementally (``incremental.py``: only what the change can alter is redone).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from service.store import incremental

METADATA = ("title", "publisher", "url", "published_at")


@dataclass(frozen=True, slots=True)
class NewArticle:
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_at: str | None = None  # ISO date, or date-time with offset (local day = publication day)


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(story: str, sha256: str, incarnation: int = 0) -> str:
    """Stable id from story and content: the same text in the same story is the same article.

    ``incarnation`` counts earlier deletions of that text, so a deleted id never comes back."""
    key = f"{story}\n{sha256}" + (f"\n{incarnation}" if incarnation else "")
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _live_id(conn: sqlite3.Connection, story: str, sha256: str) -> str:
    incarnation = 0
    while conn.execute("SELECT 1 FROM tombstones WHERE id = ?", (article_id(story, sha256, incarnation),)).fetchone():
        incarnation += 1
    return article_id(story, sha256, incarnation)


def published_on(published_at: str | None) -> date | None:
    """The local calendar day of publication: the date part as written, whatever the offset."""
    return date.fromisoformat(published_at[:10]) if published_at else None


def add_articles(
    conn: sqlite3.Connection, story: str, articles: list[NewArticle], now: str
) -> list[tuple[str, bool]]:
    """Store new articles (story created on first use); returns (id, created) for each."""
    conn.execute("INSERT OR IGNORE INTO stories (id, created_at) VALUES (?, ?)", (story, now))
    results = []
    for new in articles:
        sha = content_sha256(new.text)
        aid = _live_id(conn, story, sha)
        exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone()
        if not exists:
            conn.execute(
                "INSERT INTO articles (id, story, text, title, publisher, url, published_at,"
                " content_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (aid, story, new.text, new.title, new.publisher, new.url, new.published_at, sha, now),
            )
        results.append((aid, not exists))
    created = [aid for aid, new in results if new]
    if created:
        _changed(conn, story, created)
    return results


def patch_article(conn: sqlite3.Connection, aid: str, changes: Mapping[str, str | None]) -> str | None:
    """Set or clear metadata fields; returns the article's story, or None when there is no such article."""
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()
    if row is None:
        return None
    fields = [name for name in METADATA if name in changes]
    if fields:
        assignments = ", ".join(f"{name} = ?" for name in fields)
        conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*(changes[n] for n in fields), aid))
        _changed(conn, row["story"], [aid])
    return row["story"]


def delete_article(conn: sqlite3.Connection, aid: str) -> bool:
    """Remove an article and, by re-analysis, everything it contributed to its story."""
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()
    if row is None:
        return False
    incremental.remove(conn, aid)
    conn.execute("INSERT INTO tombstones (id, story) VALUES (?, ?)", (aid, row["story"]))
    _bump(conn, row["story"])
    return True


def reanalyse(conn: sqlite3.Connection, story: str) -> None:
    """Derive every row of the story again from its articles."""
    _changed(conn, story, [r["id"] for r in conn.execute("SELECT id FROM articles WHERE story = ? ORDER BY id", (story,))])


def _changed(conn: sqlite3.Connection, story: str, aids: list[str]) -> None:
    incremental.update(conn, story, aids)
    _bump(conn, story)


def _bump(conn: sqlite3.Connection, story: str) -> None:
    conn.execute("UPDATE stories SET revision = revision + 1 WHERE id = ?", (story,))
