"""Tense around a day mention: reported (past) or announced (future), read from the verbs of its clause.

News reports what was said in the past tense and what is planned with modals, "scheduled to" and
the present of timetables ("the Senate votes Tuesday"); the nearest such marker in the clause governs.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from service.pipeline.clock import lexicon as lx

WORD = re.compile(r"\b[a-z][a-z'-]*\b")
NEAR = 40  # characters: a verb this close before a day, with no comma between, governs it


def sentence_ends(text: str) -> list[int]:
    ends = []
    for m in lx.SENTENCE_END.finditer(text):
        if text[m.start()] == ".":
            word = re.search(r"([A-Za-z.]+)$", text[max(0, m.start() - 12) : m.start()])
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in lx.ABBREVIATIONS):
                continue
        ends.append(m.end())
    return ends


def _clause(text: str, ends: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(ends, start)
    lo = ends[i - 1] if i else 0
    j = bisect.bisect_left(ends, end)
    hi = ends[j] if j < len(ends) else len(text)
    return lo, hi


def tense_of(text: str, ends: list[int], start: int, end: int) -> tuple[str, str, bool]:
    """Past or future from a verb marker just before the day ("said on Thursday"), else the nearest
    in its clause ("are scheduled to meet ... on Thursday", "On Thursday, X test-fired")."""
    lo, hi = _clause(text, ends, start, end)
    clause = text[lo:hi].lower().replace("’", "'")
    markers = _markers(clause)
    s, e = start - lo, end - lo
    before = [(s - b, tense, (a, b)) for (a, b), tense in markers if b <= s]
    after = [(a - e, tense, (a, b)) for (a, b), tense in markers if a >= e]
    if not before and not after:
        return "none", "", False
    near = [t for t in before if t[0] <= NEAR and "," not in clause[t[2][1] : s]]
    _, tense, (a, b) = min(near or before + after)
    governed = re.fullmatch(r"\s*(?:on\s+)?", clause[b:s]) if b <= s else re.fullmatch(r",?[^,;]{0,40}", clause[e:a])
    return tense, clause[a:b], bool(governed)


@lru_cache(maxsize=4096)
def _markers(clause: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """The clause's future markers, then its past verbs outside them; read once for all its days."""
    future = [(m.span(), "future") for p in lx.FUTURE for m in p.finditer(clause)]
    past = [
        (m.span(), "past")
        for m in WORD.finditer(clause)
        if _is_past(m.group()) and not any(a <= m.start() < b for (a, b), _ in future)
    ]
    return tuple(future + past)


def _is_past(word: str) -> bool:
    if word in lx.PAST_WORDS:
        return True
    return len(word) >= 4 and word.endswith("ed") and word not in lx.NOT_PAST
