"""The act an event tells of its actors: two reports of one actor's act on one day are one happening.

The act is the verb after the actors' names, folded so that a plan ("X and Y are scheduled to
meet") and the report of it ("Y and X met", "held talks") agree; an event told without its actor
("a wildfire that broke out Monday") takes the first event verb of its clause.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from service.pipeline.merge.claim_words import WORD, actor_names, claims_lexicon, fold
from service.pipeline.model import Statement
from service.pipeline.statements.lexicon import event_forms

SAME_ACT = 25.0  # one actor, one day, one event verb: nearly always one happening
_AUXILIARIES = frozenset({"has", "have", "had"})
_PHASE = frozenset({"began", "started", "resumed", "continued", "stopped"})  # "began erupting": the act is the gerund
_COPULAR = frozenset({"found", "declared", "ruled", "judged"})  # the act is the complement that follows


def same_act(a: Statement, b: Statement) -> float:
    """Two events told with the same verb ("raised ... rates") by the same actor on the same day."""
    verbs = {_event_verb(a), _event_verb(b)}
    return SAME_ACT if a.kind == b.kind == "event" and len(verbs) == 1 and None not in verbs else 0.0


def _event_verb(statement: Statement) -> str | None:
    return _act_of(statement.text, actor_names(statement))


@lru_cache(maxsize=65536)
def _act_of(text: str, actors: tuple[str, ...]) -> str | None:
    """The act an event tells of its actors, folded, so that a plan ("X and Y are to meet", told
    "X and Y meet ... (scheduled)") and the report of it ("Y and X met", "held talks") agree."""
    names = tuple(sorted(set(actors)))
    if not names:  # "A wildfire that broke out Monday": the first event verb of the clause
        words = WORD.findall(text.lower())
        for word, after in zip(words, [*words[1:], ""]):
            if word in _PHASE and after.endswith("ing"):
                return fold(after)  # "began erupting" ~ "erupted"
            if word in event_forms():
                return fold(word)
        return None
    opening = _names_opening(names).match(text)
    if opening is None:
        return None
    words = (w.strip(",.;:") for w in text[opening.end() :].lower().split())  # "resigned, sending ..." ~ "resigned"
    rest = [w for w in words if w and w not in _AUXILIARIES]  # "has reported" ~ "reported"
    rest = _unplanned(rest)
    if len(rest) > 1 and rest[0] in _COPULAR:
        rest = rest[1:]  # "found guilty" ~ "convicted" (folded to "guilty")
    if not rest:
        return None
    verb = fold(rest[0])
    noun = next((w for w in rest[1:3] if w not in ("a", "an", "the")), "")
    return _acts()[1].get(verb, {}).get(fold(noun.strip(",.;")), verb)  # "held talks" ~ "met"


@lru_cache(maxsize=4096)
def _names_opening(names: tuple[str, ...]) -> re.Pattern[str]:
    """The actors named at the start of a clause, in any order and as the text words them: the
    story's fullest name may be "Ana M. Ruiz Jr." where the text says "Ana Ruiz" ("Y, X and Z met")."""
    words = {w for name in names for w in re.findall(r"[\w’'.-]+", name) if w[0].isupper()}
    words = sorted(words | set(names), key=len, reverse=True)  # "Union leaders" before "Union"
    one = rf"(?:[A-Z][\w’'.-]*\s+){{0,3}}(?:{'|'.join(map(re.escape, words))})"
    return re.compile(rf"{one}(?:(?:\s*,\s*|,?\s+and\s+){one})*(?![\w’'-])")


def _unplanned(rest: list[str]) -> list[str]:
    """The act of a plan without its marker: "are scheduled to meet", "is to meet", "will meet" ~ "met"."""
    markers = _acts()[0]
    if len(rest) > 2 and rest[0] in ("is", "are") and rest[1] in markers and rest[2] == "to":
        return rest[3:]
    if len(rest) > 1 and rest[0] in ("is", "are") and rest[1] == "to":
        return rest[2:]
    return rest[1:] if rest and rest[0] == "will" else rest


@cache
def _acts() -> tuple[frozenset[str], dict[str, dict[str, str]]]:
    """Plan markers ("scheduled" in "are scheduled to meet") and light verbs with their nouns ("held talks")."""
    data = claims_lexicon()["acts"]
    return frozenset(data["plan_markers"]), data["light"]
