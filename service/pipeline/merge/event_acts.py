"""The act an event tells of its actors: two reports of one actor's act on one day are one happening.

The act is the verb after the actors' names, folded so that a plan ("X and Y are scheduled to
meet") and the report of it ("Y and X met", "held talks") agree; an event told without its actor
("a wildfire that broke out Monday") takes the first event verb of its clause.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import dropwhile

from service.pipeline.merge.claim_words import HELD, TOKEN, UNSET, WORD, claims_lexicon, content_words, fold, name_words, traits
from service.pipeline.model import Statement
from service.pipeline.statements.lexicon import event_forms

SAME_ACT = 25.0  # one actor, one day, one event verb: nearly always one happening
_AUXILIARIES = frozenset({"has", "have", "had"})
_PHASE = frozenset({"began", "started", "resumed", "continued", "stopped"})  # "began erupting": the act is the gerund
_COPULAR = frozenset({"found", "declared", "ruled", "judged"})  # the act is the complement that follows


def same_act(a: Statement, b: Statement) -> float:
    """Two events told with the same verb ("raised ... rates") by the same actor on the same day."""
    acts = _acts_of(a, b)
    return SAME_ACT if acts is not None and acts[0][0] == acts[1][0] and not _other_objects(a, *acts) else 0.0


def other_objects(a: Statement, b: Statement) -> bool:
    """A body's two acts told with one verb, each naming what it was done to, and naming other things:
    "approved the harbour plan" and "approved the school budget" are two acts of one council on one
    day. A person does one such act a day ("opened the ferry terminal" ~ "opened the Vigo crossing")."""
    acts = _acts_of(a, b)
    return acts is not None and acts[0][0] == acts[1][0] and _other_objects(a, *acts)


def _acts_of(a: Statement, b: Statement) -> tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]] | None:
    if a.kind != "event" or b.kind != "event":
        return None
    x, y = _held_act(a), _held_act(b)
    return None if x is None or y is None else (x, y)


def _held_act(statement: Statement) -> tuple[str, frozenset[str]] | None:
    """The act an event tells of its actors and its object's words (``_act_of``), once per statement."""
    held = HELD.get(id(statement)) or traits(statement)
    found = held.act
    if found is UNSET:
        found = held.act = _act_of(statement.text, held.names)
    return found


def _other_objects(a: Statement, x: tuple[str, frozenset[str]], y: tuple[str, frozenset[str]]) -> bool:
    return bool(x[1]) and bool(y[1]) and not x[1] & y[1] and not any(actor.kind == "person" for actor in a.actors)


@lru_cache(maxsize=65536)
def _act_of(text: str, actors: tuple[str, ...]) -> tuple[str, frozenset[str]] | None:
    """The act an event tells of its actors, folded, so that a plan ("X and Y are to meet", told
    "X and Y meet ... (scheduled)") and the report of it ("Y and X met", "held talks") agree; and
    the content words of its direct object ("the harbour plan"), if it names one."""
    names = tuple(sorted(set(actors)))
    lower = text.lower()
    if not names:  # "A wildfire that broke out Monday": the first event verb of the clause
        words = WORD.findall(lower)
        for word, after in zip(words, [*words[1:], ""]):
            if word in _PHASE and after.endswith("ing"):
                return fold(after), frozenset()  # "began erupting" ~ "erupted"
            if word in event_forms():
                return fold(word), _object(lower, word, 0, False, names)
        return None
    opening = _names_opening(names).match(text)
    if opening is None:
        return None
    words = (w.strip(",.;:") for w in lower[opening.end() :].split())  # "resigned, sending ..." ~ "resigned"
    rest = [w for w in words if w and w not in _AUXILIARIES]  # "has reported" ~ "reported"
    rest = _unplanned(rest)
    if len(rest) > 1 and rest[0] in _COPULAR:
        rest = rest[1:]  # "found guilty" ~ "convicted" (folded to "guilty")
    if not rest:
        return None
    verb = fold(rest[0])
    act = _light_act(verb, rest[1 : 1 + LIGHT_NOUN])  # "held talks" ~ "met", "issued the rationing order" ~ "ordered"
    return act or verb, _object(lower, rest[0], opening.end(), act is not None, names)


LIGHT_NOUN = 4  # a light verb's noun comes within this many words: "issued an environmental protection order"


def _light_act(verb: str, following: list[str]) -> str | None:
    """The act a light verb's noun names, the noun folded as its verb is ("order" ~ "ordered"), if
    one comes before the noun phrase ends."""
    nouns = _acts()[1].get(verb)
    if not nouns:
        return None
    for word in following:
        if word in _OBJECT_ENDS:
            return None
        if (act := fold(word)) in nouns:
            return act
    return None


_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those"})
_OBJECT_ENDS = frozenset({",", ";", ":", ".", "(", ")", "in", "at", "on", "for", "from", "to", "with", "after", "before", "by",
                          "over", "during", "into", "of", "as", "and", "but", "while", "when", "amid", "despite", "until", "since"})
_OBJECT_WORDS = 4


def _object(lower: str, verb: str, start: int, light: bool, names: tuple[str, ...]) -> frozenset[str]:
    """The content words of the noun phrase right after the act verb (past a light verb's noun:
    "held talks"), when a determiner opens it, up to a preposition or the clause's end: "approved [the
    harbour plan] in March". A particle, a measure or a bare noun ("broke up about 90 seconds after",
    "fell 4 percent", "sacked manager X") names no object to tell two acts apart."""
    at = lower.find(verb, start)
    if at < 0:
        return frozenset()
    tokens = TOKEN.findall(lower[at + len(verb) :])
    if light:  # the light verb's noun ("held talks", "held a meeting") is the act, not its object
        tokens = list(dropwhile(_DETERMINERS.__contains__, tokens))[1:]
    if not tokens or tokens[0] not in _DETERMINERS:
        return frozenset()
    found: list[str] = []
    for token in tokens[1:]:
        if token in _OBJECT_ENDS or len(found) == _OBJECT_WORDS:
            break
        found.append(token)
    return content_words(" ".join(found), name_words(names))


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


def spoken(statement: Statement) -> bool:
    """An event whose act is one of saying ("X asked the firm to disclose its costs"): a claim told as an act."""
    act = _held_act(statement) if statement.kind == "event" else None
    return act is not None and act[0] in _speech()


@cache
def _speech() -> frozenset[str]:
    return frozenset(map(fold, claims_lexicon()["acts"]["speech"]))


@cache
def _acts() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Plan markers ("scheduled" in "are scheduled to meet") and light verbs with the nouns that name
    their act ("held talks"), verbs and nouns folded."""
    data = claims_lexicon()["acts"]
    light = {fold(verb): frozenset(map(fold, nouns)) for verb, nouns in data["light"].items()}
    return frozenset(data["plan_markers"]), light
