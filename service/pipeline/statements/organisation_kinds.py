"""Kinds of organisation, from the lexicon: which name words a definite noun may point back to
("the carrier" -> an airline, "the bank" -> a bank), which nouns mean a business ("the company"),
and which organisations may be one (not a country, nothing of a public kind in the name); which
words of a description a body's name must carry ("the bid committee").
"""

from __future__ import annotations

from functools import cache

from service.pipeline.model import Actor
from service.pipeline.statements.lexicon import load, place_key


@cache
def bare_heads() -> frozenset[str]:
    return frozenset(load("actors")["references"]["bare_heads"])


@cache
def business_nouns() -> frozenset[str]:
    return frozenset(load("actors")["references"]["business_nouns"])


def private_organisation(organisation: Actor) -> bool:
    """An organisation that may be a business: not a country's key and no word of a public kind in its name."""
    words = organisation.name.lower().split()
    return organisation.name not in place_key().values() and not _public_names().intersection(words)


@cache
def _public_names() -> frozenset[str]:
    return frozenset(w for kind in load("actors")["references"]["kinds"] if kind.get("public") for w in kind["names"])


@cache
def all_kind_names() -> frozenset[str]:
    return frozenset().union(*_kind_names().values())


def kind_names(noun: str) -> frozenset[str]:
    """The name words of every organisation kind a definite noun may refer to ("carrier" -> "airlines", ...)."""
    return _kind_names().get(noun, frozenset())


@cache
def _kind_names() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for kind in load("actors")["references"]["kinds"]:
        for noun in kind["nouns"]:
            out[noun] = out.get(noun, frozenset()) | frozenset(kind["names"])
    return out


def distinct_words(described: str | None, noun: str) -> set[str]:
    """The words that tell one body of its kind from another in "the bid committee", "the ethics
    committee", "the state weather service": lower-case nouns before the head, which the body's name
    must carry; adjectives ("the central bank", "the national team") and ranks leave any body of the kind."""
    if not described:
        return set()
    return {w for w in described.split() if w != noun and not _qualifying(w)}


def _qualifying(word: str) -> bool:
    return word.endswith(_ADJECTIVE_ENDINGS) or word in _GENERAL_QUALIFIERS or not word.isalpha()


_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ish", "ese", "ian", "an", "ern", "ed", "ing", "ful", "less", "ent", "ant")
_GENERAL_QUALIFIERS = frozenset({"state", "main", "new", "old", "top", "big", "local", "city", "town", "county", "district", "own",
                                 "same", "other", "whole", "entire", "chief", "senior", "high", "higher", "supreme", "lower", "upper",
                                 "country", "nation", "world", "home", "host", "rival", "parent", "private", "public", "joint", "sister"})
