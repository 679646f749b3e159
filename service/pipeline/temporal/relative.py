"""Resolvers for expressions relative to the reference date (weekdays, months, "last week", "two days
ago", "now") or to a day they name ("a week ago Monday", "two days after March 3"); times of day
are in daytime.py, expressions relative to the discourse in discourse.py.

Bare weekdays and months take their direction from tense.py."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal import tense
from service.pipeline.temporal.absolute import date_, month_number, pick
from service.pipeline.temporal.calendar_math import (
    GRANULARITY,
    season_of,
    season_start,
    shift,
    value_at,
)
from service.pipeline.temporal.context import Context, Resolution, masked, mod_of
from service.pipeline.temporal.lexicon import lookup, number
from service.pipeline.temporal.matcher import Candidate
from service.pipeline.temporal.when import interval_when, span_label

_DIRS = {"this": 0, "current": 0, "the current": 0,
         "last": -1, "past": -1, "the last": -1, "the past": -1, "this past": -1, "previous": -1, "the previous": -1,
         "next": 1, "the next": 1, "coming": 1, "the coming": 1, "upcoming": 1}
PART_UNITS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def key_of(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def unit_of(groups: dict[str, str], name: str = "unit") -> tuple[str, float | str]:
    """Unit letter and multiplier: "fortnight" is two weeks, "half-year" six months."""
    letter = lookup(groups.get(name), "UNIT", "CALUNIT") or ""
    if letter[:1].isdigit():
        return letter[1:], int(letter[0])
    return letter, 1


def weekday_date(weekday: int, ctx: Context, c: Candidate, direction: str | None) -> date:
    """The weekday "last"/"next"/"this" names, or the one the clause's tense points at."""
    ref = ctx.reference
    offset = (weekday - ref.isoweekday()) % 7  # days forward to the next such weekday (0: today)
    if direction in ("last", "past"):
        return ref - timedelta(days=(7 - offset) % 7 or 7)
    if direction in ("next", "coming"):
        return ref + timedelta(days=offset or 7)
    if direction == "this":
        return ref + timedelta(days=weekday - ref.isoweekday())
    way = ctx.direction(c)  # news reports what happened: with no cue, a bare weekday is the last one
    return pick([ref + timedelta(days=offset), ref + timedelta(days=offset - 7)], ref,
                tense.PAST if way is tense.NONE else way)


def weekday(c: Candidate, ctx: Context) -> Resolution:
    g = c.groups
    number_ = lookup(g["weekday"], "WEEKDAY")
    part = lookup(g.get("part"), "PART")
    kind = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if ctx.reference is None:
        return Resolution(kind, f"XXXX-WXX-{number_}{suffix}", mod_of(g))
    if "week" in g:  # "Tuesday of last week": that day of the week named
        monday = shift(ctx.reference, "W", _DIRS[key_of(g["week"])]) - timedelta(days=ctx.reference.weekday())
        day = monday + timedelta(days=number_ - 1)
    else:  # "Friday after next", "Friday week": a week after the coming Friday
        day = weekday_date(number_, ctx, c, "next" if "afternext" in g else key_of(g.get("dir")) or None)
        day += timedelta(weeks=1 if "afternext" in g else 0)
        before = None if "dir" in g else ctx.range_start(c.start)
        if before is not None and day < before:  # "late Sunday into Monday": the Monday after
            day = before + timedelta(days=(number_ - before.isoweekday()) % 7 or 7)
    return Resolution(kind, day.isoformat() + suffix, mod_of(g), ctx.reference_anchor())


def month(c: Candidate, ctx: Context) -> Resolution:
    g = c.groups
    number_, mod = month_number(g["month"]), mod_of(g)
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-{number_:02d}", mod)
    ref = ctx.reference
    direction = key_of(g.get("dir"))
    if c.rule.params.get("dir_of") == "year":  # "July last year"
        year_ = ref.year + _DIRS[direction]
        return Resolution("DATE", f"{year_:04d}-{number_:02d}", mod, ctx.reference_anchor())
    this_year = ref.year * 12 + ref.month - 1
    options = [this_year - (ref.month - number_) + 12 * k for k in (-1, 0, 1)]
    if direction in ("last", "past"):
        chosen = max(o for o in options if o < this_year)
    elif direction in ("next", "coming"):
        chosen = min(o for o in options if o > this_year)
    elif direction == "this":
        chosen = options[1]
    else:
        firsts = {date(o // 12, o % 12 + 1, 15): o for o in options}
        chosen = firsts[pick(list(firsts), date(ref.year, ref.month, 15), *ctx.slack(c))]
    return Resolution("DATE", f"{chosen // 12:04d}-{chosen % 12 + 1:02d}", mod, ctx.reference_anchor())


def calendar_unit(c: Candidate, ctx: Context) -> Resolution | None:
    """this/last/next week|month|year|quarter|weekend|season, with early/late modifiers."""
    g = c.groups
    mod = mod_of(g)
    reference = ctx.reference or date(2000, 6, 14)
    if "season" in g:
        resolved = _season(c, ctx, reference)
    else:
        unit = c.rule.params.get("calunit") or unit_of(g, "calunit")[0]
        offset = _DIRS.get(key_of(g.get("dir") or c.rule.params.get("dir")))
        if offset is None and c.rule.params.get("dir") == "new":  # "the new year"
            offset = 1 if reference.month >= 7 else 0
        if offset is None and key_of(g.get("dir")) == "the" and unit != "WE":
            offset = 0  # "the end of the year": the current one
        if offset is None:  # "the weekend": the one the clause points at
            saturday = reference + timedelta(days=6 - reference.isoweekday())
            offset = -1 if ctx.direction(c) != tense.FUTURE and reference < saturday else 0
        if unit in ("DE", "CE") and offset == -1 and "mod" not in g:
            return _span_to_now(unit, ctx)  # "the past decade": the ten years up to now, not the 2010s
        granularity = GRANULARITY[unit]
        resolved = value_at(shift(reference, unit, offset), granularity)
    if ctx.reference is None:
        return Resolution("DATE", masked(resolved), mod)
    anchor = Anchor("absolute") if "year" in g else ctx.reference_anchor()
    return Resolution("DATE", resolved, mod, anchor)


def _span_to_now(unit: str, ctx: Context) -> Resolution:
    years = 10 if unit == "DE" else 100
    if ctx.reference is None:
        return Resolution("DURATION", f"P{years}Y")
    start = shift(ctx.reference, unit, -1)
    when = interval_when(f"P{years}Y", None, start, ctx.reference, "year", span_label(start, ctx.reference))
    return Resolution("DURATION", f"P{years}Y", None, ctx.reference_anchor(), when)


def _season(c: Candidate, ctx: Context, reference: date) -> str:
    g = c.groups
    season = lookup(g["season"], "SEASON")
    if "year" in g:
        return f"{int(g['year']):04d}-{season}"
    if "ydir" in g:  # "the spring of next year"
        return f"{reference.year + _DIRS[key_of(g['ydir'])]:04d}-{season}"
    current = season_start(*season_of(reference))
    starts = [season_start(y, season) for y in range(reference.year - 2, reference.year + 2)]
    offset = _DIRS.get(key_of(g.get("dir")))
    if offset == -1:
        chosen = max(s for s in starts if s < current)
    elif offset == 1:
        chosen = min(s for s in starts if s > current)
    elif offset == 0:
        chosen = current if season_of(reference)[1] == season else season_start(reference.year, season)
    else:
        way = ctx.direction(c)
        if way == tense.FUTURE:
            chosen = min(s for s in starts if shift(s, "M", 3) > reference)
        elif way in (tense.PRESENT, tense.TARGET):  # the current one, else the closer of last and next
            chosen = min(starts, key=lambda s: max((s - reference).days, (reference - shift(s, "M", 3)).days, 0))
        else:
            chosen = max(s for s in starts if s <= reference)
    return value_at(chosen, "season", season)


def offset(c: Candidate, ctx: Context) -> Resolution | None:
    """"two days ago", "three weeks from now": the unit that far from the reference date."""
    g = c.groups
    if "day" in g and (counted := _day_offset(c, ctx)) is not None:  # "a week ago Monday"
        return counted
    params = c.rule.params
    unit, times = unit_of({"unit": g.get("unit") or g.get("unit2") or params.get("unit")})
    n = number(g.get("num") or g.get("num2") or params.get("num"))
    sign = c.rule.params.get("sign", 1)
    if n is None or unit not in GRANULARITY:
        return None
    if n == "X":
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, ctx.reference_anchor())
    granularity = GRANULARITY[unit]
    if unit in ("TH", "TM", "TS"):
        unit, n, times = "D", 0, 1
    steps = n * times
    if steps != int(steps):  # "half a year ago"
        unit, steps = ("M", steps * 12) if unit == "Y" else (unit, round(steps))
    reference = ctx.reference or date(2000, 6, 14)
    mod = mod_of(g)
    last = ctx.recent_quarter()
    if unit == "Y" and last is not None:
        # results "up from $10 million a year ago": the reported quarter, a year before
        value = value_at(shift(last.day, "Y", sign * int(steps)), "quarter")
        return Resolution("DATE", value, mod, Anchor("discourse", last.text, last.value), remember=False)
    granularity = {"weekend": "week", "decade": "year", "century": "year"}.get(granularity, granularity)
    value = value_at(shift(reference, unit, sign * int(steps)), granularity)
    if ctx.reference is None:
        return Resolution("DATE", masked(value), mod)
    return Resolution("DATE", value, mod, ctx.reference_anchor(), remember=unit != "Y")


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _day_offset(c: Candidate, ctx: Context) -> Resolution | None:
    """"a week ago Monday", "two weeks from Tuesday", "a year ago today": the units counted from a
    weekday (the last one before "ago", the next one before "from") or from a deictic day."""
    g = c.groups
    unit, times = unit_of(g)
    n = number(g["num"])
    if not isinstance(n, int) or unit not in ("D", "W", "M", "Y"):
        return None
    sign = c.rule.params.get("sign", 1)
    if ctx.reference is None:
        return Resolution("DATE", "XXXX-XX-XX")
    word = key_of(g["day"])
    if word in _DEICTIC_DAYS:
        base = ctx.reference + timedelta(days=_DEICTIC_DAYS[word])
    else:
        base = weekday_date(lookup(word, "WEEKDAY"), ctx, c, "last" if sign < 0 else "next")
    return Resolution("DATE", shift(base, unit, sign * n * times).isoformat(), None, ctx.reference_anchor())


def day_around(c: Candidate, ctx: Context) -> Resolution | None:
    """"the day before last Tuesday", "two days after March 3": days or weeks from a named day."""
    g = c.groups
    n = 1 if key_of(g["num"]) in ("the", "a") else number(g["num"])
    unit, _ = unit_of(g)
    if not isinstance(n, int) or unit not in ("D", "W"):
        return None
    if "weekday" in g:
        if ctx.reference is None:
            return Resolution("DATE", "XXXX-XX-XX")
        base, anchor = weekday_date(lookup(g["weekday"], "WEEKDAY"), ctx, c, key_of(g.get("dir")) or None), ctx.reference_anchor()
    else:
        named = {"month": g.get("month") or g["dfmonth"], "day": g.get("day") or g["dfday"]}
        if "year" in g or "dfyear" in g:
            named["year"] = g.get("year") or g["dfyear"]
        resolved = date_(replace(c, groups=named), ctx)
        if resolved is None or resolved.value.startswith("X"):
            return resolved and Resolution("DATE", "XXXX-XX-XX")
        base, anchor = date.fromisoformat(resolved.value), resolved.anchor
    sign = -1 if key_of(g["sign"]) == "before" else 1
    return Resolution("DATE", shift(base, unit, sign * n).isoformat(), None, anchor)


# "a birdie on the 18th", "a goal in the 90th": a hole or a minute, not a day
_NOT_A_DAY = re.compile(r"\b(?:birdie|bogey|eagle|par|putt|hole|green|tee|drive|minute|lap|round|inning|floor)s?\b"
                        r"[^.;]{0,20}$", re.IGNORECASE)


def day_of_month(c: Candidate, ctx: Context) -> Resolution | None:
    """"on the 12th", "adjourned to the 28th": that day of the reference month or of the month before or
    after it, as the tense points (nearest without a cue); "the 20th of next month"."""
    g = c.groups
    day = int(re.match(r"\d+", g.get("day") or g["day2"])[0])
    if _NOT_A_DAY.search(ctx.text, max(0, c.start - 40), c.start):
        return None
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-XX-{day:02d}")
    first = ctx.reference.replace(day=1)
    steps = (_DIRS[key_of(g["dir"])],) if "dir" in g else (-1, 0, 1)
    months = [shift(first, "M", k) for k in steps]
    options = [m.replace(day=day) for m in months if day <= calendar.monthrange(m.year, m.month)[1]]
    if not options:
        return None
    return Resolution("DATE", pick(options, ctx.reference, *ctx.slack(c)).isoformat(), None, ctx.reference_anchor())


def fixed(c: Candidate, ctx: Context) -> Resolution:
    return Resolution("DATE", c.rule.params["value"], None, ctx.reference_anchor())
