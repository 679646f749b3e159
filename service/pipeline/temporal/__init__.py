"""Temporal expressions: find, type and normalise them against a reference date (issue 3).

Rules and word lists are data (resources/*.toml, with {MACRO}s); matcher.py finds candidates, tense.py
says which way a bare weekday or month points, the resolvers (absolute.py, fiscal.py, relative.py,
daytime.py, durations.py, holidays.py, fallback.py) compute TIMEX3 type, value, mod and anchor, and
when.py the calendar bounds.
Nothing here reads the clock: output depends on the text and the reference date only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from service.pipeline.model import Expression, Furniture, When
from service.pipeline.temporal import (
    absolute,
    daytime,
    discourse,
    durations,
    fiscal,
    relative,
)
from service.pipeline.temporal.context import Context, Resolution
from service.pipeline.temporal.fallback import fallback
from service.pipeline.temporal.holidays import holiday, nth_weekday
from service.pipeline.temporal.matcher import Candidate, candidates
from service.pipeline.temporal.when import make_when as _make_when

__all__ = ["normalise", "make_when"]

_RESOLVERS = {  # rules.toml "norm" -> resolver
    "date": absolute.date_, "second_day": absolute.second_day, "year": absolute.year,
    "decade": absolute.decade, "century": absolute.century, "quarter": absolute.quarter,
    "focus_quarter": absolute.focus_quarter, "week_of": absolute.week_of, "year_end": absolute.year_end,
    "period_ended": fiscal.period_ended, "holiday": holiday, "nth_weekday": nth_weekday, "fallback": fallback,
    "clock": daytime.clock, "part_of_day": daytime.part_of_day, "deictic": daytime.deictic,
    "twilight": daytime.twilight,
    "weekday": relative.weekday, "month": relative.month, "calendar": relative.calendar_unit,
    "offset": relative.offset, "day_around": relative.day_around, "day_of_month": relative.day_of_month,
    "fixed": relative.fixed, "discourse": discourse.discourse,
    "discourse_weekday": discourse.discourse_weekday, "discourse_season": discourse.discourse_season,
    "duration": durations.duration, "unit_long": durations.unit_long, "in_units": durations.in_units, "vague": durations.vague,
    "set": durations.set_,
}


def make_when(value: str, mod: str | None = None) -> When | None:
    """When (EDTF, calendar bounds, granularity, label) of a TIMEX3 value; None for durations and sets."""
    return _make_when(value, mod)


def normalise(
    text: str, reference_date: date | None, furniture: Sequence[Furniture] = ()
) -> tuple[Expression, ...]:
    """Every temporal expression in ``text`` in text order, resolved against ``reference_date``."""
    context = Context(text, reference_date)
    found = []
    for candidate in candidates(text):
        try:
            resolution = _RESOLVERS[candidate.rule.norm](candidate, context)
            if resolution is None:
                continue
            expression = _expression(candidate, resolution, context, furniture)
            if resolution.remember and expression.type in ("DATE", "TIME") and not expression.furniture:
                context.remember(expression.text, expression.value, expression.anchor.kind == "absolute",
                                 expression.end)
        except (ValueError, OverflowError):  # a day outside the calendar (year 0, 10000): no date
            continue
        found.append(expression)
    return tuple(found)


def _expression(candidate: Candidate, resolution: Resolution, context: Context,
                furniture: Sequence[Furniture]) -> Expression:
    when = resolution.when
    if when is None and resolution.type in ("DATE", "TIME"):
        when = _make_when(resolution.value, resolution.mod, context.reference)
    inside = any(f.start <= candidate.start and candidate.end <= f.end for f in furniture)
    return Expression(
        text=context.text[candidate.start:candidate.end], start=candidate.start, end=candidate.end,
        type=resolution.type, value=resolution.value, mod=resolution.mod, date=when,
        anchor=resolution.anchor, rule=candidate.rule.id, furniture=inside,
    )
