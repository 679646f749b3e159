"""Reference dates: from metadata, else from the article's own text, else from the story it shares.

News convention drives the choice: an article is written on the day of the latest news it reports
in the past tense and before the days it announces; a bare weekday names a day in the same week; an
article that tells its story's news "yesterday" was written the day after it; and an event one
article dates and another gives only a weekday ("broke out on Labor Day" / "broke out Monday") is
one day, which places the second article's week; and news told "yesterday, two days after" an event
another article dates was the count of days after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.calendar import (
    YearHints,
    choose_day,
    story_year,
    week_day,
    weekday_name,
    year_hints,
    years_fitting,
)
from service.pipeline.clock.events import EventIndex, aligning
from service.pipeline.clock.evidence import DayMention, Evidence, extract_evidence
from service.pipeline.clock.lags import Lag, counted_yesterday
from service.pipeline.clock.links import StoryIndex
from service.pipeline.clock.mentions import (
    settle_order,
    under_dateline,
    with_lead_weekday,
    with_month,
)
from service.pipeline.clock.words import kind_words, phrase, tense_words
from service.pipeline.model import ArticleInput, ReferenceDate
from service.pipeline.temporal.holidays import holiday_date

STRONG = 0.6  # clocks at least this sure date other articles and are not re-dated by the story
WEEK = timedelta(days=6)
ONE_DAY = timedelta(days=1)
METADATA_TOLERANCE = timedelta(days=7)
PAGE_DATES = ("stamp", "dateline")  # kinds that date the page itself
MAX_CUES = 3  # weekday phrases quoted in a basis


@dataclass(frozen=True, slots=True)
class _Clock:
    ref: ReferenceDate
    phrase: str = ""  # what dated it, as other articles' bases quote it
    events: tuple[tuple[date, DayMention], ...] = ()  # dated past events its text reports: "broke out on Labor Day"


def resolve_reference_dates(articles: Sequence[ArticleInput]) -> dict[str, ReferenceDate]:
    """One reference date per article id; independent of the order of `articles`."""
    ordered = sorted(articles, key=lambda a: a.id)
    evidence = {a.id: extract_evidence(a.text) for a in ordered}
    hints = year_hints((evidence[a.id].years for a in ordered), (a.published_on for a in ordered if a.published_on))
    clocks = {a.id: _own_clock(a, evidence[a.id], hints) for a in ordered}
    events = EventIndex((i, day, m) for i, c in clocks.items() for day, m in c.events)
    for i, c in clocks.items():
        if c.ref.value is None and (match := events.match(i, evidence[i].days)):
            clocks[i] = _aligned_clock(evidence[i], *match)
    dated = {c.ref.value for c in clocks.values() if c.ref.confidence >= STRONG}
    if dated:  # a page stamp valid both ways ("12/07/2015") reads as the story's dated days have it
        story = replace(hints, published=tuple(sorted(dated | set(hints.published))))
        for i, c in clocks.items():
            if c.ref.value is None and any(m.readings for m in evidence[i].days):
                clocks[i] = _text_clock(evidence[i], story)
    unsure = [i for i, c in clocks.items() if c.ref.confidence < STRONG]
    if unsure:  # only then is the story index worth building
        sure = [(i, c.ref.value, evidence[i].links) for i, c in clocks.items() if c.ref.confidence >= STRONG]
        index = StoryIndex(sure)
        for i in unsure:
            clocks[i] = _story_clock(evidence[i], index, clocks, clocks[i], evidence)
    return {i: c.ref for i, c in clocks.items()}


def _own_clock(article: ArticleInput, ev: Evidence, hints: YearHints) -> _Clock:
    """The article's clock from its metadata or, failing that, its own text read with the story's years."""
    if article.published_on:
        day = article.published_on
        ref = ReferenceDate(day, day, day, "metadata", "published_at metadata", 1.0, _metadata_conflicts(ev, day))
        return _Clock(ref, "published_at metadata")
    return _text_clock(ev, hints)


def _text_clock(ev: Evidence, hints: YearHints) -> _Clock:
    """The text's own clock, with the dated events it reports for other articles to align with."""
    clock, events = _read_text(ev, hints)
    return replace(clock, events=tuple(events)) if events else clock


def _read_text(ev: Evidence, hints: YearHints) -> tuple[_Clock, list[tuple[date, DayMention]]]:
    news, future, conflicts, unresolved, background, events = [], [], [], [], [], []
    for m in ev.days:
        m, order = settle_order(m, ev, hints)
        if m.readings:
            unresolved.append(m)
            continue
        if m.month is None and m.day is not None:
            m = with_month(m, ev, hints)
        if m.month is None and m.holiday is None:
            continue
        m, lead = with_lead_weekday(m, ev, hints)
        day, why, mismatch = _date_of(m, under_dateline(hints, ev) if m.kind == "dateline" else hints)
        why = f"{order}{lead}{why}"
        conflicts += mismatch
        if day is not None and m.kind == "date" and m.tense == "past" and aligning(m):
            events.append((day, m))
        if day is None:
            unresolved.append(m)
        elif m.tense == "future" and m.shift is None:
            future.append((day, m, why))
        elif strength := _strength(m, bool(m.year or m.weekday is not None or hints.published)):
            news.append((strength, day, m, why))
        else:
            background.append(m)
    if not news:
        pinned = [t for t in future if t[1].weekday is not None]
        if pinned and any(w.kind == "weekday" and w.tense != "future" for w in ev.days):
            return _announced_week(ev, *min(pinned, key=lambda t: t[0])), events
        return _Clock(_unknown(ev, unresolved, background, [d for d, _, _ in future], hints)), events
    strength, anchor, mention, why = max(news, key=_news_order)
    if mention.shift is not None:  # "yesterday (October 30)": the day of writing, counted from it
        value = earliest = latest = anchor + timedelta(days=mention.shift)
        more, words = (), f"{kind_words(mention)} '{phrase(mention)}'{why}: written {value}"
    elif mention.kind in PAGE_DATES:  # the day of writing itself, give or take a time zone
        value, earliest, latest, more = anchor, anchor, anchor + ONE_DAY, ()
        words = f"{kind_words(mention)} '{mention.text}'{why}"
    elif strength >= STRONG:
        value, earliest, latest, refined, more = _in_week(anchor, ev, news_day=True)
        latest = min(latest, anchor + WEEK) if latest else anchor + WEEK  # a named weekday is this week's
        words = f"{kind_words(mention)} '{mention.text}'{tense_words(mention)}{why}{refined}"
    else:
        value, earliest, latest, more = anchor, anchor, None, ()
        words = (f"date '{mention.text}'{tense_words(mention)}{why}, the latest day it reports as said;"
                 " written then or later")
    for day, _, _ in future:
        if day > value:
            latest = min(latest, day - ONE_DAY) if latest else day - ONE_DAY
    ref = ReferenceDate(value, earliest, latest, "text", words, strength, tuple(conflicts) + more)
    return _Clock(ref, f"'{mention.text}'"), events


def _aligned_clock(ev: Evidence, day: date, own: DayMention, other_id: str, other: DayMention) -> _Clock:
    """"A wildfire that broke out Monday" beside another article's "broke out on Labor Day", a Monday:
    the same event, so the weekday is that day and the article's other weekdays fall in its week."""
    value, earliest, latest, refined, conflicts = _in_week(day, ev, news_day=False)
    words = (f"its '{phrase(own)}' is the '{phrase(other)}' ({day:%A} {day}) of article {other_id}{refined}")
    return _Clock(ReferenceDate(value, earliest, latest, "story", words, STRONG, conflicts),
                  f"'{other.text}' in article {other_id}")


def _announced_week(ev: Evidence, day: date, m: DayMention, why: str) -> _Clock:
    """"Said on Wednesday that talks resume on Thursday (October 31)": the announced day pins the
    week, the reported weekday the day of writing."""
    value, earliest, latest, refined, conflicts = _in_week(day, ev, news_day=False)
    latest = min(latest, day - ONE_DAY) if latest else day - ONE_DAY
    words = f"announced {kind_words(m)} '{m.text}'{tense_words(m)}{why} pins the week{refined}"
    return _Clock(ReferenceDate(value, earliest, latest, "text", words, 0.7, conflicts), f"'{m.text}'")


def _news_order(t: tuple) -> tuple:
    """Page dates (stamps, datelines) first, surest first; then sure, past, latest news days."""
    strength, day, m, _ = t
    if m.kind in PAGE_DATES or m.shift is not None:
        return (True, strength, day)
    return (False, strength >= STRONG, m.tense == "past", day, strength)


def _strength(m: DayMention, year_sure: bool) -> float:
    """How surely the mention dates the writing. Stamps, datelines, "yesterday (Oct 30)" and weekday-
    dates do; a date without a weekday is background in news (TimeBank/AQUAINT: 2 in 156 were the
    publication day) unless a reporting verb governs it ("said on 9 March 2021"). A year guessed
    from the years a story mentions, with no weekday to check it, costs a quarter."""
    if m.kind == "stamp":  # "Published 19 June": the outlet leaves out the present year
        return (0.8 if "updated" in m.cue else 0.95) if m.year else 0.7
    if m.kind == "dateline" or m.shift is not None:
        return 0.95 if year_sure else 0.7
    if m.weekday is not None:
        return 0.9 if m.year else 0.85
    if m.tense == "past" and m.governed and m.cue in lx.REPORTING and year_sure:
        return 0.5
    return 0.0


def _date_of(m: DayMention, hints: YearHints) -> tuple[date | None, str, list[str]]:
    """The mention's day, why that year, and any weekday that contradicts an explicit year."""
    if m.holiday:
        year = m.year or story_year(hints)
        return (holiday_date(m.holiday, year), "" if m.year else f"; year {year} from the story ({hints.words()})",
                []) if year else (None, "", [])
    if m.year:
        try:
            day = date(m.year, m.month, m.day)
        except ValueError:
            return None, "", [f"'{m.text}' is not a calendar day"]
        if m.weekday is not None and day.weekday() != m.weekday:
            return day, "", [f"'{m.text}': {day} is a {weekday_name(day.weekday())}"]
        return day, "", []
    day = choose_day(m.month, m.day, m.weekday, hints)
    if day is None:
        return None, "", []
    if m.weekday is not None:
        why = (f"; {day.year} is the year, near the story's ({hints.words()}),"
               f" in which {day:%B} {day.day} is a {day:%A}")
    else:
        why = f"; year {day.year} from the story ({hints.words()})"
    return day, why, []


def _in_week(anchor: date, ev: Evidence, news_day: bool, told_yesterday: bool = False,
             counted: tuple[date, Lag] | None = None):
    """Place bare weekdays in the anchor's week: past ones bound the day from below, announced ones above."""
    side = {"last": "before", "next": "after"}
    days = [(week_day(anchor, m.weekday, side.get(m.cue, "")), m) for m in ev.days if m.kind == "weekday"]
    past = [(d, m) for d, m in days if m.tense != "future"]
    future = [(d, m) for d, m in days if m.tense == "future"]
    # A past weekday was at most six days ago; an announced one is at most six days ahead;
    # "yesterday (Wednesday)" says exactly.
    exact = [d + timedelta(days=m.shift) for d, m in days if m.shift is not None]
    # The story's news day, told "yesterday" ("the bank yesterday raised rates"): written the day after.
    # "Yesterday, two days after <an event another article dates>": yesterday is counted from it.
    yesterday = counted[0] if counted else anchor
    news = [anchor] if news_day else [yesterday + ONE_DAY] if told_yesterday else []
    earliest = max([d for d, _ in past] + [d - WEEK for d, _ in future] + exact + news, default=None)
    latest = min([d - ONE_DAY for d, _ in future] + [d + WEEK for d, _ in past] + exact, default=None)
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
        cues = {f"'{phrase(m)}' ({'future' if m.tense == 'future' else 'past'}, {d})": d for d, m in past + future}
        shown = " and ".join(sorted(cues, key=lambda c: (cues[c], c))[:MAX_CUES])
        words = f"; in that week {shown} put it on {value:%A} {value}"
    if counted:
        event = counted[0] - timedelta(days=counted[1].days)
        words += f"; it tells news '{ev.deictic[0]}', '{counted[1].text}' (on {event} there): written after {counted[0]}"
    elif told_yesterday:
        words += f"; it tells the news '{ev.deictic[0]}': written after {anchor}"
    return value, earliest, latest, words, conflicts


def _story_clock(ev: Evidence, index: StoryIndex, clocks: dict[str, _Clock], own: _Clock,
                 evidence: dict[str, Evidence]) -> _Clock:
    """Take the clock of the dated articles this one shares quotes, names and figures with."""
    reported = any(m.kind == "weekday" and m.tense == "past" for m in ev.days)
    link = index.best_link(ev.links, weekdays=reported)
    if link is None or (own.ref.earliest and link.day < own.ref.earliest):
        return own
    source = clocks[link.article_id]
    told = ((week_day(link.day, m.weekday, ""), words) for m, words in evidence[link.article_id].told)
    counted = counted_yesterday(ev.lags, told) if ev.deictic else None
    value, earliest, latest, refined, conflicts = _in_week(link.day, ev, False, bool(ev.deictic), counted)
    confidence = round(min(0.45 + 0.05 * link.score, 0.7) * source.ref.confidence, 2)
    basis = f"shares {link.describe()} with article {link.article_id}, dated {link.day} by {source.phrase}{refined}"
    ref = ReferenceDate(value, earliest, latest, "story", basis, confidence, conflicts + own.ref.conflicts)
    return _Clock(ref, f"the story link to article {link.article_id}")


def _unknown(ev: Evidence, unresolved: list, background: list, future: list[date], hints: YearHints):
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


def _metadata_conflicts(ev: Evidence, published: date) -> tuple[str, ...]:
    """Text that disagrees with the metadata day: a re-posted story, or wrong metadata."""
    found = []
    for m in ev.days:
        if m.weekday is None or m.month is None or m.year:
            continue
        near = choose_day(m.month, m.day, None, YearHints(published=(published,)))
        if near and near.weekday() != m.weekday:
            fits = ", ".join(map(str, years_fitting(m.month, m.day, m.weekday, published.year)))
            found.append(f"'{m.text}' is not a {weekday_name(m.weekday)} near the metadata day {published}"
                         f" ({near} is a {near:%A}; it is in {fits})")
    hints = year_hints([ev.years])
    own = _text_clock(ev, hints).ref
    if own.value and abs(own.value - published) > METADATA_TOLERANCE:
        found.append(f"the text dates it {own.value} by {own.basis}")
    if hints.floor and hints.floor > published.year:
        found.append(f"{hints.floor_basis} -> {hints.floor} or later, after the metadata year {published.year}")
    return tuple(dict.fromkeys(found))

