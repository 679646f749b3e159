"""Calendar arithmetic on TIMEX3 granularities: shift a day by units, write a day at a granularity."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

from service.pipeline.temporal.when import calendar_span

# duration unit letter -> granularity of the calendar unit it names
GRANULARITY = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "H": "half",
               "Y": "year", "DE": "decade", "CE": "century", "TH": "day", "TM": "day", "TS": "day"}
_FINENESS = {"time": 0, "day": 1, "weekend": 2, "week": 2, "month": 3, "quarter": 4, "half": 4, "season": 4,
             "year": 5, "decade": 6, "century": 7}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def finer_or_equal(granularity: str, than: str) -> bool:
    return _FINENESS.get(granularity, 9) <= _FINENESS.get(than, 9)


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` calendar units (D, W, WE, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return day
    return add_months(day, months * n)


def value_at(day: date, granularity: str, season: str | None = None) -> str:
    """TIMEX3 value naming the ``granularity`` unit that contains ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "season":
        year = day.year - 1 if day.month < 3 and season == "WI" else day.year
        return f"{year:04d}-{season}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def season_start(year: int, season: str) -> date:
    return date(year, _SEASON_MONTHS[season], 1)


def season_of(day: date) -> tuple[int, str]:
    """The (year, season) containing ``day``; winter belongs to the year it starts in."""
    for season, month in (("WI", 12), ("FA", 9), ("SU", 6), ("SP", 3)):
        if day.month >= month:
            return day.year, season
    return day.year - 1, "WI"


@lru_cache(maxsize=4096)
def start_of(value: str) -> tuple[date, str] | None:
    """First day and granularity of a resolved TIMEX3 value (for discourse anchoring)."""
    span = calendar_span(value)
    if span is None:
        return None
    earliest, _, granularity, _ = span
    if value.endswith("-WE"):
        granularity = "weekend"
    return earliest, granularity


# a fraction of a unit is written in the next smaller one: P2Y6M, PT1H30M (TimeML has no "P2.5Y")
_SMALLER = {"Y": ("M", 12), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def duration_value(amount, unit: str) -> str:
    """TIMEX3 duration value: "X" or a number of ``unit`` (a UNIT letter, T-prefixed for clock units)."""
    if amount == "X" or amount == int(amount) or unit not in _SMALLER:
        parts = [(amount, unit)]
    else:
        whole, (smaller, factor) = int(amount), _SMALLER[unit]
        parts = [(whole, unit)] * bool(whole) + [(round((amount - whole) * factor, 3), smaller)]
    text = {u: (n if n == "X" else f"{n:g}") + u.removeprefix("T") for n, u in parts}
    dated = "".join(t for u, t in text.items() if not u.startswith("T"))
    clock = "".join(t for u, t in text.items() if u.startswith("T"))
    return "P" + dated + ("T" + clock if clock else "")
