"""Whether a word is a reporting verb here: the forms of speech.toml, checked against their context.

A form reports speech only in its reporting use: "called for" but not "called a meeting", "rejected
the claims" but not "rejected the bill", "put the death toll at 60" but not "put the plan at risk";
not as a result ("reported a 12% rise"), a passive with no agent named ("Staff were told", "was
accused of"), a refusal ("would not say whether"), a title word ("state epidemiologist X"), a noun
("a state of emergency", "the avalanche warning service") or a belief about a clause ("troops are
believed to be").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.pipeline.model import Actor
from service.pipeline.statements.lexicon import (
    auxiliaries, complement_forms, complement_pattern, load, object_conditions, reporting_conditions, reporting_forms, result_objects, words,
)
from service.pipeline.statements.mentions import Mention, Token

_NAMED_AS = re.compile(r"\s+(?:the\s+|a\s+|an\s+|it\s+|them\s+|him\s+|her\s+)?(?:[\w’'-]+\s+){0,4}[“\"]")  # "called X “...”"
_BE = words("be")
_FOUND_FORMS = frozenset(load("speech")["found"]["forms"])
_FOUND = re.compile(r"\s+[a-z]+s\s+(?:in|on|at|of|with|to|near|from|along|under)\s")  # "reported cracks in"
_NOT_BEFORE_VERB = words("not_before_verb")
_COUNT = re.compile(r"\d[\d,]*")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_PLACING = load("speech")["placing"]
PLACING_FORMS = frozenset(_PLACING["forms"])  # their object is a value placed: a time after it is the telling's
_ISSUING = load("speech")["issuing"]
_ISSUED_NOUNS = frozenset(_ISSUING["nouns"])
_ISSUED = re.compile(  # "issued the following statement on Monday, which we reproduce in full:"
    rf"\s+(?:the\s+following|a|an|this|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(_ISSUING['nouns'])})\b[^“”\"]*:\s*$", re.I)
_ISSUED_BY = re.compile(r"\s+by\s+[^“”\"]*:\s*$")  # "The following news release was issued by X on Tuesday:"
VERB_FORMS = frozenset(reporting_forms()) | PLACING_FORMS | frozenset(_ISSUING["forms"])  # the words a reporting verb can be
_PLACED = re.compile(  # "put the death toll at 60", "puts it higher, at up to 900"; not "put it at the top"
    rf"\s+(?:it|(?:the|its|their|this|that|his|her)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(_PLACING['objects'])}))\b(?:\s+[\w’'-]+){{0,3}}?,?"
    rf"\s+(?:(?:{'|'.join(_PLACING['values'])})\b|at\s+(?:[a-z]+\s+){{0,3}}?(?:[\d$£€]|(?:{'|'.join(_PLACING['numbers'])})\b))",
    re.IGNORECASE,
)
_ADVERBS = auxiliaries() - _BE - {"has", "had", "have", "would", "will", "did", "does", "do", "could", "may", "might"}  # "was later told"
_FUNCTION_WORDS = _NOT_BEFORE_VERB | words("unanswered") | words("prepositions")
_WEEKDAY_NAMES = words("weekdays")
_ADVERB_TIMES = words("time_words")


@dataclass(frozen=True, slots=True)
class Speech:
    """One reporting verb with its speaker(s)."""

    verb: Token
    lemma: str
    actors: tuple[Actor, ...]
    subject: tuple[int, int]  # span of the subject phrase
    inverted: bool  # the verb comes before its subject (",” said Ortiz", "according to X")
    prior: bool  # "had previously said": before the reference date
    relative: bool = False  # "X, who said on Monday that ..., admitted": said inside a relative clause
    clause: int | None = None  # "X said ..., adding that ..., according to police estimates": where the source's clause starts


def reporting(toks: list[Token], k: int, rest: str = "") -> str | None:
    """The lemma of ``toks[k]`` when it reports speech here; ``rest`` is the sentence text after it."""
    word = toks[k].text.lower()
    if word in _ISSUING["forms"]:
        return "issue" if _issues(toks, k, rest) else None
    lemma = reporting_forms().get(word) or ("estimate" if word in PLACING_FORMS and _PLACED.match(rest) else None)
    if lemma is None:
        return None
    needs = reporting_conditions().get(word)
    if needs is not None:
        follower = _past_time(toks, k + 1)  # "asked on Tuesday why ...", "called yesterday for ..."
        if follower not in needs and not _NAMED_AS.match(rest) and not judged(word, rest):
            return None  # "called for", or "called the closures “unnecessary”"; not "called a meeting"
    forms, nouns = object_conditions()
    if word in forms and not any(t.text.lower() in nouns for t in toks[k + 1 : k + 5]):
        return None  # "rejected the bill" is a vote, "rejected the claims" a denial
    previous = toks[k - 1].text.lower() if k > 0 else ""
    if word.endswith("s") and _COUNT.fullmatch(previous):
        return None  # "the paper's April 2017 reports", "its 2019 estimates": a plural noun after a year or count
    following = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
    if passive(toks, k) and following != "by":
        return None  # "Staff were told ...", "was accused of fraud", "was denied bail": no one named says it
    if following in result_objects().get(word, ()) or word in _FOUND_FORMS and _FOUND.match(rest):
        return None  # "reported a 12% rise in profit", "reported cracks in the deck": a result (an event), not speech
    went_on = previous == "to" and k > 2 and toks[k - 2].text.lower() == "on" and toks[k - 3].text.lower() in ("went", "goes", "go")
    if previous in _NOT_BEFORE_VERB and quoted_as(toks, k) is None and not went_on:  # "went on to say" says it
        return None  # "When asked", "the estimates", "to say", "their report" are not attributions
    if following in _BE or (previous in _BE and following == "to") or rest.startswith((" to be ", " to have ")):
        return None  # "the 600 the ministry says were hired", "troops are believed to be"
    return lemma


def _issues(toks: list[Token], k: int, rest: str) -> bool:
    """A text given out and reproduced after the colon that ends the sentence: "X issued the following
    statement:", "The following release was issued by X:"."""
    if _ISSUED.match(rest):
        return True
    return passive(toks, k) and bool(_ISSUED_BY.match(rest)) and any(t.text.lower() in _ISSUED_NOUNS for t in toks[max(0, k - 5) : k])


def passive(toks: list[Token], k: int) -> bool:
    """``toks[k]`` is a participle after a form of "be" ("were told", "was later accused"): its subject is
    the audience or the accused, not the speaker ("has been saying" is no passive)."""
    if toks[k].text.lower().endswith(("ing", "s")):
        return False
    j = k - 1
    while j >= 0 and toks[j].text.lower() in _ADVERBS:
        j -= 1
    return j >= 0 and toks[j].text.lower() in _BE


def refused(toks: list[Token], k: int) -> bool:
    """"would not say whether a ransom was paid", "did not say how many": a refusal, no claim."""
    before = toks[k - 1].text.lower() if k else ""
    after = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
    negated = before in ("not", "never") or before.endswith(("n't", "n’t"))
    return negated and (after in words("unanswered") or not after.isalpha())


def judged(word: str, rest: str) -> bool:
    """"called the works irreplaceable": ``word`` judges the object named in ``rest``, the text after it."""
    return word.lower() in complement_forms() and complement_pattern().match(rest) is not None


def modifier(tok: Token, toks: list[Token], k: int, mentions: list[Mention]) -> bool:
    """A bare verb form right before a name is a lower-case title word, not a verb ("state
    epidemiologist X", "report author X"): only inflected forms invert ("said lawyer X")."""
    word, forms = tok.text.lower(), reporting_forms()
    if k + 1 < len(toks) and toks[k + 1].text == "of" and forms.get(word + "s") == forms.get(word):
        return True  # "a state of emergency", "the report of the inquiry": a noun
    if word.endswith("ing") and 0 < k < len(toks) - 1 and _noun(toks[k - 1].text) and _noun(toks[k + 1].text) and toks[k - 1].text not in _BE | auxiliaries() \
            and toks[k + 1].text not in _PRONOUNS:  # "the previous day saying he could not": a clause follows
        return True  # "the avalanche warning service had warned", "ignored warning signs": a noun compound
    if forms.get(word + "s") != forms.get(word) and forms.get(word + "es") != forms.get(word):
        return False  # not a bare form ("said", "wrote", "warns" may invert: "said lawyer X")
    for following in toks[k + 1 : k + 4]:  # "state epidemiologist X", "state chief geologist X"
        if any(m.start == following.start and m.kind in ("person", "group", "title") for m in mentions):
            return True
        if not following.text.isalpha() or not following.text.islower() or following.text in _FUNCTION_WORDS:
            return False  # "allege that Mr X": a clause follows, no title
    return False


def _noun(word: str) -> bool:
    """A lower-case content word: no function word ("as saying that", "estimating the crowd")."""
    return word.isalpha() and word.islower() and word not in _FUNCTION_WORDS


def _past_time(toks: list[Token], j: int) -> str:
    """The first word from ``j`` past a time adverb ("yesterday", "on Tuesday", "a day later"), lower-cased."""
    if j + 1 < len(toks) and toks[j].text.lower() == "on" and toks[j + 1].text in _WEEKDAY_NAMES:
        j += 2
    elif j + 2 < len(toks) and toks[j].text.lower() in ("a", "an", "one", "two", "three") and toks[j + 2].text.lower() in ("later", "earlier"):
        j += 3
    elif j < len(toks) and toks[j].text.lower() in _ADVERB_TIMES:
        j += 1
    return toks[j].text.lower() if j < len(toks) else ""


def quoted_as(toks: list[Token], k: int) -> int | None:
    """"X was quoted (by the Times) as saying ...": where "quoted" stands, whose subject says it."""
    if toks[k].text.lower() != "saying" or k < 3 or toks[k - 1].text.lower() != "as":
        return None
    quoted = next((i for i in range(k - 2, max(0, k - 10), -1) if toks[i].text.lower() == "quoted"), None)
    if quoted is None or toks[quoted - 1].text.lower() not in _BE or (quoted + 1 < k - 1 and toks[quoted + 1].text.lower() != "by"):
        return None
    return quoted
