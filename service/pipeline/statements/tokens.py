"""Words and mentions as the statement stage sees them: tokens with offsets, the mention record,
and the words of a personal name (parts, surname, given name) by which two mentions are one person.

Shared by the name reader (capitalised runs), the reference reader (lower-case groups, titles,
"the company"), the attribution and event readers, and the story's merge of people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from service.pipeline.statements.lexicon import load

_TOKEN = re.compile(
    r"(?=[A-Z])(?:"  # the capitalised forms first, tried only where a capital stands
    r"(?:[A-Z]\.){2,}|(?:Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|St|Lt|Col|Adm|Prof|Co|Inc|Corp|Ltd|Sgt|Cpl|Maj|Capt|Brig|Cmdr|Supt|Insp|Det|Gov|Rev|Msgr|Hon|Atty|Cllr)\.|[A-Z]\.(?=\s[A-Z])"
    r"|[A-Z][A-Za-z0-9’'\-]*[?!](?=\s+[a-z]))"  # a name with its mark ("Which? said", "Yahoo! reported")
    r"|[^\W\d_][\w’'\-]*|\d[\d,.]*|\S"  # words in any script: "Bríd", "Şahin", "Ólafur"
)
_POSSESSIVE = ("’s", "'s", "’", "'")
_POSSESSIVE_ENDS = frozenset("s’'")
_INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,3})$")  # "W.", "H.R."
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class Token(NamedTuple):
    """A word with its absolute offsets (a named tuple: the statement stage makes hundreds per sentence)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # person | organisation | group | pronoun | pair | title
    name: str  # the name as written, without title ("Maria T. Lopez Jr."); the phrase for groups
    title: str | None = None
    place: str | None = None  # organisation or nationality key ("US", "South Korea")
    plural: bool = False
    possessive: bool = False
    business: bool = False  # an organisation the text calls a firm ("chipmaker X", "X Inc", "X, the chip firm,")


@lru_cache(maxsize=8192)
def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens with absolute offsets; a sentence-final period is not part of its word. Only spaces
    lie between tokens (any other character is one), so each word is found from the end of the last:
    cheaper than a match object per word."""
    out, pos, find = [], 0, text.find
    for word in _TOKEN.findall(text):
        start = find(word, pos)
        pos = start + len(word)
        out.append(_new(Token, (word, start + offset, pos + offset)))
    return tuple(out)


_new = tuple.__new__  # a Token without the keyword handling of its constructor


@cache
def lex() -> dict:
    data = load("actors")
    return {
        "stop": frozenset(data["names"]["stopwords"]),
        "suffixes": frozenset(data["names"]["suffixes"]),
        "group": frozenset(data["groups"]["nouns"]),
        "institutional": frozenset(data["groups"]["institutional"]),
        "bare": frozenset(data["groups"]["bare_sources"]),
        "modifiers": frozenset(data["groups"]["modifiers"]),
        "determiners": frozenset(data["groups"]["determiners"]),
        "heads": frozenset(data["places"]["organisation_heads"]),
        "singular": frozenset(data["pronouns"]["singular"]),
        "pronouns": frozenset(data["pronouns"]["singular"] + data["pronouns"]["plural"]),
        "plural": frozenset(data["pronouns"]["plural"]),
        "pair": tuple(tuple(p.split()) for p in data["pronouns"]["pair"]),
        "orgref": frozenset(data["references"]["organisation"]),
        "pair_starts": frozenset(p.split()[0] for p in data["pronouns"]["pair"]),
        "lower_titles": frozenset(data["titles"]["lowercase"]),
        "portfolios": frozenset(data["titles"]["portfolios"]),
        "territorial": frozenset(data["titles"]["territorial"]),
    }


def capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1] == "$")


@cache
def particles() -> frozenset[str]:
    """Lower-case surname particles ("von", "da", "bin")."""
    return frozenset(load("actors")["names"]["particles"])


@cache
def _article_prefix() -> re.Pattern[str]:
    return re.compile(load("actors")["names"]["article_prefix"])


def prefixed_name(word: str) -> bool:
    """"al-Baghdadi", "el-Sisi": a surname written after a lower-case article."""
    return _article_prefix().match(word) is not None


def bare_surname(word: str) -> str:
    """The surname without its article: "al-Baghdadi" -> "Baghdadi"."""
    return _article_prefix().sub("", word)


def strip_possessive(tok: Token) -> tuple[Token, bool]:
    if tok.text[-1:] not in _POSSESSIVE_ENDS:
        return tok, False  # the common case, checked before the marks
    for mark in _POSSESSIVE:
        if tok.text.endswith(mark) and len(tok.text) > len(mark):
            text = tok.text[: -len(mark)]
            return Token(text, tok.start, tok.start + len(text)), True
    return tok, False


@lru_cache(maxsize=16384)
def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def name_parts(name: str) -> tuple[str, ...]:
    """The words that identify a person: no initials, suffixes or honorifics; particles in lower case
    ("Von der Leyen" -> "von", "der", "Leyen")."""
    data = load("actors")
    drop = set(data["names"]["suffixes"]) | set(data["titles"]["honorifics"])
    kept = [w for w in name.split() if w not in drop and not _INITIAL.match(w)]
    return tuple(w.lower() if w.lower() in particles() and k < len(kept) - 1 else w for k, w in enumerate(kept))


def surname(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The words a bare surname mention would use: from the first particle on ("von der Leyen",
    "bin Salman"), else the last word."""
    start = next((k for k, w in enumerate(parts) if k and w in particles()), len(parts) - 1)
    return parts[start:]


def surname_key(parts: tuple[str, ...]) -> tuple[str, ...]:
    """A name compared without case, accents or an Arabic article: "al-Baghdadi" = "Baghdadi",
    "Erdoğan" = "Erdogan"."""
    return tuple(slug(bare_surname(w)) for w in parts)


def ends_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"López Obrador" ends "Andrés Manuel López Obrador": a compound surname written alone."""
    return 1 < len(short) < len(full) and surname_key(full[-len(short) :]) == surname_key(short)


def same_given(a: str, b: str) -> bool:
    """One given name: the same, a short form ("Alex", "Tony" for "Antony") or another spelling
    ("Sergei"/"Sergey", "Muammar"/"Moammar"); never the feminine of the other ("Roberta", "Alexandra")."""
    short, long = sorted((slug(a), slug(b)), key=len)
    if short == long:
        return True
    if long.startswith(short) and len(short) >= 3:
        return long[len(short) :] not in _FEMININE_ENDINGS
    if long.endswith(short) and len(short) >= 3:
        return True
    ends = {short[-1], long[-1]}
    return len(short) >= 5 and short[0] == long[0] and (len(ends) == 1 or ends == {"i", "y"}) and fuzz.ratio(short, long) >= 80


_FEMININE_ENDINGS = frozenset({"a", "e", "o", "le", "lle", "ne", "ine", "ette", "ina"})


def singulars(word: str) -> set[str]:
    """A plural and the singulars it may come from: "wards" -> "ward", "cities" -> "city"."""
    forms = {word, word[:-1]}
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def compatible(known: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Same person written more or less fully: same last word and the same first name, or one the
    short form of the other ("Tony" for "Antony", "Alex" for "Alexander"); or a given name and one
    surname of a longer name ("Rosa Delgado" in "Rosa María Delgado Ibáñez")."""
    if len(known) < 2 or len(new) < 2:
        return False
    if surname_key(known[-1:]) != surname_key(new[-1:]):
        return inner_name(known, new) or inner_name(new, known)
    return same_given(known[0], new[0])


def inner_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Rosa Delgado" in "Rosa María Delgado Ibáñez": the given name, then a surname the fuller name
    carries before its last word (Spanish and Portuguese names give two surnames, news often one)."""
    return len(short) == 2 and len(full) >= 3 and same_given(short[0], full[0]) and short[1][:1].isupper() \
        and surname_key(short[1:])[0] in surname_key(full[1:-1])
