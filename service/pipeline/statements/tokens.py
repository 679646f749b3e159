"""Words and mentions as the statement stage sees them: tokens with offsets and the mention record.

Shared by the name reader (capitalised runs), the reference reader (lower-case groups, titles,
"the company") and the attribution and event readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from service.pipeline.statements.lexicon import load

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|St|Lt|Col|Adm|Prof|Co|Inc|Corp|Ltd)\.|[A-Z]\.(?=\s[A-Z])"
    r"|[A-Z][A-Za-z0-9’'\-]*[?!](?=\s+[a-z])"  # a name with its mark ("Which? said", "Yahoo! reported")
    r"|[^\W\d_][\w’'\-]*|\d[\d,.]*|\S"  # words in any script: "Bríd", "Şahin", "Ólafur"
)
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # person | organisation | group | pronoun | pair | title
    name: str  # the name as written, without title ("Lloyd J. Austin III"); the phrase for groups
    title: str | None = None
    place: str | None = None  # organisation or nationality key ("US", "South Korea")
    plural: bool = False
    possessive: bool = False
    business: bool = False  # an organisation the text calls a firm ("chipmaker X", "X Inc", "X, the chip firm,")


@lru_cache(maxsize=8192)
def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens with absolute offsets; a sentence-final period is not part of its word."""
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


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


def strip_possessive(tok: Token) -> tuple[Token, bool]:
    for mark in _POSSESSIVE:
        if tok.text.endswith(mark) and len(tok.text) > len(mark):
            text = tok.text[: -len(mark)]
            return Token(text, tok.start, tok.start + len(text)), True
    return tok, False
