"""The dates of statements in the merge: when two allow one entry, and the keys they are filed under.

A statement is filed under its day and month, a coarser date under the months it spans, so that
looking up a day finds the entries of that day and the coarse ones around it, never the whole
story. An undated statement of a next-day article ("said on Wednesday" read as the day before)
may tell the day before's news: it is filed and compared under both days.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from service.pipeline.model import Statement, When
from service.pipeline.statements.dating import NEXT_DAY
from service.pipeline.temporal.when import make_when


@lru_cache(maxsize=4096)
def buckets(when: When | None) -> tuple[str, ...]:
    """Index keys for a date: its day and month ("2024-10"), or, for a coarser date, the months it
    spans (at most a quarter) also marked coarse ("~2024-10"), else 'wide'.

    A day looks up its day, the coarse entries of its month and 'wide'; a coarse date looks up whole
    months. An open "before X" sits in X's month and the one before: it only joins a nearby day.
    """
    if when is None:
        return ("undated",)
    if when.earliest and when.latest:
        if when.earliest == when.latest:
            return (when.earliest.isoformat(), when.earliest.isoformat()[:7])
        months = _months(when.earliest, when.latest)
        return (*months, *(f"~{m}" for m in months)) if len(months) <= 3 else ("wide",)
    if when.latest:
        months = _months(when.latest - timedelta(days=31), when.latest)
        return (*months, *(f"~{m}" for m in months))
    return ("wide",)


@lru_cache(maxsize=4096)
def lookups(when: When | None) -> tuple[str, ...]:
    """Keys to search for a date (see ``buckets``)."""
    if when is not None and when.earliest and when.latest and when.earliest == when.latest:
        return (when.earliest.isoformat(), f"~{when.earliest.isoformat()[:7]}", "wide")
    return (*buckets(when), "wide")


def _months(first: date, last: date) -> list[str]:
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month) and len(out) < 4:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def dates_agree(a: When | None, b: When | None) -> bool:
    """Same day; coarser dates must overlap; an open "before X" joins a dated day not after X; two
    weekdays of unknown weeks only when they are one weekday."""
    if a is None or b is None:
        return a is None and b is None
    if a.granularity == "day" and b.granularity == "day":
        return a.earliest == b.earliest
    if a.granularity == "open" == b.granularity:
        return _weekday(a.value) is None or _weekday(b.value) is None or _weekday(a.value) == _weekday(b.value)
    return _overlap(a.earliest, a.latest, b.earliest, b.latest)


def _weekday(value: str) -> str | None:
    """The weekday an unanchored date names ("XXXX-WXX-2TNI": a Tuesday night): a Tuesday's and a
    Thursday's statements are two days' whatever week each is."""
    return value[9] if value.startswith("XXXX-WXX-") and len(value) > 9 else None


def _overlap(a0: date | None, a1: date | None, b0: date | None, b1: date | None) -> bool:
    return (a0 is None or b1 is None or a0 <= b1) and (b0 is None or a1 is None or b0 <= a1)


def retold(a: Statement, b: Statement) -> bool:
    """An undated statement of a next-day article and a statement of the day before: maybe one."""
    return any(x.date == make_when(d.isoformat()) for x, y in ((a, b), (b, a)) for d in _retold_day_values(y))


def _retold_day_values(statement: Statement) -> tuple[date, ...]:
    if NEXT_DAY not in statement.date_basis or statement.date is None or statement.date.earliest is None:
        return ()
    return (statement.date.earliest - timedelta(days=1),)


def retold_days(statement: Statement) -> tuple[When, ...]:
    """The day before, for a statement a next-day article may retell (see ``retold``)."""
    return tuple(w for d in _retold_day_values(statement) if (w := make_when(d.isoformat())))
