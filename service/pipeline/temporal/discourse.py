"""Resolvers for expressions relative to the discourse ("a day earlier", "that week", "the previous
Friday", "the following spring"): they count from the last mention fine enough for their unit
(Context.focus), else from the reference date, and say which."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal import tense
from service.pipeline.temporal.calendar_math import (
    GRANULARITY,
    duration_value,
    season_start,
    shift,
    value_at,
)
from service.pipeline.temporal.context import Context, Resolution, masked, mod_of
from service.pipeline.temporal.lexicon import lookup, number
from service.pipeline.temporal.matcher import Candidate
from service.pipeline.temporal.relative import PART_UNITS, key_of, unit_of
from service.pipeline.temporal.when import make_when as _make_when

SIGNS = {"earlier": -1, "before": -1, "previously": -1, "previous": -1, "preceding": -1, "prior": -1,
          "later": 1, "after": 1, "afterwards": 1, "following": 1, "next": 1, "subsequent": 1,
          "same": 0, "that": 0}


def _past_after_future(c: Candidate, ctx: Context) -> bool:
    """A past clause after the passage named a day still to come (Context.focus skips that day); the
    tense is read only then."""
    return ctx.reference is not None and any(m.day > ctx.reference for m in ctx.mentions) and \
        tense.leans_past(ctx.text, c.start, c.end)


def discourse(c: Candidate, ctx: Context) -> Resolution | None:
    """"a day earlier", "the following month", "that week": counted from the time being talked about."""
    g = c.groups
    word = key_of(g.get("unit")) or ""
    part = PART_UNITS.get(word)
    unit, times = ("D", 1) if part else unit_of(g) if "unit" in g else (c.rule.params["unit"], 1)
    if unit not in GRANULARITY:
        return None
    sign = SIGNS.get(key_of(g.get("sign") or g.get("sign2")), c.rule.params.get("sign"))
    sign = SIGNS.get(sign, sign) if isinstance(sign, str) else sign
    n = number(g["num"]) if "num" in g else "X" if "plural" in g else 1
    if n is None:
        return None
    if n == "X":  # "a few days later", "days later": how far is not said (TimeML: the duration PXD)
        return Resolution("DURATION", f"PTX{unit[1]}" if unit in ("TH", "TM", "TS") else f"PX{unit}")
    span = duration_value(n * times, unit) if unit in ("TH", "TM", "TS") else None
    if span:  # "24 hours later": whole days from the day talked about; "an hour later": TimeML writes
        unit, n, times = "D", (n // 24 if unit == "TH" else 0), 1  # the span (PT1H) dated to that day
        span = span if n == 0 else None
    granularity = "week" if unit == "WE" and sign else GRANULARITY[unit]
    past = _past_after_future(c, ctx)
    focus = ctx.focus(granularity, past)
    if unit == "Q" and sign == 0:  # "that quarter": the quarter last named, not a day inside it
        focus = next((m for m in reversed(ctx.mentions) if m.granularity == "quarter"), focus)
    last = next((m for m in reversed(ctx.mentions) if not (past and ctx.reference and m.day > ctx.reference)), None)
    if focus is None and sign == 0 and last is not None:
        # "that same day" after "in June 1998": within that June, no finer
        return Resolution("DATE", last.value, None, Anchor("discourse", last.text, last.value))
    if focus is not None:
        base, anchor = focus.day, Anchor("discourse", focus.text, focus.value)
        if unit == "Y" and sign and "num" in g and focus.granularity in ("quarter", "month"):
            granularity = focus.granularity  # "a year earlier" than a quarter is that quarter last year
            # ("the following year" is a year)
    elif ctx.reference is not None:
        base, anchor = ctx.reference, ctx.reference_anchor()
    else:
        if span:
            return Resolution("DURATION", span)
        if part:
            return Resolution("TIME", f"XXXX-XX-XXT{part}", mod_of(g))
        return Resolution("DATE", masked(value_at(date(2000, 6, 14), granularity)))
    value = value_at(shift(base, unit, int(sign * n * times)), granularity)
    if unit == "Y" and sign:  # "a year earlier" compares; the passage stays where it was
        return Resolution("DATE", value, None, anchor, remember=False)
    if part:
        return Resolution("TIME", f"{value}T{part}", mod_of(g), anchor)
    if span:
        return Resolution("DURATION", span, None, anchor, replace(_make_when(value), value=span))
    return Resolution("DATE", value, mod_of(g), anchor)


def discourse_weekday(c: Candidate, ctx: Context) -> Resolution:
    """"the previous Friday", "the following Monday": counted from the day being talked about."""
    g = c.groups
    weekday_ = lookup(g["weekday"], "WEEKDAY")
    focus = ctx.focus("day", _past_after_future(c, ctx))
    if focus is not None:
        base, anchor = focus.day, Anchor("discourse", focus.text, focus.value)
    elif ctx.reference is not None:
        base, anchor = ctx.reference, ctx.reference_anchor()
    else:
        return Resolution("DATE", f"XXXX-WXX-{weekday_}")
    if SIGNS[key_of(g["sign"])] > 0:
        day = base + timedelta(days=(weekday_ - base.isoweekday()) % 7 or 7)
    else:
        day = base - timedelta(days=(base.isoweekday() - weekday_) % 7 or 7)
    return Resolution("DATE", day.isoformat(), None, anchor)


def discourse_season(c: Candidate, ctx: Context) -> Resolution:
    """"the following spring", "that summer", "the previous winter": from the time being talked about
    (a year, or a finer date), else from the reference date."""
    g = c.groups
    season = lookup(g.get("season") or g["season2"], "SEASON")
    sign = SIGNS[key_of(g.get("sign") or g["that"])]
    focus = ctx.focus("year")
    if focus is not None:
        base, anchor, whole_year = focus.day, Anchor("discourse", focus.text, focus.value), focus.granularity == "year"
    elif ctx.reference is not None:
        base, anchor, whole_year = ctx.reference, ctx.reference_anchor(), False
    else:
        return Resolution("DATE", f"XXXX-{season}")
    starts = [season_start(y, season) for y in range(base.year - 2, base.year + 3)]
    if sign > 0:  # the first to begin after that time (after that whole year)
        chosen = min(s for s in starts if s > (date(base.year, 12, 31) if whole_year else base))
    elif sign < 0:  # the last to end before it begins
        chosen = max(s for s in starts if (s if whole_year else shift(s, "M", 3)) <= base)
    elif whole_year:  # "in 2019 ... that summer"
        chosen = season_start(base.year, season)
    else:
        chosen = min(starts, key=lambda s: max((s - base).days, (base - shift(s, "M", 3)).days, 0))
    return Resolution("DATE", value_at(chosen, "season", season), None, anchor)
