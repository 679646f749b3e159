"""Reference dates: from metadata, else from the article's own text, else from the story it shares.

News convention drives the choice: an article is written on the day of the latest news it reports
in the past tense and before the days it announces; a bare weekday names a day in the same week; an
article that tells its story's news "yesterday" was written the day after it; and an event one
article dates and another gives only a weekday ("broke out on Labor Day" / "broke out Monday") is
one day, which places the second article's week; and news told "yesterday, two days after" an event
another article dates was the count of days after it. A paper dated by its page that tells its news
"yesterday" is a next-day article: what it reports is of the day before, so an article that shares
that news and names no day was written then, and one that tells it "yesterday" too on the same day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.calendar import (
    YearHints,
    choose_day,
    week_day,
    weekday_name,
    year_hints,
    years_fitting,
)
from service.pipeline.clock.events import (
    EventIndex,
    aligning,
    dated_act,
    told_day,
    told_alike,
    yesterday_alike,
)
from service.pipeline.clock.evidence import (
    STAMP_HEAD_CHARS,
    DayMention,
    Evidence,
    extract_evidence,
)
from service.pipeline.clock.lags import counted_yesterday
from service.pipeline.clock.links import StoryIndex, name_words
from service.pipeline.clock.mentions import (
    day_of,
    settle_order,
    under_dateline,
    with_lead_weekday,
    with_month,
)
from service.pipeline.clock.unknown import unknown_date
from service.pipeline.clock.week import ONE_DAY, WEEK, in_week, latest_told, next_day, yesterday_is
from service.pipeline.clock.words import kind_words, phrase, tense_words
from service.pipeline.model import ArticleInput, ReferenceDate

STRONG = 0.6  # clocks at least this sure date other articles and are not re-dated by the story
METADATA_TOLERANCE = timedelta(days=7)
PAGE_DATES = ("stamp", "dateline")  # kinds that date the page itself


@dataclass(frozen=True, slots=True)
class _Clock:
    ref: ReferenceDate
    phrase: str = ""  # what dated it, as other articles' bases quote it
    events: tuple[tuple[date, DayMention], ...] = ()  # dated past events its text reports: "broke out on Labor Day"
    # dated by its page, it tells its news "yesterday" or "late on" the day before: the words that say so
    next_day: str = ""
    year_written: bool = False  # dated by a mention that writes its year ("6 March 2025"), not by a guessed one


def resolve_reference_dates(articles: Sequence[ArticleInput]) -> dict[str, ReferenceDate]:
    """One reference date per article id; independent of the order of `articles`."""
    ordered = sorted(articles, key=lambda a: a.id)
    evidence = {a.id: extract_evidence(a.text) for a in ordered}
    hints = year_hints((evidence[a.id].years for a in ordered), (a.published_on for a in ordered if a.published_on))
    clocks = {a.id: _own_clock(a, evidence[a.id], hints) for a in ordered}
    written = {c.ref.value for c in clocks.values() if c.year_written} - set(hints.published)
    if written:  # "6 March 2025" in one article chooses the year of another's yearless "March 6"
        known = replace(hints, published=tuple(sorted(written | set(hints.published))))
        for a in ordered:
            if not a.published_on and not clocks[a.id].year_written:
                clocks[a.id] = _text_clock(evidence[a.id], known)
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
        return _Clock(ref, "published_at metadata", next_day=next_day(ev, day))
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
        day, why, mismatch = day_of(m, under_dateline(hints, ev) if m.kind == "dateline" else hints)
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
        return _Clock(unknown_date(ev, unresolved, background, [d for d, _, _ in future], hints)), events
    strength, anchor, mention, why = max(news, key=_news_order)
    if mention.shift is not None:  # "yesterday (October 30)": the day of writing, counted from it
        value = earliest = latest = anchor + timedelta(days=mention.shift)
        more, words = (), f"{kind_words(mention)} '{phrase(mention)}'{why}: written {value}"
    elif mention.kind in PAGE_DATES and mention.small_hours and mention.cue in lx.UPDATE_LABELS:
        # "Updated 1:12 AM Wed March 15": an edit in the small hours of a story written the day before
        value, earliest, latest, more = anchor - ONE_DAY, anchor - ONE_DAY, anchor, ()
        words = f"{kind_words(mention)} '{mention.text}'{why}, in the small hours: written the day before"
    elif mention.kind == "stamp" and mention.small_hours and mention.utc and not ev.deictic \
            and (told := latest_told(ev, anchor)) and told[0] == anchor - ONE_DAY:
        # "2016-07-21T01:15:00Z" over news "said Wednesday" (the 20th): evening in the Americas, the outlet's day before
        value, earliest, latest, more = anchor - ONE_DAY, anchor - ONE_DAY, anchor, ()
        words = (f"{kind_words(mention)} '{mention.text}'{why}, a UTC time in the small hours over its latest news"
                 f" '{phrase(told[1])}' ({told[0]}): the outlet's day before")
    elif mention.kind in PAGE_DATES:  # the day of writing itself, give or take a time zone
        value, earliest, latest, more = anchor, anchor, anchor + ONE_DAY, ()
        words = f"{kind_words(mention)} '{mention.text}'{why}"
    elif strength >= STRONG:
        value, earliest, latest, refined, more = in_week(anchor, ev, news_day=True,
                                                          told_yesterday=yesterday_is(ev, mention),
                                                          evening=mention.evening and mention.tense == "past",
                                                          event=dated_act(mention))
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
    return _Clock(ref, f"'{mention.text}'", next_day=next_day(ev, value) if mention.kind in PAGE_DATES else "",
                  year_written=mention.year is not None), events


def _aligned_clock(ev: Evidence, day: date, own: DayMention, other_id: str, other: DayMention) -> _Clock:
    """"A wildfire that broke out Monday" beside another article's "broke out on Labor Day", a Monday:
    the same event, so the weekday is that day and the article's other weekdays fall in its week."""
    value, earliest, latest, refined, conflicts = in_week(day, ev, news_day=False)
    words = (f"its '{phrase(own)}' is the '{phrase(other)}' ({day:%A} {day}) of article {other_id}{refined}")
    return _Clock(ReferenceDate(value, earliest, latest, "story", words, STRONG, conflicts),
                  f"'{other.text}' in article {other_id}")


def _announced_week(ev: Evidence, day: date, m: DayMention, why: str) -> _Clock:
    """"Said on Wednesday that talks resume on Thursday (March 14)": the announced day pins the
    week, the reported weekday the day of writing."""
    value, earliest, latest, refined, conflicts = in_week(day, ev, news_day=False)
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
        return (0.8 if m.cue in lx.UPDATE_LABELS else 0.95) if m.year else 0.7
    if m.kind == "dateline" or m.shift is not None:
        return 0.95 if year_sure else 0.7
    if m.weekday is not None:
        return 0.9 if m.year else 0.85
    if m.tense == "past" and m.governed and m.cue in lx.REPORTING and year_sure:
        return 0.5
    return 0.0


def _story_clock(ev: Evidence, index: StoryIndex, clocks: dict[str, _Clock], own: _Clock,
                 evidence: dict[str, Evidence]) -> _Clock:
    """Take the clock of the dated articles this one shares quotes, names and figures with."""
    reported = any(m.kind == "weekday" and m.tense == "past" for m in ev.days)
    link = index.best_link(ev.links, weekdays=reported, dateless=not (ev.days or ev.deictic), yesterday=bool(ev.deictic))
    if link is None or (own.ref.earliest and link.day < own.ref.earliest):
        return own
    source = clocks[link.article_id]
    told = ((told_day(link.day, m), words) for m, words in evidence[link.article_id].told)
    counted = counted_yesterday(ev.lags, told) if ev.deictic else None
    # News told "yesterday" that the linked article gives a weekday ("resigned on Wednesday") was of
    # that day. Else a next-day article tells the day before's news: an article that shares it and
    # names no day of its own was written that day (a day later it would say "yesterday" or the
    # weekday); one that tells it "yesterday" too, on the linked article's day, unless it reports
    # that day's own news.
    anchor, told_of, news = link.day, None, ""
    plain = not ev.deictic and not any(m.weekday is not None for m in ev.days)
    later = any(week_day(link.day, m.weekday, "") >= link.day for m in ev.days
                if m.kind == "weekday" and m.tense == "past" and m.cue not in ("last", "next"))
    names = name_words(ev.links)
    same = yesterday_alike(ev.yesterday_told, evidence[link.article_id].told, link.day, names) if ev.deictic and not counted else None
    if same:
        told_of, m = same
        news = f", which tells '{phrase(m)}' ({told_of}) the news it tells '{ev.deictic[0]}'"
    elif source.next_day and not counted and (plain or (ev.deictic and not later)):
        told_of = link.day - ONE_DAY
        news = f", which tells its news '{source.next_day}' ({told_of})"
        anchor = told_of if plain else anchor
    placed = told_alike(ev.told, evidence[link.article_id].told, link.day, names)
    value, earliest, latest, refined, conflicts = in_week(anchor, ev, False, bool(ev.deictic), counted, told_of=told_of,
                                                          placed=placed)
    confidence = round(min(0.45 + 0.05 * link.score, 0.7) * source.ref.confidence, 2)
    alike = ", ".join(f"'{m.text}' ({placed[m.start]})" for m in ev.days if m.start in placed)
    alike = f"; it tells {alike} of the same events as article {link.article_id}" if alike else ""
    basis = f"shares {link.describe()} with article {link.article_id}, dated {link.day} by {source.phrase}{news}{alike}{refined}"
    ref = ReferenceDate(value, earliest, latest, "story", basis, confidence, conflicts + own.ref.conflicts)
    return _Clock(ref, f"the story link to article {link.article_id}")


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
    found += _stamp_conflicts(ev, published)
    hints = year_hints([ev.years])
    own = _text_clock(ev, hints).ref
    if own.value and abs(own.value - published) > METADATA_TOLERANCE:
        found.append(f"the text dates it {own.value} by {own.basis}")
    if hints.floor and hints.floor > published.year:
        found.append(f"{hints.floor_basis} -> {hints.floor} or later, after the metadata year {published.year}")
    return tuple(dict.fromkeys(found))


def _stamp_conflicts(ev: Evidence, published: date) -> list[str]:
    """The page's own stamp (the first, at its head: those at its foot date related stories) on
    another day than the metadata: often a UTC time read past the outlet's midnight
    ("2019-06-20T01:30Z" for "June 19, 2019 9:30 PM EDT"). An "Updated" stamp after the metadata
    day is a later edit, not a contradiction."""
    m = next((m for m in ev.days if m.kind == "stamp"), None)
    if m is None or m.start > STAMP_HEAD_CHARS or m.year is None or m.month is None or m.readings:
        return []
    try:
        day = date(m.year, m.month, m.day)
    except ValueError:
        return []
    if day == published or (m.cue in lx.UPDATE_LABELS and day > published):
        return []
    return [f"{kind_words(m)} '{m.text}' is {day}, the metadata day is {published}"]
