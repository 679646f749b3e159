"""Claim comparison: do two outlets report the same claim, even paraphrased?

Claims are compared on their content words (claim_words.py), weighted by rarity in the story, and,
where both quote, on the quoted words themselves; bonuses for what one claim alone seldom shares
with another: two exact numbers, a quoted phrase, one act of one actor (event_acts.py), the
skeleton of a paraphrase, a count of one thing (counts.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from service.pipeline.merge.claim_words import WORD, Weights, actor_names, content_words, fold, name_words, numbers_in, words_of
from service.pipeline.merge.counts import FIGURE_DISPUTED, figure_bonus, one_measure, unit_of
from service.pipeline.merge.event_acts import same_act
from service.pipeline.model import Statement

QUOTE_FLOOR = 75.0  # below this, fuzzy matches between different quotes are noise
SKELETON, SKELETON_WORDS = 15.0, 4  # bonus when this many content words recur in the same order
NUMBERS = 25.0  # bonus for two shared exact numbers
QUOTED_PHRASE, QUOTED_WORD, QUOTED_WORD_LETTERS = 25.0, 12.0, 8  # a quoted phrase, or one long quoted word, in the other report


def quote_score(a: Statement, b: Statement) -> float:
    """Best match between the two statements' quotes (0-100); 0 when either does not quote."""
    best = 0.0
    for qa in a.quotes:
        for qb in b.quotes:
            if min(len(qa), len(qb)) < 12:
                continue
            best = max(best, fuzz.partial_ratio(qa.lower(), qb.lower()) if min(len(qa), len(qb)) >= 25 else fuzz.ratio(qa.lower(), qb.lower()))
    return best


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
    return NUMBERS if len(numbers_in(a.text) & numbers_in(b.text)) >= 2 else 0.0


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
    return _word_sequence(statement.text, actor_names(statement))


@lru_cache(maxsize=65536)
def _word_sequence(text: str, names: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The claim's content words in text order, and how often each comes, cached: each statement
    meets many candidates."""
    words = name_words(names)
    sequence = tuple(w for w in (next(iter(content_words(x, words)), "") for x in WORD.findall(text.lower())) if w)
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
    return FIGURE_DISPUTED if words_of(a) & words_of(b) <= {fold(unit_of(f)) for f in (*a.figures, *b.figures)} else bonus
