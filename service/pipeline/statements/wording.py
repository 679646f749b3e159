"""Wording of a statement: the claim in one line and the exact quoted words."""

from __future__ import annotations

import re

from service.pipeline.model import Figure
from service.pipeline.statements.drafts import Draft
from service.pipeline.statements.figures import find_figures
from service.pipeline.statements.lexicon import reporting_conditions

_TRIM = " \t\n,.;:–—-"
_DATELINE = re.compile(  # "SAN FRANCISCO (AP) —", "NEW YORK, April 13 (Reuters) -", "LEEDS, England, May 19, 2022 (Reuters) -"
    r"^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?(?:,\s*\d{4})?)*\s*(?:\([^)]*\))?\s*[—–-]+\s*"
)
_ADVERBIAL = re.compile(  # "this" and "last" only before a time ("denied this on Friday" has an object)
    r"^(?:(?:after|at|on|in|during|before|following|while|when|from|alongside|late|early|earlier|later)\b|[A-Z][a-z]+day\b"
    r"|(?:this|last)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|[A-Z][a-z]+day)\b)"
)

_COUNTED_AGAIN = re.compile(r"\b(?:(?:the|this|that)\s+(?:[\w-]+\s+)?(?:number|figure|toll|total|count|tally|estimate|crowd|turnout)|it|(?:that|this)(?=\s+(?:has|had|is|was|could|would|may|might|will|now)\b))\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])(?!(?:19|20)\d\d\b)\d+(?![\w,.%])")
_CONTENT_FIRST = re.compile(r"[,”\"]\s*(?:(?:the|a|an)\s+)?$")  # "..., the agency said"
_PUNCTUATION = re.compile(r"[,.;:”\"]")
_REPORTED = re.compile(r"[^,]*?\bthat\b")  # "said on Monday that ..."
_REPORTED_BARE = re.compile(  # "said on Monday the rate would stay ...": a clause after the time, "that" left out
    r"(?:on\s+)?(?:[A-Z][a-z]+day|yesterday|today|(?:last|this)\s+(?:week|month|night))\s+"
    r"(?:[\w’'-]+\s+){1,5}?(?:would|will|was|were|is|are|had|has|have|could|should|might|must)\b"
)
_BY_AGENT = re.compile(r"\s*by\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}", re.IGNORECASE)  # "was criticised by X"
_PASSIVE_END = re.compile(r"\s+(?:was|were|is|are|has been|have been|had been)$")
_DETERMINER = re.compile(r"^(?:The|A|An|This|These|Those)\b")
_BACKGROUND = re.compile(r",\s+(?:where|which|who|whose)\b")
_QUOTE_GAP = re.compile(r"[”\"\s,]*(?:[\w’'.&-]+\s+){0,4}")  # "“...,” union leader X said"
_WHO = re.compile(r"^(?:who|which)\s+")
_QUOTED_BY = re.compile(r"\bquoted\s+by\s+.+?\s+as\s+saying$")  # the outlet is not the claim
_DANGLING = re.compile(r"(?:[\s,]+(?:but|and|while|though|although|whereas|the|a|an|adding|noting|saying|that|with))+$")
_COMMA_IN_QUOTE = re.compile(r",([”\"])$")
_CONNECTIVE = re.compile(r"^(?:However|But|And|Also|Meanwhile),\s*")
_SPACES = re.compile(r"\s+")


def counted(draft: Draft, line: str, text: str) -> tuple[str, tuple[Figure, ...]]:
    """The claim and the counts it gives. "The number has risen to 700", "The union puts it at 800"
    count again what the paragraph counted last ("600 Chilean miners"): the claim names that
    noun ("700 miners"), so that it reads alone and is compared with other counts of the same thing."""
    found = find_figures(line)
    anaphor = _COUNTED_AGAIN.search(line)
    if found or anaphor is None:
        return line, found
    speech = draft.speeches[0] if draft.speeches else None
    until = speech.subject[0] if speech and speech.subject[0] < speech.verb.start else draft.start
    earlier = find_figures(text[text.rfind("\n", 0, draft.start) + 1 : until])
    if not earlier:
        return line, ()
    noun = _plural(earlier[-1].unit)
    tail = line[anaphor.end() :]
    tail = _BARE_NUMBER.sub(lambda m: m.group() if _dated(tail, m) else f"{m.group()} {noun}", tail)
    return line[: anaphor.end()] + tail, find_figures(tail)


def _dated(text: str, number: re.Match[str]) -> bool:
    """A day, not a count: next to a capitalised word ("12 May", "June 3") or after "on"."""
    before = text[: number.start()].split()[-1:]
    after = text[number.end() :].split()[:1]
    return any(w[:1].isupper() for w in before + after) or before == ["on"]


def _plural(unit: str) -> str:
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith(("s", "people")) else unit + "s"


def quoted_words(draft: Draft, text: str) -> tuple[str, ...]:
    out = []
    for quote in sorted(draft.quotes, key=lambda q: q.start):
        words = text[quote.start : quote.end].strip().rstrip(",").strip()
        if words and words not in out:
            out.append(words)
    return tuple(out)


def names(draft: Draft) -> str:
    people = [a.name for a in draft.actors or ()]
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def claim(draft: Draft, text: str) -> str:
    """"<speaker> <verb> <content>", the content taken from where the sentence puts it.

    Content follows the verb ("X said that ..."), or precedes the subject when the verb only
    closes the sentence ("“...,” X said at the press conference"; "..., X said after talks").
    """
    who = names(draft)
    if not draft.speeches:
        return _one_line(f"{who} said: “{' '.join(quoted_words(draft, text))}”")
    speech = draft.speeches[0]
    sentence = next(s for s in draft.sentences if s.start <= speech.verb.start < s.end)
    if draft.quotes and sentence is not draft.sentences[-1] and sentence.text.rstrip().endswith(":"):  # "X said on Friday:" and the quote below
        verb = "said" if speech.lemma == "issue" else _verb_phrase(text, speech)  # "issued the following statement:"
        return _one_line(f"{who} {verb}: “{' '.join(quoted_words(draft, text))}”")
    if speech.lemma == "according" and speech.clause is not None:  # a source of figures for one clause
        return _one_line(f"According to {who}, {_clean(text[speech.clause : speech.verb.start])}")
    if speech.lemma == "according":
        rest = _clean(text[sentence.start : speech.verb.start] + " " + text[speech.subject[1] : draft.stop or sentence.end])
        return _one_line(f"According to {who}, {rest}")
    head = draft.start if draft.sentences[0] is not sentence else sentence.start
    before = _clean(text[head : min(speech.subject[0], speech.verb.start)])
    after = _clean(_main_clause(text[speech.verb.end : draft.stop or sentence.end]))
    lead_quote = _quote_before_subject(draft, text, speech)
    if lead_quote is not None:
        before = _clean(text[head:lead_quote])
    lead = text[head : min(speech.subject[0], speech.verb.start)]
    content_first = _CONTENT_FIRST.search(lead) is not None  # "..., the agency said"
    premodifier = not _PUNCTUATION.search(lead) and len(lead.split()) <= 5  # "Port Authority spokeswoman X said"
    reported = _REPORTED.match(after) is not None or _REPORTED_BARE.match(after) is not None  # not "said Monday, in a deal that ..."
    phrasal = after.split()[:1] and after.split()[0].lower() in reporting_conditions().get(speech.verb.text.lower(), ())  # "called on the province to"
    adverbial_only = _ADVERBIAL.match(after) and not reported and not phrasal and (content_first or len(after.split()) <= 6 and not premodifier)
    closing = not after or adverbial_only or lead_quote is not None
    verb = _verb_phrase(text, speech)
    if _BY_AGENT.fullmatch(text[speech.verb.end : speech.subject[0]]):  # "The plan was criticised by X"
        done = _PASSIVE_END.sub("", before)
        return _one_line(f"{who} {verb} " + _DETERMINER.sub(lambda m: m.group().lower(), done))
    if (speech.inverted or closing) and (len(before.split()) >= 3 or lead_quote is not None and before):
        return _one_line(f"{who} {verb}: {_strip_lead(before)}")
    return _one_line(f"{who} {verb} {after}")


def _main_clause(content: str) -> str:
    """Drop the writer's trailing background (", where ...", ", which ..."): it is not the speaker's claim."""
    if any(mark in content for mark in "“”\""):
        return content
    return _BACKGROUND.split(content, maxsplit=1)[0]


def _quote_before_subject(draft: Draft, text: str, speech) -> int | None:
    """Where a quote closes right before the subject ("“...,” union leader X said"), if one does."""
    for quote in draft.quotes:
        if quote.end <= speech.subject[0] and _QUOTE_GAP.fullmatch(text[quote.end : speech.subject[0]]):
            return quote.end + 1
    return None


def _verb_phrase(text: str, speech) -> str:
    """The verb with its auxiliaries as written ("would only say", "had previously stated")."""
    if speech.inverted or speech.subject[1] > speech.verb.start:
        return speech.verb.text
    phrase = text[speech.subject[1] : speech.verb.end].strip(_TRIM + " ")
    if speech.relative:  # "X, who on Monday said": the verb without the relative pronoun
        phrase = _WHO.sub("", phrase)
    phrase = _QUOTED_BY.sub("quoted as saying", phrase)  # the outlet is not the claim
    return phrase if len(phrase.split()) <= 4 and "," not in phrase else speech.verb.text


def _clean(part: str) -> str:
    part = _DATELINE.sub("", part)
    part = _DANGLING.sub("", part.strip(_TRIM)).strip(_TRIM)
    part = _COMMA_IN_QUOTE.sub(r"\1", part)
    return part


def _strip_lead(part: str) -> str:
    """Drop a clause-opening connective left before the content ("However, ...")."""
    return _CONNECTIVE.sub("", part)


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
