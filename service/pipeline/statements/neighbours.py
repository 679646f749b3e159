"""A statement's day from the times told around it, when no expression is tied to its verb: a
clause counted from the main clause's day ("a day after X told parliament"), a day offset read from
the previous statement's content ("the previous day"), the time an event set for the paragraph, a
sentence that opens "Hours later," and the speaker's own act told just before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from service.pipeline.model import Expression, Sentence
from service.pipeline.statements.dating import Dating, inherited
from service.pipeline.temporal.when import make_when

_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_RECENT_DAYS = 7  # an act of the news days, not background

_SINCE_CLAUSE = re.compile(r"(?:after|before)$", re.I)
_SPAN_THEN = re.compile(r"\s+(after|before)\b", re.I)  # "a day" then "after": the normaliser left the offset a span
_DAYS_SPAN = re.compile(r"P(\d+)D")
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[a-z][\w’'-]*\s+){0,4}(?:[a-z][\w’'-]*,\s+)?")  # "basin authority president X", "the city engineer, X"


def clause_after(text: str, offset: int, subject: tuple[int, int], expressions: Sequence[Expression]) -> Dating | None:
    """"The mayor's announcement came a day after X told parliament ...", "voted on Tuesday, a day
    after engineers warned ...": the saying opens a clause that "a day after" ties to the main
    clause's time, so it was said that long before it (or after, for "before")."""
    for at, expr in enumerate(expressions):
        offset_days = _clause_offset(text, offset, expr, expressions[:at])
        if offset_days is None or expr.end > subject[0]:
            continue
        lead = text[expr.end - offset : subject[0] - offset]
        lead = lead[_SPAN_THEN.match(lead).end() :] if expr.type == "DURATION" else lead
        if not _SUBJECT_LEAD.fullmatch(lead):
            continue
        anchor, shift = offset_days
        return Dating(make_when((anchor + timedelta(days=shift)).isoformat()), f"'{expr.text}' (rule {expr.rule}) opens the saying's clause: counted from the main clause's day the other way", True)
    return None


def _clause_offset(text: str, offset: int, expr: Expression, before: Sequence[Expression]) -> tuple[date, int] | None:
    """The main clause's day and how many days the clause's saying comes after it (negative: before)."""
    if expr.type == "DURATION":  # "Tuesday morning, a day after": the span and the time before it
        span, then = _DAYS_SPAN.fullmatch(expr.value), _SPAN_THEN.match(text, expr.end - offset)
        main = next((e for e in reversed(before) if e.type in ("DATE", "TIME") and e.date and e.date.granularity in ("day", "time")), None)
        if span is None or then is None or main is None or not _DAY_VALUE.match(main.value):
            return None
        days = int(span.group(1))
        return date.fromisoformat(main.value[:10]), -days if then.group(1).lower() == "after" else days
    if expr.anchor.kind != "discourse" or not _SINCE_CLAUSE.search(expr.text):
        return None
    if not (_DAY_VALUE.fullmatch(expr.value) and expr.anchor.value and _DAY_VALUE.match(expr.anchor.value)):
        return None
    anchor = date.fromisoformat(expr.anchor.value[:10])
    return anchor, (anchor - date.fromisoformat(expr.value)).days


def retold(dating: Dating, previous: Dating, span: tuple[int, int], expressions: Sequence[Expression]) -> Dating | None:
    """"Y said on Thursday that the order would be lifted on Friday. X had said the previous day that
    ...": a day offset tied to a saying and read from a time inside the previous statement's content
    (``span``) counts from that statement's own day, the telling it follows in the story."""
    expr, told = dating.expression, previous.when
    if expr is None or expr.anchor.kind != "discourse" or expr.date is None or not previous.tied or told is None or told.granularity != "day":
        return None
    anchor = next((e for e in reversed(expressions) if e.end <= expr.start and e.text == expr.anchor.text), None)
    if anchor is None or not span[0] <= anchor.start < span[1] or anchor is previous.expression:
        return None
    if not (_DAY_VALUE.fullmatch(expr.value) and anchor.value and _DAY_VALUE.fullmatch(anchor.value) and told.earliest):
        return None
    day = told.earliest + (date.fromisoformat(expr.value) - date.fromisoformat(anchor.value))
    return Dating(make_when(day.isoformat()), f"{dating.basis}; counted from the previous statement's day", True, dating.opening, expr)


# What may stand before a time that opens its sentence: "On Monday", "Late on Tuesday", "Last Friday".
_OPENING_TIME = re.compile(r"\s*(?:(?:on|last|early|late|earlier|later|and|but|then)\s+)*", re.I)
# Words by which a statement says it followed the event before it.
_FOLLOWING = re.compile(
    r"\b(?:afterwards|after\s+(?:the|that)\s+(?:meeting|vote|hearing|session|talks|ruling|verdict|match|game|"
    r"announcement|decision|debate|briefing|launch)|later\s+that\s+(?:day|evening|night)|that\s+(?:evening|night)"
    # "About 200 people gathered on Sunday for a vigil. His sister told the crowd: ...": said to the gathering just told
    r"|(?:told|addressed)\s+(?:the\s+)?(?:crowd|mourners|marchers|protesters|demonstrators|rally|gathering|vigil|congregation))\b",
    re.I,
)


def paragraph_time(first: Sentence, events: Sequence[tuple[Sentence, Dating, int]]) -> Dating | None:
    """The day an event before it in its paragraph sets for a statement with no time of its own:
    news opens a paragraph with its time ("On Monday the union walked out. Its leader said ...") or
    says the statement followed the event ("The board met on Tuesday. Its chair said afterwards ...").
    ``events``: (sentence, dating, start of the tied expression); the nearest one before decides."""
    before = [e for e in events if e[0].paragraph == first.paragraph and e[0].start < first.start]
    if not before:
        return None
    sentence, dating, at = max(before, key=lambda e: (e[0].start, e[2]))
    if not dating.tied or dating.when is None:
        return None
    if _OPENING_TIME.fullmatch(sentence.text[: max(0, at - sentence.start)]) or _FOLLOWING.search(first.text):
        return inherited(dating, "time of its paragraph")
    return None


# A sentence that opens by saying it followed what was just told, within the day: "Hours later, ...",
# "Shortly afterwards, ...", "Later that day, ..." (a time of its own, "Two days later", is an expression).
_SOON_AFTER = re.compile(
    r"\s*(?:(?:just|only|barely)\s+)?(?:(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes|moments)\s+later|within\s+(?:hours|minutes)"
    r"|shortly\s+(?:afterwards?|thereafter|after\s+that)|soon\s+(?:afterwards?|after\s+that)|later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
    r"|afterwards|after\s+that)\s*,?\s", re.I,
)


def soon_after(first: Sentence, told: Sequence[tuple[int, Dating]]) -> Dating | None:
    """The day of the nearest dated statement or event before a sentence that opens "Hours later,"
    ("The bridge collapsed on Friday. Hours later, the minister said ..."), across paragraphs too.
    ``told``: (start, dating) of what came before, in any order."""
    if not _SOON_AFTER.match(first.text):
        return None
    before = [(start, dating) for start, dating in told if start < first.start and dating.tied and dating.when is not None]
    if not before:
        return None
    return inherited(max(before, key=lambda item: item[0])[1], "soon after what was told before")


def own_act(first: Sentence, actors, events, starts: list[int], reference: date | None) -> Dating | None:
    """"X broke his silence last night. In a statement, he said ...", "The minister visited Ashby on
    Monday. She said ...": the speaker's own act of the days before, told in the sentence just before
    in the paragraph, dates what he says with no time of his own (from ``first``, his statement's
    first sentence). ``events``: (sentence, event) in reading order; ``starts``: their sentences' starts."""
    at = bisect_left(starts, first.start) - 1  # the last event of an earlier sentence
    if at < 0 or reference is None or not actors:
        return None
    sentence = events[at][0]
    acts = [e for s, e in events[max(0, at - 5) : at + 1] if s is sentence and set(e.actors) & set(actors)]
    if not acts or sentence.paragraph != first.paragraph:
        return None
    dating = acts[-1].dating
    if not dating.tied or dating.when is None or dating.when.granularity != "day":
        return None
    if first.start - sentence.end > 3 or not 0 <= (reference - dating.when.earliest).days <= _RECENT_DAYS:
        return None  # not the sentence just before, or background of long ago
    return inherited(dating, "time of the speaker's act just before")
