"""Days the text writes out: page stamps, datelines, month-day dates (with or without weekday or
year), "Thursday the 31st" and named days such as "Labor Day"; and ``DayMention``, the record of
every day the text names, bare weekdays too. Read for ``evidence``: stamps from the raw page
(they may sit in its furniture), the rest from the body with furniture blanked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.tense import tense_of

STAMP_HEAD_CHARS, STAMP_FOOT_CHARS = 1000, 500  # where on a page a publication stamp may sit


@dataclass(frozen=True, slots=True)
class DayMention:
    """A day the text names; month/day/year are None where the text leaves them out."""

    text: str
    start: int
    kind: str  # stamp | dateline | date | weekday
    tense: str  # past | future | none
    weekday: int | None = None  # Monday = 0
    month: int | None = None
    day: int | None = None
    year: int | None = None
    cue: str = ""  # the words that set the tense: "stated", "scheduled to"
    governed: bool = False  # the cue comes right before it: "said on 31 October 2024"
    shift: int | None = None  # days to the day of writing, where the text says: "yesterday (Oct 30)" -> 1
    holiday: str | None = None  # the rule of a named day ("Labor Day": "09-1-1"); its day depends on the year
    # (month, day) readings of a numeric stamp whose order is ambiguous ("12/07/2015"): the story decides
    readings: tuple[tuple[int, int], ...] = ()
    # "on Tuesday night", "Tuesday evening", "late on Tuesday": news of a day's end is told in the papers of the day after
    evening: bool = False
    small_hours: bool = False  # a stamp's time is between midnight and 6 a.m.: "Updated 1:12 AM"
    utc: bool = False  # a stamp's time is written in UTC ("2016-07-21T01:15:00Z"), not the outlet's own
    # told with a part of its day ("on Wednesday morning", "late Tuesday"): a writer who tells news
    # "yesterday" calls the day of writing's morning "this morning", so it is at least a day back
    part: str = ""  # "morning", "night", "late", ...
    quoted: bool = False  # inside a quotation: the speaker's week, not the writer's words
    heading: bool = False  # a round-up's heading ("MONDAY: ..."): a day it looks back on, so written after it


def page_stamps(text: str) -> list[DayMention]:
    """Short lines that only date the page: "Published: 31 Oct 2024 14:05 GMT", "By Ann Lee | May 3, 2019",
    and a rights line dated in full ("© The Ledger, 20.11.2003 - all rights reserved")."""
    found = []
    for line in lx.SHORT_LINE.finditer(text):
        if STAMP_HEAD_CHARS < line.start() < len(text) - STAMP_FOOT_CHARS:
            continue  # stamps sit at the head or foot of a page; a lone date mid-text heads a list
        for pattern in (lx.MONTH_DAY, lx.DAY_MONTH, lx.ISO_DATE, lx.NUMERIC_DATE):
            m = pattern.search(line.group())
            if not m:
                continue
            if m.group("year") and len(m.group("year")) == 4 and lx.RIGHTS_LINE.search(line.group()):
                mention = _numeric_stamp(m, line.start()) if pattern is lx.NUMERIC_DATE else \
                    _date_mention(text, [], m, line.start())
                if mention:
                    found.append(replace(mention, kind="stamp", tense="none", cue="rights"))
                break
            head = lx.STAMP_HEAD.match(line.group()[: m.start()])
            # a yearless stamp, or one with a two-digit year, only under a label at the head:
            # "Published 19 June", "Updated 12/07/15" (the foot lists others)
            labelled = head and head.group("label") and line.start() <= STAMP_HEAD_CHARS
            dated = (m.group("year") and len(m.group("year")) == 4) or labelled
            if head and dated and lx.STAMP_TAIL.match(line.group()[m.end() :]):
                mention = _numeric_stamp(m, line.start()) if pattern is lx.NUMERIC_DATE else \
                    _date_mention(text, [], m, line.start())
                if mention:
                    label = (head.group("label") or "").lower()
                    # the stamp's own time, just before or after its date: "Updated 1:05 a.m., March 15"
                    small = bool(lx.SMALL_HOURS.search(head.group()) or lx.SMALL_HOURS.match(line.group(), m.end()))
                    utc = bool(lx.UTC_TIME.search(line.group()))
                    found.append(replace(mention, kind="stamp", tense="none", cue=label, small_hours=small, utc=utc))
                break
    return found


def _numeric_stamp(m: re.Match, offset: int) -> DayMention | None:
    """"19/06/2019" or "06/19/2019": read when one order is impossible (or both agree); "12/07/2015"
    keeps both readings, for the story's weekdays or the outlet's spelling to choose."""
    a, b = int(m.group("a")), int(m.group("b"))
    readings = sorted({(month, day) for month, day in ((a, b), (b, a)) if 1 <= month <= 12 and 1 <= day <= 31})
    if not readings:
        return None
    year = int(m.group("year"))
    year += 0 if year >= 100 else 2000 if year < 70 else 1900  # "12/07/15": 2015, "12/07/98": 1998
    if len(readings) == 2:
        return DayMention(m.group(), offset + m.start(), "stamp", "none", year=year, readings=tuple(readings))
    (month, day), = readings
    return DayMention(m.group(), offset + m.start(), "stamp", "none", None, month, day, year)


def written_dates(text: str, ends: list[int]) -> list[DayMention]:
    found: list[DayMention] = []
    spans: list[tuple[int, int]] = []
    for pattern in (lx.MONTH_DAY, lx.DAY_MONTH, lx.ISO_DATE):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            mention = _date_mention(text, ends, m)
            if mention:
                spans.append(m.span())
                found.append(mention)
    return found


def _date_mention(text: str, ends: list[int], m: re.Match, offset: int | None = None) -> DayMention | None:
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else lx.MONTHS[mon.lower()]
    day = int(m.group("day"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    wd = m.groupdict().get("wd")
    weekday = lx.WEEKDAYS[wd.lower()] if wd else None
    year = int(m.group("year")) if m.group("year") else None
    if weekday is None and year is None and mon == "May" and not _looks_like_date(text, m) \
            and (offset is not None or not _is_dateline(text, m)):
        return None
    if offset is not None:  # a match inside one line, read as a stamp by the caller
        return DayMention(m.group().rstrip(" ,"), offset + m.start(), "stamp", "none", weekday, month, day, year)
    kind = "dateline" if _is_dateline(text, m) else "date"
    tense, cue, governed = ("none", "", False) if kind == "dateline" else tense_of(text, ends, m.start(), m.end())
    shift = day_shift(text, m.start(), m.end())
    evening = m.groupdict().get("part") in ("evening", "night")
    return DayMention(m.group().rstrip(" ,"), m.start(), kind, tense, weekday, month, day, year, cue, governed, shift,
                      evening=evening)


def _looks_like_date(text: str, m: re.Match) -> bool:
    """'May 3' is a date after 'on', 'since', ... not in 'may 3 ...' sentence openings read as verbs."""
    before = text[max(0, m.start() - 12) : m.start()].lower()
    return bool(re.search(r"\b(on|since|from|until|by|of|in|before|after|between|and|to)\s+$", before))


def _is_dateline(text: str, m: re.Match) -> bool:
    """"MOSCOW, June 24, 2023 —" or "Oct 31 (Reuters) -": a place (or an agency) around a date."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    prefix = text[line_start : m.start()]
    suffix = text[m.end() : m.end() + 40] + " "
    if not prefix.strip():
        return bool(re.match(r"\s*\(", suffix) and lx.DATELINE_END.match(suffix))
    return bool(lx.DATELINE_PLACE.match(prefix) and lx.DATELINE_END.match(suffix))


def ordinal_days(text: str, ends: list[int], taken: list[tuple[int, int]]) -> list[DayMention]:
    """"On Thursday the 31st": a weekday and a day of the month; the month comes from the story."""
    found = []
    for m in lx.WEEKDAY_ORDINAL.finditer(text):
        day = int(m.group("day"))
        if not 1 <= day <= 31 or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        tense, cue, governed = tense_of(text, ends, m.start(), m.end())
        weekday = lx.WEEKDAYS[m.group("wd").lower()]
        shift = day_shift(text, m.start(), m.end())
        found.append(DayMention(m.group(), m.start(), "date", tense, weekday, None, day, None, cue, governed, shift))
    return found


def holidays(text: str, ends: list[int]) -> list[DayMention]:
    """Named days ("on Labor Day", "Christmas Day 2019"): a day once the story gives the year."""
    found = []
    for m in lx.HOLIDAY.finditer(text):
        rule = lx.HOLIDAYS[m.group("name").lower().replace("’", "'")]
        year = int(m.group("year")) if m.group("year") else None
        tense, cue, governed = tense_of(text, ends, m.start(), m.end())
        month = int(rule[:2]) if rule[:2].isdigit() else None
        found.append(DayMention(m.group(), m.start(), "date", tense, None, month, None, year, cue, governed,
                                holiday=rule))
    return found


def day_shift(text: str, start: int, end: int) -> int | None:
    """Days from a named day to the day of writing when the text says: "yesterday (Wednesday)" 1."""
    m = lx.DEICTIC_BEFORE.search(text, max(0, start - 14), start) or lx.DEICTIC_AFTER.match(text, end, end + 14)
    return lx.DEICTIC[" ".join(m.group("word").lower().split())] if m else None
