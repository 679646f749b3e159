"""A day mention completed from its article and story: the month of "Thursday the 31st", the weekday
of a dateline, the years a yearless dateline cannot be in; and the day it then names."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.calendar import (
    YearHints,
    choose_day,
    story_year,
    weekday_name,
)
from service.pipeline.clock.evidence import DayMention, Evidence
from service.pipeline.temporal.holidays import holiday_date

STORY_WEEK = 7  # days: a stamp reading this near a publication day of the story is the story's


def with_month(m: DayMention, ev: Evidence, hints: YearHints) -> DayMention:
    """"Thursday the 31st": the first month the text names (or the one after it) in which that day
    is that weekday in a year near the story's; with no month named, the month of a known publication day."""
    named = ev.months or tuple(sorted({d.month for d in hints.published}))
    near = [d.year for d in hints.published] or [y for y in (hints.latest_mentioned, hints.floor) if y]
    fits = [(min(abs(day.year - y) for y in near), i, month)
            for i, month in enumerate((*named, *(n % 12 + 1 for n in named)))
            if (day := choose_day(month, m.day, m.weekday, hints))]
    return replace(m, month=min(fits)[2]) if fits else m


def with_lead_weekday(m: DayMention, ev: Evidence, hints: YearHints) -> tuple[DayMention, str]:
    """Wire convention: a dateline's day is the first weekday its story names ("WASHINGTON, August 8
    (Xinhua) -- President Bill Clinton Saturday vowed"; 13 of 13 such datelines in AQUAINT), or the
    day the news was told ("erupted on Sunday, the office said on Monday") when only that day's
    weekday falls on the dateline in a year the story names, or, for an act told in the past ("walked out
    on Monday", "capsized late on Saturday"), the day before the dateline when only that pairing falls in the year
    the story names."""
    if m.kind != "dateline" or m.year or m.weekday is not None or ev.today:
        return m, ""  # a writer who says "today" ("NEW DELHI, Aug 9 -- X today recalled") names other days by weekday
    weekdays = [w for w in ev.days if w.kind == "weekday" and w.tense != "future" and w.cue not in ("last", "next")]
    if not weekdays:
        return m, ""
    lead = weekdays[0]
    told = next((w for w in weekdays if w.cue in lx.REPORTING), lead)
    year = story_year(hints)
    if year and told.weekday != lead.weekday:
        fits = {w: choose_day(m.month, m.day, w.weekday, hints) for w in (lead, told)}
        if fits[told] and fits[told].year == year and not (fits[lead] and fits[lead].year == year):
            lead = told
    happened = lead.evening or lead.tense == "past" and lead.cue not in lx.REPORTING  # an act, not the telling
    if year and happened and (same := choose_day(m.month, m.day, lead.weekday, hints)) and same.year != year:
        after = choose_day(m.month, m.day, (lead.weekday + 1) % 7, hints)
        if after and after.year == year:  # "MANILA, Oct 17 -- A ferry capsized late on Saturday": next morning's copy
            return replace(m, weekday=after.weekday()), f" the day after its story's first weekday '{lead.text}', the only pairing in the story's year {year}"
    return replace(m, weekday=lead.weekday), f" with its story's {'first ' if lead is weekdays[0] else ''}weekday '{lead.text}'"


def under_dateline(hints: YearHints, ev: Evidence) -> YearHints:
    """A yearless dateline follows wire style, which writes a date's year only when it is not the
    present one: "invited to join in July 1997" under "WARSAW, February 26" puts the present after 1997."""
    if not ev.years.dated:
        return hints
    year, phrase = max(ev.years.dated)
    if hints.floor is not None and hints.floor > year:
        return hints
    return replace(hints, floor=year + 1, floor_basis=f"'{phrase}' written with its year, so not this year's")


def settle_order(m: DayMention, ev: Evidence, hints: YearHints) -> tuple[DayMention, str]:
    """A numeric stamp valid both ways ("12/07/2015"): the reading whose weekday the article reports
    in the past ("on Sunday" under a Sunday stamp), else the one near the days its story is dated,
    else the outlet's order as its spelling and clock show it; otherwise it stays unread."""
    if not m.readings:
        return m, ""
    days = {date(m.year, month, day): (month, day) for month, day in m.readings}
    reported = [w for w in ev.days if w.kind == "weekday" and w.tense != "future" and w.shift is None
                and w.cue not in ("last", "next")]
    # Reported days are on or before the day of writing, mostly on it: a reading that puts a reported
    # weekday in the days just after it ("on Monday" under a Sunday stamp) loses, one that is the
    # weekday reported wins.
    agree = {d: [w.text for w in reported if w.weekday == d.weekday()] for d in days}
    score = {d: (-sum(0 < (w.weekday - d.weekday()) % 7 <= 3 for w in reported), len(agree[d])) for d in days}
    best = max(days, key=score.get)
    if reported and all(score[d] < score[best] for d in days if d != best):
        why = f"it reports '{agree[best][0]}', a {best:%A} then" if agree[best] else \
            f"the other reading puts its reported {', '.join(repr(w.text) for w in reported[:2])} after the day of writing"
        return _read(m, days[best]), f" read as {best:%d %B} because {why}"
    gaps = {d: min((abs((d - p).days) for p in hints.published), default=None) for d in days}
    near = [d for d, gap in gaps.items() if gap is not None and gap <= STORY_WEEK]
    if len(near) == 1:
        return _read(m, days[near[0]]), f" read as {near[0]:%d %B}, the reading near the days the story is dated"
    day_first, month_first = ev.order_signs
    if bool(day_first) != bool(month_first):
        a, b = map(int, re.findall(r"\d+", m.text)[:2])
        order, signs = ((b, a), day_first) if day_first else ((a, b), month_first)
        style = "day first" if day_first else "month first"
        return _read(m, order), f" read {style}, as the outlet writes ({', '.join(repr(s) for s in signs[:3])})"
    return m, ""


def _read(m: DayMention, month_day: tuple[int, int]) -> DayMention:
    return replace(m, month=month_day[0], day=month_day[1], readings=())


def day_of(m: DayMention, hints: YearHints) -> tuple[date | None, str, list[str]]:
    """The mention's day, why that year, and any weekday that contradicts an explicit year."""
    if m.holiday:
        year = m.year or story_year(hints)
        return (holiday_date(m.holiday, year), "" if m.year else f"; year {year} from the story ({hints.words()})",
                []) if year else (None, "", [])
    if m.year:
        try:
            day = date(m.year, m.month, m.day)
        except ValueError:
            return None, "", [f"'{m.text}' is not a calendar day"]
        if m.weekday is not None and day.weekday() != m.weekday:
            return day, "", [f"'{m.text}': {day} is a {weekday_name(day.weekday())}"]
        return day, "", []
    day = choose_day(m.month, m.day, m.weekday, hints)
    if day is None:
        return None, "", []
    if m.weekday is not None:
        why = (f"; {day.year} is the year, near the story's ({hints.words()}),"
               f" in which {day:%B} {day.day} is a {day:%A}")
    else:
        why = f"; year {day.year} from the story ({hints.words()})"
    return day, why, []
