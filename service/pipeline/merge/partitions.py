"""A story's merge split into independent partitions, so a change re-merges only what it touches.

A statement can only join entries of its own partition, and a partition's entries depend only on its
own statements (word rarity is counted per partition): adding, patching or deleting an article then
re-merges the few partitions its statements fall in, whatever the size of the story (and, inside a
partition, little more than the latest day: ``batches.py``). The partition is the week of the
statement's date, or the month of a coarser one (see ``partition_of``). People are merged in a form
without title and organisation, which only label entries, so a new report of a title re-labels
entries instead of re-merging them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from service.pipeline.merge.batches import PartitionMerge, batch_day, keyed
from service.pipeline.merge.people import organisations, unify
from service.pipeline.model import Actor, Entry, Statement

UNDATED = "undated"


def partition_of(statement: Statement) -> str:
    """The partition a statement merges in: the ISO week of a date within one week ("2024-W44"),
    else the month of its last day ("2024-10"; of its first day when open-ended), else 'open' or
    'undated'.

    A week keeps together what the merge joins in practice: one day's reports, a next-day article's
    retelling of the day before, "last week" beside the day it covers; coarser dates ("early June",
    "in June") meet in their month."""
    when = statement.date
    if when is None:
        return UNDATED
    first, last = when.earliest or when.latest, when.latest or when.earliest
    if first is None or last is None:
        return "open"
    if first.isocalendar()[:2] == last.isocalendar()[:2]:
        year, week, _ = last.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{last.year:04d}-{last.month:02d}"


def canonical_actors(variants: Iterable[Actor]) -> dict[str, Actor]:
    """Actor id -> the story's one actor for it, from the distinct actors the story's statements and
    articles name.

    Read as a set in a fixed order, so the registry of a growing story gives the same answer as the
    whole story read at once."""
    distinct = sorted(set(variants), key=actor_order)
    return unify(distinct) | organisations(distinct)


def actor_order(actor: Actor) -> tuple[str, ...]:
    return (actor.id, actor.name, actor.title or "", actor.kind, actor.organisation or "")


@lru_cache(maxsize=16384)
def merge_form(actor: Actor) -> Actor:
    """An actor as the merge sees it: a person without the title and organisation the story's
    reports vote on (they only label the entry), so a new report's title never re-merges a partition."""
    return replace(actor, title=None, organisation=None) if actor.kind == "person" else actor


def with_actors(statement: Statement, people: dict[str, Actor]) -> Statement:
    """The statement with its actors replaced by the story's canonical ones, in merge form."""
    actors = tuple(dict.fromkeys(merge_form(people.get(a.id, a)) for a in statement.actors))
    return statement if actors == statement.actors else replace(statement, actors=actors)


def shown_people(people: dict[str, Actor]) -> dict[str, Actor]:
    """Canonical person id -> the person as entries show it, title and organisation included."""
    return {a.id: a for a in people.values() if a.kind == "person"}


def shown(entry: Entry, people: dict[str, Actor]) -> Entry:
    """The entry with its people as the story shows them (``people``: from ``shown_people``)."""
    actors = tuple(p if (p := people.get(a.id)) is not None and merge_form(p) == a else a for a in entry.actors)
    return entry if actors == entry.actors else replace(entry, actors=actors)


def entries_of(state: PartitionMerge, keys: Iterable[str], partition: str,
               publishers: dict[str, str | None], people: dict[str, Actor]) -> list[tuple[bytes, str, Entry]]:
    """The entries of some of a partition's groups: (sort key, group key, entry) each
    (``people``: from ``shown_people``)."""
    out, groups = [], state.groups()
    for key in sorted(keys):
        entry = shown(state.entry(key, groups[key], publishers), people)
        out.append((sort_key(entry, partition, key), key, entry))
    return out


def sort_key(entry: Entry, partition: str, group: str) -> bytes:
    """Timeline order as bytes (earliest first, then latest; undated last; then kind, text, id;
    ties by partition and the entry's group key in it), so storage orders entries without positions.

    Parts are joined by NUL and UTF-8 bytes compare as code points, so the bytes sort as the tuple."""
    when = entry.date
    earliest = when.earliest if when and when.earliest else (date.min if when and when.latest else date.max)
    latest = when.latest if when and when.latest else date.max
    parts = ("1" if when is None else "0", earliest.isoformat().zfill(10), latest.isoformat().zfill(10),
             entry.kind, entry.text, entry.id, partition, group)
    return "\x00".join(p.replace("\x00", "") for p in parts).encode("utf-8")


def by_partition(statements: Iterable[Statement]) -> dict[str, list[Statement]]:
    out: dict[str, list[Statement]] = {}
    for statement in statements:
        out.setdefault(partition_of(statement), []).append(statement)
    return out


def partitioned_timeline(statements: Sequence[Statement], publishers: dict[str, str | None],
                         reference_days: dict[str, date | None], named: Iterable[Actor] = ()) -> tuple[Entry, ...]:
    """The story's entries: each partition merged on its own, all in timeline order
    (``reference_days``: article id -> its reference date's day, the order batches are merged in;
    ``named``: people the articles name without their speaking, for the fullest names)."""
    people = canonical_actors([*(a for s in statements for a in s.actors), *named])
    out, display = [], shown_people(people)
    for partition, members in by_partition(with_actors(s, people) for s in statements).items():
        state = PartitionMerge(keyed(s, batch_day(reference_days[s.article_id])) for s in members)
        out += entries_of(state, state.groups(), partition, publishers, display)
    return tuple(entry for _, _, entry in sorted(out, key=lambda t: t[0]))
