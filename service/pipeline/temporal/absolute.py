"""Resolvers for dates that name their calendar unit: full and partial dates, years, decades,
centuries, quarters, weeks of a month, year-end. A missing year comes from the reference date and the
clause's tense (pick); without a reference date, from the story's last explicit date (Context.narrative)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from service.pipeline.model import Anchor
from service.pipeline.temporal import tense
from service.pipeline.temporal.calendar_math import add_months, value_at
from service.pipeline.temporal.context import Context, Resolution, mod_of
from service.pipeline.temporal.lexicon import lookup, number
from service.pipeline.temporal.matcher import Candidate

ABSOLUTE = Anchor("absolute")


def month_number(text: str) -> int:
    return int(text) if text.isdigit() else lookup(text, "MONTHNAME", "MONTHWORD", "MONTHABBR")


def full_year(text: str, reference: date | None) -> int:
    """Four-digit year; two-digit years ('98, 03) go to the century that puts them nearest the reference."""
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    pivot = reference.year if reference else 2000
    candidates = [(pivot // 100 + k) * 100 + int(digits) for k in (-1, 0)]
    return min(candidates, key=lambda y: (abs(y - pivot) if y <= pivot + 10 else 999, -y))


def pick(options: list[date], reference: date, way: int | None, slack: int | None = None) -> date:
    """The option the tense points at: past on/before the reference, future on/after, else nearest.

    With ``slack``, a later date may still win against a past verb if it is that many days nearer
    (news reports past decisions about coming dates); a future verb never points back.
    """
    def cost(day: date) -> tuple[float, bool]:
        against = (way == tense.PAST and day > reference) or (way == tense.FUTURE and day < reference)
        penalty = (slack if slack is not None and way == tense.PAST else float("inf")) if against else 0
        return abs((day - reference).days) + penalty, day > reference

    return min(options, key=cost)


_OF_THAT_YEAR = re.compile(r"\s+of\s+(that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b",
                           re.IGNORECASE)
_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


def date_(c: Candidate, ctx: Context) -> Resolution | None:
    """"March 3, 2021", "Oct. 17", "14 September", "2021-10-17T15:00Z" (invalid days: nothing)."""
    g = c.groups
    month, mod = month_number(g["month"]), mod_of(g)
    day = int(re.match(r"\d+", g["day"])[0]) if "day" in g else None
    if day is not None and day > 31:
        return None
    if "year" in g or "spoken" in g:
        year = full_year(g["year"], ctx.reference) if "year" in g else spoken_year(g["spoken"])
        if year is None:
            return None
        if day is not None and day > calendar.monthrange(year, month)[1]:
            return None
        if c.rule.params.get("day_first_if_nearer") and ctx.reference and day <= 12 and day != month:
            month, day = _nearer((month, day), (day, month), year, ctx.reference)
        value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        if "hour24" in g:  # ISO date-time: 2021-10-17T15:00Z
            return Resolution("TIME", f"{value}T{g['hour24']}:{g['minute24']}", None, ABSOLUTE)
        return Resolution(c.rule.type, value, mod, ABSOLUTE)
    told = _OF_THAT_YEAR.match(ctx.text, c.end)
    focus = ctx.focus("year") if told else None
    if focus is not None and day <= calendar.monthrange(focus.day.year + _YEAR_STEP[told[1].lower()], month)[1]:
        chosen = date(focus.day.year + _YEAR_STEP[told[1].lower()], month, day)  # "on Dec. 14 of that year"
        return Resolution(c.rule.type, chosen.isoformat(), mod, Anchor("discourse", focus.text, focus.value),
                          remember=False)  # the phrase after it counts from the same year
    story = ctx.narrative()
    if story is not None and ctx.direction(c) != tense.FUTURE:
        options = [date(y, month, day) for y in (story.day.year - 1, story.day.year, story.day.year + 1)
                   if day <= calendar.monthrange(y, month)[1]]
        chosen = min(options, key=lambda d: abs((d - story.day).days))
        return Resolution(c.rule.type, chosen.isoformat(), mod, Anchor("discourse", story.text, story.value))
    if ctx.reference is None:
        return Resolution(c.rule.type, f"XXXX-{month:02d}-{day:02d}", mod)
    ref = ctx.reference
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            options.append(date(year, month, day))
    if not options:
        return None
    begin = ctx.range_start(c.start)
    if begin is not None and any(o >= begin for o in options):  # "from 3 to 14 March": after the 3rd
        chosen = min(o for o in options if o >= begin)
        last = ctx.mentions[-1]
        return Resolution(c.rule.type, chosen.isoformat(), mod, Anchor("discourse", last.text, last.value))
    chosen = pick(options, ref, *ctx.slack(c))
    return Resolution(c.rule.type, chosen.isoformat(), mod, ctx.reference_anchor())


def _nearer(first: tuple[int, int], second: tuple[int, int], year: int, reference: date) -> tuple[int, int]:
    """The (month, day) reading nearer the reference date; the first on a tie or an invalid second."""
    try:
        gaps = [abs((date(year, *reading) - reference).days) for reading in (first, second)]
    except ValueError:
        return first
    return second if gaps[1] < gaps[0] else first


_JOINED = re.compile(r"(?:st|nd|rd|th)?(?:\s+(?:and|to)\s+|\s*[-–]\s*)$")


def second_day(c: Candidate, ctx: Context) -> Resolution | None:
    """"April 24 and 25": the second day in the month and year of the date right before it."""
    last = ctx.mentions[-1] if ctx.mentions else None
    if last is None or last.granularity != "day" or not _JOINED.match(ctx.text[last.end:c.start]):
        return None
    day = int(re.match(r"\d+", c.groups["day"])[0])
    if not last.day.day < day <= calendar.monthrange(last.day.year, last.day.month)[1]:
        return None
    value = last.day.replace(day=day).isoformat()
    return Resolution("DATE", value, None, Anchor("discourse", last.text, last.value))


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "nineteen oh five" -> 1905."""
    words = [w for w in text.lower().replace("-", " ").split() if w not in ("the", "year", "and", "oh", "o")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + (number(" ".join(words[2:])) or 0 if words[2:] else 0)
    head, rest = number(words[0]), number(" ".join(words[1:]))
    if not isinstance(head, int) or not isinstance(rest, int) or rest >= 100:
        return None
    return head * 100 + rest


def year(c: Candidate, ctx: Context) -> Resolution | None:
    if "spoken" in c.groups:
        spoken = spoken_year(c.groups["spoken"])
        return Resolution("DATE", f"{spoken:04d}", None, ABSOLUTE) if spoken else None
    value = full_year(c.groups["year"], ctx.reference)
    if c.rule.id == "part.year" and (not 1700 <= value <= 2099 or _in_name(c, ctx.text)):
        return None
    return Resolution("DATE", f"{value:04d}", mod_of(c.groups), ABSOLUTE)


_WORD_BEFORE = re.compile(r"(?:^|(?P<stop>[.!?:;\"“”(\n\u2014-]\s*)|\s)(?P<word>[A-Z][^\W\d]*[.&]?) $")
_INITIALISM = re.compile(r"[A-Z]{2}")  # "the UK 2021 census", "the EU 2030 target": a date after all
_COPYRIGHT = re.compile(r"(?:©|\([cC]\)|[cC]opyright)\s*$")


def _in_name(c: Candidate, text: str) -> bool:
    """A bare year right after a capitalised word inside a sentence names a thing ("Euro 2024", "the
    Paris 2024 Games", "Vision 2030"), unless the word is one that leads dates ("In 2024", "Fiscal 2024"),
    a month or season, or the sentence starts there ("Since 1993, ..."), or it is a copyright line."""
    if "mod" in c.groups:
        return False
    before = _WORD_BEFORE.search(text, max(0, c.start - 40), c.start)
    if before is None or before["stop"] or before.start() == 0:
        return False
    word = before["word"]
    return not (_INITIALISM.fullmatch(word) or lookup(word.rstrip("."), "YEAR_LEAD") is not None
                or lookup(word, "MONTHNAME", "MONTHWORD", "MONTHABBR", "SEASON") is not None
                or _COPYRIGHT.search(text, max(0, before.start() - 12), before.start() + 1))


def decade(c: Candidate, ctx: Context) -> Resolution:
    g = c.groups
    if "decade" in g:
        if g["decade"].endswith("00") and g["decade"] != "2000":  # "the 1800s": the century
            return Resolution("DATE", g["decade"][:2], mod_of(g), ABSOLUTE)
        return Resolution("DATE", g["decade"][:3], mod_of(g), ABSOLUTE)
    digit = int(g["decade2"]) if "decade2" in g else lookup(g["decadeword"], "DECADEWORD")
    ref_year = ctx.reference.year if ctx.reference else 1999
    century = ref_year // 100 if digit * 10 <= ref_year % 100 else ref_year // 100 - 1
    return Resolution("DATE", f"{century:02d}{digit}", mod_of(g), ABSOLUTE)


def century(c: Candidate, ctx: Context) -> Resolution | None:
    n = lookup(c.groups["ordinal"], "ORDINAL")
    if not isinstance(n, int) or n > 21:
        return None
    return Resolution("DATE", f"{n - 1:02d}", mod_of(c.groups), ABSOLUTE)


def _quarter_focus(ctx: Context) -> tuple[date, Anchor] | None:
    """The quarter a report is talking about: the last one mentioned that has ended by the reference
    date and is no more than a year old (not a forecast for next year, not last year's comparison)."""
    ref = ctx.reference
    for mention in reversed(ctx.mentions):
        if mention.granularity != "quarter":
            continue
        if ref is None or add_months(ref, -15) <= mention.day <= add_months(ref, -3):
            return mention.day, Anchor("discourse", mention.text, mention.value)
    return None


def quarter(c: Candidate, ctx: Context) -> Resolution | None:
    """"the third quarter", "Q3 2024", "the 1988 quarter", "the year-ago third quarter", "the first half"."""
    g = c.groups
    word = g.get("half", "quarter").lower().replace("qtr", "quarter")
    is_half = word == "half"
    letter, months = ("H", 6) if is_half else ("Q", 3)
    if "q" in g:  # "Q3", "H1"
        n = int(g["q"][1])
        is_half = g["q"][0] in "Hh"
        letter, months = ("H", 6) if is_half else ("Q", 3)
    elif g.get("ordinal", "").lower() in ("last", "latter"):
        if "year" not in g and "dir" not in g:
            return None  # "the last quarter" alone is the previous one (ref.dir_unit), not Q4
        n = 2 if is_half else 4
    elif "ordinal" in g:
        n = lookup(g["ordinal"], "ORDINAL")
    else:  # "the 1988 quarter", "the year-ago period": the quarter under discussion
        focus = _quarter_focus(ctx)
        base = focus[0] if focus else (add_months(ctx.reference, -3) if ctx.reference else None)
        if base is None or (word == "period" and focus is None):
            return None
        n = (base.month - 1) // 3 + 1
    if not isinstance(n, int) or n > (2 if is_half else 4):
        return None
    if "year" in g:
        return Resolution("DATE", f"{full_year(g['year'], ctx.reference):04d}-{letter}{n}", None, ABSOLUTE)
    if ctx.reference is None:
        return Resolution("DATE", f"XXXX-{letter}{n}")
    ref = ctx.reference
    shift = {"this": 0, "the": 0, "last": -1, "next": 1, "the current": 0, "the previous": -1}.get(
        " ".join(g.get("dir", "").lower().split()))
    if shift is not None:
        return Resolution("DATE", f"{ref.year + shift:04d}-{letter}{n}", None, ctx.reference_anchor())
    # results are reported for quarters that have begun: the latest such one, whatever the tense
    chosen = max(s for s in (date(y, months * (n - 1) + 1, 1) for y in (ref.year - 1, ref.year)) if s <= ref)
    anchor = ctx.reference_anchor()
    if "ago" in g:  # the same quarter a year before the one being reported
        focus = _quarter_focus(ctx)
        if focus is not None:
            chosen, anchor = date(focus[0].year, chosen.month, 1), focus[1]
        chosen = date(chosen.year - 1, chosen.month, 1)
    return Resolution("DATE", f"{chosen.year:04d}-{letter}{n}", None, anchor, remember="ago" not in g)


def focus_quarter(c: Candidate, ctx: Context) -> Resolution | None:
    """"the quarter", "the latest period", "the year-ago quarter": the quarter the report is about, else
    the last completed one ("the period" alone needs a quarter in the passage)."""
    focus = _quarter_focus(ctx)
    if focus is not None:
        base, anchor = focus
    else:
        said = ctx.text[c.start:c.end].lower()
        if ctx.reference is not None and "period" in said and said.endswith("year"):  # no quarter
            year_ = ctx.reference.year - 1  # named: "the same period last year" is last year itself
            return Resolution("DATE", f"{year_:04d}", None, ctx.reference_anchor(), remember=False)
        if ("period" in said and "latest" not in c.groups) or ctx.reference is None:
            return None
        base, anchor = add_months(ctx.reference, -3), ctx.reference_anchor()
    shifted = add_months(base, 3 * c.rule.params["shift"])
    return Resolution("DATE", value_at(shifted, "quarter"), None, anchor, remember=not c.rule.params["shift"])


def week_of(c: Candidate, ctx: Context) -> Resolution | None:
    """"the week of March 6": the ISO week of that day; "the first/last week of November": the ISO week
    of the month's first/last Thursday (ISO weeks belong to the month holding their Thursday)."""
    g = c.groups
    if "dfmonth" in g:  # "the week commencing 10 March"
        g = {**g, "month": g["dfmonth"], "day": g["dfday"]}
    if "day" not in g and "ordinal" not in g:
        return None
    month = month_number(g["month"])
    if "year" in g:
        year_, anchor = full_year(g["year"], ctx.reference), ABSOLUTE
    elif ctx.reference is not None:
        ref = ctx.reference
        firsts = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
        first = pick(firsts, date(ref.year, ref.month, 1), *ctx.slack(c))
        year_, anchor = first.year, ctx.reference_anchor()
    else:
        return Resolution("DATE", "XXXX-WXX")
    if "day" in g:
        day = date(year_, month, min(int(re.match(r"\d+", g["day"])[0]), calendar.monthrange(year_, month)[1]))
    else:
        thursdays = [date(year_, month, d) for d in range(1, calendar.monthrange(year_, month)[1] + 1)
                     if date(year_, month, d).isoweekday() == 4]
        ordinal = g["ordinal"].lower()
        day = thursdays[-1] if ordinal in ("last", "final") else thursdays[lookup(ordinal, "ORDINAL") - 1]
    return Resolution("DATE", value_at(day, "week"), None, anchor)


def year_end(c: Candidate, ctx: Context) -> Resolution:
    """"year-end" (the closing day, as in "year-end results"), "year end", "year's end" (the year's last
    part, as TimeML writes "the end of the year": the year, mod END), of the year the clause points at."""
    closing_day = "-" in ctx.text[c.start:c.end]
    if ctx.reference is None:
        return Resolution("DATE", "XXXX-12-31") if closing_day else Resolution("DATE", "XXXX", "END")
    ref = ctx.reference
    day = pick([date(ref.year - 1, 12, 31), date(ref.year, 12, 31)], ref, *ctx.slack(c))
    if closing_day:
        return Resolution("DATE", day.isoformat(), None, ctx.reference_anchor())
    return Resolution("DATE", f"{day.year:04d}", "END", ctx.reference_anchor())
