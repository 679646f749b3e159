"""Where outlets disagree inside one entry: who said it, or what figure they gave.

Figures compare by their counted noun ("about 600" v "700 to 800" jobs). One outlet often
gives the noun and the other leaves it to the sentence ("all 15 men were alive" v "all 14 were
alive"): a bare number is then compared with the other outlet's number of the same size said in the
same words around it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.merge.claim_words import content_words
from service.pipeline.merge.counts import counted_as, number_words, unit_of
from service.pipeline.merge.people import affiliations
from service.pipeline.model import (
    Actor,
    Discrepancy,
    DiscrepancyValue,
    Figure,
    Statement,
)

_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro"}
_COUNT = re.compile(
    r"(?<![\w.,:/-])(?P<currency>[A-Z]{0,2}[$£€])?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<multiplier>thousand|million|billion|trillion|bn|m)\b)?(?:-(?P<money>euro|dollar|pound)\b)?(?![\w%:/-]|[.,]\d)"
)
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())
_CLOCK = frozenset({"am", "pm", "a.m", "p.m", "gmt", "utc", "hours", "hrs", "o'clock"})
_NEAR = 4  # words either side that say what a bare number counts
COMPARED_OUTLETS = 12  # outlets whose bare numbers are compared, one statement each
_SAME_SIZE = 2.0  # a bare number and another outlet's figure for one quantity differ less than this factor


@dataclass(frozen=True, slots=True)
class _Count:
    """A number as one outlet gives it: its range, label, counted noun (None if bare) and nearby words."""

    low: float
    high: float
    label: str
    unit: str | None
    near: frozenset[str]


def _values(by_value: dict[str, set[str]]) -> tuple[DiscrepancyValue, ...]:
    return tuple(DiscrepancyValue(v, tuple(sorted(ids))) for v, ids in sorted(by_value.items()))


def actor_discrepancy(members: list[Statement]) -> Discrepancy | None:
    """The same words given to different speakers by different outlets; one body named two ways
    ("US officials", "the US") is one speaker, named as its first report names it."""
    by_value: dict[str, set[str]] = defaultdict(set)
    labels: dict[frozenset[str], str] = {}
    for statement in members:
        side = frozenset(k for a in statement.actors for k in (body_of(a) or {a.id}))
        label = labels.setdefault(side, " and ".join(sorted(a.name for a in statement.actors)))
        by_value[label].add(statement.article_id)
    return Discrepancy("actor", _values(by_value)) if len(by_value) > 1 else None


def body_of(actor: Actor) -> set[str]:
    """Keys of the body an organisation or group speaks for: "US officials" and "the US" -> us."""
    if actor.kind == "organisation":
        return {actor.id}
    return set(affiliations(actor)[1:]) if actor.kind == "group" else set()


def figure_discrepancies(members: list[Statement]) -> list[Discrepancy]:
    """Different figures for the same counted quantity ("about 600" vs "700 to 800" jobs)."""
    tally, ordered = FigureTally(), sorted(members, key=lambda m: (m.article_id, m.start))
    for statement in members:
        tally.count(statement, +1)
    return tally.discrepancies(ordered)


class FigureTally:
    """The figures an entry's members give, counted as members join and leave, so an entry that many
    outlets carry is not read whole again when one more joins: a figure's value is rebuilt only when
    the articles giving it change."""

    def __init__(self) -> None:
        # quantity -> (low, high) -> (figure text, counted noun, article id) -> how many members give it
        self.by_unit: dict[str, dict[tuple[float, float], Counter]] = defaultdict(dict)
        self.shown: dict[tuple[str, tuple[float, float]], DiscrepancyValue] = {}  # a range's value, until it changes
        self.units: dict[str, Discrepancy | None] = {}  # a unit's discrepancy, until its figures change

    def count(self, statement: Statement, step: int) -> None:
        """Add (``step`` +1) or take away (-1) a member's figures."""
        for figure in _main_figures(statement):
            unit, span = counted_as(unit_of(figure)), (figure.low, figure.high)
            ranges = self.by_unit[unit]
            told = ranges.setdefault(span, Counter())
            said = (figure.text, unit_of(figure), statement.article_id)
            told[said] += step
            if told[said] <= 0:
                del told[said]
                if not told:
                    del ranges[span]
            self.shown.pop((unit, span), None)
            self.units.pop(unit, None)

    def discrepancies(self, ordered: Iterable[Statement]) -> list[Discrepancy]:
        """The entry's figure discrepancies (``ordered``: its members by article and offset)."""
        out, flagged = [], set()
        for unit in sorted(u for u, ranges in self.by_unit.items() if ranges):
            if unit not in self.units:
                self.units[unit] = self._unit(unit)
            if self.units[unit] is not None:
                out.append(self.units[unit])
                flagged.add(unit)
        if bare := _bare_discrepancy(ordered, flagged):
            out.append(bare)
        return out

    def _unit(self, unit: str) -> Discrepancy | None:
        """One value per range: "about 600" and "around 600" agree."""
        ranges = self.by_unit[unit]
        if len(ranges) < 2 or len({a for told in ranges.values() for *_, a in told}) < 2 or not _disjoint(list(ranges)):
            return None
        values: dict[str, DiscrepancyValue] = {}
        for span in ranges:
            value = self.shown.get((unit, span)) or self._value(unit, span)
            if value.value in values:  # two ranges told in the same words: one value
                ids = {*values[value.value].article_ids, *value.article_ids}
                value = DiscrepancyValue(value.value, tuple(sorted(ids)))
            values[value.value] = value
        return Discrepancy("figure", tuple(values[label] for label in sorted(values)))

    def _value(self, unit: str, span: tuple[float, float]) -> DiscrepancyValue:
        told = self.by_unit[unit][span]
        nouns = {noun for _, noun, _ in told}  # "500 protesters" and "2,000 people" count one quantity
        said = {f"{text} {noun}" if len(nouns) > 1 else text for text, noun, _ in told}
        label = " / ".join(sorted(said, key=lambda t: (t.lower(), t))) + ("" if len(nouns) > 1 else f" {nouns.pop()}")
        self.shown[unit, span] = value = DiscrepancyValue(label, tuple(sorted({a for _, _, a in told})))
        return value


def _main_figures(statement: Statement) -> tuple[Figure, ...]:
    return _first_per_unit(statement.text, tuple(statement.figures))


@lru_cache(maxsize=65536)
def _first_per_unit(text: str, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
    """One figure per unit per statement: the first given, with sums of money the figures left bare
    ("US$12 billion"). Cached: an entry's members are rendered again whenever one joins."""
    seen, out = set(), []
    money = [Figure(c.label, c.low, c.high, c.unit) for c in _counts(text) if c.unit]
    for figure in (*figures, *money):
        if unit_of(figure) not in seen:
            seen.add(unit_of(figure))
            out.append(figure)
    return tuple(out)


def _bare_discrepancy(ordered: Iterable[Statement], flagged: set[str]) -> Discrepancy | None:
    """A bare number of one outlet against another outlet's number of the same size, in the same words.

    One statement per outlet (its first, ``ordered`` by article and offset), and a bounded number of
    outlets, so that an entry many outlets carry costs no more."""
    outlets: dict[str, Statement] = {}
    for statement in ordered:
        if len(outlets) == COMPARED_OUTLETS:
            break
        if statement.article_id not in outlets and _counts(statement.text):
            outlets[statement.article_id] = statement
    told = list(outlets.values())
    counts = {id(s): [*_figures_with_context(s), *_bare(s)] for s in told}
    values = {id(s): {c.high for c in _counts(s.text)} | {f.high for f in s.figures} for s in told}
    by_value: dict[str, set[str]] = defaultdict(set)
    for i, s in enumerate(told):
        for t in told[i + 1 :]:
            for x in counts[id(s)]:
                for y in counts[id(t)]:
                    if x.high in values[id(t)] or y.high in values[id(s)]:
                        continue  # "312 votes to 298" v "by 312 to 298": each number is in the other report
                    if (x.unit is None or y.unit is None) and (x.unit or y.unit) not in flagged and _one_quantity(x, y):
                        by_value[_label(x)].add(s.article_id)
                        by_value[_label(y)].add(t.article_id)
    return Discrepancy("figure", _values(by_value)) if len(by_value) > 1 else None


def _one_quantity(x: _Count, y: _Count) -> bool:
    """Told in the same words, of the same size, and different."""
    low, high = sorted((max(x.high, 1e-9), max(y.high, 1e-9)))
    return bool(x.near & y.near) and high / low <= _SAME_SIZE and _disjoint([(x.low, x.high), (y.low, y.high)])


def _label(count: _Count) -> str:
    return f"{count.label} {count.unit}" if count.unit else count.label


def _figures_with_context(statement: Statement) -> list[_Count]:
    """The statement's figures, each with the words around it."""
    bare = {(c.low, c.high): c.near for c in _counts(statement.text)}
    return [_Count(f.low, f.high, f.text, unit_of(f), bare.get((f.high, f.high), frozenset()) | {f.unit}) for f in statement.figures]


def _bare(statement: Statement) -> list[_Count]:
    """Numbers the statement gives without a counted noun or currency."""
    counted = {v for f in statement.figures for v in (f.low, f.high)}
    return [c for c in _counts(statement.text) if c.unit is None and c.high not in counted]


@lru_cache(maxsize=65536)
def _counts(text: str) -> tuple[_Count, ...]:
    """Every number of a statement's text that is no year, day of the month or time of day, and the
    small ones news style spells out ("killing four people" v "five people were killed")."""
    out = []
    for m in _COUNT.finditer(text):
        before, after = text[: m.start()].lower().split(), text[m.end() :].lower().split()
        previous, following = (before[-1] if before else ""), (after[0].strip(".,;") if after else "")
        year = re.fullmatch(r"(?:19|20)\d\d", m["number"]) and not m["currency"] and not m["multiplier"]
        if year or previous.strip(".")[:3] in _MONTHS or following[:3] in _MONTHS or following in _CLOCK:
            continue
        value = float(m["number"].replace(",", "")) * _MULTIPLIERS.get(m["multiplier"] or "", 1)
        unit = _currency(m["currency"]) if m["currency"] else m["money"]  # "$5m", "a 75,000-euro reward"
        near = content_words(" ".join([*before[-_NEAR:], *after[:_NEAR]]))
        out.append(_Count(value, value, m.group().strip(), unit, near))
    for m in _SPELLED.finditer(text):
        before, after = text[: m.start()].lower().split(), text[m.end() :].lower().split()
        if after and after[0].strip(".,;") in _CLOCK | {"of"}:
            continue  # "at two o'clock", "two of the ..." (a share, not a count)
        value = float(_SPELLED_VALUES[m.group().lower()])
        out.append(_Count(value, value, m.group(), None, content_words(" ".join([*before[-_NEAR:], *after[:_NEAR]]))))
    return tuple(out)


_SPELLED_VALUES = {w: int(n) for w, n in number_words().items() if 2 <= int(n) <= 12}  # "one" is mostly a pronoun
_SPELLED = re.compile(rf"(?<![\w-])(?:{'|'.join(_SPELLED_VALUES)})(?![\w-])", re.IGNORECASE)  # not "two-hour"


def _currency(sign: str) -> str:
    """ "$", "US$" -> dollar; "A$" -> a-dollar (another country's dollar)."""
    prefix = sign[:-1].lower()
    return _CURRENCIES[sign[-1]] if prefix in ("", "us") else f"{prefix}-{_CURRENCIES[sign[-1]]}"


def _disjoint(ranges: list[tuple[float, float]]) -> bool:
    """Some two ranges do not overlap (within 2%): the outlets really disagree."""
    for i, (a0, a1) in enumerate(ranges):
        for b0, b1 in ranges[i + 1 :]:
            if a1 * 1.02 < b0 or b1 * 1.02 < a0:
                return True
    return False
