"""Keep a story's derived rows equal to ``analyse_story`` of its articles, redoing only what a change alters.

Each article's analysis (reference date, expressions, statements) is stored, so unchanged articles
are never analysed again (a batch's may be analysed in worker processes: ``workers.py``); the merge is split into partitions (merge/partitions.py), so a change
re-merges only the partitions its old and new statements fall in, plus those naming an actor whose
canonical form the change alters (``registry.py``: recomputed only for the actors a change reaches);
an entry that changed is rewritten in place, its source rows by difference. The clock: an article with ``published_at`` takes its reference
date from it alone; only when the story has articles without it is the whole story's clock re-run
(a cost that grows with the story), and then only articles whose reference date moved are re-analysed.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Iterable

from service.pipeline.clock import resolve_reference_dates
from service.pipeline.merge.batches import Keyed, PartitionMerge, batch_day, keyed
from service.pipeline.merge.partitions import entries_of, partition_of, with_actors
from service.pipeline.model import Actor, AnalysedArticle, ArticleInput, Entry, Statement
from service.store.codec import build, dumps, loads, plain
from service.store.registry import Registry
from service.store.workers import Work, analyse_all


def update(conn: sqlite3.Connection, story: str, changed: Iterable[str]) -> None:
    """Bring the story's derived rows up to date after ``changed`` articles were added or patched."""
    _refresh(conn, story, set(changed), set(), Registry(conn, story))


def remove(conn: sqlite3.Connection, aid: str) -> None:
    """Delete an article with all it contributed, and bring its story up to date."""
    story = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()["story"]
    registry = Registry(conn, story)
    partitions = _forget(conn, aid, registry)
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    _refresh(conn, story, set(), partitions, registry)


def _refresh(conn: sqlite3.Connection, story: str, changed: set[str], dirty: set[str], registry: Registry) -> None:
    """``dirty``: partitions that lost statements or whose actors changed: merged again whole."""
    fresh: dict[str, list[Keyed]] = defaultdict(list)
    analysed = set()
    for analysis in analyse_all(_to_analyse(conn, story, changed)):  # stored as workers hand them over
        analysed.add(analysis.article.id)
        dirty |= _forget(conn, analysis.article.id, registry)
        for partition, statement in _store_analysis(conn, analysis, registry):
            fresh[partition].append(statement)
    dirty |= registry.save(analysed)
    people = registry.people
    _retitle(conn, story, registry.retitled)
    position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM entries WHERE story = ?", (story,)).fetchone()[0]
    database = conn.execute("PRAGMA database_list").fetchone()["file"]
    for partition in sorted(dirty | fresh.keys()):
        new = [(key, with_actors(s, people)) for key, s in fresh.get(partition, ())]
        position = _merge(conn, (database, story, partition), registry, new, partition in dirty, position)


def _retitle(conn: sqlite3.Connection, story: str, people: dict[str, Actor]) -> None:
    """Show people whose title or organisation changed, in the entries that name them."""
    for actor_id, actor in sorted(people.items()):
        shown = plain(actor)
        rows = conn.execute("SELECT e.position, e.data FROM entry_actors x JOIN entries e"
                            " ON e.story = x.story AND e.position = x.position WHERE x.story = ? AND x.actor_id = ?",
                            (story, actor_id)).fetchall()
        for row in rows:
            entry = loads(row["data"])
            entry["actors"] = [shown if a["id"] == actor_id and a["kind"] == "person" else a for a in entry["actors"]]
            conn.execute("UPDATE entries SET data = ? WHERE story = ? AND position = ?", (dumps(entry), story, row["position"]))
            conn.execute("UPDATE entry_actors SET data = ? WHERE story = ? AND position = ? AND actor_id = ?",
                         (dumps(actor), story, row["position"], actor_id))


def _forget(conn: sqlite3.Connection, aid: str, registry: Registry) -> set[str]:
    """Drop an article's statements from the registry and their partitions; returns those partitions."""
    rows = conn.execute("SELECT partition, data FROM statements WHERE article_id = ?", (aid,)).fetchall()
    for row in rows:
        registry.count(build(Statement, loads(row["data"])).actors, -1)
    named = conn.execute("SELECT people FROM article_analyses WHERE article_id = ?", (aid,)).fetchone()
    registry.count([build(Actor, a) for a in loads(named["people"])] if named else (), -1)
    conn.execute("DELETE FROM statements WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM actor_partitions WHERE article_id = ?", (aid,))
    return {row["partition"] for row in rows}


def article_input(row: sqlite3.Row) -> ArticleInput:
    from service.store.writes import published_on  # writes imports this module

    return ArticleInput(row["id"], row["story"], row["text"], row["title"], row["publisher"], row["url"],
                        published_on(row["published_at"]))


def _to_analyse(conn: sqlite3.Connection, story: str, changed: set[str]) -> list[Work]:
    """The changed articles and those whose reference day the change moved, with their reference dates
    (the per-article stages read only the day; a new basis or bound alone is restated in place)."""
    bare = conn.execute("SELECT 1 FROM articles WHERE story = ? AND published_at IS NULL LIMIT 1", (story,)).fetchone()
    if not bare:  # every reference date comes from the article's own metadata: found with its analysis
        return [(article_input(_row(conn, aid)), None) for aid in sorted(changed)]
    articles = [article_input(r) for r in conn.execute("SELECT * FROM articles WHERE story = ? ORDER BY id", (story,))]
    references = resolve_reference_dates(articles)
    stored = dict(conn.execute(
        "SELECT n.article_id, n.reference_date FROM article_analyses n JOIN articles a ON a.id = n.article_id"
        " WHERE a.story = ?", (story,)).fetchall())
    moved = []
    for a in articles:
        now, before = dumps(references[a.id]), stored.get(a.id)
        if a.id in changed or before is None or loads(before)["value"] != plain(references[a.id].value):
            moved.append((a, references[a.id]))
        elif before != now:  # the analysis reads only the reference day: restate the explanation alone
            conn.execute("UPDATE article_analyses SET reference_date = ? WHERE article_id = ?", (now, a.id))
    return moved


def _row(conn: sqlite3.Connection, aid: str) -> sqlite3.Row:
    return conn.execute("SELECT * FROM articles WHERE id = ?", (aid,)).fetchone()


def _store_analysis(conn: sqlite3.Connection, analysed: AnalysedArticle, registry: Registry) -> list[tuple[str, Keyed]]:
    """Store an article's analysis; returns its statements by partition, in merge order."""
    aid, story = analysed.article.id, analysed.article.story
    conn.execute("INSERT OR REPLACE INTO article_analyses VALUES (?, ?, ?, ?, ?)",
                 (aid, dumps(analysed.reference_date), dumps(analysed.furniture), len(analysed.expressions),
                  dumps(analysed.people)))
    registry.count(analysed.people, +1)
    conn.execute("DELETE FROM expressions WHERE article_id = ?", (aid,))
    conn.executemany("INSERT INTO expressions (article_id, position, data) VALUES (?, ?, ?)",
                     [(aid, i, dumps(e)) for i, e in enumerate(analysed.expressions)])
    day, out = batch_day(analysed.reference_date.value), []
    for statement in analysed.statements:
        out.append((partition_of(statement), keyed(statement, day)))
        registry.count(statement.actors, +1)
    conn.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
                     [(aid, position, story, partition, day, dumps(s)) for position, (partition, (_, s)) in enumerate(out)])
    conn.executemany("INSERT OR IGNORE INTO actor_partitions VALUES (?, ?, ?, ?)",
                     [(story, a.id, partition, aid) for partition, (_, s) in out for a in s.actors])
    return out


_STATES: OrderedDict[tuple[str, str, str], tuple[str, PartitionMerge, dict[str, str | None]]] = OrderedDict()
KEPT_STATES = 128  # partitions whose merge state (and its articles' publishers) stays in memory


def _merge(conn: sqlite3.Connection, where: tuple[str, str, str], registry: Registry, new: list[Keyed],
           dirty: bool, position: int) -> int:
    """Bring one partition's entries up to date; returns the next free entry position.

    The kept merge state takes the new statements when it is the stored one (same token) and they
    are not older than its latest day; otherwise the partition is merged again from its statements.
    An entry that changed is rewritten in its row, its article and actor rows by difference, so an
    entry gathering thousands of sources costs little more than its rendering when one joins. The
    publishers kept with the state stay valid with its token: a patched or deleted article's
    partitions are always merged again."""
    _, story, partition = where
    row = conn.execute("SELECT token FROM partitions WHERE story = ? AND partition = ?", (story, partition)).fetchone()
    kept = _STATES.pop(where, None)
    if kept and row and kept[0] == row["token"] and not dirty and kept[1].can_take(new):
        _, state, publishers = kept
        changed, gone = state.take(new)
        told = {s.article_id for _, s in new}  # the kept publishers hold every article the state held before
        conn.executemany("DELETE FROM entries WHERE story = ? AND partition = ? AND rank = ?",
                         [(story, partition, key) for key in sorted(gone)])
        stored = {key: r["position"] for key in changed if (r := conn.execute(
            "SELECT position FROM entries WHERE story = ? AND partition = ? AND rank = ?", (story, partition, key)).fetchone())}
    else:
        if row is None and not dirty:  # a new partition: all its statements are new
            state = PartitionMerge(new)
        else:
            rows = conn.execute("SELECT day, data FROM statements WHERE story = ? AND partition = ?", (story, partition))
            state = PartitionMerge(keyed(with_actors(build(Statement, loads(r["data"])), registry.people), r["day"]) for r in rows)
            conn.execute("DELETE FROM entries WHERE story = ? AND partition = ?", (story, partition))
        changed, publishers, stored = set(state.groups()), {}, {}
        told = {s.article_id for g in state.groups().values() for s in g.members}
    groups = state.groups()
    missing = sorted(told - publishers.keys())
    for first in range(0, len(missing), 500):
        ids = missing[first : first + 500]
        publishers.update(conn.execute(f"SELECT id, publisher FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall())
    added = []
    for key, rank, entry in entries_of(state, changed, partition, publishers, registry.shown):
        if rank in stored:
            _rewrite_entry(conn, story, stored[rank], entry, key)
        else:
            added.append((position, entry, partition, rank, key))
            position += 1
    write_entries(conn, story, added)
    if not groups:
        conn.execute("DELETE FROM partitions WHERE story = ? AND partition = ?", (story, partition))
        return position
    token = uuid.uuid4().hex
    conn.execute("INSERT OR REPLACE INTO partitions VALUES (?, ?, ?)", (story, partition, token))
    _STATES[where] = (token, state, publishers)
    while len(_STATES) > KEPT_STATES:
        _STATES.popitem(last=False)
    return position


def _columns(entry: Entry) -> tuple:
    """An entry's row values from its id to its data."""
    when = entry.date
    return (entry.id, entry.kind, when is not None,
            when.earliest.isoformat() if when and when.earliest else None,
            when.latest.isoformat() if when and when.latest else None, dumps(entry))


def write_entry(conn: sqlite3.Connection, story: str, position: int, entry: Entry, partition: str, rank: str,
                key: bytes) -> None:
    write_entries(conn, story, [(position, entry, partition, rank, key)])


def write_entries(conn: sqlite3.Connection, story: str, rows: list[tuple[int, Entry, str, str, bytes]]) -> None:
    """Store new entries, (position, entry, partition, group key, sort key) each, a statement per table."""
    conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(story, position, *_columns(entry), partition, rank, key) for position, entry, partition, rank, key in rows])
    conn.executemany("INSERT INTO entry_actors VALUES (?, ?, ?, ?)",
                     [(story, position, i, dumps(a)) for position, entry, *_ in rows for i, a in {a.id: a for a in entry.actors}.items()])
    conn.executemany("INSERT INTO entry_articles VALUES (?, ?, ?)",
                     [(story, position, aid) for position, entry, *_ in rows for aid in sorted({s.article_id for s in entry.sources})])


def _rewrite_entry(conn: sqlite3.Connection, story: str, position: int, entry: Entry, key: bytes) -> None:
    """Store a changed entry in its row: its actor and article rows changed by difference only."""
    conn.execute("UPDATE entries SET id = ?, kind = ?, dated = ?, earliest = ?, latest = ?, data = ?, sort_key = ?"
                 " WHERE story = ? AND position = ?", (*_columns(entry), key, story, position))
    actors = {i: dumps(a) for i, a in {a.id: a for a in entry.actors}.items()}
    before = dict(conn.execute("SELECT actor_id, data FROM entry_actors WHERE story = ? AND position = ?", (story, position)).fetchall())
    conn.executemany("DELETE FROM entry_actors WHERE story = ? AND position = ? AND actor_id = ?",
                     [(story, position, i) for i in sorted(before.keys() - actors.keys())])
    conn.executemany("INSERT OR REPLACE INTO entry_actors VALUES (?, ?, ?, ?)",
                     [(story, position, i, data) for i, data in sorted(actors.items()) if before.get(i) != data])
    articles = {s.article_id for s in entry.sources}
    before = {r[0] for r in conn.execute("SELECT article_id FROM entry_articles WHERE story = ? AND position = ?", (story, position))}
    conn.executemany("DELETE FROM entry_articles WHERE story = ? AND position = ? AND article_id = ?",
                     [(story, position, aid) for aid in sorted(before - articles)])
    conn.executemany("INSERT INTO entry_articles VALUES (?, ?, ?)", [(story, position, aid) for aid in sorted(articles - before)])
