"""Year evidence of one text: what it says of the present year.

The years a text mentions outside clauses about the future, those it announces, those written
with a month (past under a yearless dateline), "since <year>" starts and elapsed durations
("more than two years of war"), which together bound the present from below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.tense import tense_of


@dataclass(frozen=True, slots=True)
class YearEvidence:
    mentioned: tuple[int, ...]  # explicit years, in clauses not about the future
    since: tuple[tuple[int, str], ...]  # (start year, phrase): "since the conflict started in 2022"
    elapsed: tuple[tuple[int, str], ...]  # (whole years surely elapsed, phrase): "more than two years"
    announced: tuple[int, ...] = ()  # years in clauses about the future: "the 2028 Games will open"
    # Years written with a month, not about the future ("invited in July 1997"): wire style leaves
    # the present year out of dates, so under a yearless dateline these years are past.
    dated: tuple[tuple[int, str], ...] = ()
    copyright: tuple[int, ...] = ()  # years of the page's copyright notice: the present, if nothing else says
    # Years of a founding or first opening ("founded in 1962"): history, however long ago; alone they
    # do not place the present, beside a year a future clause names they tell how far ahead it is.
    history: tuple[int, ...] = ()


_HISTORY = re.compile(  # a founding or a first ("founded in 1962", "first approved in 1981")
    r"\b(?:founded|established|set up|formed|incorporated|built|opened|inaugurated|created|first\s+[a-z]+ed)\s+(?:in\s+)?(?:[a-z]+\s+)?$")


def read_years(text: str, ends: list[int]) -> YearEvidence:
    """Explicit years by tense, years written with a month, "since" starts and elapsed durations."""
    mentioned, announced, history = set(), set(), set()
    for m in lx.YEAR.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].lower()
        if lx.FUTURE_YEAR.search(before[-20:]) or _names_thing(text, m.start(), m.end()):
            continue  # a deadline ("by 2030"), a maturity or a goal ("2012 bonds") says nothing of the present
        if _HISTORY.search(before):
            history.add(int(m.group("year")))
            continue
        future = tense_of(text, ends, m.start(), m.end())[0] == "future"  # "the 2028 Games will open"
        (announced if future else mentioned).add(int(m.group("year")))
    dated = {}
    for m in lx.MONTH_YEAR.finditer(text):
        if _names_thing(text, m.start(), m.end()):
            continue
        if tense_of(text, ends, m.start(), m.end())[0] != "future":
            dated.setdefault(int(m.group("year")), m.group())
    since = {}
    for m in lx.SINCE.finditer(text):
        if tense_of(text, ends, m.start("year"), m.end("year"))[0] != "future":  # "beginning in 2030, it will"
            since.setdefault(int(m.group("year")), m.group())
    elapsed = []
    for m in _durations(text):
        years = _elapsed_years(m)
        if years:
            tail = re.match(r"\s*(?:of|since)\s+[\w-]+", m.group("tail"))
            phrase = text[m.start() : m.end("n")] + " years" + (tail.group() if tail else "")
            elapsed.append((years, phrase.strip()))
    since_years = tuple(sorted(since.items()))
    return YearEvidence(tuple(sorted(mentioned)), since_years, tuple(elapsed), tuple(sorted(announced)),
                        tuple(sorted(dated.items())), history=tuple(sorted(history)))


def _names_thing(text: str, start: int, end: int) -> bool:
    """A year that labels a maturity or a goal ("the 2012 global bonds", "notes due 2030", "Vision
    2030"): the thing's year, not the year of writing."""
    return bool(lx.AHEAD_AFTER.match(text, end, end + 30) or lx.AHEAD_BEFORE.search(text, max(0, start - 30), start))


def _durations(text: str) -> list[re.Match]:
    """Durations, looked for only around the word "year(s)"; each found once."""
    found: dict[int, re.Match] = {}
    for word in lx.YEARS_WORD.finditer(text):
        for m in lx.DURATION.finditer(text, max(0, word.start() - 45), word.end() + 15):
            found.setdefault(m.start("n"), m)
    return [found[k] for k in sorted(found)]


def _elapsed_years(m: re.Match) -> int:
    """Whole years surely gone: "more than two years of war" -> 2, "nearly three years" -> 2."""
    q = (m.group("q") or "").lower()
    tail = m.group("tail").strip().lower()
    past_frame = re.search(r"\b(?:past|last)\b", m.group().lower())
    if tail.startswith(lx.DURATION_STOP) or not (q or past_frame or re.match(r"(of|since)\b", tail)):
        return 0
    if q == "in" and not past_frame:
        return 0  # "in two years" looks ahead
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else lx.NUMBERS[raw]
    return n if q in ("more than", "over", "at least") and not past_frame else max(n - 1, 0)
