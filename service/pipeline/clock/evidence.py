"""Date evidence read from one article's text, independent of any reference date, so computed once.

What is kept: days the text names (publication stamps, datelines, month-day dates with or without
weekday or year, "Thursday the 31st", named days such as "Labor Day", bare weekdays) with the tense
they are reported in, the years it mentions (and those written with a month), "since <year>" starts
and elapsed durations that bound the present, the months it names, the writer's "yesterday", and the
keys that link it to other articles of its story. Page furniture is blanked first, except for
publication stamps. The days written out, and the stamps, are read in ``dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from service.pipeline.clean import find_furniture
from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.dates import STAMP_HEAD_CHARS, DayMention, day_shift, holidays, ordinal_days, page_stamps, written_dates
from service.pipeline.clock.lags import Lag, lags, sentence_words
from service.pipeline.clock.links import LinkKeys, link_keys
from service.pipeline.clock.tense import NEAR, sentence_ends, tense_of
from service.pipeline.clock.years import YearEvidence, read_years

__all__ = ["STAMP_HEAD_CHARS", "DayMention", "Evidence", "extract_evidence"]


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
    days = page_stamps(text)  # read from the raw text: a publication stamp may sit in page furniture
    stamped = [_line(text, m.start) for m in days]  # a stamp owns its line: "Published ... Updated ..."
    days += [m for m in written_dates(body, ends) if not any(a <= m.start < b for a, b in stamped)]
    days += ordinal_days(body, ends, [(m.start, m.start + len(m.text)) for m in days])
    days += holidays(body, ends)
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
        shift = day_shift(text, start, m.end())
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
