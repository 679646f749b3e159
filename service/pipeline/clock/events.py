"""The same event told with a weekday in one article and a date in another ("the fire broke out
Monday" / "broke out on Labor Day"): where the verb is the same and the date falls on that weekday,
the weekday is that date. Indexed by verb, so matching costs the number of an article's weekdays.
And the same event told on the same weekday by two linked articles ("the crash late Thursday that
killed a cyclist" / "a crash that killed a cyclist last Thursday night"): the dated one says which
Thursday, so an undated follow-up's week is not guessed around the link's day; and a follow-up that
tells it "yesterday" was written the day after the day the dated one gives it. Matched by the content
words of the sentences, names and titles aside (one speaker says many things), so it costs a set test
per pair. An act a paper dates in brackets ("broke out on Tuesday (April 9)") is the day before's news.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.calendar import week_day
from service.pipeline.clock.evidence import DayMention

# Content words two sentences share, besides day words, function words and names, to tell one event:
# one speaker says different things on the same weekday of two weeks.
SAME_EVENT_WORDS = 3
SIDE = {"last": "before", "next": "after"}
BRACKETED_DATE = re.compile(r"\(\s*(?!the\b)\w")  # "Tuesday (April 9)", not "Tuesday (the 9th)"


def aligning(m: DayMention) -> bool:
    """Only a telling verb names an event: not "said" (said on many days) nor an auxiliary."""
    return bool(m.cue) and " " not in m.cue and m.cue not in lx.REPORTING and m.cue not in lx.AUXILIARIES


def dated_act(m: DayMention) -> bool:
    """"The fire broke out on Tuesday (April 9)": papers that put the date in brackets after the
    weekday print the day after, so an act (not a telling) they date so is the day before's news;
    "said on Tuesday (March 12)" may be the day of writing, and "on Tuesday, Nov. 7" is wire style."""
    return (m.kind == "date" and m.weekday is not None and m.tense == "past" and aligning(m)
            and BRACKETED_DATE.search(m.text) is not None)


class EventIndex:
    """Dated past events by verb: cue -> [(day, article id, mention)], sorted for a stable choice."""

    def __init__(self, events: Iterable[tuple[str, date, DayMention]]):
        self._by_cue: dict[str, list[tuple[date, str, DayMention]]] = defaultdict(list)
        for article_id, day, m in events:
            self._by_cue[m.cue].append((day, article_id, m))
        for found in self._by_cue.values():
            found.sort(key=lambda t: (t[0], t[1], t[2].start))

    def match(self, article_id: str, days: Iterable[DayMention]) -> tuple[date, DayMention, str, DayMention] | None:
        """The latest dated event of another article that a past weekday of this one tells again."""
        found = [
            (day, m, other_id, other)
            for m in days
            if m.kind == "weekday" and m.tense == "past" and m.shift is None and aligning(m)
            for day, other_id, other in self._by_cue.get(m.cue, ())
            if other_id != article_id and day.weekday() == m.weekday
        ]
        return max(found, key=lambda t: (t[0], t[2], t[1].start), default=None)


def told_alike(own: Iterable[tuple[DayMention, frozenset[str]]], other: Iterable[tuple[DayMention, frozenset[str]]],
               other_day: date, names: frozenset[str]) -> dict[int, date]:
    """Own weekdays (by offset) that tell an event the linked article, dated `other_day`, tells on the
    same weekday in a sentence sharing SAME_EVENT_WORDS content words (`names`: the words of names,
    which do not count): that article's day for it."""
    other = [(o, words - lx.EVENT_STOP) for o, words in other if o.shift is None and not o.quoted]
    placed = {}
    for m, words in own:
        if m.shift is not None or m.quoted:
            continue
        match = next((o for o, theirs in other if o.weekday == m.weekday and _same_event(words & theirs, names)), None)
        if match:
            placed[m.start] = told_day(other_day, match)
    return placed


def told_day(day: date, m: DayMention) -> date:
    """The day a weekday told in an article dated `day` names: one it reports in the past ("said on
    Monday", a round-up's "MONDAY:") is that day or before it, never after."""
    if m.cue in SIDE or m.tense != "past":
        return week_day(day, m.weekday, SIDE.get(m.cue, ""))
    return week_day(day + timedelta(days=1), m.weekday, "before")


def _same_event(shared: frozenset[str], names: frozenset[str]) -> bool:
    return len(shared - names) >= SAME_EVENT_WORDS


def yesterday_alike(own: Iterable[frozenset[str]], other: Iterable[tuple[DayMention, frozenset[str]]],
                    other_day: date, names: frozenset[str]) -> tuple[date, DayMention] | None:
    """The day the linked article, dated `other_day`, gives an event this one tells "yesterday": a
    past weekday in a sentence sharing SAME_EVENT_WORDS content words, names aside; of two in one
    sentence, the one whose verb it uses ("resigned yesterday" / "resigned on Wednesday, and ...
    named a successor on Friday"), then the latest."""
    found = [(o.cue in words, told_day(other_day, o), o) for o, theirs in other
             if o.shift is None and not o.quoted and o.tense == "past"
             for words in own if _same_event(words & (theirs - lx.EVENT_STOP), names)]
    best = max(found, key=lambda t: (t[0], t[1], t[2].start), default=None)
    return best[1:] if best else None
