"""A statement's day from the times told around it, when no expression is tied to its verb: a
clause counted from the main clause's day ("a day after X told parliament"), a day offset read from
the previous statement's content ("the previous day"), the time an event set for the paragraph, a
sentence that opens "Hours later," and the speaker's own act told just before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from service.pipeline.model import Expression, Sentence
from service.pipeline.statements.dating import DAY_VALUE, Dating, inherited
from service.pipeline.statements.drafts import Draft
from service.pipeline.statements.lexicon import reporting_forms
from service.pipeline.temporal.when import make_when

_RECENT_DAYS = 7  # an act of the news days, not background

_SINCE_CLAUSE = re.compile(r"(?:after|before)$", re.I)
_SPAN_THEN = re.compile(r"\s+(after|before)\b", re.I)  # "a day" then "after": the normaliser left the offset a span
_DAYS_SPAN = re.compile(r"P(\d+)D")
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[a-z][\w’'-]*\s+){0,4}(?:[a-z][\w’'-]*,\s+)?")  # "basin authority president X", "the city engineer, X"


def clause_after(text: str, offset: int, subject: tuple[int, int], expressions: Sequence[Expression]) -> Dating | None:
    """"The mayor's announcement came a day after X told parliament ...", "voted on Tuesday, a day
    after engineers warned ...": the saying opens a clause that "a day after" ties to the main
    clause's time, so it was said that long before it (or after, for "before")."""
    for at, expr in enumerate(expressions):
        offset_days = _clause_offset(text, offset, expr, expressions[:at])
        if offset_days is None or expr.end > subject[0]:
            continue
        lead = text[expr.end - offset : subject[0] - offset]
        lead = lead[_SPAN_THEN.match(lead).end() :] if expr.type == "DURATION" else lead
        if not _SUBJECT_LEAD.fullmatch(lead):
            continue
        anchor, shift = offset_days
        return Dating(make_when((anchor + timedelta(days=shift)).isoformat()), f"'{expr.text}' (rule {expr.rule}) opens the saying's clause: counted from the main clause's day the other way", True)
    return None


def _clause_offset(text: str, offset: int, expr: Expression, before: Sequence[Expression]) -> tuple[date, int] | None:
    """The main clause's day and how many days the clause's saying comes after it (negative: before)."""
    if expr.type == "DURATION":  # "Tuesday morning, a day after": the span and the time before it
        span, then = _DAYS_SPAN.fullmatch(expr.value), _SPAN_THEN.match(text, expr.end - offset)
        main = next((e for e in reversed(before) if e.type in ("DATE", "TIME") and e.date and e.date.granularity in ("day", "time")), None)
        if span is None or then is None or main is None or not DAY_VALUE.match(main.value):
            return None
        days = int(span.group(1))
        return date.fromisoformat(main.value[:10]), -days if then.group(1).lower() == "after" else days
    if expr.anchor.kind != "discourse" or not _SINCE_CLAUSE.search(expr.text):
        return None
    if not (DAY_VALUE.fullmatch(expr.value) and expr.anchor.value and DAY_VALUE.match(expr.anchor.value)):
        return None
    anchor = date.fromisoformat(expr.anchor.value[:10])
    return anchor, (anchor - date.fromisoformat(expr.value)).days


def retold(dating: Dating, previous: Dating, span: tuple[int, int], expressions: Sequence[Expression]) -> Dating | None:
    """"Y said on Thursday that the order would be lifted on Friday. X had said the previous day that
    ...": a day offset tied to a saying and read from a time inside the previous statement's content
    (``span``) counts from that statement's own day, the telling it follows in the story."""
    expr, told = dating.expression, previous.when
    if expr is None or expr.anchor.kind != "discourse" or expr.date is None or not previous.tied or told is None or told.granularity != "day":
        return None
    anchor = next((e for e in reversed(expressions) if e.end <= expr.start and e.text == expr.anchor.text), None)
    if anchor is None or not span[0] <= anchor.start < span[1] or anchor is previous.expression:
        return None
    if not (DAY_VALUE.fullmatch(expr.value) and anchor.value and DAY_VALUE.fullmatch(anchor.value) and told.earliest):
        return None
    day = told.earliest + (date.fromisoformat(expr.value) - date.fromisoformat(anchor.value))
    return Dating(make_when(day.isoformat()), f"{dating.basis}; counted from the previous statement's day", True, dating.opening, expr)


# A day that labels its paragraph, then a colon or a dash: "MONDAY: ...", "Tuesday, 9.15am — ..."; a
# live page's clock stamp before its entry's first word ("16:30 About 500 protesters have gathered")
_LABEL_END = re.compile(r"\s*(?::|[—–]|\s-)\s")
_STAMP = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?", re.I)
_STAMP_END = re.compile(r"\s+[A-Z“\"‘]")


def labels(sentences: Sequence[Sentence], expressions: Sequence[Expression]) -> dict[int, Dating]:
    """Paragraphs a day opens as a label ("MONDAY: Opening for the club, its lawyer said ..."), the
    form of a week's round-up or a live page: every statement of the paragraph with no time of its
    own is of that day. ``expressions`` are sorted by start."""
    out: dict[int, Dating] = {}
    starts = [e.start for e in expressions]
    for sentence in sentences:
        if sentence.paragraph in out:
            continue
        at = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
        i = bisect_left(starts, at)
        if i == len(expressions) or expressions[i].start != at:
            continue
        expr = expressions[i]
        after = expr.end - sentence.start
        stamp = expr.type == "TIME" and _STAMP.fullmatch(expr.text) and _STAMP_END.match(sentence.text, after)
        if expr.type in ("DATE", "TIME") and expr.date is not None and DAY_VALUE.match(expr.value) and (stamp or _LABEL_END.match(sentence.text, after)):
            when = make_when(expr.value[:10]) or expr.date
            out[sentence.paragraph] = Dating(when, f"'{expr.text}' (rule {expr.rule}) labels its paragraph", True, True, expr)
    return out


def unstamped(sentence: Sentence, label: Dating | None) -> Sentence:
    """The sentence a live page's clock stamp opens, without the stamp ("16:30 Paula Brandt said ..."):
    a number before a name hides the subject."""
    expr = label.expression if label is not None else None
    if expr is None or not sentence.start <= expr.start < sentence.end or not _STAMP_END.match(sentence.text, expr.end - sentence.start):
        return sentence
    cut = expr.end - sentence.start
    cut += len(sentence.text[cut:]) - len(sentence.text[cut:].lstrip())
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


# What may stand before a time that opens its sentence: "On Monday", "Late on Tuesday", "Last Friday".
_OPENING_TIME = re.compile(r"\s*(?:(?:on|last|early|late|earlier|later|and|but|then)\s+)*", re.I)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")  # a quote's words say nothing of when they were said
# Words by which a statement says it followed the event before it.
_FOLLOWING = re.compile(
    r"\b(?:afterwards|after\s+(?:the|that)\s+(?:meeting|vote|hearing|session|talks|ruling|verdict|match|game|"
    r"announcement|decision|debate|briefing|launch)|later\s+that\s+(?:day|evening|night)|that\s+(?:evening|night)"
    # "About 200 people gathered on Sunday for a vigil. His sister told the crowd: ...": said to the gathering just told
    r"|(?:told|addressed)\s+(?:the\s+)?(?:crowd|mourners|marchers|protesters|demonstrators|rally|gathering|vigil|congregation))\b",
    re.I,
)


def paragraph_time(first: Sentence, events: Sequence[tuple[Sentence, Dating, int]]) -> Dating | None:
    """The day an event before it in its paragraph sets for a statement with no time of its own:
    news opens a paragraph with its time ("On Monday the union walked out. Its leader said ...") or
    says the statement followed the event ("The board met on Tuesday. Its chair said afterwards ...").
    ``events``: (sentence, dating, start of the tied expression); the nearest one before decides."""
    before = [e for e in events if e[0].paragraph == first.paragraph and e[0].start < first.start]
    found = _FOLLOWING.search(_QUOTED.sub(" ", first.text))
    following = found is not None
    if not before and following and not found.group().lower().startswith("after "):  # "Chen won the final on Sunday. // “...,” she told reporters afterwards."
        before = [e for e in events if e[0].paragraph == first.paragraph - 1]
    if not before:
        return None
    sentence, dating, at = max(before, key=lambda e: (e[0].start, e[2]))
    if not dating.tied or dating.when is None:
        return None
    if sentence.paragraph == first.paragraph and _OPENING_TIME.fullmatch(sentence.text[: max(0, at - sentence.start)]) or following:
        return inherited(dating, "time of its paragraph" if sentence.paragraph == first.paragraph else "soon after what was told before")
    return None


# A sentence that opens by saying it followed what was just told, within the day: "Hours later, ...",
# "Shortly afterwards, ...", "Later that day, ..." (a time of its own, "Two days later", is an expression).
_SOON_AFTER = re.compile(
    r"\s*(?:(?:just|only|barely)\s+)?(?:(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes|moments)\s+later|within\s+(?:hours|minutes)"
    r"|shortly\s+(?:afterwards?|thereafter|after\s+that)|soon\s+(?:afterwards?|after\s+that)|later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
    r"|afterwards|after\s+that)\s*,?\s", re.I,
)


def soon_after(first: Sentence, told: Sequence[tuple[int, Dating]]) -> Dating | None:
    """The day of the nearest dated statement or event before a sentence that opens "Hours later,"
    ("The bridge collapsed on Friday. Hours later, the minister said ..."), across paragraphs too.
    ``told``: (start, dating) of what came before, in any order."""
    if not _SOON_AFTER.match(first.text):
        return None
    before = [(start, dating) for start, dating in told if start < first.start and dating.tied and dating.when is not None]
    if not before:
        return None
    return inherited(max(before, key=lambda item: item[0])[1], "soon after what was told before")


# "A week after the vote, X said": a span, then "after"/"before" and the happening it counts from
_SPAN_FROM = re.compile(r"\s+(after|before)\s+(?:the|that|this|his|her|its|their)\s+([a-z]{4,})\s*,", re.I)
_SPAN_VALUE = re.compile(r"P(\d+)([DW])")
_LEAD_ONLY = re.compile(r"\s*(?:(?:just|only|about|some|nearly|almost)\s+)?")


def counted_from_event(first: Sentence, expressions: Sequence[Expression], events) -> Dating | None:
    """"Councillors voted on 3 November. A week after the vote, the leader said ...": a sentence that
    opens with a span counted from a happening the story told before, named by its noun ("the vote"
    for "voted", "the crash" for "crashed"), is that many days from the happening's day.
    ``events``: (sentence, event draft) in reading order."""
    span = next((e for e in expressions if first.start <= e.start < first.end), None)
    if span is None or span.type != "DURATION" or not _LEAD_ONLY.fullmatch(first.text, 0, span.start - first.start):
        return None
    value, then = _SPAN_VALUE.fullmatch(span.value), _SPAN_FROM.match(first.text, span.end - first.start)
    if value is None or then is None:
        return None
    stem = then.group(2).lower()[:4]
    for sentence, event in reversed(events):
        when = event.dating.when
        if sentence.start >= first.start or not event.dating.tied or when is None or when.granularity != "day" or when.earliest is None:
            continue
        if any(word.lower().startswith(stem) for word in event.text.split()):
            days = int(value.group(1)) * (7 if value.group(2) == "W" else 1) * (1 if then.group(1).lower() == "after" else -1)
            return Dating(make_when((when.earliest + timedelta(days=days)).isoformat()), f"'{span.text} {then.group(1)} the {then.group(2)}': counted from {event.dating.basis}", True, True, span)
    return None


# "X said after the vote", "After the hearing, X told reporters": said right after a happening named by its noun
_AFTER_NAMED = re.compile(
    r"(?:^\s*|\b(?:said|says|told|added|declared|announced|insisted|warned)\s+(?:[a-z]+\s+)?)after\s+(?:the|that|this|its|their)\s+([a-z]{4,})\b", re.I)


def after_named_event(first: Sentence, events) -> Dating | None:
    """"The council voted on Tuesday evening to ban cars. ... “...,” its leader said after the vote": the
    saying follows the happening its noun names, told before in the story, on that day.
    ``events``: (sentence, event draft) in reading order."""
    named = _AFTER_NAMED.search(_QUOTED.sub(" ", first.text))
    if named is None:
        return None
    stem = named.group(1).lower()[:4]
    for sentence, event in reversed(events):
        when = event.dating.when
        if sentence.start < first.start and event.dating.tied and when is not None and when.granularity == "day" \
                and any(word.lower().startswith(stem) for word in event.text.split()):
            return inherited(event.dating, "soon after what was told before")
    return None


def own_act(first: Sentence, actors, events, starts: list[int], reference: date | None) -> Dating | None:
    """"X broke his silence last night. In a statement, he said ...", "The minister visited Ashby on
    Monday. She said ...": the speaker's own act of the days before, told in the sentence just before
    in the paragraph, dates what he says with no time of his own (from ``first``, his statement's
    first sentence). ``events``: (sentence, event) in reading order; ``starts``: their sentences' starts."""
    at = bisect_left(starts, first.start) - 1  # the last event of an earlier sentence
    if at < 0 or reference is None or not actors:
        return None
    sentence = events[at][0]
    acts = [e for s, e in events[max(0, at - 5) : at + 1] if s is sentence and set(e.actors) & set(actors)]
    if not acts or sentence.paragraph != first.paragraph:
        return None
    dating = acts[-1].dating
    if not dating.tied or dating.when is None or dating.when.granularity != "day":
        return None
    if first.start - sentence.end > 3 or not 0 <= (reference - dating.when.earliest).days <= _RECENT_DAYS:
        return None  # not the sentence just before, or background of long ago
    return inherited(dating, "time of the speaker's act just before")


# A claim's words for matching the same claim told twice: lower-case words of four letters or more.
_REPORTING = frozenset(reporting_forms())
_CONTENT_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{3,}")
_SAME_CLAIM = 0.5  # the share of the shorter telling's words the other must carry
_FEWEST = 3


def told_in_full(speakers: Sequence[tuple], claims: Callable[[int], str], datings: Sequence[Dating], summaries: Sequence[int]) -> list[tuple[int, int]]:
    """A claim summed up first with no time of its own ("Health Minister X has said waiting lists will
    fall", "..., the health minister has said") and told in full further down with its day ("X told MPs on
    Thursday that waiting lists would fall"): one statement, of the later telling's day and speaker.
    ``speakers`` per statement in reading order, ``claims(i)`` the words of one, ``summaries`` the
    indices that may take another's day. Returns (summary, full telling) index pairs."""
    words: dict[int, set[str]] = {}

    def of(i: int) -> set[str]:
        if i not in words:
            words[i] = set(_CONTENT_WORD.findall(claims(i)))
        return words[i]

    pairs: list[tuple[int, int]] = []
    for i in summaries:
        if len(of(i)) < _FEWEST:
            continue
        for j in range(i + 1, len(speakers)):
            if not datings[j].tied or not _same_speakers(speakers[i], speakers[j]):
                continue
            shared = len(of(i) & of(j))
            if shared >= _FEWEST and shared >= _SAME_CLAIM * min(len(of(i)), len(of(j))):
                pairs.append((i, j))
                break
    return pairs


def _same_speakers(summary: tuple, full: tuple) -> bool:
    """The same speakers, or a bare title ("the health minister") and the person who holds it."""
    if summary == full:
        return True
    if len(summary) != 1 or len(full) != 1 or not summary[0].id.startswith("office-"):
        return False
    title, holder = (summary[0].title or "").lower(), (full[0].title or "").lower()
    return bool(title) and (holder == title or holder.endswith(" " + title))


def retold_in_full(drafts: list[Draft], datings: list[Dating], text: str, top: int) -> None:
    """A summary in the article's opening sentences (before ``top``) with no time of its own takes the
    speaker and day of the same claim told in full below (``told_in_full``); a claim said "previously"
    keeps its own."""
    summaries = [i for i, (d, dt) in enumerate(zip(drafts, datings)) if d.start < top and not dt.tied and not any(s.prior for s in d.speeches)]
    if not summaries:
        return
    speakers = [d.actors or () for d in drafts]
    for i, j in told_in_full(speakers, lambda k: _claim_words(drafts[k], text), datings, summaries):
        datings[i] = inherited(datings[j], "the same claim told in full later")
        drafts[i].actors = drafts[j].actors


def _claim_words(draft: Draft, text: str) -> str:
    """The draft's words less its speakers' names and the reporting verbs: what is claimed."""
    words = text[draft.start : draft.end].lower()
    for actor in draft.actors or ():
        words = words.replace(actor.name.lower(), " ")
    return " ".join(w for w in words.split() if w.strip(",.;:“”\"") not in _REPORTING)
