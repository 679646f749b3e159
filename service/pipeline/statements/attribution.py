"""Who says what in one sentence: the grammar that ties a reporting verb to its speaker.

The speaker is the subject of a reporting verb ("X said", "X, speaking in Y, warned", "X and Y
stated"), the noun after an inverted verb (",” said X") or after "according to" (``according``); a
passive's "by" agent speaks ("was announced by X"). Which words report speech is told in
``reporting``; whom a subject names (a pronoun, "the museum", "it", "a spokesperson for X") in
``speakers``. Words inside quotes never attribute. One sentence may carry two sources' claims,
each its own speech: "X believes 400, while Y puts the figure at 600", "..., with Z estimating ...".
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.pipeline.model import Actor, Sentence
from service.pipeline.statements.according import according, after_according, data_sources
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.lexicon import auxiliaries, prior_markers, reporting_forms, words
from service.pipeline.statements.mentions import Mention, Token, find_mentions, tokens
from service.pipeline.statements.quotes import Quote, outside, within
from service.pipeline.statements.reporting import VERB_FORMS, Speech, modifier, passive, quoted_as, refused, reporting
from service.pipeline.statements.speakers import actors_of, affiliation, head_reference, it_reference
from service.pipeline.statements.subjects import (
    SPEAKER_KINDS, after_quote, clause_opening, clause_subject, inverted_gap, named_holder, participle_subject, relative_subject, sentence_subject, subject_before,
)

__all__ = ["Speech", "find_speech"]

_PREPOSITIONS = words("prepositions")
_STOP_GAP = frozenset({"who", "which", "that", "and", "or", "but"})  # a clause or a second subject in the gap
_BY_GAP = re.compile(r"\s*(?:the\s+)?(?:[a-z-]+\s+){0,2}", re.IGNORECASE)  # "announced by (the) X", "welcomed by environmental groups"
_FIRST_PERSON = words("first_person")
_BE = words("be")
_JOINT_TAIL = re.compile(r"(?:\s+and\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)?\s*")  # "with Kenya and other donors"
_WITH_LEAD = re.compile(r"(?:^|[,;]\s*)with\s+(?:(?:[A-Z][\w’'-]*\s+){1,3}and\s+)?(?:the\s+|its\s+|their\s+)?$")
_AND = re.compile(r"\s+and\s+")
_FINITE_NEXT = re.compile(r"\s+(?:had|has|have|was|were|is|are|would|will|could|should|might|may|must|did|does|do)\b")
_FOUND_TEXT = re.compile(
    r"\b(?:found|discovered|received|saw|seized|recovered|carried|held|displayed|waved)\s+(?:a|an|the|some|several)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:notes?|signs?|letters?|messages?|banners?|placards?|posters?|documents?|e-?mails?|leaflets?|graffiti)\b[^,;:“”\"]*$", re.I)  # through the verb
# "X had posted a message on social media the previous day saying ...": the message's sender says it
_MESSAGE = re.compile(
    r"\b(?:posted|issued|released|published|sent|wrote|tweeted|put\s+out)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:message|statement|letter|note|post|video|tweet|e-?mail|memo|notice)\b[^,;:“”\"]*$", re.I)
_GAP_BREAK = re.compile(r"[,;:“”\"()]")
_NESTED_BREAK = re.compile(r"[,;:“”\"]")


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
    unheard: list[int] = []  # reporting verbs with no speaker named ("were told", "A worker ... said"): their content is no one's claim
    for k, tok in enumerate(toks):
        if tok.text.lower() not in VERB_FORMS:
            continue  # most words: no verb of speech
        lemma = reporting(toks, k, text[tok.end - offset :])
        if lemma is None or any(m.start <= tok.start < m.end for m in mentions) or modifier(tok, toks, k, mentions):
            continue
        if refused(toks, k):
            continue
        speech = _speech(text, offset, toks, k, lemma, mentions, resolved, cast, last, found)
        if speech:
            found.append(speech)
        else:
            unheard.append(tok.end)
    found = _outer(found, unheard, text, offset)
    sources = according(text, offset, mentions, resolved, quotes, cast)
    found.extend(a for a in sources if not found or a.verb.start - offset < 3)
    found.extend(data_sources(sources, found, text, offset))
    opener = next((m for m in mentions if clause_opening(text[: m.start - offset].rstrip())), None)
    opens = resolved.get(opener.start, ()) if opener and opener.kind == "person" else ()
    return sorted(found, key=lambda s: s.verb.start), opens


def _speech(text, offset, toks, k, lemma, mentions, resolved, cast, last, found) -> Speech | None:
    verb, quoted = toks[k], quoted_as(toks, k)
    if quoted is not None:  # "X was quoted as saying": the verb's subject stands before "was quoted"
        k = quoted
    j, aux = k - 1, auxiliaries()
    while j >= 0 and toks[j].text.lower() in aux:
        j -= 1
    prior = any(t.text.lower() in prior_markers() for t in toks[j + 1 : k])
    if j >= 0 and toks[j].text.lower() in _FIRST_PERSON:
        return None  # the author speaking ("I suspect"), not a source
    agent = _agent(text, offset, toks, k, mentions) if quoted is None else None
    if agent is None and quoted is None and passive(toks, k):
        return None  # "was criticised by opposition parties": the agent speaks, and is not named
    subject = agent or subject_before(text, offset, toks, k, mentions, strict=True)
    relative = subject is None and (subject := relative_subject(toks, k, mentions)) is not None
    inverted = agent is not None
    if _FOUND_TEXT.search(text, 0, verb.end - offset):
        return None  # "Police found a note at the scene saying ...": the note's words, no one named wrote them
    if subject is None and verb.text.endswith("ing") and k > 0 and (toks[k - 1].text == "," or _MESSAGE.search(text, 0, verb.start - offset)):
        if found:  # "X welcomed it, but Y said ..., warning that ...": the nearest speaker goes on
            return Speech(verb, lemma, found[-1].actors, found[-1].subject, False, prior, found[-1].relative)
        subject = sentence_subject(text, offset, mentions)  # "X has resigned, saying ...": X says it
    if subject is None and verb.text.endswith("ing"):
        subject = _absolute_subject(text, offset, mentions, verb.start)
    if subject is None and (k == 0 or toks[k - 1].text in {",", "”", "\"", "’"} or after_quote(text, offset, verb.start)):
        subject = next((m for m in mentions if m.start > verb.start and m.kind in SPEAKER_KINDS and inverted_gap(text[verb.end - offset : m.start - offset])), None)
        subject = None if subject and _FINITE_NEXT.match(text, subject.end - offset) else subject  # "..., said staff had complained": content
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
    head = _before_relative(toks, j)  # "The association, which represents 1,100 pilots, said"
    if (subject is None or subject.kind == "orgref") and (named := head_reference(text, offset, toks, head, cast) or _it_reference(text, offset, toks, j, k, last)):
        subject, resolved[named[0].start] = named[0], (named[1],)  # "the museum" is the "... Museum" named
    if subject is None:
        return None
    if after_according(text[: subject.start - offset]):
        return None  # "according to police estimates": a source, not a verb
    actors, first = actors_of(subject, mentions, resolved, text, offset, cast, last, found)
    if not actors:
        return None
    holder = affiliation(subject, mentions, resolved, text, offset)
    return Speech(verb, lemma, actors, (first, phrase_end or (holder.end if holder else subject.end)), inverted, prior, relative)


def _before_relative(toks: list[Token], j: int) -> int:
    """The head noun before a relative clause that ends at ``toks[j]`` (", which represents ...,"), else ``j``."""
    if j < 2 or toks[j].text != ",":
        return j
    for i in range(j - 1, max(0, j - 20), -1):
        if toks[i].text == ",":
            return i - 1 if i + 1 < j and toks[i + 1].text.lower() in ("which", "who") and i > 0 else j
    return j


def _it_reference(text: str, offset: int, toks: list[Token], j: int, k: int, last: tuple[Actor, ...]) -> tuple[Mention, Actor] | None:
    """"Apple said ... It said ...": "it" never names a person, so a lone one-word name with no title
    or organisation that spoke last is a firm, the antecedent of "it" (the same actor as before)."""
    lone = len(last) == 1 and last[0].kind == "person" and " " not in last[0].name and not last[0].title and not last[0].organisation
    found = it_reference(text, offset, toks, j, k, (replace(last[0], kind="organisation"),) if lone else last)
    return (found[0], last[0]) if found else None


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
    partner = next((m for m in mentions if m.start > opener.end and m.kind in ("person", "organisation") and _AND.fullmatch(text, opener.end - offset, m.start - offset)), None)
    opener = partner if partner and partner.end <= toks[j].end else opener  # "X and Chief Y of the Z Nation called": Y, joined to X
    gap = text[opener.end - offset : toks[j].end - offset]
    words = gap.split()
    if not words or len(words) > 12 or _GAP_BREAK.search(gap):
        return None
    if words[0].lower() in ("who", "that"):  # one relative clause: no second one, no reporting verb in it
        return None if any(w.lower() in _STOP_GAP or w.lower() in reporting_forms() for w in words[1:]) else opener
    if words[0].lower() not in _PREPOSITIONS:
        return None
    return None if any(w.lower() in _BE | auxiliaries() | _STOP_GAP for w in words) else opener


def _outer(found: list[Speech], unheard: list[int], text: str, offset: int) -> list[Speech]:
    """Drop a verb nested in another's reported content ("Lind said the bank expected ..."): same
    speech; or in the content of a verb with no speaker ("A worker, who asked not to be named, said
    staff had complained ..."): a claim the article gives no one."""
    out: list[Speech] = []
    for speech in found:
        outer = next((s.verb.end for s in out if s.verb.end <= speech.subject[0] and not s.inverted), None)
        if outer and not _NESTED_BREAK.search(text[outer - offset : speech.subject[0] - offset]):
            continue
        if any(end <= speech.subject[0] and not _NESTED_BREAK.search(text[end - offset : speech.subject[0] - offset]) for end in unheard):
            continue
        out.append(speech)
    return out
