"""Event drafts and their wording, and the events no subject's verb heads.

A happening may open a sentence dated in its own noun phrase ("A previous theft at the museum, in
March 2019, ..."), and a speaker's own act may be told in the first person inside his quote ("as I
discussed last week in Kyiv"). An event reads as its actor, verb and the rest of the verb's clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from service.pipeline.model import Actor, Expression, Sentence
from service.pipeline.statements.dating import Dating, from_expression, tied_expression
from service.pipeline.statements.lexicon import auxiliaries, event_forms, first_person_events, light_events, load, words
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.mentions import Token, find_mentions, tokens
from service.pipeline.statements.quotes import Quote, inside, within

_FIRST_PERSON = words("first_person")
_PREDICATE = auxiliaries() | event_forms() | words("not_happened")  # a word that starts the next predicate
CLAUSE_START = re.compile(r".*(?:[,;:](?!\d)|\(|\s[—–-])\s*", re.DOTALL)  # the clause opens after the last break
_GAP_END = re.compile(r"(?:\b(?:in|on|at|of|during|from)|,)\s*$")
_AHEAD = re.compile(r"[\s,]*(?:\w+\s+)?(?:will|would|could|may|might|is\s+due|is\s+expected)\b")  # not yet happened
_WORD = re.compile(r"\S+")
_ACTING = frozenset(load("events")["actors"]["acting_groups"])
_ARMED = frozenset(load("events")["actors"]["armed_groups"])
_VESSELS = frozenset(load("events")["actors"]["vessel_prefixes"])
_UNDERGONE = frozenset(load("events")["verbs"]["undergone"])
IN_WHICH = re.compile(r".*\b(?:in|on|at|during|under|from)\s+which\s+", re.DOTALL)  # a relative clause opens
_RELATIVE_OPEN = re.compile(r"(?:which|that)\s+")
_TRAILING_AND = re.compile(r"\s+(?:and|but|or)$")
CLAUSE_END = re.compile(r"[,;:!?](?:\s|$)|(?<![A-Z])\.(?:\s|$)|[“”\"]")  # "U.S. chipmaker" goes on

_LABEL_END = re.compile(r"\s*(?::|[—–]|\s-)\s")
_SUBORDINATE_LEAD = re.compile(r"\b(?:after|when|as|because|since|before|while)\b")
_UNTIL_GAP = re.compile(r"(?:\s+(?!until\b|till\b)[\w’'-]+){0,6}\s+(?:until|till)\s+(?:the\s+)?", re.I)  # "adjourned the hearing until"

@dataclass(frozen=True, slots=True)
class EventDraft:
    actors: tuple[Actor, ...]
    verb: Token
    text: str  # the happening in one line
    dating: Dating
    expression: int  # where the tied expression starts


@cache
def _happening_pattern() -> re.Pattern[str]:
    nouns = "|".join(load("events")["nouns"]["happenings"])  # the head noun: a preposition or comma follows it
    owner = r"(?P<owner>(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w-]*)(?:'s|’s|’|')"  # "Berg's withdrawal ... on Wednesday"
    return re.compile(rf"\s*(?:A|An|The|{owner})\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{nouns})(?P<gap>(?:\s+(?:in|on|at|of|during|from|by|near|to|for|against|over)\b|,)[^.;:“”\"]*?|\s*)$")


def happenings(
    text: str, offset: int, toks: list[Token], expressions: Sequence[Expression], quotes,
    owner: Callable[[int], tuple[Actor, ...]] | None = None,
) -> list[EventDraft]:
    """"A previous theft at the museum, in early March 2019, was never solved": the sentence opens with a
    happening dated in its own noun phrase, whatever its verb; the happening has no actor, but for the
    name that owns it ("X's withdrawal from the tournament on Wednesday"), which ``owner`` resolves from
    where it starts."""
    for expr in expressions:
        if expr.type not in ("DATE", "TIME") or expr.date is None or inside(quotes, expr.start):
            continue
        found = _happening_pattern().match(text, 0, expr.start - offset)
        if found is None or any(t.text.lower() in _PREDICATE - {"to"} for t in toks if t.end <= expr.start and t.start >= offset + found.end("noun")):
            continue  # the time belongs to a later verb ("The strike has cost $2m since May")
        if found.group("gap").strip() and not _GAP_END.search(found.group("gap")):
            continue
        if _AHEAD.match(text, expr.end - offset):
            continue  # "The election in May will decide ...": not yet happened
        noun = Token(found.group("noun"), offset + found.start("noun"), offset + found.end("noun"))
        label = text[: expr.end - offset].strip()
        actors = owner(offset + found.start("owner")) if found.group("owner") and owner is not None else ()
        return [EventDraft(actors, noun, label, from_expression(expr, noun.text, day=True), expr.start)]
    return []


def find_own_acts(
    sentence: Sentence, quotes: tuple[Quote, ...], expressions: Sequence[Expression], speaker: tuple[Actor, ...],
) -> list[EventDraft]:
    """"As I discussed last week in Kyiv": the quoted speaker's own dated act."""
    text, offset = sentence.text, sentence.start
    quotes = within(quotes, sentence.start, sentence.end)
    expressions = [e for e in expressions if sentence.start <= e.start < sentence.end]
    return _first_person(text, offset, tokens(text, offset), quotes, expressions, speaker)


def _first_person(text, offset, toks: list[Token], quotes, expressions, speaker) -> list[EventDraft]:
    out = []
    for k in range(1, len(toks)):
        tok = toks[k]
        quote = inside(quotes, tok.start)
        if quote is None or tok.text.lower() not in first_person_events() or toks[k - 1].text.lower() not in _FIRST_PERSON:
            continue
        inner = [e for e in expressions if quote.start <= e.start < quote.end]
        expr = tied_expression(text, offset, (tok.start, tok.end), (toks[k - 1].start, toks[k - 1].end), inner, (), reach=4)
        if expr:
            out.append(EventDraft(speaker, tok, event_line(speaker[0].name, text, offset, tok, expr.end), from_expression(expr, tok.text), expr.start))
    return out


def happening_line(text: str, offset: int, verb: Token, through: int) -> str:
    """A subjectless event's clause ("A wildfire that broke out Monday in the hills"): from the clause's
    start, through the tied expression, up to the next predicate ("had burned") or clause break."""
    opening = CLAUSE_START.match(text, 0, verb.start - offset)
    start = opening.end() if opening else 0
    relative = IN_WHICH.match(text, start, verb.start - offset)  # "a crash in which a taxi killed a cyclist"
    start = relative.end() if relative else start
    end = max(through, verb.end) - offset
    stop = len(text) - end
    for word in _WORD.finditer(text[end:]):
        bare = word.group().rstrip(",;:.!?")
        if bare.lower() in _PREDICATE or bare[:1] in "“”\"":
            stop = word.start()
            break
        if bare != word.group():
            stop = word.start() + len(bare)
            break
    clause = text[start : end + stop].strip()
    if (relative := _RELATIVE_OPEN.match(clause)) and start:  # "The trial of X, which opened on Wednesday": the trial opened
        before = text[:start].rstrip().rstrip(",").rstrip()
        prior = CLAUSE_START.match(before)
        clause = f"{before[prior.end() if prior else 0 :]} {clause[relative.end() :]}"
    return _TRAILING_AND.sub("", clause)


def event_line(name: str, text: str, offset: int, verb: Token, through: int) -> str:
    """Actor, verb and the rest of the verb's clause, through the tied expression's end."""
    start = verb.start - offset
    stop = max(through - offset, start)
    boundary = CLAUSE_END.search(text, stop)
    end = boundary.start() if boundary else len(text)
    if through <= verb.start:
        boundary = CLAUSE_END.search(text, verb.end - offset)
        end = boundary.start() if boundary else len(text)
    return f"{name} {text[start:end].strip()}".strip()


def crowd(actor: Actor) -> bool:
    """A lay group ("residents", "opposition supporters", "health workers"): people acting as a crowd,
    not a body in office ("officials", "Labour MPs") nor an armed force ("rebel forces")."""
    head = actor.name.split()[-1].lower()
    return actor.kind == "group" and head not in _ACTING and head not in _ARMED


def vessel(text: str, offset: int, subject) -> bool:
    """A ship named with its prefix ("the MV Dona Lourdes capsized"): a thing that befell, no actor."""
    return any(w in _VESSELS for w in text[max(0, subject.start - offset - 6) : subject.end - offset].split()[:-1])


def vessel_name(text: str, offset: int, subject) -> str:
    """The vessel's name as written, from its prefix ("MV Princess Star")."""
    words = text[max(0, subject.start - offset - 6) : subject.end - offset].split()
    first = max(i for i, w in enumerate(words) if w in _VESSELS)
    return " ".join(words[first:])


def nearest(drafts: list[EventDraft]) -> list[EventDraft]:
    """One event per expression: the verb nearest to it ("held ... since launching ... in August"), one
    before it first ("made a landing on Sunday after an engine caught fire": the landing is the news)."""
    best: dict[int, EventDraft] = {}
    for draft in drafts:
        kept = best.get(draft.expression)
        if kept is None or _rank(draft) < _rank(kept):
            best[draft.expression] = draft
    return sorted(best.values(), key=lambda d: d.verb.start)


def _rank(draft: EventDraft) -> tuple[bool, int]:
    return draft.verb.start > draft.expression, abs(draft.expression - draft.verb.start)


def undergone(toks: list[Token], k: int) -> bool:
    """A light verb whose object its subject undergoes ("went on trial", "went missing")."""
    light, _ = light_events()
    return toks[k].text.lower() in light and any(t.text.lower() in _UNDERGONE for t in toks[k + 1 : k + 3])


def place_round(words: list[Token]) -> bool:
    """"went from shop to shop", "went door to door": a round of places, an act."""
    said = [t.text.lower() for t in words]
    said = said[1:] if said[:1] == ["from"] else said
    return len(said) >= 3 and said[1] == "to" and said[0] == said[2] and said[0].isalpha()


def day_label(mention, expressions: Sequence[Expression], text: str, offset: int) -> bool:
    """A capitalised day that labels its paragraph, read as a name ("FRIDAY: The trial was adjourned"):
    no actor (not "Easter Sunday services were cancelled", a time that qualifies the noun)."""
    return _LABEL_END.match(text, mention.end - offset) is not None and any(e.start <= mention.start < e.end for e in expressions)


def owner_of(text: str, offset: int, cast: Cast):
    """Who owns a happening named at ``start`` ("Berg's withdrawal"): a person or body, resolved."""
    def owner(start: int) -> tuple[Actor, ...]:
        found = next((m for m in find_mentions(text, offset) if m.start == start and m.possessive and m.kind in ("person", "organisation")), None)
        actor = cast.resolve(found) if found is not None and cast.is_name(found) else None
        return (actor,) if actor else ()
    return owner


def before_subordinate_saying(text: str, offset: int, verb: Token, speech_starts: Sequence[int]) -> bool:
    """"Shares plunged 18 percent on Tuesday after the lender disclosed losses": every saying of the
    sentence is in a clause the movement's own clause governs, so the movement is the writer's report."""
    later = [s for s in speech_starts if s > verb.end]
    return bool(later) and len(later) == len(speech_starts) and all(_SUBORDINATE_LEAD.search(text, verb.end - offset, s - offset) for s in later)


def until_time(text: str, offset: int, verb: Token, expressions: Sequence[Expression]) -> Expression | None:
    """The time an act lasts until, in the verb's own clause ("adjourned the hearing until Thursday")."""
    for expr in expressions:
        if expr.start > verb.end and expr.type in ("DATE", "TIME") and _UNTIL_GAP.fullmatch(text, verb.end - offset, expr.start - offset):
            return expr
    return None
