"""One partition's merge, grown a day of news at a time, so a growing story re-merges almost nothing.

Statements are merged in batches, one per reference day of their articles (oldest first, undated
articles last), each batch in content order (article id, offset) after its words are counted into
the rarity weights. The result is a function of the set of statements only; and since the state
before the latest batch is kept, a statement of the latest day (or a later one) costs a replay of
that day's batch, not of the partition: articles of a live story arrive roughly day by day.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import operator
import typing
from collections.abc import Iterable
from datetime import date
from itertools import groupby

from service.pipeline.merge.entries import Rendering
from service.pipeline.merge.merger import Group, Merger
from service.pipeline.model import Entry, Statement

LAST = "~"  # the batch of statements whose article has no reference date: after every day
KEPT_RENDERING = 16  # members from which a group's rendering is kept, to take only those that join next

Keyed = tuple[tuple[str, str, int, str, str], Statement]


def batch_day(reference_day: date | None) -> str:
    """The batch an article's statements are merged in: its reference day, or the last batch."""
    return reference_day.isoformat() if reference_day else LAST


def keyed(statement: Statement, day: str) -> Keyed:
    """The statement with its merge order: batch day, article id, offset."""
    return (day, statement.article_id, statement.start, statement.kind, statement.text), statement


class PartitionMerge:
    """The groups of one partition, with the state before its latest batch kept for replays."""

    def __init__(self, statements: Iterable[Keyed]) -> None:
        self.merger, self.before_last = Merger(), Merger()
        self.last: list[Keyed] = []  # the latest batch, in merge order
        self.keys: dict[int, str] = {}  # id of each statement merged -> its key as a group's first
        self.renderings: dict[str, Rendering] = {}  # of the large groups, by key
        batches = [list(b) for _, b in groupby(sorted(statements, key=operator.itemgetter(0)), key=lambda k: k[0][0])]
        for batch in batches[:-1]:
            self._merge(batch)
        for batch in batches[-1:]:
            self._batch(batch)

    def groups(self) -> dict[str, Group]:
        """The groups by key: a group keeps the key of its first statement whatever joins it later."""
        return {self.keys[id(g.members[0])]: g for g in self.merger.groups}

    def entry(self, key: str, group: Group, publishers: dict[str, str | None]) -> Entry:
        """The entry of the group under ``key``; a large group's rendering is kept for its next change
        (``publishers`` must then keep the values it gave)."""
        if len(group.members) < KEPT_RENDERING:
            self.renderings.pop(key, None)
            return Rendering().entry(group, publishers)
        return self.renderings.setdefault(key, Rendering()).entry(group, publishers)

    def can_take(self, statements: Iterable[Keyed]) -> bool:
        """New statements can be taken without a rebuild when none is older than the latest batch."""
        return not self.last or all(key[0] >= self.last[0][0][0] for key, _ in statements)

    def take(self, statements: list[Keyed]) -> tuple[set[str], set[str]]:
        """Add statements of the latest day or later; returns the keys of the groups that changed
        or are new, and of those that are gone. Only groups the replayed or new statements reach
        can change: the others are as the state before the latest batch left them."""
        before, ordered = self.groups(), sorted(statements, key=operator.itemgetter(0))
        reached_before = self._reached(before, self.last)
        if self.last and ordered and ordered[0][0][0] == self.last[0][0][0]:
            day = self.last[0][0][0]
            replay = sorted([*self.last, *(k for k in ordered if k[0][0] == day)], key=operator.itemgetter(0))
            ordered, done = [k for k in ordered if k[0][0] != day], replay
            self.merger = forked(self.before_last)
            self._batch(replay)
        else:
            done = []
        for _, batch in groupby(ordered, key=lambda k: k[0][0]):
            self._batch(list(batch))
        after = self.groups()
        reached = self._reached(after, [*done, *ordered])
        changed = {k for k in reached if k not in reached_before or not _same(reached_before[k], reached[k])}
        left = (reached_before.keys() & after.keys()) - reached.keys()  # joined before the replay, not now
        gone = before.keys() - after.keys()
        for key in gone:
            self.renderings.pop(key, None)
        return changed | left, gone

    @staticmethod
    def _reached(groups: dict[str, Group], batch: list[Keyed]) -> dict[str, tuple[tuple[Statement, ...], bool]]:
        """The groups some statement of the batch joined or started: their last member is one."""
        ids = {id(s) for _, s in batch}
        return {k: (tuple(g.members), g.disputed) for k, g in groups.items() if id(g.members[-1]) in ids}

    def _batch(self, batch: list[Keyed]) -> None:
        """Merge a batch, keeping the state before it when it starts a new day."""
        if not self.last or batch[0][0][0] != self.last[0][0][0]:
            self.before_last = forked(self.merger)
        self._merge(batch)
        self.last = batch

    def _merge(self, batch: list[Keyed]) -> None:
        statements = [s for _, s in batch]
        for key, statement in batch:
            digest = hashlib.sha256(key[4].encode()).hexdigest()[:12]
            self.keys[id(statement)] = f"{key[0]}|{key[1]}|{key[2]:08d}|{key[3]}|{digest}"
        self.merger.prime(statements)
        for statement in statements:
            self.merger.add(statement)


def _same(before: tuple[tuple[Statement, ...], bool], after: tuple[tuple[Statement, ...], bool]) -> bool:
    (old, was), (new, now) = before, after
    return was == now and len(old) == len(new) and all(map(operator.is_, old, new))


def forked(merger: Merger) -> Merger:
    """A copy of a merge state whose groups both states share, each copied by whichever state first
    fetches it (``_SharedGroups``); the rest (index, word counts) is copied now."""
    groups = merger.groups
    merger.groups = []
    try:
        out = thawed(merger)
    finally:
        merger.groups = _SharedGroups(groups)
    out.groups = _SharedGroups(groups)
    return out


class _SharedGroups(list):
    """A merge state's groups, shared with another state until the merger fetches one by number (to
    compare with it or to join it): that group alone is then copied. A replay of the latest day so
    copies the groups that day reaches, not the thousands of its partition; groups appended later
    are the state's own."""

    __slots__ = ("owned",)

    def __init__(self, groups: list[Group]) -> None:
        super().__init__(groups)
        self.owned = bytearray(len(groups))

    def __getitem__(self, i):
        group = list.__getitem__(self, i)
        if type(i) is int and 0 <= i < len(self.owned) and not self.owned[i]:
            group = _group_copy(group) if _fields(Group) == _GROUP_FIELDS else thawed(group)
            list.__setitem__(self, i, group)
            self.owned[i] = 1
        return group


_ATOMS = frozenset({int, float, str, bool, type(None), tuple, frozenset, date})


def thawed(value):
    """A copy of a merge state: its containers and mutable records copied, immutable values shared.

    Generic over the state's dataclass fields, so it follows the Merger as it changes; an unknown
    mutable type fails loudly rather than being shared."""
    kind = type(value)
    if _plain(kind):
        return value
    if kind is list:
        if not value or _plain(type(value[0])):
            return value[:]
        flat = _flat_copier(type(value[0]))  # a partition's groups: thousands of small records
        return [flat(v) if type(v) is type(value[0]) else thawed(v) for v in value] if flat else [thawed(v) for v in value]
    if kind is set:
        return set(value)
    if isinstance(value, dict):
        out = value.copy()  # keeps defaultdict's factory and Counter's type
        if set(map(type, value.values())) == {list} and all(map(_plain, {type(v[0]) for v in value.values() if v})):
            out.update(zip(value.keys(), map(list.copy, value.values())))  # an index: lists of entry numbers
            return out
        for k, v in value.items():
            if not _plain(type(v)):
                out[k] = v[:] if type(v) is list and (not v or _plain(type(v[0]))) else thawed(v)
        return out
    out = object.__new__(kind)
    for name in _fields(kind):  # the common fields inline: a partition's state holds thousands of groups
        v = getattr(value, name)
        held = type(v)
        if held is list and (not v or _plain(type(v[0]))):
            v = v[:]
        elif held is set:
            v = set(v)
        elif not _plain(held):
            v = thawed(v)
        object.__setattr__(out, name, v)
    return out


_GROUP_FIELDS = ("members", "affiliations", "disputed", "outlets")


def _group_copy(group: Group) -> Group:
    """A group's copy, the common case of a partition's thousands: its members by article are shared
    list by list, since a state only ever takes batches of later days, and so of articles (each in
    one batch) that no earlier state holds: those lists are never appended to again."""
    return Group(group.members[:], set(group.affiliations), group.disputed, group.outlets.copy())


@functools.cache
def _flat_copier(kind: type):
    """A one-call copy for a mutable record whose fields, by their declared types, are immutable
    values, lists of them or sets (a merge group); None for any other type."""
    if not dataclasses.is_dataclass(kind) or hasattr(kind, "__post_init__") or not all(f.init for f in dataclasses.fields(kind)):
        return None
    copies = []
    for hint in typing.get_type_hints(kind).values():
        origin, args = typing.get_origin(hint) or hint, typing.get_args(hint)
        if origin is list and args and _plain(args[0]):
            copies.append(list.copy)
        elif origin is set:
            copies.append(set.copy)
        elif origin is dict and args and _plain(args[1]):
            copies.append(dict.copy)
        elif origin is dict and args and typing.get_origin(args[1]) is list and _plain(typing.get_args(args[1])[0]):
            copies.append(_lists_copy)
        elif isinstance(origin, type) and _plain(origin):
            copies.append(None)
        else:
            return None
    names = _fields(kind)
    if len(names) < 2:  # attrgetter of one name gives the value, not a tuple
        return None
    values = operator.attrgetter(*names)
    return lambda value: kind(*[copy(v) if copy else v for copy, v in zip(copies, values(value))])


def _lists_copy(value: dict) -> dict:
    out = value.copy()
    for key, items in value.items():
        out[key] = items[:]
    return out


@functools.cache
def _plain(kind: type) -> bool:
    """Values of this type are immutable: shared, not copied."""
    params = getattr(kind, "__dataclass_params__", None)
    return kind in _ATOMS or (params is not None and params.frozen)


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(kind):
        raise TypeError(f"cannot copy merge state of type {kind.__name__}")
    return tuple(f.name for f in dataclasses.fields(kind))
