"""Statement drafts: sentences grouped into one utterance each, before dating and wording.

A sentence with reporting verbs gives one draft per speaker; a sentence that is all quote joins
the quote's attribution later in the same quote, or else continues the previous direct speaker
when it follows within a paragraph (the news convention for multi-paragraph quotes); a quote that
opens a speech with nobody before it joins the attribution in the paragraph it runs on into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.pipeline.model import Actor, Sentence
from service.pipeline.statements.reporting import Speech
from service.pipeline.statements.lexicon import event_forms
from service.pipeline.statements.quotes import Quote, quoted_fraction

_RESUMING = re.compile(r",\s+(?:(?:later|then|also)\s+)?([a-z]+)\b")


@dataclass(slots=True)
class Draft:
    sentences: list[Sentence]
    speeches: list[Speech]  # empty for an unattributed quote
    actors: tuple[Actor, ...] | None
    quote: Quote | None = None  # the quote an all-quote draft lies in
    quotes: list[Quote] = field(default_factory=list)
    stop: int | None = None  # where another speaker's clause starts in the same sentence

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end

    @property
    def paragraph(self) -> int:
        return self.sentences[-1].paragraph


def _quotes_in(sentence: Sentence, quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.start < sentence.end and q.end > sentence.start]


def build_drafts(sentences: list[Sentence], speeches: list[list[Speech]], quotes: tuple[Quote, ...]) -> list[Draft]:
    drafts: list[Draft] = []
    for sentence, found in zip(sentences, speeches):
        inner = _quotes_in(sentence, quotes)
        if found:
            drafts.extend(_attributed(sentence, found, inner, drafts))
        elif inner and quoted_fraction(tuple(inner), sentence.start, sentence.end) >= 0.5:
            main = max(inner, key=lambda q: min(q.end, sentence.end) - max(q.start, sentence.start))
            if drafts and drafts[-1].actors is None and (drafts[-1].quote is main or _opens_speech(drafts) and _runs_on(drafts[-1].quote, main)):
                drafts[-1].sentences.append(sentence)
                drafts[-1].quote = main
                drafts[-1].quotes.extend(q for q in inner if q not in drafts[-1].quotes)
            else:
                drafts.append(Draft([sentence], [], None, main, inner))
    return _continue_speakers(drafts)


def _attributed(sentence: Sentence, found: list[Speech], inner: list[Quote], drafts: list[Draft]) -> list[Draft]:
    groups: dict[tuple[tuple[str, ...], bool], list[Speech]] = {}
    for speech in found:  # a relative clause's saying ("X, who said on Monday that ..., admitted") is its own
        groups.setdefault((tuple(a.id for a in speech.actors), speech.relative), []).append(speech)
    out = [Draft([sentence], group, group[0].actors) for group in groups.values()]
    for quote in inner:
        nearest = min(out, key=lambda d: min(_distance(quote, s) for s in d.speeches))
        nearest.quotes.append(quote)
    for draft in out:
        verb_end = draft.speeches[0].verb.end
        later = [s.clause or s.subject[0] for other in out if other is not draft for s in other.speeches if (s.clause or s.subject[0]) > verb_end]
        draft.stop = min(later, default=None)
        if draft.speeches[0].relative:  # the relative clause ends at the comma before the main verb
            verbs = [s.verb.start for other in out if other is not draft for s in other.speeches if s.verb.start > verb_end]
            comma = sentence.text.rfind(",", verb_end - sentence.start, min(verbs) - sentence.start) if verbs else -1
            draft.stop = sentence.start + comma if comma >= 0 else resumed(sentence, verb_end) or draft.stop
    first = out[0]
    pending = drafts[-1] if drafts and drafts[-1].actors is None else None
    opening = pending is not None and _opens_speech(drafts)
    if pending and any(q is pending.quote or opening and _runs_on(pending.quote, q) for q in first.quotes) and pending.quote.start < sentence.start:
        drafts.pop()  # "“A. B,” he said." split in two sentences: one utterance
        first.sentences[:0] = pending.sentences
        first.quotes[:0] = [q for q in pending.quotes if q not in first.quotes]
    return out


def resumed(sentence: Sentence, verb_end: int) -> int | None:
    """Where the main clause resumes after a relative clause's saying, at the comma before its act:
    "X, who said on Tuesday that the state would act, signed the order on Wednesday"."""
    for match in _RESUMING.finditer(sentence.text, verb_end - sentence.start):
        if match.group(1) in event_forms():
            return sentence.start + match.start()
    return None


def _opens_speech(drafts: list[Draft]) -> bool:
    """The last draft is a quote with no speaker before it to continue: its attribution comes later."""
    return len(drafts) < 2 or drafts[-1].sentences[0].paragraph - drafts[-2].paragraph > 1


def _runs_on(quote: Quote, follower: Quote) -> bool:
    """``follower`` continues ``quote``: left open at its paragraph's end, reopened at the next one's start."""
    return not quote.closed and 0 < follower.start - quote.end <= 6


def _distance(quote: Quote, speech: Speech) -> int:
    if quote.end <= speech.verb.start:
        return speech.verb.start - quote.end
    return max(0, quote.start - speech.verb.end)


def _continue_speakers(drafts: list[Draft]) -> list[Draft]:
    """Unattributed quotes take the previous speaker of the same or the previous paragraph; a quote
    that an attribution ending in a colon announces ("X said on Friday:", "The following statement was
    issued by X:") is that attribution's content, one statement with it."""
    out: list[Draft] = []
    for draft in drafts:
        if draft.actors is None:
            previous = out[-1] if out else None
            if previous is None or draft.sentences[0].paragraph - previous.paragraph > 1:
                continue
            if previous.speeches and not previous.quotes and _announces(previous.sentences[-1]):
                previous.sentences.extend(draft.sentences)
                previous.quotes.extend(draft.quotes)
                continue
            draft.actors = previous.actors
        out.append(draft)
    return out


def _announces(sentence: Sentence) -> bool:
    return sentence.text.rstrip().endswith(":")


_QUOTE_OPENERS = ("“", "\"", "‘")


def within_release(draft: Draft, issued: Draft | None, text: str) -> bool:
    """A quote of the text "X issued the following statement:" reproduces: every paragraph from there
    to the draft opens with a quote mark (the convention for a text quoted over paragraphs), so the
    draft is part of that text, given out when it was issued."""
    if issued is None:
        return False
    lines = [line.strip() for line in text[issued.end : draft.start].split("\n")]
    own = text[text.rfind("\n", 0, draft.start) + 1 : draft.end].lstrip()
    return own.startswith(_QUOTE_OPENERS) and all(line.startswith(_QUOTE_OPENERS) for line in lines[1:] if line)

