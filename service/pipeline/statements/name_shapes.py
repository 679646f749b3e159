"""What a capitalised word or run looks like on its own: a personal name, a plural noun for people,
a natural feature, a thing with a model number, a modifier before a noun.

names.py weighs these shapes against the title, group and body lexicons; kept apart so the
shape tests read as one list and other stages (runs, actors) share them without the classifier.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from service.pipeline.statements.lexicon import auxiliaries, load, lowercase_titles, reporting_forms, words
from service.pipeline.statements.organisation_names import is_descriptor
from service.pipeline.statements.tokens import Token, lex, particles, prefixed_name

_DIGIT = re.compile(r"\d")


@cache
def name_words(key: str) -> frozenset[str]:
    """A word list of the [names] table of actors.toml ("plural_things", "function_words", ...)."""
    return frozenset(load("actors")["names"][key])


POST_NOMINALS, DOCUMENTS, CONTESTS, _THING_PREFIXES, _THING_NOUNS, _FEATURE_PREFIXES, _FEATURE_HEADS = (
    name_words(k) for k in ("post_nominals", "documents", "contests", "thing_prefixes", "thing_nouns", "feature_prefixes", "feature_heads"))


def feature(words: list[str]) -> bool:
    """A natural feature named with its word ("River Aln", "Lake Kivu", "Tasman Sea"), with no body's head in it."""
    return len(words) >= 2 and (words[0] in _FEATURE_PREFIXES or words[-1] in _FEATURE_HEADS) and not lex()["heads"] & set(words)


def feature_core(name: str) -> str | None:
    """The bare name of a natural feature ("Lyle" of "River Lyle"), which the text may write alone."""
    words = name.split()
    if not feature(words):
        return None
    return " ".join(words[1:] if words[0] in _FEATURE_PREFIXES else words[:-1])


def gerund_noun(toks: list[Token], i: int, j: int, text: str, offset: int) -> bool:
    """"Flooding on ...", "Fighting in ...": an -ing word opening the clause before a preposition."""
    word = toks[i].text
    return len(word) > 5 and word.endswith("ing") and j < len(toks) and toks[j].text in THING_PREPOSITIONS and opens_clause(text, toks[i].start - offset)


def people_noun(word: str) -> bool:
    """A plural noun for people: a demonym's ("Israelis") or one with the ending of an agent noun
    ("Homeowners", "Patients", "Opponents"); not "Talks" or "Shares"."""
    return word[:-1] in _demonyms() or word.lower().endswith(_plural_endings())


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(load("actors")["places"]["demonyms"])


@cache
def demonym(place: str) -> str:
    """The adjective of a place key ("Ukraine" -> "Ukrainian", "US" -> "American"), else the key."""
    places = load("actors")["places"]
    adjectives = [d for d, key in places["demonyms"].items() if key == place and d not in places["countries"]]
    return adjectives[0] if adjectives else place


@cache
def _plural_endings() -> tuple[str, ...]:
    return tuple(load("actors")["names"]["plural_endings"])


def product(toks: list[Token], j: int, words: list[str]) -> bool:
    """"a Boeing 737", "an Airbus A320", "Section 230": a name with its model number names a thing."""
    number = j < len(toks) and toks[j].text.isdigit() and 2 <= len(toks[j].text) <= 4 and toks[j].start == toks[j - 1].end + 1
    return number or (len(words) >= 2 and _DIGIT.search(" ".join(words[1:])) is not None)


def thing(toks: list[Token], i: int, words: list[str]) -> bool:
    """"Tropical Storm Nicole", "Operation Sea Guard", "the tanker Front Altair": a storm, an operation or
    a craft named by its prefix or by the noun before it."""
    return not _THING_PREFIXES.isdisjoint(words[:2]) or i > 0 and toks[i - 1].text in _THING_NOUNS


THING_PREPOSITIONS = frozenset({"to", "in", "on", "of", "for", "over", "at", "from"})


def opens_clause(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence or clause: read back from it, never the whole lead."""
    end = index
    while end and text[end - 1].isspace():
        end -= 1
    if not end or text[end - 1] in ",:;—–-“\"‘(":
        return True
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    last = text[start:end]
    return last in lex()["stop"] or last in ("and", "but", "while")


def plural_noun(word: str) -> bool:
    """A word that may be a plural noun: "Patients", "Israelis" (a demonym's plural), not "Davis"."""
    lowered = word.lower()
    return len(lowered) > 3 and lowered.endswith("s") and (not lowered.endswith(("ss", "us", "is")) or word[:-1] in _demonyms())


def modifies_next(toks: list[Token], j: int) -> bool:
    """A lower-case plural noun follows and a verb after it ("Budget cuts were announced")."""
    if j + 1 >= len(toks) or not toks[j].text.isalpha() or not toks[j].text.islower():
        return False
    noun, verb = toks[j].text, toks[j + 1].text.lower()
    if not plural_noun(noun) or noun in reporting_forms() or noun in auxiliaries():
        return False
    return _verb_like(verb)  # "Rescue teams reached the village"


def qualifies_next(toks: list[Token], j: int) -> bool:
    """"Heavy rain fell", "Dense fog closed the airport": a lone opening word before a lower-case noun
    that a verb follows is an adjective or a modifier, not a subject's name ("Smith also said" is one)."""
    if j + 1 >= len(toks) or not toks[j].text.isalpha() or not toks[j].text.islower():
        return False
    noun = toks[j].text
    if _verb_like(noun) or noun in name_words("adverbs") or noun.endswith(("ly", "s")) or noun in _FUNCTION or noun in lex()["stop"] \
            or noun in lex()["group"] or noun in lex()["orgref"] or is_descriptor(noun) or any(t[0] == noun for t in lowercase_titles()):
        return False
    return _verb_like(toks[j + 1].text.lower())


def _verb_like(word: str) -> bool:
    return word in reporting_forms() or word in auxiliaries() or word in words("be") or word in name_words("irregular_past") \
        or len(word) > 4 and word.endswith("ed")


_FUNCTION = words("prepositions") | {"to", "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my"}


def personal_name(words: list[str]) -> bool:
    """Up to four capitalised words, with surname particles between them ("Ursula von der Leyen",
    "Luiz Inácio Lula da Silva", "Abu Bakr al-Baghdadi")."""
    return _named(tuple(words))


@lru_cache(maxsize=16384)
def _named(words: tuple[str, ...]) -> bool:
    named = [w for w in words if w[:1].isupper() or prefixed_name(w)]
    inner = all(w in named or w in particles() for w in words)
    return 0 < len(named) <= 4 and inner and words[-1] in named
