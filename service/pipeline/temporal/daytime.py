"""Times of day: clock times ("15:00 GMT Saturday", "at 10 p.m."), parts of days ("Friday night",
"mid-afternoon yesterday") and the day they fall on: the weekday, date or deictic word they name, else
the day their sentence talks about (a bare "at 10 p.m." after "on Oct. 23"), else the reference date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from service.pipeline.model import Anchor
from service.pipeline.temporal.absolute import date_
from service.pipeline.temporal.context import Context, Resolution
from service.pipeline.temporal.discourse import SIGNS
from service.pipeline.temporal.lexicon import lookup
from service.pipeline.temporal.matcher import Candidate
from service.pipeline.temporal.relative import key_of, weekday_date

# "at 23:00 the same day", "at 9 a.m. the next day": the day is the one the passage talks about
_DAY_TALKED_ABOUT = re.compile(r",?\s+(?:on\s+)?(?:th(?:at|e)\s+(?:very\s+)?(?:same\s+)?day|the\s+(?P<sign>next|"
                               r"following|previous|preceding)\s+day|the\s+day\s+(?P<sign2>before|after))(?![\w-])",
                               re.IGNORECASE)
_DEICTIC = {"today": 0, "this": 0, "tonight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2}


def day_of(c: Candidate, ctx: Context) -> tuple[date | None, Anchor]:
    """The day a clock time or part of day falls on: its weekday, date or deictic word; for a bare
    clock time the day the passage talks about when "the same day", "the next day" follows it, else the
    day its sentence names ("on Oct. 23 at 10 p.m."), else the reference date."""
    g = c.groups
    bare = not ({"weekday", "month", "dfmonth", "deictic", "deictic2", "deictic3"} & g.keys())
    after = _DAY_TALKED_ABOUT.match(ctx.text, c.end) if bare and c.rule.norm == "clock" else None
    focus = ctx.focus("day") if after else None
    if focus is not None:
        day = focus.day + timedelta(days=SIGNS.get(key_of(after["sign"] or after["sign2"]), 0))
        return day, Anchor("discourse", focus.text, focus.value)
    focus = ctx.same_sentence_day(c.start) if bare and c.rule.norm in ("clock", "part_of_day") else None
    if focus is not None:
        return focus.day, Anchor("discourse", focus.text, focus.value)
    if "month" in g or "dfmonth" in g:
        if "dfmonth" in g:  # "14:32 GMT, 3 November 2023": the date_ resolver reads day-first groups too
            g = {"month": g["dfmonth"], "day": g["dfday"]} | ({"year": g["dfyear"]} if "dfyear" in g else {})
        resolved = date_(replace(c, groups={k: v for k, v in g.items() if k != "hour24"}), ctx)
        if resolved is None or resolved.value.startswith("X"):  # no year and no reference date
            return None, Anchor("none")
        return date.fromisoformat(resolved.value[:10]), resolved.anchor
    if ctx.reference is None:
        return None, Anchor("none")
    if "weekday" in g:
        day = weekday_date(lookup(g["weekday"], "WEEKDAY"), ctx, c, key_of(g.get("wdir")) or None)
        return day, ctx.reference_anchor()
    offset = _DEICTIC.get(key_of(g.get("deictic") or g.get("deictic2") or g.get("deictic3")), 0)
    return ctx.reference + timedelta(days=offset), ctx.reference_anchor()


# "USA Today", "VOA Today", "NBC's Today show": a title, not the day; "the leaders of tomorrow": an age
_TITLE_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
_TITLE_AFTER = re.compile(r"[ \t]+(?:show|programme|program|newspaper)\b")
_AGE_OF = re.compile(r"\bthe\s+(?!(?:morning|afternoon|evening|night|end|start|beginning|middle|events?|dawn)\s)"
                     r"[a-z]+\s+of\s+$")


def _not_a_day(c: Candidate, ctx: Context, word: str) -> bool:
    if ctx.text.startswith("Today", c.start) and (_TITLE_BEFORE.search(ctx.text, max(0, c.start - 12), c.start)
                                                  or _TITLE_AFTER.match(ctx.text, c.end)):
        return True
    return word in ("today", "tomorrow") and c.end - c.start == len(word) and \
        _AGE_OF.search(ctx.text, max(0, c.start - 40), c.start) is not None


def deictic(c: Candidate, ctx: Context) -> Resolution | None:
    g = c.groups
    word = key_of(g.get("deictic") or g.get("deictic2") or g.get("deictic3"))
    if _not_a_day(c, ctx, word):
        return None
    part = lookup(g.get("part") or g.get("part2"), "PART") or ("NI" if word in ("tonight", "last night") else None)
    said = g.get("mod") or g.get("mod2")
    mod = lookup(said, "MODWORD") if key_of(said) in ("early", "late") else None
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    day, anchor = day_of(c, ctx)
    return Resolution(kind, (day.isoformat() if day else "XXXX-XX-XX") + suffix, mod, anchor)


def part_of_day(c: Candidate, ctx: Context) -> Resolution:
    """"by mid-afternoon": that part of the day the sentence talks about, else of the reference day."""
    day, anchor = day_of(c, ctx)
    return Resolution("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{lookup(c.groups['part'], 'PART')}",
                      None, anchor)


_ALL_DAY = re.compile(r"\bdawn\s+(?:to|till|until)\s+$", re.IGNORECASE)  # "from dawn to dusk": the whole day


def twilight(c: Candidate, ctx: Context) -> Resolution | None:
    """"before dawn on Monday": that day's morning; a bare "at dusk" falls on the day being talked
    about, as "that evening" does. With no day talked about, a bare one is left out: the statements
    stage would read it as an act's own time and split "X was arrested at dawn, according to Y"."""
    if _ALL_DAY.search(ctx.text, max(0, c.start - 20), c.start):
        return None
    if "weekday" in c.groups or "deictic" in c.groups:
        day, anchor = day_of(c, ctx)
    elif (focus := ctx.focus("day")) is not None:
        day, anchor = focus.day, Anchor("discourse", focus.text, focus.value)
    else:
        return None
    part = lookup(c.groups["twilight"], "TWILIGHT")
    return Resolution("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{part}", None, anchor)


def clock(c: Candidate, ctx: Context) -> Resolution | None:
    g = c.groups
    if "clockword" in g:  # midnight closes the day it names: "midnight Friday" is Friday T24:00
        hour, minute = (24, 0) if g["clockword"].lower() == "midnight" else (12, 0)
    elif "hour24" in g or "hourm" in g:  # 15:00, 1600 GMT
        hour, minute = int(g.get("hour24") or g["hourm"]), int(g.get("minute24") or g["minutem"])
    else:
        hour, minute = int(g["hour"]), int(g.get("minute", 0))
        if not 1 <= hour <= 12:
            return None
        part = (g.get("inpart") or "").lower()  # "4 in the morning", "11 at night" (but "2 at night" is 02)
        later = g["ampm"].lower().startswith("p") if "ampm" in g else part in ("afternoon", "evening") or (
            part == "night" and hour >= 6)
        hour = hour % 12 + (12 if later else 0)
    day, anchor = day_of(c, ctx)
    # "at 6 a.m. the next day": the phrase after it names the same day, so it counts from where we were
    told_after = anchor.kind == "discourse" and _DAY_TALKED_ABOUT.match(ctx.text, c.end) is not None
    return Resolution("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}", None, anchor,
                      remember=not told_after)
