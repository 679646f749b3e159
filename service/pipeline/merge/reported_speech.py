"""One outlet's quote and another's indirect speech of it: the same statement.

Reported speech shifts tense and person back ("we will have" ~ "they would have") but keeps a run
of the speaker's words; shifting the indirect wording forward again (resources/claims.toml,
``backshift``) lets the two be compared word for word.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from service.pipeline.merge.claim_words import Weights, claims_lexicon, content_words
from service.pipeline.model import Statement

QUOTE_RETOLD, RETOLD_RUN = 40.0, 4  # a quote told in another's indirect speech keeps this many of its words in a row
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


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
    return content_words(" ".join(claims_lexicon()["retold"]["phrase_words"]))


@lru_cache(maxsize=65536)
def _shifted(text: str) -> tuple[str, ...]:
    """The text's words, tense and person as a quote has them: "they would" -> "one will"."""
    shift = claims_lexicon()["backshift"]
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
