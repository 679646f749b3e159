"""The grammar of an event verb: whether a form tells an act ("the grounded jets" does not, "were
grounded" does), whose act it is (the subject, a passive's "by" agent, the firm whose jet acted),
and when a subjectless form only modifies a noun ("computers sold in 2009") or someone else's clause.
"""

from __future__ import annotations

import re

from service.pipeline.model import Actor
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.happenings import CLAUSE_END, CLAUSE_START, IN_WHICH, place_round
from service.pipeline.statements.lexicon import auxiliaries, light_events, transitive_events, words
from service.pipeline.statements.mentions import Token

_TIME_WORDS = words("time_words")
_WEEKDAYS = {w.lower() for w in words("weekdays")}
_PERFECT = frozenset({"has", "have"})
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_GOVERNED = re.compile(r"(?:in|on|at|with|from|by|for|under|into|to)\s+(?:a|an|the|its|their|his|her)\s+[\w\s’'-]*$", re.IGNORECASE)
_BE = frozenset({"was", "were", "been", "is", "are", "being"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "these", "those", "our", "my", "your"})
_NOT_HEAD = frozenset(auxiliaries() | _TIME_WORDS | words("prepositions") | {"has", "was", "is", "does", "always", "perhaps", "thus"})
_PASSIVE_ADVERBS = frozenset({"last", "first", "also", "previously", "briefly", "temporarily"})
_OWNED = re.compile(r"(?:.*(?:[,;:—–]|\s-)\s*|\s*)(?:A|An|a|an)\s+", re.DOTALL)
_UNIT = re.compile(r"\s+[a-z][a-z-]*(?:\s+carrying\s+[\w,]+\s+[a-z]+)?\s+")  # "jet", "jet carrying 182 passengers"
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_SUBORDINATE = re.compile(r".*\b(?:after|when|before|since|until|because|while|although|though|once)\s+(?=[^,;:()]*$)", re.DOTALL)  # the verb's own clause
_DATELINE = re.compile(r"\s[—–-]\s*$")
_OWNED_PLURAL = re.compile(r"(?:['’]s?)?(?:\s+[a-z\d][\w-]*){0,2}\s+[a-z]+[^s\W]s\s+")  # "'s 2012 bonds ", "'s shares "


def bare_act(word: str, forms: frozenset[str]) -> str:
    """"recaptured", "re-elected", "rearrested": an act done again is the act."""
    if word in forms or not word.startswith("re") or len(word) < 7:
        return word
    bare = word[3:] if word[2] == "-" else word[2:]
    return bare if bare in forms else word


def acted(toks: list[Token], k: int) -> bool:
    """A form that doubles as an adjective is an act only with an object after it or in the passive."""
    needs_object, object_starts = transitive_events()
    light, nouns = light_events()
    if k > 0 and toks[k - 1].text.lower() in nouns:
        return True  # "An agreement reached on Tuesday", "a settlement made in June"
    if toks[k].text.lower() in light:
        words = [t for t in toks[k + 1 : k + 8] if t.text not in ("-", "–")][:4]  # "a 75,000-euro reward"
        return any(t.text.lower() in nouns for t in words) or place_round(words)
    if k > 0 and toks[k - 1].text.lower() in _DETERMINERS:
        return False  # "the grounded jets", "the flooded town", "a stolen car": an adjective
    if toks[k].text.lower() not in needs_object:
        return True
    if k > 0 and toks[k - 1].text.lower() in object_starts:
        return False  # "all grounded jets"
    if passive(toks, k) or k > 0 and toks[k - 1].text.lower() in _PERFECT | {"had"}:
        return True  # "were grounded", "has sunk"
    following = toks[k + 1].text if k + 1 < len(toks) else ""
    return following.lower() in object_starts | nouns or following[:1].isdigit() or (following[:1].isupper() and following.lower() not in _WEEKDAYS)


def passive(toks: list[Token], k: int) -> bool:
    """"was fined", "was yesterday banned", "were last breached": a form of "be" before the verb, through time adverbs."""
    j = k - 1
    while j >= 0 and toks[j].text.lower() in _TIME_WORDS | _PASSIVE_ADVERBS:
        j -= 1
    return j >= 0 and toks[j].text.lower() in _BE


def perfect_auxiliary(toks: list[Token], k: int) -> Token | None:
    """The auxiliary of a present perfect ("has signed", "have been suspended"): a lede's news."""
    j = k - 1 - (k > 1 and toks[k - 1].text.lower() == "been")
    return toks[j] if j >= 0 and toks[j].text.lower() in _PERFECT else None


def passive_agent(text: str, offset: int, verb: Token, mentions, cast: Cast) -> tuple[Actor, ...]:
    """The named "by ..." agent of a passive verb, within its clause ("by officers" leaves the news to its subject)."""
    stop = CLAUSE_END.search(text, verb.end - offset)
    for m in mentions:
        if verb.end <= m.start and (stop is None or m.start - offset < stop.start()):
            if _BY.search(text[verb.end - offset : m.start - offset]) and m.kind in ("person", "organisation", "orgref"):
                actor = cast.refer(m.name, []) if m.kind == "orgref" else (cast.resolve(m),)
                return tuple(a for a in actor if a)
    return ()


def vehicle_owner(text: str, offset: int, mentions, position: int):
    """"A Nordvik Air jet made an emergency landing": the organisation whose vehicle or unit acted."""
    for m in mentions:
        if m.end <= position and m.kind == "organisation" and _OWNED.fullmatch(text[: m.start - offset]) and _UNIT.fullmatch(text[m.end - offset : position - offset]):
            return m
    return None


def clause_opening(text: str, offset: int, tok: Token) -> tuple[int, int]:
    """Where a subjectless verb's clause opens: "On Monday, a fire broke out"; not "signed it on Monday,
    a day after the dam burst"."""
    opening = CLAUSE_START.match(text, 0, tok.start - offset)
    start = offset + (opening.end() if opening else 0)
    return start, start


def named_before(text: str, offset: int, mentions, position: int) -> bool:
    """A name opens the verb's clause but is not its subject: the event is someone else's, skip it.
    A dateline before a dash ("MANILA, Oct 17 (Wire) - A ferry capsized") opens no clause of the verb."""
    start = _after_dateline(text, offset, position) - offset
    clause = _SUBORDINATE.match(text, start, position - offset) or IN_WHICH.match(text, start, position - offset)
    start = clause.end() if clause else start  # "Rescuers searched ... after a dam burst", "a crash in which a taxi killed"
    return any(  # an owner of plural things opens the subject's noun phrase, no other subject ("X's shares fell")
        start <= m.start - offset and m.end <= position and m.kind in ("person", "organisation", "group")
        and not (m.possessive and _OWNED_PLURAL.fullmatch(text, m.end - offset, position - offset))
        and not text[start : m.start - offset].strip(" ,")
        for m in mentions
    )


def _after_dateline(text: str, offset: int, position: int) -> int:
    """Where the verb's sentence starts past a dateline ending in a dash ("MANILA, Oct 17 (Wire) - ")."""
    opening = CLAUSE_START.match(text, 0, position - offset)
    return offset + (opening.end() if opening and _DATELINE.search(opening.group()) else 0)


def modifies_noun(text: str, offset: int, toks: list[Token], k: int) -> bool:
    """"The packs were fitted to computers sold in 2009", "In a statement issued on Monday": a finite verb
    earlier in the clause, or a preposition governing the noun before it, makes the subjectless form a
    modifier of that noun, not the clause's happening."""
    opening = CLAUSE_START.match(text, 0, toks[k].start - offset)
    start = offset + (opening.end() if opening else 0)
    relative = IN_WHICH.match(text, start - offset, toks[k].start - offset)  # "a crash in which a taxi killed a cyclist"
    start = offset + relative.end() if relative else start
    if _GOVERNED.match(text[start - offset : toks[k].start - offset]):
        return True
    j = k - 1
    while j >= 0 and toks[j].text.lower() in _FINITE | _BE | _TIME_WORDS | _PASSIVE_ADVERBS | {"never", "not"}:
        j -= 1  # the verb's own auxiliaries: "was yesterday shut", "had burned"
    return any(t.start >= start and t.text.lower() in _FINITE for t in toks[: j + 1])


def modifies_plural(text: str, offset: int, subject, verb: Token) -> bool:
    """"Navy divers yesterday recovered", "Brent crude prices jumped": the name qualifies a plural noun,
    the noun phrase's head, so the name is no actor of the act (the group is anonymous)."""
    between = text[subject.end - offset : verb.start - offset].split()
    while between and (between[-1] in _NOT_HEAD or between[-1].endswith("ly")):
        between.pop()  # "Navy divers yesterday recovered", "Oil prices sharply fell"
    head = between[-1] if 0 < len(between) <= 3 else ""  # "Brent crude prices"
    return all(w.isalpha() and w.islower() and w not in _NOT_HEAD for w in between) and head.endswith("s") and not head.endswith("ss")
