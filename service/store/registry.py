"""A story's actor registry: each distinct actor its statements and articles name, how often, and
the story's canonical form of each, kept equal to ``canonical_actors`` of the whole story.

When an actor appears in or leaves the story, the canonical forms are recomputed only for the
actors it can reach through shared link keys (``merge/actor_links.py``): the cost follows the
actors a change touches, not the size of the story. Canonical forms are read one id at a time,
so a post never loads the whole story's cast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from service.pipeline.merge.actor_links import LINKED_KINDS, component, link_keys, partner
from service.pipeline.merge.partitions import actor_order, canonical_actors, merge_form
from service.pipeline.model import Actor
from service.store.codec import build, dumps, loads


class Registry:
    """The registry of one story inside a write transaction. ``count`` actors named or no longer
    named, then ``save``; ``people`` and ``shown`` answer canonical forms by id."""

    def __init__(self, conn: sqlite3.Connection, story: str) -> None:
        self.conn, self.story = conn, story
        self.pending: dict[Actor, int] = {}
        self.added: set[Actor] = set()  # distinct actors that appeared in the story
        self.lost: set[Actor] = set()  # and that left it
        self.retitled: dict[str, Actor] = {}  # people whose title or organisation alone changed
        self.people = _People(conn, story)
        self.shown = _Shown(conn, story)

    def count(self, actors: Iterable[Actor], step: int) -> None:
        for actor in dict.fromkeys(actors):
            self.pending[actor] = self.pending.get(actor, 0) + step

    def _save_counts(self) -> None:
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
            if actor.kind not in LINKED_KINDS or (row is not None and now > 0):
                continue  # a group has no canonical form; a known actor named again changes none
            links = [(self.story, link, key[2]) for link in link_keys(actor)]
            if now > 0:
                self.added.add(actor)
                self.conn.executemany("INSERT OR IGNORE INTO actor_links VALUES (?, ?, ?)", links)
            else:
                self.lost.add(actor)
                self.conn.executemany("DELETE FROM actor_links WHERE story = ? AND link = ? AND data = ?", links)
        self.pending.clear()

    def _holders(self, link: str) -> list[Actor]:
        rows = self.conn.execute("SELECT data FROM actor_links WHERE story = ? AND link = ?", (self.story, link))
        return [build(Actor, loads(r[0])) for r in rows]

    def save(self, fresh: set[str]) -> set[str]:
        """Store the counts and, for the actors a change reaches, the new canonical forms; returns the
        partitions to re-merge: those where statements of articles other than ``fresh`` (merged
        before, with the old forms) name an actor whose canonical form changed."""
        self._save_counts()
        if not self.added and not self.lost:
            return set()
        seeds = self.added | {a for actor in self.lost for link in link_keys(actor) for a in self._holders(partner(link))}
        reached = component(seeds, self._holders)
        ids = sorted({a.id for a in reached | self.lost})
        old = {i: self.people.row(i) for i in ids}
        people = canonical_actors(reached)
        new = {i: dumps(a) for i, a in people.items()}
        moved = [i for i in ids if old[i] != new.get(i)]
        for actor_id in moved:
            if actor_id in new:
                shown = people[actor_id].id if people[actor_id].kind == "person" else None
                self.conn.execute("INSERT OR REPLACE INTO canonical_actors VALUES (?, ?, ?, ?)", (self.story, actor_id, new[actor_id], shown))
            else:
                self.conn.execute("DELETE FROM canonical_actors WHERE story = ? AND actor_id = ?", (self.story, actor_id))
            self.people.forget(actor_id)
        self.shown.forget()
        partitions = set()
        for actor_id in moved:
            before, after = (build(Actor, loads(m[actor_id])) if m.get(actor_id) else None for m in (old, new))
            if before and after and merge_form(before) == merge_form(after):
                self.retitled[after.id] = self.shown.get(after.id) or after
                continue
            partitions |= {r[0] for r in self.conn.execute(
                "SELECT partition, article_id FROM actor_partitions WHERE story = ? AND actor_id = ?", (self.story, actor_id))
                if r[1] not in fresh}
        return partitions


class _People:
    """Actor id -> the story's canonical actor, read from storage as asked."""

    def __init__(self, conn: sqlite3.Connection, story: str) -> None:
        self.conn, self.story = conn, story
        self.known: dict[str, Actor | None] = {}

    def row(self, actor_id: str) -> str | None:
        found = self.conn.execute("SELECT data FROM canonical_actors WHERE story = ? AND actor_id = ?", (self.story, actor_id)).fetchone()
        return found[0] if found else None

    def get(self, actor_id: str, default: Actor | None = None) -> Actor | None:
        if actor_id not in self.known:
            data = self.row(actor_id)
            self.known[actor_id] = build(Actor, loads(data)) if data else None
        found = self.known[actor_id]
        return default if found is None else found

    def forget(self, actor_id: str) -> None:
        self.known.pop(actor_id, None)


class _Shown(_People):
    """Canonical person id -> the person as entries show them (``partitions.shown_people`` read by id)."""

    def row(self, actor_id: str) -> str | None:
        found = self.conn.execute("SELECT data FROM canonical_actors WHERE story = ? AND shown_id = ? ORDER BY actor_id LIMIT 1",
                                  (self.story, actor_id)).fetchone()
        return found[0] if found else None

    def forget(self, actor_id: str | None = None) -> None:
        self.known.clear()
