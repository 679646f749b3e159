"""Where a statement looks for the entries it may join, so adding one costs the same however long the story.

Entries are filed by kind, actor affiliation and day or month key (days.py), the latest few per
key; entries whose representative quotes, also by day and their longest quoted words (a quote
given to another speaker is looked up apart from its speaker); events with an actor, by day and
their longest words (an act another outlet gives to the actor named otherwise); and entries whose
unnamed representative gives a count, by day, counted noun and figure ("US officials" v "Biden officials").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from service.pipeline.merge.claim_words import content_words
from service.pipeline.merge.counts import unit_of
from service.pipeline.merge.days import buckets, lookups, retold_days
from service.pipeline.model import Statement

NO_ACTOR, ANY_ACTOR = "(no actor)", "(any actor)"  # index keys of events told without / with an actor
RECENT = 32  # candidates per index key: the latest entries of one actor on one day or month


@dataclass(slots=True)
class EntryIndex:
    """Entry numbers by (kind, affiliation, day key), by (day, quoted word) and by (day, unit, figure)."""

    by_actor: dict[tuple[str, str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_quote: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_count: dict[tuple[str, str, float], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_act: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))

    def candidates(self, statement: Statement, keys: set[str]) -> list[int]:
        """Entries of the statement's affiliations (``keys``) near its date, and the same actor's acts
        told the other way (an event as a statement, or back)."""
        found: set[int] = set()
        lookup = set(keys)
        if statement.kind == "event":  # an event told without its actor and one told with it may meet
            lookup |= {NO_ACTOR, ANY_ACTOR} if NO_ACTOR in keys else {NO_ACTOR}
        own = lookups(statement.date)
        days = set(own).union(*(lookups(d) for d in retold_days(statement)))
        kind, by_actor = statement.kind, self.by_actor
        for key in lookup:
            for bucket in days:
                if (filed := by_actor.get((kind, key, bucket))) is not None:
                    found.update(filed[-RECENT:])
        other = "event" if kind == "statement" else "statement"
        for key in keys - {NO_ACTOR}:  # the same actor's act told the other way
            for bucket in own:
                if (filed := by_actor.get((other, key, bucket))) is not None:
                    found.update(filed[-RECENT:])
        return sorted(found)

    def quoting(self, statement: Statement) -> Iterator[int]:
        """Entries whose representative quotes one of the statement's longest quoted words on its day, each once."""
        day = buckets(statement.date)[0]
        seen: set[int] = set()
        for word in _salient(statement):
            for g in self.by_quote.get((day, word), ()):
                if g not in seen:
                    seen.add(g)
                    yield g

    def counting(self, statement: Statement) -> list[int]:
        """Entries whose unnamed representative gives one of the statement's counts on its day."""
        day = buckets(statement.date)[0]
        return sorted({g for f in statement.figures for g in self.by_count.get((day, unit_of(f), f.high), ())})

    def acting(self, statement: Statement) -> Iterator[int]:
        """Events with an actor whose representative shares one of the statement's longest words on its day, each once."""
        day = buckets(statement.date)[0]
        seen: set[int] = set()
        for word in _salient_words(statement.text):
            for g in self.by_act.get((day, word), ())[-RECENT:]:
                if g not in seen:
                    seen.add(g)
                    yield g

    def register(self, g: int, statement: Statement, keys: set[str], representative: bool) -> None:
        """File entry ``g`` under the statement's new affiliations (``keys``); under its quotes and
        counts too when it is the entry's ``representative``."""
        if statement.kind == "event" and NO_ACTOR not in keys and representative:
            keys = keys | {ANY_ACTOR}  # so that an event told without its actor can find it
        days = {b for when in (statement.date, *retold_days(statement)) for b in buckets(when)}
        for key in keys:
            for bucket in sorted(days):
                self.by_actor[(statement.kind, key, bucket)].append(g)
        if statement.quotes and representative:
            for word in _salient(statement):
                self.by_quote[(buckets(statement.date)[0], word)].append(g)
        if statement.kind == "event" and representative and statement.actors:
            for word in _salient_words(statement.text):
                self.by_act[(buckets(statement.date)[0], word)].append(g)
        if statement.kind == "statement" and representative and not named(statement):
            for figure in statement.figures:
                self.by_count[(buckets(statement.date)[0], unit_of(figure), figure.high)].append(g)


def named(statement: Statement) -> bool:
    """A named person speaks: never joined with another speaker on a count alone."""
    return any(a.kind == "person" for a in statement.actors)


def _salient(statement: Statement) -> list[str]:
    """The few longest content words of a statement's quotes: its quote index keys."""
    return _salient_words(" ".join(statement.quotes))


def _salient_words(text: str) -> list[str]:
    words = content_words(text)
    return sorted(words, key=lambda w: (-len(w), w))[:4]
