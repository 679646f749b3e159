"""Wording of a statement: the claim in one line and the exact quoted words."""

from __future__ import annotations

import re

from service.pipeline.statements.drafts import Draft

_TRIM = " \t\n,.;:–—-"
_DATELINE = re.compile(  # "SAN FRANCISCO (AP) —", "NEW YORK, April 13 (Reuters) -", "LEEDS, England, May 19, 2022 (Reuters) -"
    r"^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?(?:,\s*\d{4})?)*\s*(?:\([^)]*\))?\s*[—–-]+\s*"
)
_ADVERBIAL = re.compile(  # "this" and "last" only before a time ("denied this on Friday" has an object)
    r"^(?:(?:after|at|on|in|during|before|following|while|when|from|alongside|late|early|earlier|later)\b|[A-Z][a-z]+day\b"
    r"|(?:this|last)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|[A-Z][a-z]+day)\b)"
)


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
    if speech.lemma == "according":
        rest = _clean(text[sentence.start : speech.verb.start] + " " + text[speech.subject[1] : sentence.end])
        return _one_line(f"According to {who}, {rest}")
    head = draft.start if draft.sentences[0] is not sentence else sentence.start
    before = _clean(text[head : min(speech.subject[0], speech.verb.start)])
    after = _clean(_main_clause(text[speech.verb.end : draft.stop or sentence.end]))
    lead_quote = _quote_before_subject(draft, text, speech)
    if lead_quote is not None:
        before = _clean(text[head:lead_quote])
    lead = text[head : min(speech.subject[0], speech.verb.start)]
    content_first = re.search(r"[,”\"]\s*(?:(?:the|a|an)\s+)?$", lead) is not None  # "..., the agency said"
    premodifier = not re.search(r"[,.;:”\"]", lead) and len(lead.split()) <= 5  # "Port Authority spokeswoman X said"
    reported = re.match(r"[^,]*?\bthat\b", after) is not None  # "said on Monday that ...", not "said Monday, in a deal that ..."
    adverbial_only = _ADVERBIAL.match(after) and not reported and (content_first or len(after.split()) <= 6 and not premodifier)
    closing = not after or adverbial_only or lead_quote is not None
    verb = _verb_phrase(text, speech)
    if re.fullmatch(r"\s*by\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}", text[speech.verb.end : speech.subject[0]], re.IGNORECASE):  # "The plan was criticised by X"
        done = re.sub(r"\s+(?:was|were|is|are|has been|have been|had been)$", "", before)
        return _one_line(f"{who} {verb} " + re.sub(r"^(?:The|A|An|This|These|Those)\b", lambda m: m.group().lower(), done))
    if (speech.inverted or closing) and len(before.split()) >= 3:
        return _one_line(f"{who} {verb}: {_strip_lead(before)}")
    return _one_line(f"{who} {verb} {after}")


def _main_clause(content: str) -> str:
    """Drop the writer's trailing background (", where ...", ", which ..."): it is not the speaker's claim."""
    if any(mark in content for mark in "“”\""):
        return content
    return re.split(r",\s+(?:where|which|who|whose)\b", content, maxsplit=1)[0]


def _quote_before_subject(draft: Draft, text: str, speech) -> int | None:
    """Where a quote closes right before the subject ("“...,” union leader X said"), if one does."""
    for quote in draft.quotes:
        if quote.end <= speech.subject[0] and re.fullmatch(r"[”\"\s,]*(?:[\w’'.&-]+\s+){0,4}", text[quote.end : speech.subject[0]]):
            return quote.end + 1
    return None


def _verb_phrase(text: str, speech) -> str:
    """The verb with its auxiliaries as written ("would only say", "had previously stated")."""
    if speech.inverted or speech.subject[1] > speech.verb.start:
        return speech.verb.text
    phrase = text[speech.subject[1] : speech.verb.end].strip(_TRIM + " ")
    if speech.relative:  # "X, who on Monday said": the verb without the relative pronoun
        phrase = re.sub(r"^who\s+", "", phrase)
    phrase = re.sub(r"\bquoted\s+by\s+.+?\s+as\s+saying$", "quoted as saying", phrase)  # the outlet is not the claim
    return phrase if len(phrase.split()) <= 4 and "," not in phrase else speech.verb.text


def _clean(part: str) -> str:
    part = _DATELINE.sub("", part)
    part = re.sub(r"(?:[\s,]+(?:but|and|while|though|although|whereas|the|a|an))+$", "", part.strip(_TRIM)).strip(_TRIM)
    part = re.sub(r",([”\"])$", r"\1", part)
    return part


def _strip_lead(part: str) -> str:
    """Drop a clause-opening connective left before the content ("However, ...")."""
    return re.sub(r"^(?:However|But|And|Also|Meanwhile),\s*", "", part)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
