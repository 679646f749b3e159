"""News told "yesterday" and counted from an event ("residents returned yesterday, two days after
the river burst its banks"): when another article of the story gives that event a weekday ("the
river burst its banks on Wednesday night"), yesterday is that day plus the count, and the article
was written the day after. Matched by the event clause's content words, so it costs one set test
per weekday an article reports.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from service.pipeline.clock import lexicon as lx

LAG = re.compile(rf"\b(?P<n>{'|'.join(lx.LAG_COUNTS)}) days? after (?P<event>[^,.;:\"“”]+)", re.IGNORECASE)
AFTER = re.compile(r"days? after", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
MAX_EVENT_WORDS = 5  # "the river burst its banks": the event names itself in a few words


@dataclass(frozen=True, slots=True)
class Lag:
    """"Yesterday, two days after <event>": `days` from the event to yesterday."""

    days: int
    event: frozenset[str]  # the event clause's content words
    text: str


def content_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text) if w.lower() not in lx.LAG_STOP)


def lags(text: str, ends: list[int]) -> tuple[Lag, ...]:
    """Counts from an event in sentences the writer tells "yesterday" or "last night"."""
    if not AFTER.search(text):  # a literal test first: most texts count no days after anything
        return ()
    found = []
    for m in LAG.finditer(text):
        i = bisect.bisect_right(ends, m.start())
        if not lx.DEICTIC_VOICE.search(text, ends[i - 1] if i else 0, m.start()):
            continue
        event = content_words(" ".join(m.group("event").split()[:MAX_EVENT_WORDS]))
        if len(event) >= 2:
            found.append(Lag(lx.LAG_COUNTS[m.group("n").lower()], event, m.group().strip()))
    return tuple(found)


def sentence_words(text: str, ends: list[int], at: int) -> frozenset[str]:
    """Content words of the sentence around offset `at`."""
    i = bisect.bisect_right(ends, at)
    lo, hi = (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(text))
    return content_words(text[lo:hi])


def counted_yesterday(own: Iterable[Lag], told: Iterable[tuple[date, frozenset[str]]]) -> tuple[date, Lag] | None:
    """Yesterday by the first of the article's counts whose event another article dates: (day, lag)."""
    told = list(told)
    for lag in own:
        days = sorted(day for day, words in told if lag.event <= words)
        if days:
            return days[-1] + timedelta(days=lag.days), lag
    return None
