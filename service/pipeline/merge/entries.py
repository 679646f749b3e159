"""Timeline entries from merged groups: one per statement or event, with sources and disagreements.

An entry is a function of its group's representative, whether it is disputed, and the SET of its
members (read in article and offset order), so a rendering kept beside a growing group takes the
members that joined or left since it last rendered instead of reading thousands of sources again.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, insort
from collections.abc import Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from service.pipeline.merge.claim_words import claim_key
from service.pipeline.merge.discrepancies import FigureTally, actor_discrepancy, body_of
from service.pipeline.merge.merger import Group
from service.pipeline.model import Actor, Entry, Source, Statement, When


def timeline(groups: Sequence[Group], publishers: dict[str, str | None]) -> tuple[Entry, ...]:
    """The entries of merged groups in timeline order (``publishers``: article id -> publisher)."""
    return tuple(sorted((Rendering().entry(group, publishers) for group in groups), key=_order))


def member_order(statement: Statement) -> tuple[Any, ...]:
    """Where a member's source stands in its entry: by article and offset. A group takes an
    article's statements in this order (batches.py), so it is the order they joined in too."""
    return (statement.article_id, statement.start, statement.kind, statement.text, statement.end,
            statement.evidence, statement.date_basis)


class Rendering:
    """One group's entry, kept in step with its members (held here, so their ids stay theirs).

    A member's publisher is read when it joins: it must not change while the rendering is kept."""

    def __init__(self) -> None:
        self.members: dict[int, Statement] = {}
        self.keys: list[tuple] = []  # member_order of each member, sorted
        self.ordered: list[Statement] = []  # the members in that order
        self.sources: list[Source] = []  # and their sources
        self.actors: dict[Actor, list[tuple]] = {}  # where each actor is named: (member order, place)
        self.quotes: dict[str, list[tuple]] = {}
        self.dates: dict[When, list[tuple]] = {}  # members' bounded dates
        self.figures = FigureTally()

    def entry(self, group: Group, publishers: dict[str, str | None]) -> Entry:
        now = {id(s): s for s in group.members}
        for gone in self.members.keys() - now.keys():
            self._count(self.members.pop(gone), -1, publishers)
        joined = [(member_order(now[new]), now[new]) for new in now.keys() - self.members.keys()]
        for key, statement in sorted(joined, key=itemgetter(0)):
            self.members[id(statement)] = statement  # in order: a new rendering appends to its lists
            self._count(statement, +1, publishers, key)
        return self._entry(group)

    def _count(self, statement: Statement, step: int, publishers: dict[str, str | None], key: tuple | None = None) -> None:
        key = key or member_order(statement)
        if step > 0:
            at = bisect_left(self.keys, key)
            self.keys.insert(at, key)
            self.ordered.insert(at, statement)
            self.sources.insert(at, Source(statement.article_id, publishers.get(statement.article_id), statement.evidence,
                                           statement.start, statement.end, statement.date_basis))
        else:
            at = next(i for i in range(bisect_left(self.keys, key), len(self.keys)) if self.ordered[i] is statement)
            del self.keys[at], self.ordered[at], self.sources[at]
        bounded = [statement.date] if statement.date and statement.date.earliest and statement.date.latest else []
        for table, items in ((self.actors, statement.actors), (self.quotes, statement.quotes), (self.dates, bounded)):
            for place, item in enumerate(items):
                _tally(table, item, (key, place), step)
        self.figures.count(statement, step)

    def _entry(self, group: Group) -> Entry:
        rep = group.representative
        actors = rep.actors if group.disputed else _distinct([*rep.actors, *_by_first(self.actors)])
        quotes = tuple(dict.fromkeys([*rep.quotes, *_by_first(self.quotes)]))
        discrepancies = []
        if group.disputed and (d := actor_discrepancy(self.ordered)):
            discrepancies.append(d)
        discrepancies.extend(self.figures.discrepancies(self.ordered))
        when = _sharpest(self.dates, rep.date)
        key = "|".join([rep.kind, ",".join(sorted(a.id for a in actors)), when.edtf if when else "undated", claim_key(rep)])
        entry_id = hashlib.sha256(key.encode()).hexdigest()[:16]
        return Entry(entry_id, rep.kind, when, actors, rep.text, quotes, tuple(self.sources), tuple(discrepancies))


def _tally(table: dict, item: Any, where: tuple, step: int) -> None:
    """Add or take away one place where ``item`` is given."""
    if step > 0:
        insort(table.setdefault(item, []), where)
        return
    places = table[item]
    del places[bisect_left(places, where)]
    if not places:
        del table[item]


def _by_first(table: dict[Any, list[tuple]]) -> list[Any]:
    """Items in the order the ordered members first give them."""
    return sorted(table, key=lambda item: table[item][0])


def _distinct(actors: list[Actor]) -> tuple[Actor, ...]:
    """Each actor once; a body named two ways once, as the representative names it: "British lawmakers"
    and "MPs" (one legislature), "US officials" and "the US" (officials of a state speaking for it)."""
    out, bodies = [], set()
    for actor in dict.fromkeys(actors):
        body = body_of(actor)
        if not body & bodies:
            out.append(actor)
        bodies |= body
    return tuple(out)


def _sharpest(dates: dict[When, list[tuple]], fallback: When | None) -> When | None:
    """The narrowest bounded date among the sources (a dated day beats "before the 31st"); of equals,
    the first the ordered members give."""
    if not dates:
        return fallback
    return min(dates, key=lambda d: ((d.latest - d.earliest).days, d.earliest, d.value, dates[d][0]))


def _order(entry: Entry) -> tuple:
    """Earliest first, then latest; undated last; ties in content order."""
    when = entry.date
    earliest = when.earliest if when and when.earliest else (date.min if when and when.latest else date.max)
    latest = when.latest if when and when.latest else date.max
    return (when is None, earliest, latest, entry.kind, entry.text, entry.id)
