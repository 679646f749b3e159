"""Which way a bare weekday, month or month-day points, from the verbs of its clause (tense.toml).

"said on Thursday" and "had met in June" point back, "will meet on Thursday" and "plans to visit in
June" forward; the cue nearest the expression wins, looking left first, then right (a verb right
after it, "on Sunday issued", beats a distant one before it; a reporting verb after it never does).
A date right after "to", "until", "from" ... names a target, so it gets no direction ("extended to
Nov. 20") unless its clause looks ahead ("will stay closed until Tuesday") or puts something off to it
("postponed until Tuesday"). A date used as an attribute
("Wednesday's ruling", "the Oct. 23 attack") leans to the past.
"""

from __future__ import annotations

import re
from functools import cache

from service.pipeline.temporal.lexicon import load

PAST, PRESENT, FUTURE, NONE, TARGET = -1, 0, 1, None, 2
_CLAUSE_END = re.compile(r"[.!?;:\"“”]\s|\n|(?<![A-Z])[.!?](?=[A-Z][a-z])")  # "altered.The recount": scraped text glues sentences


_KINDS = ("future", "past", "present")


@cache
def _cues() -> tuple[re.Pattern, re.Pattern, frozenset[str], re.Pattern]:
    """The cue regex; the same with its case-sensitive parts relaxed, for lower-cased ASCII text; the
    kinds of cue that have such parts; and the target regex.

    The relaxed regex runs about twice as fast (case-insensitive alternatives cannot be rejected by
    their first letter) and finds every match the exact one finds, the same match unless it is of a
    kind with "(?-i:...)" parts and begins with a capital ("United", "May"), which tense.toml allows
    only at the start of a cue. Then the exact regex decides.
    """
    cues = load("tense.toml")
    branches = [f"(?P<{kind}>{'|'.join(cues[kind])})" for kind in _KINDS]
    body = r"(?<![\w'’])(?:" + "|".join(branches) + r")(?![\w'’])"
    cased = frozenset(kind for kind in _KINDS if any("(?-i:" in cue for cue in cues[kind]))
    target = re.compile(r"(?<![\w'’])(?:" + "|".join(cues["target"]) + r")\s+(?:the\s+)?$", re.IGNORECASE)
    return re.compile(body, re.IGNORECASE), re.compile(body.replace("(?-i:", "(?:")), cased, target


@cache
def _put_off() -> re.Pattern:
    """A verb putting something off, in the clause before "until"/"to" (tense.toml put_off)."""
    return re.compile(r"(?<![\w'’])(?:" + "|".join(load("tense.toml")["put_off"]) + r")(?![\w'’])", re.IGNORECASE)


def _uncertain(match: re.Match, window: str) -> bool:
    """A relaxed match the exact regex may not make."""
    return match.lastgroup in _cues()[2] and window[match.start()].isupper()


def _last_cue(window: str) -> re.Match | None:
    """The last of the successive cue matches in ``window``."""
    verbs, relaxed = _cues()[:2]
    if window.isascii():
        last = None
        for last in relaxed.finditer(window.lower()):
            if _uncertain(last, window):
                break
        else:
            return last
    last = None
    for last in verbs.finditer(window):
        pass
    return last


def _future_in(window: str) -> bool:
    return any(match.lastgroup == "future" for match in _cues()[0].finditer(window))


def _first_cue(window: str) -> re.Match | None:
    verbs, relaxed = _cues()[:2]
    if window.isascii():
        first = relaxed.search(window.lower())
        if first is None or not _uncertain(first, window):
            return first
    return verbs.search(window)


# "Wednesday's ruling", "the Aug. 7 blasts": the date names a known event; only a verb right before it
# ("ahead of Thursday's vote") points it, not the verb of the clause around it; else it leans to the past
_ATTRIBUTIVE = re.compile(r"['’]s\b")
_DEFINITE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# ... but "in the autumn", "over the weekend" name a time, not an event: "the" is attributive only
# when a noun follows the date ("the Oct. 23 shooting")
_NOUN_AFTER = re.compile(r"\s+(?!(?:to|of|in|on|at|and|or|but|when|as|with|for|by|from|that|which|after|before|if|"
                         r"is|was|are|were|will|would|has|had|have|than|so|while|until|because)\b)[a-z]")
_REPORTING = re.compile(r"(?:said|says|told|announced|reported|added|stated|noted)\b", re.IGNORECASE)
# "would pass sentence in June and warned him", "did not resume on Monday as planned", "told MPs on
# Tuesday that she would": a verb after a conjunction or "that" belongs to a clause of its own
_COORDINATED = re.compile(r"\b(?:and|but|or|then|while|whereas|after|before|when|because|as|that|which|who)\b", re.IGNORECASE)
# "in the week to Sunday", "the seven days through Friday", "the 12 months to March": the closing day of
# a period being reported ("extended by two weeks to Friday" is a target)
_PERIOD_TO = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:week|weeks|days|fortnight|months?|year|quarter|hours)\s+"
                        r"(?:to|through)\s+$", re.IGNORECASE)
_FRONTED = re.compile(r"\s*(?:by|until|till|through)\s+(?:the\s+)?", re.IGNORECASE)  # a clause that opens with it
# between a future verb and the date: the date belongs to an earlier event the sentence counts from
_EARLIER_EVENT = re.compile(r"\b(?:after|since|following)\b", re.IGNORECASE)
NEAR = 12  # a cue ending this close before the expression governs it directly ("ended Jan. 31")


def direction(text: str, start: int, end: int) -> int | None:
    """PAST, PRESENT, FUTURE, TARGET (after "until" ...) or NONE (no cue) for the expression at text[start:end]."""
    return cue(text, start, end)[0]


def cue(text: str, start: int, end: int, reach: int = 150) -> tuple[int | None, bool]:
    """The direction and whether its cue word is right before the expression (not a distant "said")."""
    target = _cues()[3]
    left = text[max(0, start - reach):start]
    cut = list(_CLAUSE_END.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    if target.search(left[-12:]):  # "will stay closed until Tuesday" looks ahead; "extended to Nov. 20" need not
        period = _PERIOD_TO.search(left)
        if period:  # "cases in the seven days to Sunday": a period reported, unless its verb looks ahead
            verb = _last_cue(left[:period.start()])
            return (FUTURE if verb is not None and _kind(verb) == FUTURE else PAST), True
        if _future_in(left) or _put_off().search(left):
            return FUTURE, True
        if _FRONTED.fullmatch(left):  # "By Sunday evening, the fire had been contained": the main verb's
            verbs = (m for m in _cues()[0].finditer(_clause_after(text, end, reach)) if m[0].lower() != "last")
            first = next(verbs, None)  # ("the last troops will have left": "last" is no verb here)
            if first is not None and not _REPORTING.match(first[0]):
                return _kind(first), False
        return TARGET, True
    last = _last_cue(left)
    near = last is not None and len(left) - last.end() <= NEAR
    if _ATTRIBUTIVE.match(text, end) or (_DEFINITE.search(left, max(0, len(left) - 8))
                                         and _NOUN_AFTER.match(text, end)):
        return (_kind(last), True) if near else (PAST, False)
    if near:
        return _kind(last), True
    right = _clause_after(text, end, reach)
    first = _first_cue(right)
    # A comma after the date closes its clause when a verb before it governs it: in "who tested
    # positive on June 24, would appeal" the "would" belongs to the main clause.
    closed = right.lstrip().startswith(",") or (first is not None and _COORDINATED.search(right, 0, first.start()))
    if last is not None and (first is None or closed or first.start() > NEAR or _REPORTING.match(first[0])):
        if _kind(last) == FUTURE and _EARLIER_EVENT.search(left, last.end()):
            return PRESENT, False  # "go to the polls on June 17, six weeks after an election on May 6"
        return _kind(last), False
    if first is None:
        return NONE, False
    # "In January, the firm brought in ...": the verb after a fronted date is its clause's own; a
    # reporting verb ("Nov. 16, the company said") dates the saying, not the date
    return _kind(first), first.start() <= NEAR or not _REPORTING.match(first[0])


def leans_past(text: str, start: int, end: int, reach: int = 150) -> bool:
    """Whether the clause of text[start:end] is told in the past: its direction, or after "by" or
    "until" the last verb before it ("supporters had gathered by late morning")."""
    way = cue(text, start, end, reach)[0]
    if way != TARGET:
        return way == PAST
    left = text[max(0, start - reach):start]
    cut = list(_CLAUSE_END.finditer(left))
    verb = _last_cue(left[cut[-1].end():] if cut else left)
    return verb is not None and _kind(verb) == PAST


def _clause_after(text: str, end: int, reach: int) -> str:
    right = text[end:end + reach]
    stop = _CLAUSE_END.search(right)
    return right[:stop.start()] if stop else right


def _kind(match: re.Match) -> int:
    return {"future": FUTURE, "past": PAST}.get(match.lastgroup, PRESENT)
