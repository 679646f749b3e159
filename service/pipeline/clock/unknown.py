"""An article the clock cannot date: the reason in words, and what still bounds its day."""

from __future__ import annotations

from datetime import date

from service.pipeline.clock.calendar import YearHints, years_fitting
from service.pipeline.clock.evidence import DayMention, Evidence
from service.pipeline.clock.week import ONE_DAY
from service.pipeline.model import ReferenceDate


def unknown_date(ev: Evidence, unresolved: list[DayMention], background: list[DayMention], future: list[date],
                 hints: YearHints) -> ReferenceDate:
    """No day: say why, and keep what bounds it (a floor year, days it announces)."""
    if unresolved:
        m = unresolved[0]
        if m.readings:  # "04/05/2021", both ways valid
            days = " or ".join(str(date(m.year, month, day)) for month, day in m.readings)
            basis = f"'{m.text}' is {days}, and nothing in the story chooses the order"
        else:
            fits = years_fitting(m.month, m.day, m.weekday, 2000) if m.weekday is not None else []
            fit_words = f" (fits {', '.join(map(str, fits))})" if fits else ""
            basis = f"'{m.text}'{fit_words} but nothing in the story chooses the year"
    elif background:
        words = ", ".join(f"'{m.text}'" for m in background[:3])
        basis = f"only dates without a weekday ({words}), background in news, not the day of writing"
    elif any(m.kind == "weekday" for m in ev.days):
        words = ", ".join(sorted({f"'{m.text}'" for m in ev.days})[:3])
        basis = f"only bare weekdays ({words}) and no dated article of the story to place their week"
    else:
        basis = "no date evidence: no dateline, date or weekday, and no link to a dated article of the story"
    floor = date(hints.floor, 1, 1) if hints.floor else None
    if floor:
        basis += f"; not before {floor.year} ({hints.floor_basis})"
    latest = min(future) - ONE_DAY if future else None
    if latest:
        basis += f"; before the day it announces, {latest + ONE_DAY}"
    return ReferenceDate(None, floor, latest, "unknown", basis, 0.0)
