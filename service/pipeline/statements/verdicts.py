"""Verdicts and sentences by an unnamed court: "a jury on Thursday found X guilty of ...", "a judge
sentenced X to six years". The news is what happened to X, so X is the event's actor (as in the
passive "X was convicted of ..."), dated by the expression tied to the verdict verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from service.pipeline.model import Expression, Sentence
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.dating import from_expression, tied_expression
from service.pipeline.statements.happenings import CLAUSE_START, EventDraft
from service.pipeline.statements.lexicon import load
from service.pipeline.statements.mentions import Token, find_mentions
from service.pipeline.statements.quotes import Quote, inside, within

_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)|[“”\"]")


@cache
def _pattern() -> re.Pattern[str]:
    data = load("events")["verdicts"]
    verbs, outcomes = "|".join(data["verbs"]), "|".join(data["outcomes"])
    sentences, links = "|".join(data["sentence_verbs"]), "|".join(data["sentence_links"])
    return re.compile(
        rf"\b(?P<verb>{verbs})\s+(?P<who>[^;.“”\"]{{2,80}}?)\s+(?P<outcome>(?:not\s+)?(?:{outcomes}))\b"
        rf"|\b(?P<verb2>{sentences})\s+(?P<who2>[^;.“”\"]{{2,60}}?)\s+(?P<outcome2>{links})\b"
    )


def _named_subject(text: str, offset: int, mentions, verb_start: int) -> bool:
    """A named person or organisation opens the verb's clause ("Judge Ann Roe jailed X")."""
    opening = CLAUSE_START.match(text, 0, verb_start - offset)
    start = offset + (opening.end() if opening else 0)
    return any(start <= m.start < verb_start and m.kind in ("person", "organisation") for m in mentions)


def find_verdicts(sentence: Sentence, quotes: tuple[Quote, ...], expressions: Sequence[Expression], cast: Cast) -> list[EventDraft]:
    """Verdict events of one sentence, outside quotes, each with a tied date."""
    if not expressions:
        return []  # a verdict event needs a tied date
    text, offset = sentence.text, sentence.start
    quotes = within(quotes, sentence.start, sentence.end)
    out = []
    mentions = find_mentions(text, offset)
    for match in _pattern().finditer(text):
        v, who, outcome = ("verb", "who", "outcome") if match.group("verb") else ("verb2", "who2", "outcome2")
        verb = Token(match.group(v), offset + match.start(v), offset + match.end(v))
        if inside(quotes, verb.start) or _named_subject(text, offset, mentions, verb.start):
            continue  # "The Commission fined X": a named agent's act, told as its event
        people = [m for m in find_mentions(match.group(who), offset + match.start(who)) if m.kind == "person" and cast.is_name(m)]
        actor = cast.resolve(people[-1]) if people else None
        if actor is None:
            continue
        opening = CLAUSE_START.match(text, 0, match.start())
        start = offset + (opening.end() if opening else 0)
        inner = [e for e in expressions if start <= e.start < sentence.end]
        subject_end = min([e.start for e in inner if e.end <= verb.start] or [verb.start])
        expr = tied_expression(text, offset, (verb.start, verb.end), (start, subject_end), inner, quotes, reach=15, free_object=True)
        if expr is None:
            continue
        stop = _CLAUSE_END.search(text, match.end())
        label = f"{actor.name} {match.group(v)} {match.group(outcome)}{text[match.end() : stop.start() if stop else len(text)]}"
        out.append(EventDraft((actor,), verb, re.sub(r"\s+", " ", label).strip(), from_expression(expr, verb.text), expr.start))
    return out
