"""Resolvers for durations ("two years", "the past two years"), vague spans ("recent months", "for
years") and sets ("every Friday", "daily"). Durations anchored at the reference date also get the
interval they cover, so "over the past two years" can be placed on the timeline."""

from __future__ import annotations

import re
from datetime import timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal import tense
from service.pipeline.temporal.absolute import month_number
from service.pipeline.temporal.calendar_math import GRANULARITY, duration_value, shift
from service.pipeline.temporal.context import Context, Resolution, mod_of
from service.pipeline.temporal.lexicon import lookup, number
from service.pipeline.temporal.matcher import Candidate
from service.pipeline.temporal.relative import PART_UNITS, key_of, offset, unit_of
from service.pipeline.temporal.when import interval_when, span_label


def in_units(c: Candidate, ctx: Context) -> Resolution | None:
    """"in three weeks": a date when the clause looks ahead, else the duration it took."""
    if ctx.direction(c) == tense.FUTURE:
        return offset(c, ctx)
    return duration(c, ctx)


# "$2 million a year", "700 seats a week": a rate, not a duration
_RATE = re.compile(r"(?:\d[\d,.]*|million|billion|thousand|hundred|percent|cents?|dollars?|times|once|twice|"
                   r"one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+\w+)?\s+$", re.IGNORECASE)


_OF = re.compile(r"\s+of\b", re.IGNORECASE)


def duration(c: Candidate, ctx: Context) -> Resolution | None:
    """"two years" -> P2Y; "the past two years" also gets the interval it covers up to the reference."""
    g = c.groups
    if ctx.text[c.start:c.end].lower().endswith("old"):
        return None  # an age, not a time
    if g.get("unit", "")[:1].isupper() and not g["unit"].isupper():
        return None  # a title: the CBS programme "60 Minutes", the film "28 Days Later"
    unit, times = unit_of(g)
    n = number(g["num"]) if "num" in g else 1  # "the past fortnight"
    if n is None or not unit:
        return None
    article = key_of(g.get("num")) in ("a", "an")
    if article and (unit == "TS" or _RATE.search(ctx.text, max(0, c.start - 30), c.start)):
        return None  # "a second group" is an ordinal; "$2 million a year", "700 seats a week" are rates
    if unit == "Q" and n != "X" and _OF.match(ctx.text, c.end):
        return None  # "three-quarters of the vote" is a fraction ("several quarters of losses" is not)
    if unit in ("DE", "CE") and n != "X":  # TimeML writes decades and centuries in years
        unit, times = "Y", times * (10 if unit == "DE" else 100)
    if "half" in g and n != "X":  # "a minute and a half"
        n += 0.5
    amount = n if n == "X" else n * times
    value = duration_value(amount, unit)
    # "the last three months of 2022", "the first two years of his term": part of that period, not of now
    direction = "" if _OF.match(ctx.text, c.end) else key_of(g.get("dir"))
    when = _covered(value, unit, amount, direction, ctx)
    anchor = ctx.reference_anchor() if when else Anchor("none")
    return Resolution("DURATION", value, mod_of(g), anchor, when)


def unit_long(c: Candidate, ctx: Context) -> Resolution:
    """"a day-long meeting" -> P1D, "a decade-long war" -> P10Y, "a months-long standoff" -> PXM."""
    unit, times = unit_of({"unit": c.groups["unit"].rstrip("sS")})
    if c.groups["unit"].lower().endswith(("s", "ies")):
        return vague(c, ctx)
    if unit in ("DE", "CE"):  # TimeML writes decades and centuries in years
        unit, times = "Y", times * (10 if unit == "DE" else 100)
    return Resolution("DURATION", duration_value(times, unit), None, Anchor("none"))


def _covered(value: str, unit: str, amount, direction: str, ctx: Context):
    """Interval of an anchored duration: back from the reference ("past") or forward ("next")."""
    way = {"past": -1, "last": -1, "previous": -1, "recent": -1, "next": 1, "coming": 1}.get(direction)
    if way is None or ctx.reference is None:
        return None
    ref = ctx.reference
    if amount == "X" or unit in ("TH", "TM", "TS"):
        other = None if amount == "X" else ref + timedelta(days=way)
    else:
        other = shift(ref, "W" if unit == "WE" else unit, int(way * amount))
    low, high = (other, ref) if way < 0 else (ref, other)
    granularity = "open" if other is None else GRANULARITY.get(unit, "day")
    return interval_when(value, None, low, high, granularity, span_label(low, high))


def vague(c: Candidate, ctx: Context) -> Resolution:
    """"recent months", "the coming weeks": an unspecified number of units before or after now."""
    g = c.groups
    unit, _ = unit_of(g)
    value = f"PTX{unit[1]}" if unit in ("TH", "TM", "TS") else f"PX{unit}"
    said = key_of(g.get("dir") or c.rule.params.get("dir"))
    direction = {"recent": "past", "past": "past", "last": "past", "few": "past", "none": None}.get(said, "next")
    when = _covered(value, unit, "X", direction, ctx) if direction else None
    return Resolution("DURATION", value, None, ctx.reference_anchor() if when else Anchor("none"), when)


def set_(c: Candidate, ctx: Context) -> Resolution:
    """"every Friday morning" -> XXXX-WXX-5TMO, "every August" -> XXXX-08, "every two weeks" -> P2W, "daily" -> P1D."""
    g = c.groups
    if "weekday" in g or "weekdays" in g:
        day = lookup(g.get("weekday") or g["weekdays"][:-1], "WEEKDAY")
        part = lookup(g.get("part"), "PART")
        return Resolution("SET", f"XXXX-WXX-{day}" + (f"T{part}" if part else ""))
    if "month" in g:  # "every August"
        return Resolution("SET", f"XXXX-{month_number(g['month']):02d}")
    if "adverb" in g:
        value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
                 "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                 "hourly": "PT1H"}[g["adverb"].lower()]
        return Resolution("SET", value)
    word = key_of(g["unit"]).rstrip("s")
    if word in PART_UNITS:
        return Resolution("SET", f"XXXX-XX-XXT{PART_UNITS[word]}")
    count = 2 if key_of(g.get("num")) == "other" else number(g.get("num")) or 1
    unit = lookup(word, "UNIT")
    return Resolution("SET", f"PT{count}{unit[1]}" if unit in ("TH", "TM", "TS") else f"P{count}{unit}")
