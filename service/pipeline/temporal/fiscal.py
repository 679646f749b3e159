"""Reporting periods named by their closing day: "the quarter ended Sept. 30", "the year ending June 30".

Company results count in fiscal periods that need not match the calendar. The closing day fixes which
period is meant: a quarter is the calendar quarter holding most of its three months (the one ended
July 31 runs May to July: the second quarter) unless the passage has just named it (a company's
"fiscal first quarter ended Sept. 30" stays the first quarter), a year is one year long and ends on that day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal import tense
from service.pipeline.temporal.absolute import month_number, pick
from service.pipeline.temporal.calendar_math import shift, value_at
from service.pipeline.temporal.context import Context, Resolution
from service.pipeline.temporal.matcher import Candidate
from service.pipeline.temporal.when import interval_when, span_label

_MID_QUARTER = timedelta(days=45)


def _closing_day(c: Candidate, ctx: Context) -> date | None:
    """The period's last day: its own year if given, else the latest such day on or before the
    reference ("ended") or the nearest one ("ending")."""
    g = c.groups
    month = month_number(g["month"])
    day = int(re.match(r"\d+", g["day"])[0]) if "day" in g else None  # "the year to June": June 30
    if "year" in g:
        year = int(g["year"])
        day = day or calendar.monthrange(year, month)[1]
        return date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None
    if ctx.reference is None:
        return None
    ref = ctx.reference
    options = [date(y, month, day or calendar.monthrange(y, month)[1])
               for y in (ref.year - 1, ref.year, ref.year + 1) if (day or 1) <= calendar.monthrange(y, month)[1]]
    way = tense.PAST if g["verb"].lower().endswith("ed") else tense.PRESENT
    return pick(options, ref, way) if options else None


def period_ended(c: Candidate, ctx: Context) -> Resolution | None:
    """"the quarter ended Sept. 30" -> 1989-Q3 (DATE); "the year ended March 31" -> P1Y (DURATION)
    with the year it covers as its interval."""
    closing = _closing_day(c, ctx)
    anchor = Anchor("absolute") if "year" in c.groups else ctx.reference_anchor()
    if c.rule.params["unit"] == "Q":
        named = ctx.recent_quarter()  # "its fiscal first quarter ... the quarter ended Sept. 29": Q1
        if named is not None:
            return Resolution("DATE", named.value, None, Anchor("discourse", named.text, named.value))
        if closing is None:
            return Resolution("DATE", "XXXX-QX")
        return Resolution("DATE", value_at(closing - _MID_QUARTER, "quarter"), None, anchor)
    if closing is None:
        return Resolution("DURATION", "P1Y")
    opening = shift(closing, "Y", -1) + timedelta(days=1)
    when = interval_when("P1Y", None, opening, closing, "year", span_label(opening, closing))
    return Resolution("DURATION", "P1Y", None, anchor, when)
