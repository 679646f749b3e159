"""Keep a story's derived rows equal to ``analyse_story`` of its articles, redoing only what a change alters.

Each article's analysis (reference date, expressions, statements) is stored, so unchanged articles
are never analysed again; the merge is split into partitions (merge/partitions.py), so a change
re-merges only the partitions its old and new statements fall in, plus those naming an actor whose
canonical form the change alters. The clock: an article with ``published_at`` takes its reference
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
from service.pipeline.merge.partitions import (
    actor_order,
    canonical_actors,
    entries_of,
    merge_form,
    partition_of,
    shown_people,
    with_actors,
)
from service.pipeline.model import Actor, AnalysedArticle, ArticleInput, Entry, ReferenceDate, Statement
from service.pipeline.story import analyse_article
from service.store.codec import build, dumps, loads, plain


def update(conn: sqlite3.Connection, story: str, changed: Iterable[str]) -> None:
    """Bring the story's derived rows up to date after ``changed`` articles were added or patched."""
    _refresh(conn, story, set(changed), set(), _Registry(conn, story))


def remove(conn: sqlite3.Connection, aid: str) -> None:
    """Delete an article with all it contributed, and bring its story up to date."""
    story = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()["story"]
    registry = _Registry(conn, story)
    partitions = _forget(conn, aid, registry)
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    _refresh(conn, story, set(), partitions, registry)


def _refresh(conn: sqlite3.Connection, story: str, changed: set[str], dirty: set[str], registry: _Registry) -> None:
    """``dirty``: partitions that lost statements or whose actors changed: merged again whole."""
    fresh: dict[str, list[Keyed]] = defaultdict(list)
    analysed = _to_analyse(conn, story, changed)
    for article, reference in analysed:
        dirty |= _forget(conn, article.id, registry)
        for partition, statement in _store_analysis(conn, analyse_article(article, reference), registry):
            fresh[partition].append(statement)
    dirty |= registry.save({article.id for article, _ in analysed})
    people = registry.canonical()
    _retitle(conn, story, registry.retitled)
    position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM entries WHERE story = ?", (story,)).fetchone()[0]
    database = conn.execute("PRAGMA database_list").fetchone()["file"]
    for partition in sorted(dirty | fresh.keys()):
        new = [(key, with_actors(s, people)) for key, s in fresh.get(partition, ())]
        position = _merge(conn, (database, story, partition), people, new, partition in dirty, position)


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


def _forget(conn: sqlite3.Connection, aid: str, registry: _Registry) -> set[str]:
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


def _to_analyse(conn: sqlite3.Connection, story: str, changed: set[str]) -> list[tuple[ArticleInput, ReferenceDate]]:
    """The changed articles and those whose reference day the change moved, with their reference dates
    (the per-article stages read only the day; a new basis or bound alone is restated in place)."""
    bare = conn.execute("SELECT 1 FROM articles WHERE story = ? AND published_at IS NULL LIMIT 1", (story,)).fetchone()
    if not bare:  # every reference date comes from the article's own metadata
        rows = [_row(conn, aid) for aid in sorted(changed)]
        return [(a, resolve_reference_dates([a])[a.id]) for a in map(article_input, rows)]
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


def _store_analysis(conn: sqlite3.Connection, analysed: AnalysedArticle, registry: _Registry) -> list[tuple[str, Keyed]]:
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
    for position, statement in enumerate(analysed.statements):
        partition = partition_of(statement)
        out.append((partition, keyed(statement, day)))
        conn.execute("INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
                     (aid, position, story, partition, day, dumps(statement)))
        conn.executemany("INSERT OR IGNORE INTO actor_partitions VALUES (?, ?, ?, ?)",
                         [(story, a.id, partition, aid) for a in statement.actors])
        registry.count(statement.actors, +1)
    return out


_STATES: OrderedDict[tuple[str, str, str], tuple[str, PartitionMerge]] = OrderedDict()
KEPT_STATES = 128  # partitions whose merge state stays in memory (the recently changed ones)


def _merge(conn: sqlite3.Connection, where: tuple[str, str, str], people: dict[str, Actor], new: list[Keyed],
           dirty: bool, position: int) -> int:
    """Bring one partition's entries up to date; returns the next free entry position.

    The kept merge state takes the new statements when it is the stored one (same token) and they
    are not older than its latest day; otherwise the partition is merged again from its statements."""
    _, story, partition = where
    row = conn.execute("SELECT token FROM partitions WHERE story = ? AND partition = ?", (story, partition)).fetchone()
    kept = _STATES.pop(where, None)
    if kept and row and kept[0] == row["token"] and not dirty and kept[1].can_take(new):
        state = kept[1]
        changed, gone = state.take(new)
        conn.executemany("DELETE FROM entries WHERE story = ? AND partition = ? AND rank = ?",
                         [(story, partition, key) for key in sorted(changed | gone)])
    elif row is None and not dirty:  # a new partition: all its statements are new
        state = PartitionMerge(new)
        changed = set(state.groups())
    else:
        rows = conn.execute("SELECT day, data FROM statements WHERE story = ? AND partition = ?", (story, partition))
        state = PartitionMerge(keyed(with_actors(build(Statement, loads(r["data"])), people), r["day"]) for r in rows)
        changed = set(state.groups())
        conn.execute("DELETE FROM entries WHERE story = ? AND partition = ?", (story, partition))
    groups = state.groups()
    ids = sorted({s.article_id for key in changed for s in groups[key].members})
    publishers = {r["id"]: r["publisher"] for r in conn.execute(
        f"SELECT id, publisher FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
    for key, rank, entry in entries_of(state, changed, partition, publishers, shown_people(people)):
        write_entry(conn, story, position, entry, partition, rank, key)
        position += 1
    if not groups:
        conn.execute("DELETE FROM partitions WHERE story = ? AND partition = ?", (story, partition))
        return position
    token = uuid.uuid4().hex
    conn.execute("INSERT OR REPLACE INTO partitions VALUES (?, ?, ?)", (story, partition, token))
    _STATES[where] = (token, state)
    while len(_STATES) > KEPT_STATES:
        _STATES.popitem(last=False)
    return position


def write_entry(conn: sqlite3.Connection, story: str, position: int, entry: Entry, partition: str, rank: str,
                key: bytes) -> None:
    when = entry.date
    conn.execute(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (story, position, entry.id, entry.kind, when is not None,
         when.earliest.isoformat() if when and when.earliest else None,
         when.latest.isoformat() if when and when.latest else None,
         dumps(entry), partition, rank, key),
    )
    actors = {a.id: a for a in entry.actors}
    conn.executemany("INSERT INTO entry_actors VALUES (?, ?, ?, ?)",
                     [(story, position, a.id, dumps(a)) for a in actors.values()])
    conn.executemany("INSERT INTO entry_articles VALUES (?, ?, ?)",
                     [(story, position, aid) for aid in sorted({s.article_id for s in entry.sources})])


class _Registry:
    """The story's distinct actors with how many statements and articles name each (a statement its
    actors, an article the people it names in full), and their canonical forms.

    The canonical forms are recomputed only when an actor appears in or leaves the story; the
    partitions naming an actor whose canonical form changed are returned for re-merging."""

    def __init__(self, conn: sqlite3.Connection, story: str) -> None:
        self.conn, self.story = conn, story
        self.pending: dict[Actor, int] = {}
        self.moved = False  # an actor appeared or left
        self._people: dict[str, Actor] | None = None
        self.retitled: dict[str, Actor] = {}  # people whose title or organisation alone changed

    def count(self, actors: Iterable[Actor], step: int) -> None:
        for actor in dict.fromkeys(actors):
            self.pending[actor] = self.pending.get(actor, 0) + step

    def save_counts(self) -> None:
        for actor, step in sorted(self.pending.items(), key=lambda t: actor_order(t[0])):
            if not step:
                continue
            key = (self.story, actor.id, dumps(actor))
            row = self.conn.execute("SELECT mentions FROM story_actors WHERE story = ? AND actor_id = ? AND data = ?", key).fetchone()
            now = (row["mentions"] if row else 0) + step
            if now > 0:
                self.conn.execute("INSERT OR REPLACE INTO story_actors VALUES (?, ?, ?, ?)", (*key, now))
            else:
                self.conn.execute("DELETE FROM story_actors WHERE story = ? AND actor_id = ? AND data = ?", key)
            self.moved |= row is None or now <= 0
        self.pending.clear()

    def save(self, fresh: set[str]) -> set[str]:
        """Store the counts; when the set of actors changed, the new canonical forms; returns the
        partitions to re-merge: those where statements of articles other than ``fresh`` (merged
        before, with the old forms) name an actor whose canonical form changed."""
        self.save_counts()
        if not self.moved:
            return set()
        old = dict(self.conn.execute("SELECT actor_id, data FROM canonical_actors WHERE story = ?", (self.story,)).fetchall())
        variants = [build(Actor, loads(r["data"])) for r in self.conn.execute("SELECT data FROM story_actors WHERE story = ?", (self.story,))]
        self._people = canonical_actors(variants)
        new = {i: dumps(a) for i, a in self._people.items()}
        moved = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
        for actor_id in moved:
            if actor_id in new:
                self.conn.execute("INSERT OR REPLACE INTO canonical_actors VALUES (?, ?, ?)", (self.story, actor_id, new[actor_id]))
            else:
                self.conn.execute("DELETE FROM canonical_actors WHERE story = ? AND actor_id = ?", (self.story, actor_id))
        partitions = set()
        for actor_id in moved:
            before, after = (build(Actor, loads(m[actor_id])) if actor_id in m else None for m in (old, new))
            if before and after and merge_form(before) == merge_form(after):
                self.retitled[after.id] = shown_people(self._people)[after.id]
                continue
            partitions |= {r[0] for r in self.conn.execute(
                "SELECT partition, article_id FROM actor_partitions WHERE story = ? AND actor_id = ?", (self.story, actor_id))
                if r[1] not in fresh}
        return partitions

    def canonical(self) -> dict[str, Actor]:
        if self._people is None:
            rows = self.conn.execute("SELECT actor_id, data FROM canonical_actors WHERE story = ?", (self.story,))
            self._people = {r["actor_id"]: build(Actor, loads(r["data"])) for r in rows}
        return self._people
