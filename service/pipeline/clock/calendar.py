"""Calendar reasoning: which year a yearless date is in, which week a bare weekday is in.

A weekday with a month-day ("Tuesday (March 12)") fits one year in five to eleven; the years a
story mentions, the years its durations imply ("since 2022" + "more than two years" -> 2024 or
later) and the days its articles are known to be from (publication dates, dates written with their
year) choose among those.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.years import YearEvidence

FIRST_YEAR, LAST_YEAR = 1900, 2099
MAX_YEAR_GAP = 6  # a candidate year farther than this from the story's years is not trusted


@dataclass(frozen=True, slots=True)
class YearHints:
    """What a story says about its present year."""

    published: tuple[date, ...] = ()  # days articles are known to be from: metadata, or dates written with their year
    latest_mentioned: int | None = None  # latest explicit year mentioned
    floor: int | None = None  # the present is in this year or later
    floor_basis: str = ""
    copyright: bool = False  # latest_mentioned is the page's copyright year: the text names none
    # the year a future clause names, when the years mentioned are far behind it: "opened in 1973 ...
    # will be rebuilt in 2016" tells history, and the present is shortly before 2016
    ahead: int | None = None

    def words(self) -> str:
        parts = []
        if self.published:
            parts.append("days the story is dated " + ", ".join(sorted({d.isoformat() for d in self.published})[:3]))
        if self.latest_mentioned is not None:
            what = "copyright year" if self.copyright else "latest year mentioned"
            parts.append(f"{what} {self.latest_mentioned}")
        if self.floor is not None:
            parts.append(f"{self.floor_basis} -> {self.floor} or later")
        if self.ahead is not None:
            parts.append(f"year looked ahead to {self.ahead}")
        return "; ".join(parts)


def year_hints(years: Iterable[YearEvidence], published: Iterable[date] = ()) -> YearHints:
    """Pool year evidence; durations are added to the earliest start, the bound that always holds."""
    years = list(years)
    # A page's copyright year counts only where the story's text names no year; years of future
    # clauses only where nothing else does: "the 2028 Games" is ahead.
    announced = [y for ev in years for y in ev.announced]
    mentioned = [y for ev in years for y in ev.mentioned] or [y for ev in years for y in ev.history if announced]
    copyright = [y for ev in years for y in ev.copyright] if not mentioned else []
    latest = max(mentioned, default=None)
    ahead = min((y for y in announced if y > latest + MAX_YEAR_GAP), default=None) if latest else None
    mentioned = mentioned or copyright or announced
    since = sorted((y, phrase) for ev in years for y, phrase in ev.since)
    elapsed = sorted(((n, phrase) for ev in years for n, phrase in ev.elapsed), key=lambda t: (-t[0], t[1]))
    floor, basis = None, ""
    if since and elapsed and elapsed[0][0] > 0:
        floor = since[0][0] + elapsed[0][0]
        basis = f"'{since[0][1]}' + '{elapsed[0][1]}'"
    # "the first since 2012": the present is not before it ("began ... for the 2026 World Cup" says
    # nothing); the earliest such start, the bound that holds for every article of a mixed set
    plain = [(y, phrase) for y, phrase in since if lx.SINCE_YEAR.fullmatch(phrase)]
    if plain and (floor is None or plain[0][0] > floor):
        floor, basis = plain[0][0], f"'{plain[0][1]}'"
    return YearHints(tuple(sorted(set(published))), max(mentioned, default=None), floor, basis, bool(copyright), ahead)


@lru_cache(maxsize=1024)
def candidate_days(month: int, day: int, weekday: int | None) -> tuple[date, ...]:
    out = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if weekday is None or d.weekday() == weekday:
            out.append(d)
    return tuple(out)


def choose_day(month: int, day: int, weekday: int | None, hints: YearHints) -> date | None:
    """The candidate nearest the story's known publication days, else nearest its year evidence."""
    candidates = candidate_days(month, day, weekday)
    if not candidates:
        return None
    if hints.published:
        return min(candidates, key=lambda d: (min(abs((d - p).days) for p in hints.published), -d.toordinal()))
    if hints.latest_mentioned is None and hints.floor is None:
        return None
    floor = hints.floor if hints.floor is not None else FIRST_YEAR
    target = max(y for y in (hints.latest_mentioned, hints.floor) if y is not None)
    if hints.ahead is not None and hints.ahead - target > MAX_YEAR_GAP:
        # The years mentioned are history; the present is shortly before the year looked ahead to.
        costs = [(2 * (d.year - hints.ahead) if d.year > hints.ahead else hints.ahead - d.year, -d.year, d)
                 for d in candidates if d.year >= max(floor, target)]
    else:
        # The present is rarely before the years a story mentions: earlier candidates cost double.
        costs = [(2 * (target - d.year) if d.year < target else d.year - target, -d.year, d)
                 for d in candidates if d.year >= floor]
    if not costs:
        return None
    cost, _, best = min(costs)
    return best if cost <= MAX_YEAR_GAP else None


def story_year(hints: YearHints) -> int | None:
    """The present year as the story tells it, for a named day with no year ("on Labor Day")."""
    if hints.published:
        return max(hints.published).year
    return max((y for y in (hints.latest_mentioned, hints.floor) if y is not None), default=None)


def years_fitting(month: int, day: int, weekday: int, near: int) -> list[int]:
    """Years within a dozen of `near` where the month-day falls on the weekday, for explanations."""
    return [d.year for d in candidate_days(month, day, weekday) if abs(d.year - near) <= 12]


def week_day(anchor: date, weekday: int, side: str = "") -> date:
    """The weekday in the week around `anchor` (at most three days away); side "before" or "after"
    forces the one strictly before or after it ("last Friday", "next Friday")."""
    offset = (weekday - anchor.weekday()) % 7
    if side == "before":
        return anchor + timedelta(days=offset - 7)
    if side == "after":
        return anchor + timedelta(days=offset or 7)
    return anchor + timedelta(days=offset - 7 if offset > 3 else offset)


def weekday_name(weekday: int) -> str:
    return lx.WEEKDAY_NAMES[weekday]
