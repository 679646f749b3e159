"""Changes to a story's articles; each call runs inside the caller's write transaction.

After any change the story is re-analysed whole and its derived rows are replaced, so stored
timelines are always exactly ``analyse_story`` of the stored articles.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from service.pipeline.model import ArticleInput
from service.pipeline.story import analyse_story
from service.store.codec import dumps

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
    if any(created for _, created in results):
        rebuild_story(conn, story)
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
        rebuild_story(conn, row["story"])
    return row["story"]


def delete_article(conn: sqlite3.Connection, aid: str) -> bool:
    """Remove an article and, by re-analysis, everything it contributed to its story."""
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()
    if row is None:
        return False
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    conn.execute("INSERT INTO tombstones (id, story) VALUES (?, ?)", (aid, row["story"]))
    rebuild_story(conn, row["story"])
    return True


def rebuild_story(conn: sqlite3.Connection, story: str) -> None:
    """Re-run the pipeline over the story's articles and replace every derived row."""
    rows = conn.execute("SELECT * FROM articles WHERE story = ?", (story,)).fetchall()
    analysis = analyse_story([_article_input(r) for r in rows])
    conn.execute("DELETE FROM article_analyses WHERE article_id IN (SELECT id FROM articles WHERE story = ?)", (story,))
    conn.execute("DELETE FROM expressions WHERE article_id IN (SELECT id FROM articles WHERE story = ?)", (story,))
    conn.execute("DELETE FROM entries WHERE story = ?", (story,))
    entry_counts = Counter(aid for e in analysis.entries for aid in {s.article_id for s in e.sources})
    for analysed in analysis.articles:
        aid = analysed.article.id
        conn.execute(
            "INSERT INTO article_analyses VALUES (?, ?, ?, ?, ?)",
            (aid, dumps(analysed.reference_date), dumps(analysed.furniture), len(analysed.expressions), entry_counts[aid]),
        )
        conn.executemany(
            "INSERT INTO expressions (article_id, position, data) VALUES (?, ?, ?)",
            [(aid, i, dumps(e)) for i, e in enumerate(analysed.expressions)],
        )
    for position, entry in enumerate(analysis.entries):
        when = entry.date
        conn.execute(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                story, position, entry.id, entry.kind, when is not None,
                when.earliest.isoformat() if when and when.earliest else None,
                when.latest.isoformat() if when and when.latest else None,
                dumps(entry),
            ),
        )
        actors = {a.id: a for a in entry.actors}
        conn.executemany(
            "INSERT INTO entry_actors VALUES (?, ?, ?, ?)",
            [(story, position, a.id, dumps(a)) for a in actors.values()],
        )
    conn.execute("UPDATE stories SET revision = revision + 1 WHERE id = ?", (story,))


def _article_input(row: sqlite3.Row) -> ArticleInput:
    return ArticleInput(
        id=row["id"],
        story=row["story"],
        text=row["text"],
        title=row["title"],
        publisher=row["publisher"],
        url=row["url"],
        published_on=published_on(row["published_at"]),
    )
