"""A day mention completed from its article and story: the month of "Thursday the 31st", the weekday
of a dateline, the years a yearless dateline cannot be in."""

from __future__ import annotations

from dataclasses import replace

from service.pipeline.clock.calendar import YearHints, choose_day
from service.pipeline.clock.evidence import DayMention, Evidence


def with_month(m: DayMention, ev: Evidence, hints: YearHints) -> DayMention:
    """"Thursday the 31st": the first month the text names (or the one after it) in which that day
    is that weekday in a year near the story's; with no month named, the month of a known publication day."""
    named = ev.months or tuple(sorted({d.month for d in hints.published}))
    near = [d.year for d in hints.published] or [y for y in (hints.latest_mentioned, hints.floor) if y]
    fits = [(min(abs(day.year - y) for y in near), i, month)
            for i, month in enumerate((*named, *(n % 12 + 1 for n in named)))
            if (day := choose_day(month, m.day, m.weekday, hints))]
    return replace(m, month=min(fits)[2]) if fits else m


def with_lead_weekday(m: DayMention, ev: Evidence) -> tuple[DayMention, str]:
    """Wire convention: a dateline's day is the first weekday its story names ("WASHINGTON, August 8
    (Xinhua) -- President Bill Clinton Saturday vowed"; 13 of 13 such datelines in AQUAINT)."""
    if m.kind != "dateline" or m.year or m.weekday is not None:
        return m, ""
    weekdays = (w for w in ev.days if w.kind == "weekday" and w.tense != "future" and w.cue not in ("last", "next"))
    lead = next(weekdays, None)
    if lead is None:
        return m, ""
    return replace(m, weekday=lead.weekday), f" with its story's first weekday '{lead.text}'"


def under_dateline(hints: YearHints, ev: Evidence) -> YearHints:
    """A yearless dateline follows wire style, which writes a date's year only when it is not the
    present one: "invited to join in July 1997" under "WARSAW, February 26" puts the present after 1997."""
    if not ev.years.dated:
        return hints
    year, phrase = max(ev.years.dated)
    if hints.floor is not None and hints.floor > year:
        return hints
    return replace(hints, floor=year + 1, floor_basis=f"'{phrase}' written with its year, so not this year's")
