"""Build a When (calendar bounds, EDTF, display label) from a TIMEX3 value.

Bounds are what lets the timeline order and filter uncertain dates, so every DATE/TIME value maps to
the calendar days it may cover; mod START/MID/END narrows to the first/middle/last third.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from service.pipeline.model import When

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": (3, 5, "spring"), "SU": (6, 8, "summer"), "FA": (9, 11, "autumn"), "WI": (12, 14, "winter")}
_HALVES = {"H1": (1, 6), "H2": (7, 12)}
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
              "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}
_REFS = {"PAST_REF": "the past", "PRESENT_REF": "now", "FUTURE_REF": "the future"}

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(.+))?$")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARISH = re.compile(r"(\d{2,4})$")


def _day_label(d: date) -> str:
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


def span_label(low: date | None, high: date | None) -> str:
    """ "31 Oct 2022 – 31 Oct 2024", "until 31 Oct 2024", "from 31 Oct 2024"."""
    if low is None:
        return f"until {_day_label(high)}" if high else "open"
    if high is None:
        return f"from {_day_label(low)}"
    return f"{_day_label(low)} – {_day_label(high)}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)  # a story repeats its few dates; every mention needs them
def calendar_span(value: str) -> tuple[date, date, str, str] | None:
    """Calendar interval, granularity and label of a fully specified TIMEX3 date/time value."""
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is None:
            return d, d, "day", _day_label(d)
        part = _PARTS.get(m[4], m[4])
        return d, d, "time", f"{_day_label(d)} {part}"
    if m := _WEEK.match(value):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            saturday = start + timedelta(5)
            return saturday, saturday + timedelta(1), "week", f"weekend of {_day_label(saturday)}"
        return start, start + timedelta(6), "week", f"week of {_day_label(start)}"
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), _month_end(y, mo), "month", f"{_MONTH_ABBR[mo - 1]} {y}"
    if m := _PART.match(value):
        y, part = int(m[1]), m[2]
        if part[0] == "Q":
            q = int(part[1])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", f"Q{q} {y}"
        if part in _HALVES:
            a, b = _HALVES[part]
            return date(y, a, 1), _month_end(y, b), "quarter", f"{'first' if a == 1 else 'second'} half {y}"
        a, b, name = _SEASONS[part]
        end = _month_end(y + 1, 2) if b > 12 else _month_end(y, b)
        return date(y, a, 1), end, "season", f"{name} {y}"
    if m := _YEARISH.match(value):
        digits = m[1]
        if len(digits) == 4:
            y = int(digits)
            return date(y, 1, 1), date(y, 12, 31), "year", digits
        if len(digits) == 3:
            y = int(digits) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade", f"{y}s"
        c = int(digits)
        nth = c + 1
        suffix = "th" if 10 <= nth % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(nth % 10, "th")
        return date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31), "century", f"{nth}{suffix} century"
    return None


def _narrow(earliest: date, latest: date, mod: str | None) -> tuple[date, date]:
    """START/MID/END keep the first/middle/last third of the interval."""
    n = (latest - earliest).days + 1
    if mod == "START" and n > 2:
        return earliest, earliest + timedelta(n // 3 - 1)
    if mod == "MID" and n > 2:
        return earliest + timedelta(n // 3), earliest + timedelta(2 * n // 3 - 1)
    if mod == "END" and n > 2:
        return earliest + timedelta(2 * n // 3), latest
    return earliest, latest


def interval_when(value: str, mod: str | None, earliest: date | None, latest: date | None,
                  granularity: str, display: str) -> When:
    """A When for an explicit interval (anchored durations, open references)."""
    edtf = f"{earliest.isoformat() if earliest else '..'}/{latest.isoformat() if latest else '..'}"
    if earliest and latest and earliest == latest:
        edtf = earliest.isoformat()
    return When(value, mod, edtf, earliest, latest, granularity, display)


@lru_cache(maxsize=4096)  # When is immutable, so mentions of one date share it
def make_when(value: str, mod: str | None = None, reference: date | None = None) -> When | None:
    """When for a TIMEX3 DATE/TIME value; open bounds for references and X-values; None for P/R values.

    ``reference`` (optional) bounds PAST_REF/PRESENT_REF/FUTURE_REF against the article's day.
    """
    if value in _REFS:
        return _reference_when(value, mod, reference)
    if not value or value[0] in "PR":
        return None
    try:
        span = calendar_span(value)
    except ValueError:  # not a calendar value (2024-13, 2024-W60, year 0): cannot be bounded
        span = None
    if span is None:
        return When(value, mod, "../..", None, None, "open", value)
    earliest, latest, granularity, label = span
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return interval_when(value, mod, None, latest if mod == "ON_OR_BEFORE" else earliest - timedelta(1),
                             "open", f"{_MOD_WORDS[mod]} {label}")
    if mod in ("AFTER", "ON_OR_AFTER"):
        return interval_when(value, mod, earliest if mod == "ON_OR_AFTER" else latest + timedelta(1), None,
                             "open", f"{_MOD_WORDS[mod]} {label}")
    narrowed = _narrow(earliest, latest, mod)
    if mod in _MOD_WORDS:
        label = f"{_MOD_WORDS[mod]} {label}"
    edtf = _edtf(value, granularity, narrowed, (earliest, latest))
    return When(value, mod, edtf, narrowed[0], narrowed[1], granularity, label)


def _edtf(value: str, granularity: str, bounds: tuple[date, date], full: tuple[date, date]) -> str:
    if bounds != full or granularity in ("week", "quarter", "season", "time", "decade", "century"):
        if granularity == "time" and bounds == full:
            return bounds[0].isoformat()
        return f"{bounds[0].isoformat()}/{bounds[1].isoformat()}"
    return value


def _reference_when(value: str, mod: str | None, reference: date | None) -> When:
    label = _REFS[value]
    if reference is None:
        return When(value, mod, "../..", None, None, "open", label)
    if value == "PAST_REF":
        return interval_when(value, mod, None, reference, "open", label)
    if value == "FUTURE_REF":
        return interval_when(value, mod, reference, None, "open", label)
    return interval_when(value, mod, reference, reference, "day", label)
