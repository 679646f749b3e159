"""The words of a claim, as every comparison of claims sees them.

Content words are folded (stop words out, plural and "-ed"/"-ing" off, synonyms as one: UAVs ~
drones) and the speakers' own names left out, so two outlets' wordings of one claim share words;
their rarity across the story's statements says how much sharing one tells. The sorted words are
also an entry's claim key, stable across re-ingest.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path

from service.pipeline.merge.counts import estimate_verbs
from service.pipeline.model import Statement

TELLING, TELLING_FLOOR = 1 / 10, 5  # a word at most this share (or this many) of the story's statements use tells one claim from another
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\-’'])*")  # whole words, accented letters too: "Héctor" is no "ctor"
TOKEN = re.compile(WORD.pattern + r"|[,;:.()]")  # words and the marks that end a clause
_NAME_WORD = re.compile(r"[\w’'-]+")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PROPER = re.compile(r"\b[A-Z][^\W\d_]+")
_NAME = attrgetter("name")


@cache
def claims_lexicon() -> dict:
    """resources/claims.toml: stop words, synonyms, acts, reported-speech shifts."""
    with open(Path(__file__).parent / "resources" / "claims.toml", "rb") as handle:
        return tomllib.load(handle)


@cache
def _lex() -> tuple[frozenset[str], dict[str, str]]:
    data = claims_lexicon()
    return frozenset(data["stopwords"]["words"]), data["synonyms"]


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """One form for a word's variants: "the union's" ~ "union", "drones" ~ "drone", "chased" ~ "chasing"."""
    synonyms = _lex()[1]
    word = word.strip("’'-").replace("’", "'")
    if word.endswith("'s"):  # "the union's decision" ~ "the union"
        word = word[:-2]
    if word in synonyms:
        return _stem(synonyms[word], False)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word in synonyms:
        return _stem(synonyms[word], False)
    for suffix in ("ing", "ed"):  # "chased" ~ "chasing", "trained" ~ "training"
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return _stem(word[: -len(suffix)], True)
    return _stem(word, False)


def _stem(word: str, cut: bool) -> str:
    """The stem the bare and the inflected forms share: "brake(s)" ~ "braking", "study" ~ "studied",
    and after a cut ending "stopped" ~ "stop" (a doubled consonant, not "-ll", "-ss": "filled" ~ "fill")."""
    if len(word) > 4 and word[-1] == "e":
        return word[:-1]
    if len(word) > 3 and word[-1] == "y" and word[-2] not in "aeiou":
        return word[:-1] + "i"
    if cut and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def content_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Folded content words of a claim, without the speakers' own names."""
    stop, _ = _lex()
    words = (fold(w) for w in WORD.findall(estimate_verbs(text).lower()) if w not in stop and w not in names)
    return frozenset(w for w in words if w and w not in stop and len(w) > 1)


@lru_cache(maxsize=65536)
def numbers_in(text: str) -> frozenset[str]:
    """Numbers of two digits or more, years left out (every report of a story shares its year)."""
    found = (n.replace(",", "") for n in _NUMBER.findall(text))
    return frozenset(n for n in found if len(n) >= 2 and not _YEAR.fullmatch(n))


def seen_words(statement: Statement) -> frozenset[str]:
    """What rarity counts of a statement: its content words, and its numbers marked "#" (so that a
    figure only one claim gives can be told from the story's headline figure)."""
    return words_of(statement) | frozenset("#" + n for n in numbers_in(statement.text))


UNSET = object()  # a trait not worked out yet (None is an answer: "no act")
TRAITS_HELD = 65536  # statements whose traits are kept; past this the memo starts afresh


class Traits:
    """What the merge reads of one statement, each worked out once on first use: a statement meets
    many candidates, and every comparison would otherwise rebuild its names' tuple and hash it to
    look its words, act or quotes up again. Modules comparing statements fill the slots they read."""

    __slots__ = ("statement", "names", "words", "classes", "anchors", "act", "quotes", "sequence", "negated")

    def __init__(self, statement: Statement) -> None:
        self.statement = statement  # held, so that no other statement takes its id while it is memoised
        self.names = tuple(map(_NAME, statement.actors))
        self.words = self.classes = self.anchors = self.act = self.quotes = self.sequence = self.negated = UNSET


HELD: dict[int, Traits] = {}


def traits(statement: Statement) -> Traits:
    """The statement's traits, memoised by identity (a frozen statement's traits never change; hashing
    the statement itself would cost more than the look-ups it saves). The hottest readers look in
    ``HELD`` first, saving a call."""
    found = HELD.get(id(statement))
    if found is None:
        if len(HELD) >= TRAITS_HELD:
            HELD.clear()
        found = HELD[id(statement)] = Traits(statement)
    return found


def actor_names(statement: Statement) -> tuple[str, ...]:
    """The statement's actors' names, as a tuple whatever holds them: a statement rebuilt from storage
    may carry its actors as a list, and ``name_words`` is cached on the names alone."""
    return (HELD.get(id(statement)) or traits(statement)).names


@lru_cache(maxsize=16384)
def name_words(names: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words of some actors' names."""
    return frozenset(w.lower() for name in names for w in _NAME_WORD.findall(name))


def words_of(statement: Statement) -> frozenset[str]:
    found = HELD.get(id(statement)) or traits(statement)
    words = found.words
    if words is UNSET:
        words = found.words = _claim_words(statement.text, found.names)
    return words


@lru_cache(maxsize=65536)
def _claim_words(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """A statement's content words, cached on what they depend on: it is compared many times."""
    return content_words(text, name_words(names))


@lru_cache(maxsize=65536)
def proper_words(text: str) -> frozenset[str]:
    """Content words the text gives capitalised past its first word: names of places, firms, people
    ("told reporters in Phoenix"), which tell where a claim was made more than what it says."""
    return content_words(" ".join(_PROPER.findall(text)[1:]))


def claim_key(statement: Statement) -> str:
    """A normalised form of the claim, stable for ids."""
    return " ".join(sorted(words_of(statement)))


@dataclass(slots=True)
class Weights:
    """Story-level word rarity: words every outlet repeats ("troops", "Russia") count for little."""

    df: Counter = field(default_factory=Counter)
    n: int = 0
    masses: dict[frozenset[str], float] = field(default_factory=dict)  # summed weights of a claim's words, until the counts move
    weighed: dict[str, float] = field(default_factory=dict)  # each word's weight, until the counts move

    def see(self, words: frozenset[str]) -> None:
        self.df.update(words)
        self.n += 1
        self.masses.clear()
        self.weighed.clear()

    def weight(self, word: str) -> float:
        found = self.weighed.get(word)
        if found is None:
            found = self.weighed[word] = math.log(1 + self.n / (1 + self.df.get(word, 0)))
        return found

    def mass(self, words: frozenset[str]) -> float:
        """The summed weight of a claim's words: each statement meets many candidates."""
        found = self.masses.get(words)
        if found is None:
            found = self.masses[words] = math.fsum(map(self.weight, words))
        return found

    def telling(self, word: str) -> bool:
        """Few claims of the story use the word (each outlet's report of one claim may): it tells claims apart."""
        return self.df[word] <= max(TELLING_FLOOR, self.n * TELLING)

    def any_telling(self, words: frozenset[str]) -> bool:
        """Some of the words tell claims apart (``telling``), the limit worked out once."""
        limit, counted = max(TELLING_FLOOR, self.n * TELLING), self.df.get
        return any(counted(w, 0) <= limit for w in words)
