"""The statement stage's lexicons, loaded once from the TOML resources beside this module."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path

_HERE = Path(__file__).parent / "resources"


@cache
def load(name: str) -> dict:
    with open(_HERE / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


@cache
def words(name: str) -> frozenset[str]:
    """A closed word class from grammar.toml ("prepositions", "weekdays", ...)."""
    return frozenset(load("grammar")["words"][name])


@cache
def reporting_forms() -> dict[str, str]:
    """Inflected reporting-verb form -> lemma."""
    return {form: lemma for lemma, forms in load("speech")["verbs"].items() for form in forms}


@cache
def reporting_conditions() -> dict[str, frozenset[str]]:
    """Verb forms that report speech only before certain words ("called for", "expressed concern")."""
    return {form: frozenset(words) for form, words in load("speech")["phrases"].items()}


@cache
def complement_pattern() -> re.Pattern[str]:
    """"called the plan unworkable": an object then an evaluative adjective that closes the clause."""
    data = load("speech")["complements"]
    judgement = rf"[a-z]+(?:{'|'.join(data['endings'])})|{'|'.join(data['adjectives'])}|(?:a|an)\s+(?:[a-z-]+\s+)?(?:{'|'.join(data['nouns'])})"
    closing = r"(?=\s*(?:[,.;:]|(?:and|but|on|in|at|for|after|before|during|yesterday|today|last|this|earlier|when|as|while)\b|$))"
    return re.compile(rf"\s+(?:(?:the|a|an|this|that|these|those|his|her|its|their)\s+(?:[\w’'-]+\s+){{0,3}}?|it\s+|them\s+|him\s+|her\s+)(?:{judgement}){closing}")


@cache
def complement_forms() -> frozenset[str]:
    return frozenset(load("speech")["complements"]["forms"])


@cache
def object_conditions() -> tuple[frozenset[str], frozenset[str]]:
    """Verb forms that report speech only with an object of certain nouns ("rejected the claims"), and those nouns."""
    data = load("speech")["objects"]
    return frozenset(data["forms"]), frozenset(data["nouns"])


@cache
def result_objects() -> dict[str, frozenset[str]]:
    """Verb forms that report a result, not speech, before a noun phrase ("reported a rise")."""
    return {form: frozenset(words) for form, words in load("speech")["results"].items()}


@cache
def auxiliaries() -> frozenset[str]:
    return frozenset(load("speech")["auxiliaries"]["words"])


@cache
def prior_markers() -> frozenset[str]:
    return frozenset(load("speech")["auxiliaries"]["prior"])


@cache
def event_forms() -> frozenset[str]:
    return frozenset(load("events")["verbs"]["forms"])


@cache
def transitive_events() -> tuple[frozenset[str], frozenset[str]]:
    """Event forms that need an object or the passive, and the words an object may start with."""
    verbs = load("events")["verbs"]
    return frozenset(verbs["transitive_only"]), frozenset(verbs["object_starts"])


@cache
def light_events() -> tuple[frozenset[str], frozenset[str]]:
    """Light verbs ("made") and the nouns that make them an event ("an emergency landing")."""
    verbs = load("events")["verbs"]
    return frozenset(verbs["light"]), frozenset(verbs["light_objects"])


@cache
def first_person_events() -> frozenset[str]:
    return frozenset(load("events")["verbs"]["first_person"])


def norm_title(title: str) -> str:
    """One key per title whatever the spelling or word order: "Secretary of Defence" = "Defense Secretary"."""
    words = [_abbreviations().get(w, w) for w in title.lower().replace("defence", "defense").replace(".", "").split()]
    if len(words) >= 3 and words[0] == "secretary" and words[1] == "of":
        words = [w for w in words[2:] if w != "the"] + ["secretary"]
    return " ".join(w for w in words if w != "national")


@cache
def _abbreviations() -> dict[str, str]:
    """Title abbreviations and the word they stand for ("gov" -> "governor"): "the governor" is "Gov. Ruiz"."""
    return load("actors")["titles"]["abbreviations"]


def holds(title: str, key: str) -> bool:
    """Whether a person's title answers a bare title (``key``, normalised): "the minister" is the
    "Health Minister" and the "Minister for Health"; "the chief executive" the "Chief Executive"."""
    held = norm_title(title)
    qualified = key.endswith(" " + held) and not set(key[: -len(held)].split()) & _RANKS_APART  # "the county health officer"
    narrower = held.endswith(" " + key) and not set(held[: -len(key)].split()) & _RANKS_APART  # not "the former president"
    return held == key or narrower or re.split(r" (?:for|of) ", held)[0] == key or qualified


_RANKS_APART = words("title_modifiers") | {"assistant", "vice", "associate", "under", "junior", "lieutenant"}  # "deputy chief executive" is another person


@cache
def titles() -> dict[tuple[str, ...], str]:
    """Lower-cased title word tuple -> title as listed."""
    data = load("actors")["titles"]
    out = {tuple(t.lower().split()): t for t in data["phrases"]}
    out.update({tuple(t.split()): t for t in data["lowercase"]})
    return out


@cache
def lowercase_titles() -> dict[tuple[str, ...], str]:
    return {tuple(t.split()): t for t in load("actors")["titles"]["lowercase"]}


@cache
def place_key() -> dict[str, str]:
    """Country, capital, institution or demonym -> one place key ("U.S." -> "US")."""
    places = load("actors")["places"]
    out = {c: c for c in places["countries"]}
    out.update(places["aliases"])
    out.update(places["demonyms"])
    return out


def match_title(words: list[str]) -> tuple[int, int, str] | None:
    """Longest title phrase inside ``words``: (start, end, title); remembered per run of words, as a
    story names the same people again and again."""
    return _match_title(tuple(words))


@lru_cache(maxsize=16384)
def _match_title(words: tuple[str, ...]) -> tuple[int, int, str] | None:
    table, best = titles(), None
    lowered = [w.lower() for w in words]
    if _plural_title(lowered, table):  # "Senators Ann Lee and Tom Fry": each is a senator
        lowered[0] = lowered[0][:-1]
    if not _title_words().intersection(lowered):
        return None  # most runs hold no title word at all: no phrase to try
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if tuple(lowered[i:j]) in table and (best is None or j - i > best[1] - best[0]):
                best = (i, j, " ".join(words[i:j]))
                break
    return best


def _plural_title(lowered: list[str], table) -> bool:
    """A title in the plural opening a two-word personal name, the first of several named together;
    not a body's name ("Teachers Union Federation")."""
    first = lowered[0] if lowered else ""
    if len(lowered) != 3 or len(first) < 5 or not first.endswith("s") or (first[:-1],) not in table:
        return False
    heads = load("actors")["places"]["organisation_heads"]
    return not any(w in table or (w,) in table or w.capitalize() in heads or w in heads for w in lowered[1:])


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for phrase in titles() for w in phrase)


@cache
def _place_words() -> frozenset[str]:
    return frozenset(w for phrase in place_key() for w in phrase.split())


def place_of(words: list[str]) -> str | None:
    """The place key a run of words names, if it is a country, capital, institution or demonym."""
    key = place_key()
    phrase = " ".join(words)
    if phrase in key:
        return key[phrase]
    if not _place_words().intersection(words):
        return None  # no word of any place: no part of the run can name one
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if part in key:
                return key[part]
    return None


@cache
def kin_nouns() -> frozenset[str]:
    """Kin nouns ("wife", "son"): a person's relation, which says the sex."""
    titles = load("actors")["titles"]
    return frozenset(titles["male_kin"] + titles["female_kin"])


@cache
def honorifics() -> frozenset[str]:
    """Words of address before a name ("Mr", "The Honourable"): not a title the person holds."""
    return frozenset(load("actors")["titles"]["honorifics"])
