"""Planned events: a happening announced for a day ("X and Y are scheduled to meet on Thursday").

News gives a firm schedule as "is/are (scheduled|due|set|slated) to", "is/are to" or "will" before a
verb of a happening; the meeting then belongs on the timeline on that day, where a later report of it
having happened can join it. Hedged plans ("could meet", "hopes to visit", "is expected to") and
times vaguer than a day ("later this month") are no entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from service.pipeline.model import Actor, Expression, Sentence
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.dating import Dating, from_expression, tied_expression
from service.pipeline.statements.happenings import CLAUSE_END, EventDraft
from service.pipeline.statements.lexicon import load
from service.pipeline.statements.mentions import find_mentions, tokens
from service.pipeline.statements.quotes import Quote, inside, outside, within
from service.pipeline.statements.subjects import clause_opening, joint_partners, subject_before
from service.pipeline.statements.tokens import Token

_DAYS = frozenset({"day", "time"})
_OF_HAPPENING = re.compile(r"\b[A-Za-z]+\s+(?:between|of|with|among|involving)\b")  # "talks between", "a meeting of"
_SPACES = re.compile(r"\s+")
_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+")  # "X, Y and Z"
_MET_NAMED = re.compile(r"\s+(?:with\s+)?[A-Z]")
_PLACE = re.compile(r"\s(?:in|at|on|during|for|to|from|after|before|near)\s")
_CLAUSE_SPLIT = re.compile(r"[;:.]\s")
_WORD = re.compile(r"[A-Za-z]+")


@cache
def _plan() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load("events")["planned"]
    markers = "|".join(data["markers"])
    verbs = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in data["verbs"]), key=len, reverse=True))
    pattern = re.compile(rf"\b(?:(?:is|are)\s+(?:(?:{markers})\s+)?to|will)\s+(?:(?:now|also|then|formally|officially)\s+)?(?P<verb>(?:{verbs}))\b")
    return pattern, frozenset(data["conditions"]), frozenset(data["reciprocal"])


def find_plans(
    sentence: Sentence, quotes: tuple[Quote, ...], expressions: Sequence[Expression], cast: Cast, they: tuple[Actor, ...] = (),
) -> list[EventDraft]:
    """Happenings scheduled for a day in one sentence, outside quotes, each dated to that day. Call
    it on sentences in the writer's voice only: a plan someone reports ("X will sign the bill on
    Friday, his office said") is that source's statement. ``they``: the people the sentence before
    opened with jointly ("X and Y agreed ... They are scheduled to meet ...")."""
    text, offset = sentence.text, sentence.start
    pattern, conditions, reciprocal = _plan()
    matches = list(pattern.finditer(text)) if expressions else []  # a plan is dated to a day
    if not matches:
        return []
    quotes = within(quotes, sentence.start, sentence.end)
    toks = outside(quotes, tokens(text, offset))
    mentions = [m for m in outside(quotes, find_mentions(text, offset)) if cast.is_name(m)]
    inner = [e for e in expressions if sentence.start <= e.start < sentence.end]
    out: list[EventDraft] = []
    for match in matches:
        start = offset + match.start()
        if inside(quotes, start) or _conditional(text, match.start(), conditions):
            continue
        k = next((i for i, t in enumerate(toks) if t.start == start), None)
        if k is None:
            continue
        subject = subject_before(text, offset, toks, k, mentions, reach=12)
        actors, span = _actors(subject, mentions, cast, text, offset, start, they)
        if actors is None:
            continue
        verb = Token(text[match.start() : match.end()], start, offset + match.end())
        expr = tied_expression(text, offset, (offset + match.start("verb"), verb.end), span, inner, quotes, reach=16, free_object=True)
        if expr is None or expr.date is None or expr.date.granularity not in _DAYS or expr.start < verb.start:
            continue
        if CLAUSE_END.search(text, verb.end - offset, expr.start - offset):
            continue  # "The border will reopen, X told Reuters on Wednesday": the telling's time
        line = _label(actors, text, offset, span, offset + match.start("verb"), expr.end)
        if _SPACES.sub(" ", match.group("verb")) in reciprocal:  # "to meet (with) X and Y": all who meet
            actors = _with(actors, mentions, cast, text, offset, verb.end, expr.start)
        dating = from_expression(expr, match.group("verb"), day=True)
        basis = f"{dating.basis}; planned ('{verb.text}')"
        out.append(EventDraft(actors, verb, line, Dating(dating.when, basis, True), expr.start))
    return out


def joint_opener(sentence: Sentence, quotes: tuple[Quote, ...], cast: Cast) -> tuple[Actor, ...]:
    """The people a sentence opens with jointly ("In their meeting, Lopez and Reid agreed ..."), whom a
    "they" in the next sentence names. Resolved in reading order, before the sentence is read."""
    text, offset = sentence.text, sentence.start
    mentions = outside(quotes, find_mentions(text, offset))
    first = next((i for i, m in enumerate(mentions) if clause_opening(text[: m.start - offset].rstrip())), None)
    if first is None:
        return ()
    joint = [mentions[first]]
    for m in mentions[first + 1 :]:
        if not _JOINED.fullmatch(text[joint[-1].end - offset : m.start - offset]):
            break
        joint.append(m)
    if len(joint) < 2 or any(m.kind != "person" or m.possessive or not cast.is_name(m) for m in joint):
        return ()
    actors = tuple(dict.fromkeys(a for a in map(cast.resolve, joint) if a))
    return actors if len(actors) > 1 else ()


def _with(actors: tuple[Actor, ...], mentions, cast: Cast, text: str, offset: int, verb_end: int, until: int) -> tuple[Actor, ...]:
    """The people named right after a verb of meeting, up to its time ("meet with X and Y on Thursday")."""
    if not _MET_NAMED.match(text[verb_end - offset :]):
        return actors
    place = _PLACE.search(text[verb_end - offset : until - offset])
    until = verb_end + place.start() if place else until  # "meet X in Warsaw": Warsaw does not meet
    met = [m for m in mentions if verb_end <= m.start < until and m.kind == "person" and not m.possessive]
    return tuple(dict.fromkeys([*actors, *(a for a in map(cast.resolve, met) if a)]))


def _conditional(text: str, at: int, conditions: frozenset[str]) -> bool:
    """"If the vote passes, the law will take effect on Monday": a condition, no schedule."""
    clause = _CLAUSE_SPLIT.split(text[:at])[-1]
    return any(w.lower() in conditions for w in _WORD.findall(clause))


def _actors(subject, mentions, cast: Cast, text: str, offset: int, start: int, they: tuple[Actor, ...]) -> tuple[tuple[Actor, ...] | None, tuple[int, int]]:
    """Who the plan is of: the named subject and its partners ("X and Y are to meet"); none for a
    happening ("The summit will take place"); None to skip (another clause's name, an unknown pronoun)."""
    if subject is None:
        breaks = [b.end() for b in CLAUSE_END.finditer(text, 0, start - offset)]
        clause = offset + (breaks[-1] if breaks else 0)
        if any(m.kind in ("person", "organisation") and clause <= m.start < start for m in mentions):
            return None, (start, start)  # "Biden's visit will take place ...": not a plain happening
        return (), (clause, clause)
    breaks = [b.end() for b in CLAUSE_END.finditer(text, 0, subject.start - offset)]
    clause = offset + (breaks[-1] if breaks else 0)
    if (noun := _OF_HAPPENING.search(text, clause - offset, subject.start - offset)) is not None:  # "Talks between the union and X"
        named = [m for m in mentions if offset + noun.end() <= m.start < start and m.kind in ("person", "organisation", "orgref")]
        found = [a for m in named for a in (cast.refer(m.name, []) if m.kind == "orgref" else (cast.resolve(m),)) if a]
        return tuple(dict.fromkeys(found)), (clause, clause)
    span = (subject.start, subject.end)
    if subject.kind == "pronoun" and subject.plural:
        return (they or None), span
    if subject.kind == "pronoun":
        recent = cast.recent(1)
        return (tuple(recent), span) if recent else (None, span)
    if subject.kind == "orgref":
        return cast.refer(subject.name, []), span
    if subject.kind not in ("person", "organisation", "group"):
        return None, span
    resolved = cast.resolve(subject)
    if resolved is None:
        return None, span
    partners = [a for a in map(cast.resolve, joint_partners(subject, mentions, text, offset)) if a]
    return tuple(dict.fromkeys([*partners, resolved])), span


def _label(actors: tuple[Actor, ...], text: str, offset: int, span: tuple[int, int], verb: int, through: int) -> str:
    """The plan in one line, to the end of its clause as a happened event is told: the named actors
    with the bare verb, marked scheduled ("X and Y meet on Thursday (scheduled)", so that a later
    "X and Y met on Thursday" reads as the same act), or the happening's own clause ("The summit
    will take place on 3 May")."""
    boundary = CLAUSE_END.search(text, through - offset)
    end = boundary.start() if boundary else len(text)
    if span[0] == span[1]:
        return _SPACES.sub(" ", text[span[0] - offset : end]).strip(" ,")
    line = _SPACES.sub(" ", text[verb - offset : end]).strip(" ,")
    return f"{' and '.join(a.name for a in actors)} {line} (scheduled)"
