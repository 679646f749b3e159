"""Sources named after their claim: "..., according to X", "as reported by X", "in the words of X".

X is the source of the sentence's claim. A source of figures closing a later clause of another
speaker's sentence ("He said ..., adding that losses have reached 500,000, according to US
estimates") claims that clause only; a reporter ("according to the Times") never splits a sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.pipeline.statements.actors import Cast
from service.pipeline.statements.lexicon import load
from service.pipeline.statements.mentions import Mention, Token
from service.pipeline.statements.quotes import Quote, inside
from service.pipeline.statements.reporting import Speech
from service.pipeline.statements.speakers import affiliated
from service.pipeline.statements.subjects import source_gap

_ACCORDING = load("speech")["according"]
_PHRASES = tuple((p, re.compile(r"\b" + re.escape(p) + r"\b")) for p in _ACCORDING["phrases"])
_DATA_SOURCE = frozenset(_ACCORDING["data"]["nouns"])
_SOURCE_END = re.compile(r"\baccording to\s*$", re.IGNORECASE)
_CLAUSE_START = re.compile(r",\s+(?=(?:which|where|who)\b)|(?:,\s+and\b|,(?=\s)|\bthat\b|;)\s*")  # where a clause of its own starts
_LOWER_WORD = re.compile(r"[a-z]+")
_SOURCE_TAIL = re.compile(r"(?:\s+[a-z]+){1,2}(?=\s*[,.]|$)")  # "according to police estimates,"
_BRACKET = re.compile(r"\s*\([^)]*\)")


def after_according(lead: str) -> bool:
    """``lead`` (the text before a noun) ends in "according to": the noun is a source, not a subject."""
    return _SOURCE_END.search(lead) is not None


def according(text: str, offset: int, mentions: list[Mention], resolved, quotes: tuple[Quote, ...], cast: Cast) -> list[Speech]:
    """"..., according to X": X is the source of the sentence's claim ("the union": the union named before)."""
    out = []
    lowered = text.lower()
    for literal, phrase in _PHRASES:
        if literal not in lowered:
            continue  # most sentences: spare the scan
        for match in phrase.finditer(lowered):
            start = match.start() + offset
            if inside(quotes, start):
                continue
            after = match.end() + offset
            m = next((m for m in mentions if m.start >= after and (m.start in resolved or m.kind == "orgref") and source_gap(text[after - offset : m.start - offset])), None)
            if m is None:
                continue
            verb = Token(text[match.start() : match.end()], start, after)
            tail = _SOURCE_TAIL.match(text[m.end - offset :])
            end = m.end + (tail.end() if tail else 0)  # "according to police estimates,"
            bracket = _BRACKET.match(text[end - offset :])
            end += bracket.end() if bracket else 0  # "according to the Office for National Statistics (ONS)"
            actors = affiliated(m, mentions, resolved, text, offset, cast) or _source(m, mentions, resolved, cast)
            out.append(Speech(verb, "according", actors, (m.start, end), True, False))
    return out


def _source(m: Mention, mentions: list[Mention], resolved, cast: Cast):
    """The body "according to the union" names, as a speaker's "the union said" does: one named earlier in
    the sentence or article, unless the text describes another ("the bid committee" is not the Olympic one)."""
    if m.kind != "orgref":
        return resolved.get(m.start) or cast.refer(m.name, [])
    named = [resolved[n.start][0] for n in mentions if n.kind == "organisation" and n.start < m.start and n.start in resolved]
    return cast.refer(m.name, named, m.place)


def data_sources(sources: list[Speech], found: list[Speech], text: str, offset: int) -> list[Speech]:
    """A source of figures closing a later clause of another speaker's sentence, with where its clause starts."""
    out = []
    for source in sources:
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
