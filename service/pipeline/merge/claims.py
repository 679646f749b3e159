"""Claim comparison: do two outlets report the same claim, even paraphrased?

Claims are compared on content words (stop words, numbers and speaker names removed, synonyms
folded: UAVs ~ drones) and, where both quote, on the quoted words themselves; a count of one thing
is an anchor (counts.py). One outlet's quote and another's indirect speech of it share a run of the
speaker's words once tense and person are shifted back ("we will have" ~ "they would have").
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

from rapidfuzz import fuzz

from service.pipeline.merge.counts import FIGURE_DISPUTED, estimate_verbs, figure_bonus, one_measure, unit_of
from service.pipeline.model import Statement
from service.pipeline.statements.lexicon import event_forms

QUOTE_FLOOR = 75.0  # below this, fuzzy matches between different quotes are noise
SKELETON, SKELETON_WORDS = 15.0, 4  # bonus when this many content words recur in the same order
TELLING, TELLING_FLOOR = 1 / 10, 5  # a word at most this share (or this many) of the story's statements use tells one claim from another
_AUXILIARIES = frozenset({"has", "have", "had"})
_PHASE = frozenset({"began", "started", "resumed", "continued", "stopped"})  # "began erupting": the act is the gerund
_COPULAR = frozenset({"found", "declared", "ruled", "judged"})  # the act is the complement that follows
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
NUMBERS = 25.0  # bonus for two shared exact numbers
QUOTED_PHRASE, QUOTED_WORD, QUOTED_WORD_LETTERS = 25.0, 12.0, 8  # a quoted phrase, or one long quoted word, in the other report
SAME_ACT = 25.0  # one actor, one day, one event verb: nearly always one happening
QUOTE_RETOLD, RETOLD_RUN = 40.0, 4  # a quote told in another's indirect speech keeps this many of its words in a row
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WORD = re.compile(r"[a-z][a-z\-’']*")
_NAME_WORD = re.compile(r"[\w’'-]+")
_NAME = attrgetter("name")


@cache
def _resource() -> dict:
    with open(Path(__file__).parent / "resources" / "claims.toml", "rb") as handle:
        return tomllib.load(handle)


@cache
def _lex() -> tuple[frozenset[str], dict[str, str]]:
    data = _resource()
    return frozenset(data["stopwords"]["words"]), data["synonyms"]


def _fold(word: str) -> str:
    stop, synonyms = _lex()
    word = word.strip("’'-").replace("’", "'")
    if word.endswith("'s"):  # "the union's decision" ~ "the union"
        word = word[:-2]
    if word in synonyms:
        return synonyms[word]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word in synonyms:
        return synonyms[word]
    for suffix in ("ing", "ed"):  # "chased" ~ "chasing", "trained" ~ "training"
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def content_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Folded content words of a claim, without the speakers' own names."""
    stop, _ = _lex()
    words = (_fold(w) for w in _WORD.findall(estimate_verbs(text).lower()) if w not in stop and w not in names)
    return frozenset(w for w in words if w and w not in stop and len(w) > 1)


def names_of(statement: Statement) -> frozenset[str]:
    """The words of the statement's actors' names (not words of the claim). Cached on the names
    alone: a statement rebuilt from storage may carry its actors as a list, not a tuple."""
    return name_words(_actor_names(statement))


def _actor_names(statement: Statement) -> tuple[str, ...]:
    return tuple(map(_NAME, statement.actors))


@lru_cache(maxsize=16384)
def name_words(names: tuple[str, ...]) -> frozenset[str]:
    """The lower-case words of some actors' names."""
    return frozenset(w.lower() for name in names for w in _NAME_WORD.findall(name))


def words_of(statement: Statement) -> frozenset[str]:
    return _claim_words(statement.text, _actor_names(statement))


@lru_cache(maxsize=65536)
def _claim_words(text: str, names: tuple[str, ...]) -> frozenset[str]:
    """A statement's content words, cached on what they depend on: it is compared many times."""
    return content_words(text, name_words(names))


def quote_score(a: Statement, b: Statement) -> float:
    """Best match between the two statements' quotes (0-100); 0 when either does not quote."""
    best = 0.0
    for qa in a.quotes:
        for qb in b.quotes:
            if min(len(qa), len(qb)) < 12:
                continue
            best = max(best, fuzz.partial_ratio(qa.lower(), qb.lower()) if min(len(qa), len(qb)) >= 25 else fuzz.ratio(qa.lower(), qb.lower()))
    return best


@dataclass(slots=True)
class Weights:
    """Story-level word rarity: words every outlet repeats ("troops", "Russia") count for little."""

    df: Counter = field(default_factory=Counter)
    n: int = 0
    masses: dict[frozenset[str], float] = field(default_factory=dict)  # summed weights of a claim's words, until the counts move

    def see(self, words: frozenset[str]) -> None:
        self.df.update(words)
        self.n += 1
        self.masses.clear()

    def weight(self, word: str) -> float:
        return math.log(1 + self.n / (1 + self.df.get(word, 0)))

    def mass(self, words: frozenset[str]) -> float:
        """The summed weight of a claim's words: each statement meets many candidates."""
        found = self.masses.get(words)
        if found is None:
            found = self.masses[words] = math.fsum(map(self.weight, words))
        return found

    def telling(self, word: str) -> bool:
        """Few claims of the story use the word (each outlet's report of one claim may): it tells claims apart."""
        return self.df[word] <= max(TELLING_FLOOR, self.n * TELLING)


def word_score(a: Statement, b: Statement, weights: Weights) -> float:
    """Rarity-weighted share of content words in common, mostly relative to the shorter claim (0-100).

    Damped when the shared words weigh less than a few distinctive words, so two short claims
    that only share the story's common vocabulary stay apart.
    """
    wa, wb = words_of(a), words_of(b)
    if not wa or not wb:
        return 0.0
    w = weights.weight
    shared = math.fsum(map(w, wa & wb))  # exact, so not the order of a set: the merge must not vary with the hash seed
    sizes = sorted((weights.mass(wa), weights.mass(wb)))
    typical = w("") or 1.0
    damp = min(1.0, shared / (2 * typical))
    return 100 * damp * (0.6 * shared / sizes[0] + 0.4 * shared / sizes[1])


def shared_numbers(a: Statement, b: Statement) -> float:
    """Two or more of the same exact numbers ("312 votes to 298" ~ "by 312 to 298") tell the same news."""
    return NUMBERS if len(_numbers(a.text) & _numbers(b.text)) >= 2 else 0.0


@lru_cache(maxsize=65536)
def _numbers(text: str) -> frozenset[str]:
    """Numbers of two digits or more, years left out (every report of a story shares its year)."""
    found = (n.replace(",", "") for n in _NUMBER.findall(text))
    return frozenset(n for n in found if len(n) >= 2 and not _YEAR.fullmatch(n))


def shared_quote(a: Statement, b: Statement) -> float:
    """A phrase one outlet quotes ("robust conversation") found word for word in the other's report;
    a single long quoted word ("irreplaceable") counts for less: speakers repeat their words."""
    best = 0.0
    for x, y in ((a, b), (b, a)):
        if not x.quotes:
            continue
        haystack = " ".join((y.text, *y.quotes)).lower()
        for quote in (q.lower().strip(" .,!?") for q in x.quotes):
            if len(quote.split()) >= 2 and len(quote) >= 10 and quote in haystack:
                return QUOTED_PHRASE
            if len(quote.split()) == 1 and len(quote) >= QUOTED_WORD_LETTERS and re.search(rf"\b{re.escape(quote)}\b", haystack):
                best = QUOTED_WORD
    return best


def same_act(a: Statement, b: Statement) -> float:
    """Two events told with the same verb ("raised ... rates") by the same actor on the same day."""
    verbs = {_event_verb(a), _event_verb(b)}
    return SAME_ACT if a.kind == b.kind == "event" and len(verbs) == 1 and None not in verbs else 0.0


def _event_verb(statement: Statement) -> str | None:
    return _act_of(statement.text, _actor_names(statement))


@lru_cache(maxsize=65536)
def _act_of(text: str, actors: tuple[str, ...]) -> str | None:
    """The act an event tells of its actors, folded, so that a plan ("X and Y are to meet", told
    "X and Y meet ... (scheduled)") and the report of it ("Y and X met", "held talks") agree."""
    names = tuple(sorted(set(actors)))
    if not names:  # "A wildfire that broke out Monday": the first event verb of the clause
        words = _WORD.findall(text.lower())
        for word, after in zip(words, [*words[1:], ""]):
            if word in _PHASE and after.endswith("ing"):
                return _fold(after)  # "began erupting" ~ "erupted"
            if word in event_forms():
                return _fold(word)
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
    verb = _fold(rest[0])
    noun = next((w for w in rest[1:3] if w not in ("a", "an", "the")), "")
    return _acts()[1].get(verb, {}).get(_fold(noun.strip(",.;")), verb)  # "held talks" ~ "met"


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
    data = _resource()["acts"]
    return frozenset(data["plan_markers"]), data["light"]


def skeleton(a: Statement, b: Statement, weights: Weights) -> float:
    """A paraphrase keeps the claim's skeleton: several distinctive words in the same order
    ("exactly the type of forward we have been chasing all summer" ~ "exactly the forward ... had chased all summer").
    The story's stock words are in every claim's order ("the storm ... the Carolina coast"): the two
    must also share a word few claims of the story use."""
    if not any(map(weights.telling, words_of(a) & words_of(b))):
        return 0.0
    (x, counted_x), (y, counted_y) = _sequence(a), _sequence(b)
    if sum(min(n, counted_y.get(w, 0)) for w, n in counted_x.items()) < SKELETON_WORDS:
        return 0.0  # too few words in common for a run of them: no need to look for one
    return SKELETON if _common_run(x, y) >= SKELETON_WORDS else 0.0


def _sequence(statement: Statement) -> tuple[tuple[str, ...], dict[str, int]]:
    return _word_sequence(statement.text, _actor_names(statement))


@lru_cache(maxsize=65536)
def _word_sequence(text: str, names: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The claim's content words in text order, and how often each comes, cached: each statement
    meets many candidates."""
    words = name_words(names)
    sequence = tuple(w for w in (next(iter(content_words(x, words)), "") for x in _WORD.findall(text.lower())) if w)
    return sequence, dict(Counter(sequence))


def _common_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence of two word sequences."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def same_claim(a: Statement, b: Statement, weights: Weights) -> float:
    """Similarity of two claims (0-100)."""
    quoted = quote_score(a, b)
    words = word_score(a, b, weights)
    words += _figure(a, b) + shared_numbers(a, b) + shared_quote(a, b) + same_act(a, b) + (skeleton(a, b, weights) if words else 0.0)
    return min(100.0, max(words, quoted if quoted >= QUOTE_FLOOR else 0.0))


def _figure(a: Statement, b: Statement) -> float:
    """The count bonus, kept small when the counted noun is all two claims share and nothing tells
    one measure ("were killed" ~ "died"): "12 clinics have closed" and "12 clinics will reopen" are two claims."""
    bonus = figure_bonus(a, b)
    if not bonus or bonus <= FIGURE_DISPUTED or one_measure(a, b):
        return bonus
    return FIGURE_DISPUTED if words_of(a) & words_of(b) <= {unit_of(f) for f in (*a.figures, *b.figures)} else bonus


def retold_quote(a: Statement, b: Statement, weights: Weights) -> float:
    """One report's quote told in the other's indirect speech ("The people of this province will have
    the last word" ~ "voters would have the last word"): reported speech shifts tense and person but
    keeps a run of the speaker's words, one of them a word few claims of the story use."""
    for quoted, told in ((a, b), (b, a)):
        if not quoted.quotes or told.quotes:
            continue
        words = _shifted(told.text)
        for quote in quoted.quotes:
            run = _common_stretch(_shifted(quote), words)
            if len(run) >= RETOLD_RUN and any(map(weights.telling, content_words(" ".join(run)) - _phrase_words())):
                return QUOTE_RETOLD
    return 0.0


@cache
def _phrase_words() -> frozenset[str]:
    return content_words(" ".join(_resource()["retold"]["phrase_words"]))


@lru_cache(maxsize=65536)
def _shifted(text: str) -> tuple[str, ...]:
    """The text's words, tense and person as a quote has them: "they would" -> "one will"."""
    shift = _resource()["backshift"]
    return tuple(shift.get(w, w) for w in _TOKEN.findall(text.lower().replace("’", "'")))


def _common_stretch(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The longest run of words found in both, in one piece."""
    best, end, previous = 0, 0, [0] * (len(b) + 1)
    for i, x in enumerate(a):
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                current[j + 1] = previous[j] + 1
                if current[j + 1] > best:
                    best, end = current[j + 1], i + 1
        previous = current
    return a[end - best : end]


def claim_key(statement: Statement) -> str:
    """A normalised form of the claim, stable for ids."""
    return " ".join(sorted(words_of(statement)))
