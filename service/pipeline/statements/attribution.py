"""Who says what in one sentence: reporting verbs and the grammar that ties them to a speaker.

The speaker is the subject of a reporting verb ("X said", "X, speaking in Y, warned", "X and Y
stated"), the noun after an inverted verb (",” said X") or after "according to"; a passive's "by"
agent speaks ("was announced by X"). Whom a subject names (a pronoun, "the museum", "it", "a
spokesperson for X") is told in ``speakers``.
Denials ("denied any wrongdoing", "rejected the claims") and judgements ("called the plan unworkable")
are statements. Words inside quotes never attribute. One sentence may carry two sources' claims,
each its own speech: "X believes 11,000, while Y puts the figure at 12,000", "..., with Z estimating
...", and a source of figures closing a later clause ("..., adding that ..., according to US estimates").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from service.pipeline.model import Actor, Sentence
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.lexicon import (
    auxiliaries, complement_forms, complement_pattern, load, object_conditions, prior_markers, reporting_conditions, reporting_forms, result_objects, words,
)
from service.pipeline.statements.mentions import Mention, Token, find_mentions, tokens
from service.pipeline.statements.quotes import Quote, inside, outside, within
from service.pipeline.statements.speakers import actors_of, affiliated, affiliation, head_reference, it_reference
from service.pipeline.statements.subjects import (
    SPEAKER_KINDS, after_quote, clause_opening, clause_subject, inverted_gap, named_holder, participle_subject, relative_subject, sentence_subject, source_gap, subject_before,
)

_NAMED_AS = re.compile(r"\s+(?:the\s+|a\s+|an\s+|it\s+|them\s+|him\s+|her\s+)?(?:[\w’'-]+\s+){0,4}[“\"]")  # "called X “...”"
_PREPOSITIONS = words("prepositions")
_STOP_GAP = frozenset({"who", "which", "that", "and", "or", "but"})  # a clause or a second subject in the gap
_BY_GAP = re.compile(r"\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}", re.IGNORECASE)  # "announced by (the) X", "welcomed by environmental groups"
_FIRST_PERSON = words("first_person")
_BE = words("be")
_NOT_BEFORE_VERB = words("not_before_verb")
_PLACING = load("speech")["placing"]
_PLACING_FORMS = frozenset(_PLACING["forms"])
_VERB_FORMS = frozenset(reporting_forms()) | _PLACING_FORMS  # the words a reporting verb can be
_PLACED = re.compile(  # "put the death toll at 60", "places it even higher, at up to 12,000"; not "put it at the top"
    rf"\s+(?:it|(?:the|its|their|this|that|his|her)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(_PLACING['objects'])}))\b(?:\s+[\w’'-]+){{0,3}}?,?"
    rf"\s+(?:(?:{'|'.join(_PLACING['values'])})\b|at\s+(?:[a-z]+\s+){{0,3}}?(?:[\d$£€]|(?:{'|'.join(_PLACING['numbers'])})\b))",
    re.IGNORECASE,
)
_DATA_SOURCE = frozenset(load("speech")["according"]["data"]["nouns"])
_CLAUSE_START = re.compile(r",\s+(?=(?:which|where|who)\b)|(?:,\s+and\b|,(?=\s)|\bthat\b|;)\s*")  # where a clause of its own starts
_WEEKDAY_NAMES = words("weekdays")
_ADVERB_TIMES = words("time_words")
_ACCORDING_PHRASES = tuple((p, re.compile(r"\b" + re.escape(p) + r"\b")) for p in load("speech")["according"]["phrases"])
_ACCORDING_END = re.compile(r"\baccording to\s*$", re.IGNORECASE)
_JOINT_TAIL = re.compile(r"(?:\s+and\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)?\s*")  # "with Kenya and other donors"
_WITH_LEAD = re.compile(r"(?:^|[,;]\s*)with\s+(?:(?:[A-Z][\w’'-]*\s+){1,3}and\s+)?(?:the\s+|its\s+|their\s+)?$")
_GAP_BREAK = re.compile(r"[,;:“”\"()]")
_NESTED_BREAK = re.compile(r"[,;:“”\"]")
_LOWER_WORD = re.compile(r"[a-z]+")
_SOURCE_TAIL = re.compile(r"(?:\s+[a-z]+){1,2}(?=\s*[,.]|$)")  # "according to US estimates,"
_BRACKET = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Speech:
    """One reporting verb with its speaker(s)."""

    verb: Token
    lemma: str
    actors: tuple[Actor, ...]
    subject: tuple[int, int]  # span of the subject phrase
    inverted: bool  # the verb comes before its subject (",” said Austin", "according to X")
    prior: bool  # "had previously said": before the reference date
    relative: bool = False  # "X, who said on Monday that ..., admitted": said inside a relative clause
    clause: int | None = None  # "X said ..., adding that ..., according to US estimates": where the source's clause starts


def find_speech(sentence: Sentence, quotes: tuple[Quote, ...], cast: Cast, last: tuple[Actor, ...]) -> tuple[list[Speech], tuple[Actor, ...]]:
    """Reporting verbs of a sentence with their speakers, and the person the sentence opens with.

    ``last`` is the latest subject: the previous statement's speakers or the person a later
    sentence opened with ("Marin, 24, signed. “...,” he said": he is Marin).
    """
    text, offset = sentence.text, sentence.start
    quotes = within(quotes, sentence.start, sentence.end)
    toks = outside(quotes, tokens(text, offset))
    mentions = [m for m in outside(quotes, find_mentions(text, offset)) if cast.is_name(m)]
    resolved: dict[int, tuple[Actor, ...]] = {}
    for m in mentions:  # register names in reading order so surnames resolve to the latest person
        actor = cast.resolve(m)
        if actor:
            resolved[m.start] = (actor,)
    found: list[Speech] = []
    for k, tok in enumerate(toks):
        if tok.text.lower() not in _VERB_FORMS:
            continue  # most words: no verb of speech
        lemma = _reporting(toks, k, text[tok.end - offset :])
        if lemma is None or any(m.start <= tok.start < m.end for m in mentions) or _modifier(tok, toks, k, mentions):
            continue
        if _refused(toks, k):
            continue
        speech = _speech(text, offset, toks, k, lemma, mentions, resolved, cast, last, found)
        if speech:
            found.append(speech)
    found = _outer(found, text, offset)
    according = _according(text, offset, mentions, resolved, quotes, cast)
    found.extend(a for a in according if not found or a.verb.start - offset < 3)
    found.extend(_data_sources(according, found, text, offset))
    opener = next((m for m in mentions if clause_opening(text[: m.start - offset].rstrip())), None)
    opens = resolved.get(opener.start, ()) if opener and opener.kind == "person" else ()
    return sorted(found, key=lambda s: s.verb.start), opens


def _refused(toks: list[Token], k: int) -> bool:
    """"would not say whether a ransom was paid", "did not say how many": a refusal, no claim."""
    before = toks[k - 1].text.lower() if k else ""
    after = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
    negated = before in ("not", "never") or before.endswith(("n't", "n’t"))
    return negated and (after in words("unanswered") or not after.isalpha())


def judged(word: str, rest: str) -> bool:
    """"called the works irreplaceable": ``word`` judges the object named in ``rest``, the text after it."""
    return word.lower() in complement_forms() and complement_pattern().match(rest) is not None


def _modifier(tok: Token, toks: list[Token], k: int, mentions: list[Mention]) -> bool:
    """A bare verb form right before a name is a lower-case title word, not a verb ("state
    epidemiologist X", "report author X"): only inflected forms invert ("said lawyer X")."""
    word, forms = tok.text.lower(), reporting_forms()
    if forms.get(word + "s") != forms.get(word) and forms.get(word + "es") != forms.get(word):
        return False  # not a bare form ("said", "wrote", "warns" may invert: "said lawyer X")
    for following in toks[k + 1 : k + 4]:  # "state epidemiologist X", "state chief geologist X"
        if any(m.start == following.start and m.kind in ("person", "group", "title") for m in mentions):
            return True
        if not following.text.isalpha() or not following.text.islower():
            return False
    return False


def _reporting(toks: list[Token], k: int, rest: str = "") -> str | None:
    word = toks[k].text.lower()
    lemma = reporting_forms().get(word) or ("estimate" if word in _PLACING_FORMS and _PLACED.match(rest) else None)
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
    following = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
    if lemma == "deny" and previous in _BE and following != "by":
        return None  # "was denied bail": passive, no one's denial ("were denied by the firm" is the firm's)
    if following in result_objects().get(word, ()):
        return None  # "reported a 12% rise in profit": a result (an event), not speech
    if previous in _NOT_BEFORE_VERB and _quoted_as(toks, k) is None:
        return None  # "When asked", "the estimates", "to say", "their report" are not attributions
    if following in _BE or (previous in _BE and following == "to") or rest.startswith((" to be ", " to have ")):
        return None  # "the 10,000 the US says were deployed", "troops are believed to be"
    return lemma


def _past_time(toks: list[Token], j: int) -> str:
    """The first word from ``j`` past a time adverb ("yesterday", "on Tuesday"), lower-cased."""
    if j + 1 < len(toks) and toks[j].text.lower() == "on" and toks[j + 1].text in _WEEKDAY_NAMES:
        j += 2
    elif j < len(toks) and toks[j].text.lower() in _ADVERB_TIMES:
        j += 1
    return toks[j].text.lower() if j < len(toks) else ""


def _quoted_as(toks: list[Token], k: int) -> int | None:
    """"X was quoted (by the Times) as saying ...": where "quoted" stands, whose subject says it."""
    if toks[k].text.lower() != "saying" or k < 3 or toks[k - 1].text.lower() != "as":
        return None
    quoted = next((i for i in range(k - 2, max(0, k - 10), -1) if toks[i].text.lower() == "quoted"), None)
    if quoted is None or toks[quoted - 1].text.lower() not in _BE or (quoted + 1 < k - 1 and toks[quoted + 1].text.lower() != "by"):
        return None
    return quoted


def _speech(text, offset, toks, k, lemma, mentions, resolved, cast, last, found) -> Speech | None:
    verb, quoted = toks[k], _quoted_as(toks, k)
    if quoted is not None:  # "X was quoted as saying": the verb's subject stands before "was quoted"
        k = quoted
    j, aux = k - 1, auxiliaries()
    while j >= 0 and toks[j].text.lower() in aux:
        j -= 1
    prior = any(t.text.lower() in prior_markers() for t in toks[j + 1 : k])
    if j >= 0 and toks[j].text.lower() in _FIRST_PERSON:
        return None  # the author speaking ("I suspect"), not a source
    agent = _agent(text, offset, toks, k, mentions) if quoted is None else None
    subject = agent or subject_before(text, offset, toks, k, mentions, strict=True)
    relative = subject is None and (subject := relative_subject(toks, k, mentions)) is not None
    inverted = agent is not None
    if subject is None and verb.text.endswith("ing") and k > 0 and toks[k - 1].text == ",":
        subject = sentence_subject(text, offset, mentions)  # "X has resigned, saying ...": X says it
    if subject is None and verb.text.endswith("ing"):
        subject = _absolute_subject(text, offset, mentions, verb.start)
    if subject is None and (k == 0 or toks[k - 1].text in {",", "”", "\"", "’"} or after_quote(text, offset, verb.start)):
        subject = next((m for m in mentions if m.start > verb.start and m.kind in SPEAKER_KINDS and inverted_gap(text[verb.end - offset : m.start - offset])), None)
        subject = named_holder(subject, mentions, text, offset) if subject and (subject.possessive or subject.kind == "title") else subject
        inverted = subject is not None
    phrase_end = None  # a participle phrase belongs to the subject: its times are not the saying's
    if subject is None:
        subject = clause_subject(text, offset, mentions, verb.start, 5)
    if subject is None:
        subject = participle_subject(text, offset, mentions, verb.start)
        phrase_end = verb.start if subject else None
    if subject is None and (subject := _qualified_opener(text, offset, mentions, j, toks)):
        phrase_end = toks[j].end
    if (subject is None or subject.kind == "orgref") and (named := head_reference(text, offset, toks, j, cast) or it_reference(text, offset, toks, j, k, last)):
        subject, resolved[named[0].start] = named[0], (named[1],)  # "the museum" is the "... Museum" named
    if subject is None:
        return None
    if _ACCORDING_END.search(text[: subject.start - offset]):
        return None  # "according to US estimates": a source, not a verb
    actors, first = actors_of(subject, mentions, resolved, text, offset, cast, last, found)
    if not actors:
        return None
    holder = affiliation(subject, mentions, resolved, text, offset)
    return Speech(verb, lemma, actors, (first, phrase_end or (holder.end if holder else subject.end)), inverted, prior, relative)


def _absolute_subject(text: str, offset: int, mentions: list[Mention], verb_start: int) -> Mention | None:
    """"..., with organisers estimating the crowd at 10,000": the noun after "with" says the participle
    (the first of a joint subject, "with Kenya and other donors pledging")."""
    for m in mentions:
        if m.kind in SPEAKER_KINDS and not m.possessive and _JOINT_TAIL.fullmatch(text[m.end - offset : verb_start - offset]) \
                and _WITH_LEAD.search(text[: m.start - offset]):
            return m
    return None


def _agent(text: str, offset: int, toks: list[Token], k: int, mentions: list[Mention]) -> Mention | None:
    """"The closure was announced by the port authority": the "by" agent of a passive reporting verb speaks."""
    if k == 0 or k + 1 >= len(toks) or toks[k - 1].text.lower() not in _BE or toks[k + 1].text.lower() != "by":
        return None
    after = toks[k + 1].end
    return next((m for m in mentions if m.start >= after and m.kind in SPEAKER_KINDS and _BY_GAP.fullmatch(text, after - offset, m.start - offset)), None)


def _qualified_opener(text: str, offset: int, mentions: list[Mention], j: int, toks: list[Token]) -> Mention | None:
    """"Officials at the health ministry in Oslo said", "Residents who live near the river said": the
    sentence's opening speaker, qualified only by prepositional phrases or one relative clause up to the
    verb (no comma or quote between)."""
    opener = sentence_subject(text, offset, mentions)
    if opener is None or j < 0 or opener.end > toks[j].end:
        return None
    gap = text[opener.end - offset : toks[j].end - offset]
    words = gap.split()
    if not words or len(words) > 12 or _GAP_BREAK.search(gap):
        return None
    if words[0].lower() in ("who", "that"):  # one relative clause: no second one, no reporting verb in it
        return None if any(w.lower() in _STOP_GAP or w.lower() in reporting_forms() for w in words[1:]) else opener
    if words[0].lower() not in _PREPOSITIONS:
        return None
    return None if any(w.lower() in _BE | auxiliaries() | _STOP_GAP for w in words) else opener


def _outer(found: list[Speech], text: str, offset: int) -> list[Speech]:
    """Drop a verb nested in another's reported content ("Lind said the bank expected ..."): same speech."""
    out: list[Speech] = []
    for speech in found:
        outer = next((s for s in out if s.verb.end <= speech.subject[0] and not s.inverted), None)
        if outer and not _NESTED_BREAK.search(text[outer.verb.end - offset : speech.subject[0] - offset]):
            continue
        out.append(speech)
    return out


def _data_sources(according: list[Speech], found: list[Speech], text: str, offset: int) -> list[Speech]:
    """"He said ..., adding that losses have reached 500,000, according to US estimates": a source of
    figures closing a later clause of another speaker's sentence claims that clause, not the sentence."""
    out = []
    for source in according:
        if source in found or not _DATA_SOURCE & set(_LOWER_WORD.findall(text[source.verb.end - offset : source.subject[1] - offset])):
            continue
        before = [s.verb.end for s in found if s.verb.end <= source.verb.start]
        if not before:
            continue
        clause = text[max(before) - offset : source.verb.start - offset].rstrip(" ,")
        boundaries = list(_CLAUSE_START.finditer(clause))
        if boundaries and boundaries[-1].end() < len(clause):
            out.append(replace(source, clause=max(before) + boundaries[-1].end()))
    return out


def _according(text, offset, mentions, resolved, quotes, cast) -> list[Speech]:
    """"..., according to X": X is the source of the sentence's claim."""
    out = []
    lowered = text.lower()
    for literal, phrase in _ACCORDING_PHRASES:
        if literal not in lowered:
            continue  # most sentences: spare the scan
        for match in phrase.finditer(lowered):
            start = match.start() + offset
            if inside(quotes, start):
                continue
            after = match.end() + offset
            m = next((m for m in mentions if m.start >= after and m.start in resolved and source_gap(text[after - offset : m.start - offset])), None)
            if m is None:
                continue
            verb = Token(text[match.start() : match.end()], start, after)
            tail = _SOURCE_TAIL.match(text[m.end - offset :])
            end = m.end + (tail.end() if tail else 0)  # "according to US estimates,"
            bracket = _BRACKET.match(text[end - offset :])
            end += bracket.end() if bracket else 0  # "according to the Office for National Statistics (ONS)"
            actors = affiliated(m, mentions, resolved, text, offset, cast) or resolved[m.start]
            out.append(Speech(verb, "according", actors, (m.start, end), True, False))
    return out
