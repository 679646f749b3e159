"""The day of writing placed in the week of an anchor day, and what says a page tells the day before.

News names the days of its week by weekday: a reported one is at most six days before the day of
writing, an announced one at most six days after. Papers print a day's news the morning after and
tell it "yesterday" or "on Tuesday night"; wire copy and live pages are of the day they tell.
"""

from __future__ import annotations

from datetime import date, timedelta

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.calendar import week_day
from service.pipeline.clock.evidence import DayMention, Evidence
from service.pipeline.clock.lags import Lag
from service.pipeline.clock.words import phrase

WEEK = timedelta(days=6)
ONE_DAY = timedelta(days=1)
MAX_CUES = 3  # weekday phrases quoted in a basis


def next_day(ev: Evidence, day: date | None = None) -> str:
    """What makes a page dated `day` a next-day article, its news of the day before: the writer tells
    news "yesterday" or "last night" and none "this morning", or (a paper, not wire copy) its latest
    reported weekday is the evening of the day before ("voted late on Wednesday" in Thursday's paper)."""
    if ev.deictic and not set(ev.same_day) - lx.SAME_DAY_AHEAD:
        return ev.deictic[0]
    if day is None or not printed_next_day(ev):
        return ""
    latest = latest_told(ev, day)
    return phrase(latest[1]) if latest and latest[0] == day - ONE_DAY and latest[1].evening else ""


def latest_told(ev: Evidence, day: date) -> tuple[date, DayMention] | None:
    """The latest weekday the writer reports in the past, placed in the week of `day` (an evening last)."""
    past = [(week_day(day, m.weekday), m) for m in ev.days if m.kind == "weekday" and m.tense == "past"
            and not m.quoted and m.shift is None and m.cue not in ("last", "next")]
    return max(past, key=lambda t: (t[0], t[1].evening), default=None)


def yesterday_is(ev: Evidence, m: DayMention) -> bool:
    """The writer's "yesterday" is the day of the weekday-date `m` it reports in the past ("issued on
    Monday 8 September 2025 ... gathered yesterday"): it tells news so and names no weekday of the day
    before that "yesterday" could be ("said on Monday ... said yesterday ... on Tuesday, 3 March")."""
    if m.weekday is None or m.tense != "past" or m.quoted or ev.wire or ev.today or not next_day(ev):
        return False
    return not any(w.kind == "weekday" and w.tense == "past" and w.weekday == (m.weekday - 1) % 7 for w in ev.days)


def in_week(anchor: date, ev: Evidence, news_day: bool, told_yesterday: bool = False,
             counted: tuple[date, Lag] | None = None, evening: bool = False, told_of: date | None = None,
             placed: dict[int, date] | None = None, event: bool = False):
    """Place bare weekdays in the anchor's week: past ones bound the day of writing from below, announced
    ones above. `news_day`: the anchor is the article's own news day (told of its `evening`, as an
    `event` it dates by weekday and date, or as `told_yesterday`: the day after); `told_yesterday`: it tells news "yesterday",
    of `told_of` (else the anchor) or of the day `counted` from an event another article dates;
    `placed`: weekdays (by offset) a linked article dates, whose week the others fall in (around the
    latest of them). A writer who says "last Thursday" writes in a later week, whose days it names
    bare: those are placed around that week's Monday."""
    side = {"last": "before", "next": "after"}
    placed = placed or {}
    around = max(placed.values(), default=anchor)
    days = [(placed.get(m.start) or week_day(anchor if m.cue in side else around, m.weekday, side.get(m.cue, "")), m)
            for m in ev.days if m.kind == "weekday"]
    week = max((_told_from(d, m, ev) for d, m in days if m.cue == "last" and not m.quoted), default=anchor)
    if week > anchor:
        days = [(d if m.start in placed or m.cue in side else week_day(week, m.weekday), m) for d, m in days]
    past = [(d, m) for d, m in days if m.tense != "future"]
    future = [(d, m) for d, m in days if m.tense == "future"]
    # A past weekday was at most six days ago; an announced one is at most six days ahead;
    # "yesterday (Wednesday)" says exactly.
    exact = [d + timedelta(days=m.shift) for d, m in days if m.shift is not None]
    # The story's news day, told "yesterday" ("the bank yesterday raised rates"): written the day after.
    # "Yesterday, two days after <an event another article dates>": yesterday is counted from it.
    yesterday = counted[0] if counted else told_of or anchor
    # A writer who says "yesterday" calls the morning of the day of writing "this morning": a weekday
    # it names with a part of the day ("dissolved on Wednesday morning") is yesterday or before.
    # A bare weekday is not read so: papers name the day of writing by weekday too.
    parts = [(d, m) for d, m in past if m.part and not m.quoted and m.shift is None] if told_yesterday and not counted else []
    part = max(parts, key=lambda t: (t[0], t[1].start), default=None)
    part = part if part and part[0] > yesterday else None
    yesterday = part[0] if part else yesterday
    # News of a day's end ("said on Tuesday night") is printed the day after.
    evening = evening and printed_next_day(ev)
    event = event and not evening and printed_next_day(ev)
    if news_day:  # its own news day: the day after, if told of its evening, as a dated act or "yesterday"
        news = [anchor + ONE_DAY if evening or event or told_yesterday else anchor]
    else:
        news = [yesterday + ONE_DAY] if told_yesterday else []
    told = [_told_from(d, m, ev) for d, m in past]
    earliest = max(told + [d - WEEK for d, _ in future] + exact + news, default=None)
    latest = min([d - ONE_DAY for d, _ in future] + [t + WEEK for t in told] + exact, default=None)
    same_evening = ""
    if future and latest and earliest and earliest > latest:
        # "Said on Wednesday evening ... barred for Thursday's final day": a day it announces shows a
        # page of the evening's own day, not the next morning's paper
        news = [anchor] if news_day else news
        told = [_told_from(d, m, ev, printed=False) for d, m in past]
        if (plain := max(told + [d - WEEK for d, _ in future] + exact + news)) <= latest:
            earliest, evening, event = plain, False, False
            ahead = min(future, key=lambda t: t[0])
            same_evening = f"; it announces '{phrase(ahead[1])}' ({ahead[0]}): written the day of its evening news"
    value = earliest if earliest else anchor
    conflicts = ()
    if latest and value > latest:
        if earliest and earliest > latest:  # reported and announced days overlap: keep the reported
            named = ", ".join(sorted({f"'{m.text}' ({m.tense})" for _, m in days}))
            conflicts = (f"the weekdays it names ({named}) do not fit one day of writing near {anchor}",)
            latest = None
        else:
            value = latest
    words = ""
    if past or future:
        cues = {f"'{phrase(m)}' ({_told_as(m, ev, not same_evening)}, {d})": d for d, m in past + future}
        shown = " and ".join(sorted(cues, key=lambda c: (cues[c], c))[:MAX_CUES])
        words = f"; in that week {shown} put it on {value:%A} {value}"
    if evening:
        words += f"; news of its evening, printed the day after: written {anchor + ONE_DAY} or later"
    elif event:
        words += f"; an act it dates by weekday and date, told the day after: written {anchor + ONE_DAY} or later"
    words += same_evening
    if counted:
        event = counted[0] - timedelta(days=counted[1].days)
        words += f"; it tells news '{ev.deictic[0]}', '{counted[1].text}' (on {event} there): written after {counted[0]}"
    elif part:
        words += (f"; it tells news '{ev.deictic[0]}' and names '{phrase(part[1])}' ({part[1].part}), a part of"
                  f" {yesterday:%A} it would call '{_today(part[1])}' on that day: written after {yesterday}")
    elif told_yesterday:
        words += f"; it tells the news '{ev.deictic[0]}': written after {yesterday}"
    return value, earliest, latest, words, conflicts


def _told_from(day: date, m: DayMention, ev: Evidence, printed: bool = True) -> date:
    """The first day the writer can tell `day` as `m` does: its evening (in print) and a round-up's
    days the day after; "last Thursday" from the next week on (in its own week it says "on Thursday");
    an evening it names by weekday while it calls its own day's hours "this morning" the day after (of
    its own evening it would say "this evening")."""
    if m.cue == "last" and not m.quoted:
        return day + timedelta(days=7 - day.weekday())
    return day + ONE_DAY if m.heading or (printed and _evening_before(m, ev)) else day


def _evening_before(m: DayMention, ev: Evidence) -> bool:
    """An evening told the day after: in print, or by a writer who says "this morning" of its own day."""
    return m.evening and (printed_next_day(ev) or not m.quoted and bool(set(ev.same_day) - lx.SAME_DAY_AHEAD))


def _today(m: DayMention) -> str:
    """What a writer who says "yesterday" calls that part of the day of writing."""
    return {"night": "tonight", "late": "tonight", "early": "this morning"}.get(m.part, f"this {m.part}")


def printed_next_day(ev: Evidence) -> bool:
    """A paper prints a day's evening news the day after; wire copy ("HAVANA (AP) --") files it that
    night, and a page that says "tonight" or "this morning" is of the day it tells."""
    return not ev.same_day and not ev.wire


def _told_as(m: DayMention, ev: Evidence, printed: bool = True) -> str:
    if m.tense == "future":
        return "future"
    if m.cue == "last" and not m.quoted:
        return "past, in a week before the one it is written in"
    if m.heading:
        return "past, a day its round-up looks back on: written the day after or later"
    return "past, its evening: written the day after or later" if printed and _evening_before(m, ev) else "past"
