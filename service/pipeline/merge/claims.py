"""Claim comparison: do two outlets report the same claim, even paraphrased?

Claims are compared on their content words (claim_words.py), weighted by rarity in the story, and,
where both quote, on the quoted words themselves; bonuses for what one claim alone seldom shares
with another: two exact numbers, a quoted phrase, one act of one actor (event_acts.py), the
skeleton of a paraphrase, a count of one thing (counts.py). A claim that denies what the other
asserts is another claim. One speaker's two reports of a day (``claim_score``) may be worded further
apart: one speaker says few things a day, and two outlets word one remark each their own way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from service.pipeline.merge.claim_words import UNSET, WORD, Weights, content_words, fold, name_words, numbers_in, proper_words, traits, words_of
from service.pipeline.merge.counts import FIGURE_DISPUTED, counts_one_thing, figure_bonus, one_measure, same_count, unit_of
from service.pipeline.merge.event_acts import same_act
from service.pipeline.merge.reported_speech import retold_quote
from service.pipeline.model import Statement

QUOTE_FLOOR = 75.0  # below this, fuzzy matches between different quotes are noise
SKELETON, SKELETON_WORDS = 15.0, 4  # bonus when this many content words recur in the same order
NUMBERS = 25.0  # bonus for two shared exact numbers
SAME_CLAIM = 44.0  # content-word / quote similarity for one entry
SPEAKER_BONUS = 16.0  # one named person or body on one day says few things: a looser paraphrase is the same one
OUTLETS_ONE_PERSON = 30.0  # ... and two outlets' reports of one person sharing two of the story's rare words, looser still
SHARED, GIST, GIST_WORDS = "shared", "gist", 3  # how two outlets told one person's remark alike; a gist's most words
RARE = 1 / 3  # a word at most this share of the story's statements use is distinctive of a claim
QUOTED_PHRASE, QUOTED_WORD, QUOTED_WORD_LETTERS = 25.0, 12.0, 8  # a quoted phrase, or one long quoted word, in the other report


def quote_score(a: Statement, b: Statement) -> float:
    """Best match between the two statements' quotes (0-100); 0 when either does not quote."""
    if not a.quotes or not b.quotes:
        return 0.0
    best = 0.0
    for qa in _lowered(a):
        for qb in _lowered(b):
            if min(len(qa), len(qb)) < 12:
                continue
            best = max(best, fuzz.partial_ratio(qa, qb) if min(len(qa), len(qb)) >= 25 else fuzz.ratio(qa, qb))
    return best


def _lowered(statement: Statement) -> tuple[str, ...]:
    """The statement's quotes in lower case, once per statement."""
    held = traits(statement)
    found = held.quotes
    if found is UNSET:
        found = held.quotes = tuple(q.lower() for q in statement.quotes)
    return found


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
    if not weights.any_telling(words_of(a) & words_of(b)):
        return 0.0
    (x, counted_x), (y, counted_y) = _sequence(a), _sequence(b)
    if sum(min(n, counted_y.get(w, 0)) for w, n in counted_x.items()) < SKELETON_WORDS:
        return 0.0  # too few words in common for a run of them: no need to look for one
    return SKELETON if _common_run(x, y) >= SKELETON_WORDS else 0.0


def _sequence(statement: Statement) -> tuple[tuple[str, ...], dict[str, int]]:
    held = traits(statement)
    found = held.sequence
    if found is UNSET:
        found = held.sequence = _word_sequence(statement.text, held.names)
    return found


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


_NEGATOR = re.compile(r"\b(?:not|never|no longer|nor|refused to|declined to|denied)\b|n[’']t\b", re.IGNORECASE)
NEGATED_WORDS = 3  # a negator's verb comes within this many words: "would not be lifted", "has never been paid"


def opposite(a: Statement, b: Statement) -> bool:
    """One claim denies what the other asserts: a word negated in one ("the order would not be lifted
    before the weekend") stands in the other, which denies nothing ("the order would be lifted in the
    northern districts on Friday"). Stop words drop "not", so the words alone would call them one claim."""
    na, nb = _negated_in(a), _negated_in(b)
    if bool(na) == bool(nb):
        return False  # both deny something: a paraphrase often moves the negation ("could not risk a debt" ~ "could not take on a debt")
    return bool(na & words_of(b)) or bool(nb & words_of(a))


def _negated_in(statement: Statement) -> frozenset[str]:
    held = traits(statement)
    found = held.negated
    if found is UNSET:
        found = held.negated = _negated(statement.text)
    return found


@lru_cache(maxsize=65536)
def _negated(text: str) -> frozenset[str]:
    """The word a negator denies: the first content word within a few words after it ("would not be
    lifted" -> lift); not what follows it ("will not stop searching" denies the stopping, not the search)."""
    out: set[str] = set()
    for m in _NEGATOR.finditer(text):
        following = (content_words(w) for w in WORD.findall(text[m.end() :].lower())[:NEGATED_WORDS])
        out |= next((w for w in following if w), frozenset())
    return frozenset(out)


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


def claim_score(a: Statement, b: Statement, weights: Weights, score: float | None = None) -> float:
    """Claim similarity, raised for one named person's or body's two statements: one speaker on one day says
    few things, so a looser paraphrase ("would appeal against the verdict" ~ "to challenge the
    conviction") is the same one, and so is one count of one thing given twice ("40 posts" ~ "45 posts").
    Only when they share a telling word: the story's common words ("the storm", "the coast") are in all one says.
    One speaker's quote retold by another outlet in indirect speech is the same statement too (``retold_quote``)."""
    score = same_claim(a, b, weights) if score is None else score
    if _same_speakers(a, b):
        score += retold_quote(a, b, weights)
    limit, used = max(2, weights.n * RARE), weights.df.get
    rare = [w for w in words_of(a) & words_of(b) if used(w, 0) <= limit]
    counted = counts_one_thing(a, b)  # "40 posts" v "45 new posts"
    if _one_speaker(a, b) and any(map(weights.telling, rare)):
        if (alike := _told_alike(a, b, weights)) is not None:
            return max(score + OUTLETS_ONE_PERSON, SAME_CLAIM) if alike == GIST else score + OUTLETS_ONE_PERSON
        if len(rare) >= (1 if counted else 2):
            return score + SPEAKER_BONUS
    if _one_estimate(a, b):
        return score + SPEAKER_BONUS
    return max(score, SAME_CLAIM) if _same_actor(a, b) and (_unnamed_count(a, b, weights) or _unnamed_count(b, a, weights)) else score


def _told_alike(a: Statement, b: Statement, weights: Weights) -> str | None:
    """Two outlets' reports of one named person told alike: sharing two words few claims of the story
    use (``SHARED``), names of places and firms left out, as each outlet words the remark its own way
    ("had skied past signs closing the slope" ~ "ignored barriers and warning signs", "a moment of
    history" ~ "This is history ... India's private space industry"); or one giving the gist of the
    other in a few words all found in it (``GIST``: "FerroAdria would appeal" ~ "the company would
    appeal, arguing that most delays were caused by track works"). Two of one person's claims of a day
    seldom share so much. Not within one article, which tells a person's several claims in one
    vocabulary, nor unless both are dated to a day: "said last week" and "said yesterday" are two days."""
    if a.article_id == b.article_id or a.actors[0].kind != "person" or not (_on_a_day(a) and _on_a_day(b)):
        return None
    told_a, told_b = words_of(a) - proper_words(a.text), words_of(b) - proper_words(b.text)
    shared = told_a & told_b
    if sum(map(weights.telling, shared)) >= 2:
        return SHARED
    gist = min(told_a, told_b, key=len)
    return GIST if 0 < len(gist) <= GIST_WORDS and gist <= shared and any(map(weights.telling, gist)) else None


def _on_a_day(statement: Statement) -> bool:
    """Dated to a known day (not "a Tuesday" of an unknown week)."""
    return statement.date is not None and statement.date.granularity == "day" and statement.date.earliest is not None


def _one_estimate(a: Statement, b: Statement) -> bool:
    """One actor, person or body, giving one exact count of one unit in two statements, worded as
    they like ("The union believes it could be as high as 900 jobs" ~ "The union has put the figure
    higher, at up to 900"): one estimate, if they share a word besides the counted noun (not
    "12 clinics have closed" v "12 clinics will reopen")."""
    if not _same_actor(a, b):
        return False
    units = same_count(a, b)
    return bool(units) and bool(words_of(a) & words_of(b) - {fold(u) for u in units})


def _same_actor(a: Statement, b: Statement) -> bool:
    return a.kind == b.kind == "statement" and len(a.actors) == len(b.actors) == 1 and a.actors[0].id == b.actors[0].id


def _unnamed_count(a: Statement, b: Statement, weights: Weights) -> bool:
    """"more than 500,000 Russian troops" ~ "has reached over 500,000": one actor's large exact figure
    that no other claim of the story gives, the other report giving it without its noun (so nothing
    says they count different things)."""
    if b.figures:
        return False
    told = numbers_in(b.text)
    return any(f.low == f.high >= 1000 and (n := str(int(f.low))) in told and weights.df["#" + n] <= 2 for f in a.figures)


def _same_speakers(a: Statement, b: Statement) -> bool:
    """Two statements of the same speakers, person or body."""
    return a.kind == b.kind == "statement" and bool(a.actors) and {x.id for x in a.actors} == {x.id for x in b.actors}


def _one_speaker(a: Statement, b: Statement) -> bool:
    """The same one named person or body (a company, a ministry, a board) reporting, in two statements:
    not a group ("officials", "residents"), whose members say many things on one day."""
    one = len(a.actors) == len(b.actors) == 1 and a.actors[0].id == b.actors[0].id
    return a.kind == b.kind == "statement" and one and a.actors[0].kind != "group"
