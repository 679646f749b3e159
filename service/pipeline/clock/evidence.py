"""Date evidence read from one article's text, independent of any reference date, so computed once.

What is kept: days the text names (publication stamps, datelines, month-day dates with or without
weekday or year, "Thursday the 31st", named days such as "Labor Day", bare weekdays) with the tense
they are reported in, the years it mentions (and those written with a month), "since <year>" starts
and elapsed durations that bound the present, the months it names, the writer's "yesterday", and the
keys that link it to other articles of its story. Page furniture is blanked first, except for
publication stamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from service.pipeline.clean import find_furniture
from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.lags import Lag, lags, sentence_words
from service.pipeline.clock.links import LinkKeys, link_keys
from service.pipeline.clock.tense import NEAR, sentence_ends, tense_of
from service.pipeline.clock.years import YearEvidence, read_years

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


@dataclass(frozen=True, slots=True)
class Evidence:
    days: tuple[DayMention, ...]
    years: YearEvidence
    links: LinkKeys
    # The writer's "yesterday" or "last night", outside quotes and naming no day themselves
    # ("closed higher yesterday"): the news it reports was the day before the day of writing.
    deictic: tuple[str, ...] = ()
    months: tuple[int, ...] = ()  # months the text names, in order: the month of "Thursday the 31st"
    # Signs of the outlet's date order, read from the whole page: (day-first signs, month-first signs);
    # read only where a numeric stamp valid both ways needs them
    order_signs: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    lags: tuple[Lag, ...] = ()  # "yesterday, two days after the river burst its banks"
    # Weekdays not announced, with their sentence's content words: events other articles count from
    told: tuple[tuple[DayMention, frozenset[str]], ...] = ()
    same_day: tuple[str, ...] = ()  # the writer's "this morning", "earlier today": news of the day of writing
    wire: bool = False  # a wire dateline ("HAVANA (AP) --"): filed the day it tells, even of that day's night
    # Content words of the sentences the writer tells "yesterday" or "last night" (outside quotes)
    yesterday_told: tuple[frozenset[str], ...] = ()
    today: bool = False  # the writer's "today" ("the company today recalled"): it names its own day so, not by weekday


@lru_cache(maxsize=8192)
def extract_evidence(text: str) -> Evidence:
    """All date evidence of one text; cached because stories are re-resolved as articles arrive."""
    furniture = [(f.start, f.end) for f in find_furniture(text)]
    body = _blank(text, furniture)
    ends = sentence_ends(body)
    days = _stamps(text)  # read from the raw text: a publication stamp may sit in page furniture
    stamped = [_line(text, m.start) for m in days]  # a stamp owns its line: "Published ... Updated ..."
    days += [m for m in _dates(body, ends) if not any(a <= m.start < b for a, b in stamped)]
    days += _ordinal_days(body, ends, [(m.start, m.start + len(m.text)) for m in days])
    days += _holidays(body, ends)
    taken = [(m.start, m.start + len(m.text)) for m in days]
    quoted = _quoted(body)
    days += _weekdays(body, ends, taken, quoted)
    days.sort(key=lambda m: m.start)
    months = tuple(dict.fromkeys(lx.MONTHS[m.group("mon").lower()] for m in lx.MONTH_NAME.finditer(body)))
    copyright = tuple(sorted({int(m.group("year")) for m in lx.COPYRIGHT.finditer(text)}))  # furniture kept
    years = replace(read_years(body, ends), copyright=copyright)
    signs = _order_signs(text) if any(m.readings for m in days) else ((), ())
    told = tuple((m, sentence_words(body, ends, m.start)) for m in days if m.kind == "weekday" and m.tense != "future")
    deictic = _deictic(body, days, quoted)
    yesterday = tuple(dict.fromkeys(sentence_words(body, ends, m.start()) for m in lx.DEICTIC_VOICE.finditer(body)
                                    if not any(a <= m.start() < b for a, b in quoted))) if deictic else ()
    return Evidence(tuple(days), years, link_keys(body), deictic, months, signs, lags(body, ends),
                    told, _deictic(body, days, quoted, lx.SAME_DAY_VOICE), bool(lx.WIRE_DATELINE.search(body)), yesterday,
                    bool(_deictic(body, days, quoted, lx.TODAY_VOICE)))


def _order_signs(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(tuple(dict.fromkeys(w.lower() for w in p.findall(text))) for p in (lx.DAY_FIRST, lx.MONTH_FIRST))


def _line(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, end if end >= 0 else len(text)


def _holidays(text: str, ends: list[int]) -> list[DayMention]:
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


def _ordinal_days(text: str, ends: list[int], taken: list[tuple[int, int]]) -> list[DayMention]:
    """"On Thursday the 31st": a weekday and a day of the month; the month comes from the story."""
    found = []
    for m in lx.WEEKDAY_ORDINAL.finditer(text):
        day = int(m.group("day"))
        if not 1 <= day <= 31 or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        tense, cue, governed = tense_of(text, ends, m.start(), m.end())
        weekday = lx.WEEKDAYS[m.group("wd").lower()]
        shift = _shift(text, m.start(), m.end())
        found.append(DayMention(m.group(), m.start(), "date", tense, weekday, None, day, None, cue, governed, shift))
    return found


def _quoted(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (lx.QUOTE, lx.SINGLE_QUOTE) for m in pattern.finditer(text)]


def _deictic(text: str, days: list[DayMention], quoted: list[tuple[int, int]],
             voice: re.Pattern = lx.DEICTIC_VOICE) -> tuple[str, ...]:
    """The writer's own words for a day counted from the day of writing, outside quotes."""
    counted = [(m.start - NEAR, m.start + len(m.text) + NEAR) for m in days if m.shift is not None]
    found = [
        m.group().lower()
        for m in voice.finditer(text)
        if not any(a <= m.start() < b for a, b in quoted + counted)
    ]
    return tuple(dict.fromkeys(found))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with furniture replaced by spaces: offsets stay valid, furniture says nothing."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _dates(text: str, ends: list[int]) -> list[DayMention]:
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
    shift = _shift(text, m.start(), m.end())
    evening = m.groupdict().get("part") in ("evening", "night")
    return DayMention(m.group().rstrip(" ,"), m.start(), kind, tense, weekday, month, day, year, cue, governed, shift,
                      evening=evening)


def _shift(text: str, start: int, end: int) -> int | None:
    """Days from a named day to the day of writing when the text says: "yesterday (Wednesday)" 1."""
    m = lx.DEICTIC_BEFORE.search(text, max(0, start - 14), start) or lx.DEICTIC_AFTER.match(text, end, end + 14)
    return lx.DEICTIC[" ".join(m.group("word").lower().split())] if m else None


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


def _stamps(text: str) -> list[DayMention]:
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


def _weekdays(text: str, ends: list[int], taken: list[tuple[int, int]],
              quoted: list[tuple[int, int]]) -> list[DayMention]:
    found = _headings(text, ends) if lx.WEEKDAY_HEADING.search(text) else []
    taken = taken + [(m.start, m.start + len(m.text)) for m in found]
    for m in lx.BARE_WEEKDAY.finditer(text):
        before = lx.WEEKDAY_MOD.search(text, max(0, m.start() - 8), m.start())
        mod = before.group("mod").lower() if before else ""
        if m.group("plural") or mod in ("every", "each"):
            continue  # a recurring day, not one day
        if any(a <= m.start() < b for a, b in taken) or lx.WEEKDAY_TITLE.match(text, m.end()) \
                and text[max(0, m.start() - 4) : m.start()].lower() == "the ":
            continue  # "the Sunday Ledger", "the Sunday Times": a title, not a day
        start = before.start() if before else m.start()
        if mod in ("last", "next"):
            tense, cue = ("past" if mod == "last" else "future"), mod
        else:
            tense, cue, _ = tense_of(text, ends, m.start(), m.end("wd"))
        weekday = lx.WEEKDAYS[m.group("wd").lower()]
        shift = _shift(text, start, m.end())
        # "late on Tuesday", "late Tuesday" (the modifier is then part of the mention), "early on Monday"
        edge = lx.DAY_EDGE.search(text, max(0, m.start() - 9), m.start())
        after = lx.DAY_PART.match(text, m.end())
        evening = bool(lx.EVENING.match(text, m.end()) or (edge and edge.group("edge").lower() == "late"))
        part = after.group("part").lower() if after else edge.group("edge").lower() if edge else ""
        found.append(DayMention(text[start : m.end()], start, "weekday", tense, weekday, cue=cue, shift=shift,
                                evening=evening, part=part, quoted=any(a <= m.start() < b for a, b in quoted)))
    return found


def _headings(text: str, ends: list[int]) -> list[DayMention]:
    """A round-up's weekday headings ("MONDAY: Opening for the actor, his barrister said ..."): the
    tense is that of the entry under it, and only a told one looks back ("Monday: 9am-5pm" is a
    timetable); only two or more make a round-up, one may be a label."""
    found = []
    for m in lx.WEEKDAY_HEADING.finditer(text):
        tense, cue, _ = tense_of(text, ends, m.end(), m.end())
        found.append(DayMention(m.group("wd"), m.start("wd"), "weekday", tense,
                                lx.WEEKDAYS[m.group("wd").lower()], cue=cue, heading=tense == "past"))
    return found if len({m.weekday for m in found}) >= 2 else []
