"""Named days ("Thanksgiving", "Good Friday") and counted days ("the first Monday of December").

Rules are data (lexicon.toml HOLIDAY): fixed "MM-DD", nth weekday "MM-weekday-n" (L = last; "+d" adds days), or
days from Easter Sunday (computed with the Gregorian computus).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal.absolute import ABSOLUTE, full_year, month_number, pick
from service.pipeline.temporal.calendar_math import add_months
from service.pipeline.temporal.context import Context, Resolution
from service.pipeline.temporal.lexicon import lookup
from service.pipeline.temporal.matcher import Candidate


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date:
    if rule.startswith("EASTER"):
        return easter(year) + timedelta(days=int(rule[6:]))
    rule, _, later = rule.partition("+")  # "11-4-4+1": the day after the fourth Thursday of November
    if later:
        return holiday_date(rule, year) + timedelta(days=int(later))
    parts = rule.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return date(year, month, int(parts[1]))
    return nth_in_month(year, month, int(parts[1]), parts[2])


def nth_in_month(year: int, month: int, weekday: int | None, nth: str) -> date:
    """The nth (or L: last) given weekday of a month; weekday None counts days."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if weekday is None or date(year, month, d).isoweekday() == weekday]
    index = -1 if nth == "L" else min(int(nth), len(days)) - 1
    return date(year, month, days[index])


def nth_weekday(c: Candidate, ctx: Context) -> Resolution | None:
    """"the first Monday of December", "the last day of the month", "the last weekend of May"."""
    g = c.groups
    ordinal = g["ordinal"].lower()
    nth = "L" if ordinal in ("last", "final") else str(lookup(ordinal, "ORDINAL"))
    word = g["weekday"].lower()
    weekday = None if word == "day" else 6 if word == "weekend" else lookup(word, "WEEKDAY")
    ref = ctx.reference
    if "month" in g:
        month = month_number(g["month"])
        if "year" in g:
            year, anchor = full_year(g["year"], ref), ABSOLUTE
        elif ref is not None:
            firsts = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
            year = pick(firsts, date(ref.year, ref.month, 1), *ctx.slack(c)).year
            anchor = ctx.reference_anchor()
        else:
            return Resolution("DATE", f"XXXX-{month:02d}-XX")
    elif ref is not None:
        shifted = add_months(ref, {"next": 1, "last": -1}.get(g["dir"].lower(), 0))
        year, month, anchor = shifted.year, shifted.month, ctx.reference_anchor()
    else:
        return Resolution("DATE", "XXXX-XX-XX")
    day = nth_in_month(year, month, weekday, nth)
    if word == "weekend":
        iso = day.isocalendar()
        return Resolution("DATE", f"{iso[0]:04d}-W{iso[1]:02d}-WE", None, anchor)
    return Resolution("DATE", day.isoformat(), None, anchor)


# "the" before and a capitalised word after make a holiday part of a name: "the Good Friday Agreement",
# "the Easter Rising" (not "on Christmas Eve Santa arrived")
_NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:Day|Eve|Weekend|Holiday|Monday|Sunday)\b)[A-Z][a-z]")
_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def holiday(c: Candidate, ctx: Context) -> Resolution | None:
    g = c.groups
    rule = lookup(g["holiday"], "HOLIDAY")
    if rule is None or (_NAME_GOES_ON.match(ctx.text, c.end) and _THE.search(ctx.text, max(0, c.start - 5), c.start)):
        return None
    if "year" in g:
        day = holiday_date(rule, full_year(g["year"], ctx.reference))
        return Resolution("DATE", day.isoformat(), None, ABSOLUTE)
    ref = ctx.reference
    if ref is None:
        return Resolution("DATE", "XXXX-" + (rule[:5] if len(rule) == 5 else "XX-XX"), None, Anchor("none"))
    options = [holiday_date(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    direction = (g.get("dir") or "").lower()
    if direction == "last":
        chosen = max(d for d in options if d < ref)
    elif direction == "next":
        chosen = min(d for d in options if d > ref)
    elif direction == "this":
        chosen = options[1]
    else:
        chosen = pick(options, ref, *ctx.slack(c))
    return Resolution("DATE", chosen.isoformat(), None, ctx.reference_anchor())
