"""Dating a statement draft: the time tied to its reporting verb, else its paragraph's label, the
reproduced text it is part of, "had previously", the happening it is counted from, its paragraph or
its speaker's previous statement, else the reference day (or a next-day paper's news day).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from itertools import chain

from service.pipeline.model import Expression, ReferenceDate, Sentence
from service.pipeline.statements.dating import NEXT_DAY, Dating, before_reference, from_expression, inherited, reference_day, tied_expression
from service.pipeline.statements.drafts import Draft, within_release
from service.pipeline.statements.neighbours import after_named_event, clause_after, counted_from_event, own_act, paragraph_time, retold, soon_after
from service.pipeline.statements.quotes import within
from service.pipeline.statements.reporting import PLACING_FORMS, judged

__all__ = ["date_drafts", "expressions_in"]

# "confirmed six new cases on Friday": a count as the object, so the time after it is the telling's
_COUNTING = frozenset({"confirm", "announce"})
# "denied the report on Friday", "called the plan unworkable on Friday": the object is what is denied
# or judged, so the time after it is the saying's
_DENYING = "deny"
_ISSUING = "issue"  # "issued the following statement on Monday:": the object is the text, the time its issuing's
_COUNT = re.compile(r"\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\s", re.IGNORECASE)
_TOLD = re.compile(r"\btold\s+((?:this|the)\s+(?:newspaper|paper|website|programme|program)|(?:The\s+)?(?:[A-Z][\w’'-]*\s*){1,3})")
# "announced a strike on Monday", "announced the closure of two plants on Friday": an object with no
# verb of its own, so the time after it is the announcement's (not "announced the plant would close on ...")
_ANNOUNCED = re.compile(r"\s+(?:a|an|the|its|his|her|their)\s+(?:(?!(?:would|will|was|were|is|are|had|has|have|could|might|must|should)\b)(?![\w-]*ed\b)[\w-]+\s+){1,5}?(?:on|last|this|yesterday|today|early|late)\b")
_TO_PARTICIPLE = re.compile(r"[^,;:“”\"()]*,\s*")  # from the main clause's time to its participle: no other clause
_SCENE = re.compile(r"(?:In|At|During)\s+(?:a|an|the|his|her|its|their)\s+[^,;:“”\"]*")  # an interview, a rally: the paragraph's scene


def expressions_in(sentence: Sentence, expressions: Sequence[Expression]) -> Sequence[Expression]:
    """The expressions inside a sentence (expressions are sorted by start)."""
    first = bisect_left(expressions, sentence.start, key=lambda e: e.start)
    last = bisect_left(expressions, sentence.end, key=lambda e: e.start)
    return expressions[first:last]


def date_drafts(drafts: list[Draft], expressions, quotes, reference: ReferenceDate, events, publisher: str | None, labelled: dict[int, Dating], text: str) -> list[Dating]:
    """Tied expression, else its paragraph's label, else the reproduced text it is part of, else "had
    previously", else paragraph, else speaker's previous statement, else reference."""
    datings: list[Dating] = []
    news_day = _news_day(drafts, expressions, quotes, reference, [e for _, e in events])
    timed = [(s, e.dating, e.expression) for s, e in events]
    told = [(e.verb.start, e.dating) for _, e in events]
    starts = [s.start for s, _ in events]  # in reading order
    sharing: dict[int, list[Draft]] = {}  # drafts by their start: those of one sentence
    for draft in drafts:
        sharing.setdefault(draft.start, []).append(draft)
    for draft in drafts:
        dating = _tied(draft, expressions, quotes, _clause_floor(draft, sharing[draft.start]))
        if dating is not None and datings:  # "... on Friday. X had said the previous day": the telling's day before
            dating = retold(dating, datings[-1], (drafts[len(datings) - 1].start, drafts[len(datings) - 1].end), expressions) or dating
        if dating is None and draft.sentences[0].paragraph in labelled:
            dating = labelled[draft.sentences[0].paragraph]
        if dating is None and datings and within_release(draft, issued := next((d for d in reversed(drafts[: len(datings)]) if any(s.lemma == _ISSUING for s in d.speeches)), None), text):
            dating = inherited(datings[drafts.index(issued)], "part of the text reproduced")
        if dating is None:  # "A week after the vote, X said ...": counted from the happening told before
            dating = counted_from_event(draft.sentences[0], expressions, events) or after_named_event(draft.sentences[0], events)
        if dating is None and any(s.prior for s in draft.speeches):
            dating = before_reference(reference.value, "had previously")
        if dating is None:  # "Hours later, the minister said ...": the day of what was told just before
            dating = soon_after(draft.sentences[0], chain(told, ((d.start, dt) for d, dt in zip(drafts, datings))))
        if dating is None:
            fresh = _told_outlet(draft, publisher)  # "X told The Courier": said for this article, not retold
            dating = (_inherit(draft, drafts, datings) or paragraph_time(draft.sentences[0], timed)
                      or own_act(draft.sentences[0], draft.actors, events, starts, reference.value) or (None if fresh else news_day) or reference_day(reference.value))
        datings.append(dating)
    return datings


def _told_outlet(draft: Draft, publisher: str | None) -> bool:
    """The speaker told the publishing outlet itself ("told The Courier", "told this newspaper")."""
    own = {w.lower() for w in (publisher or "").split()} - {"the", "news", "daily"}
    for sentence in draft.sentences:
        for match in _TOLD.finditer(sentence.text):
            named = {w.lower() for w in match.group(1).split()} - {"the"}
            if match.group(1).lower().startswith(("this ", "the paper")) or (named and named <= own):
                return True
    return False


def _clause_floor(draft: Draft, drafts: list[Draft]) -> int:
    """Where a later speaker's clause of a shared sentence starts ("The union says 4,000 marched on
    Saturday, while police put the figure at 1,500"): the times before it are the earlier speaker's.
    ``drafts``: those starting where this one does."""
    if not draft.speeches or len(drafts) < 2:
        return 0
    sentence, subject = draft.sentences[0], draft.speeches[0].subject[0]
    earlier = max((s.verb.end for other in drafts if other is not draft
                   for s in other.speeches if s.verb.end <= subject), default=0)
    if not earlier:
        return 0
    span = (earlier - sentence.start, subject - sentence.start)
    cut = max(sentence.text.rfind(",", *span), sentence.text.rfind(";", *span))
    return sentence.start + cut if cut >= 0 else earlier


def _tied(draft: Draft, expressions, quotes, floor: int = 0) -> Dating | None:
    expressions = [e for e in expressions if e.start >= floor]
    for speech in draft.speeches:
        sentence = next(s for s in draft.sentences if s.start <= speech.verb.start < s.end)
        counted = speech.lemma in _COUNTING and _COUNT.match(sentence.text, speech.verb.end - sentence.start) is not None
        announced = speech.verb.text.lower().startswith("announc") and _ANNOUNCED.match(sentence.text, speech.verb.end - sentence.start) is not None
        free = counted or announced or speech.lemma in (_DENYING, _ISSUING) or speech.verb.text.lower() in PLACING_FORMS or judged(speech.verb.text, sentence.text[speech.verb.end - sentence.start :])
        closing = speech.lemma != "according" or speech.verb.start - sentence.start > 2  # "..., according to X on Thursday": X's time
        verb = (speech.verb.start, max(speech.verb.end, speech.subject[1]) if speech.inverted and closing else speech.verb.end)
        subject = _relative_subject(sentence, speech) if speech.relative else speech.subject
        own = expressions_in(sentence, expressions)
        expr = tied_expression(sentence.text, sentence.start, verb, subject, own, within(quotes, sentence.start, sentence.end), free_object=free)
        expr = expr or _main_clause_time(sentence, speech, own)
        if expr:
            lead = sentence.text[: expr.start - sentence.start].strip(" ,(")
            scene = _SCENE.fullmatch(lead) is not None and sentence.text.startswith(",", expr.end - sentence.start)  # "In an interview last night, X"
            opening = not (lead.lower() in ("", "on", "in", "at", "earlier on", "later on") or scene)
            return from_expression(expr, speech.verb.text, not opening, day=True)
        if after := clause_after(sentence.text, sentence.start, subject, own):
            return after
    return None


def _main_clause_time(sentence: Sentence, speech, expressions: Sequence[Expression]) -> Expression | None:
    """"X resigned on Monday, saying ...", "X hit back at critics on Friday, accusing them of ...": a
    participle's saying is at the time of its main clause, the last time before its comma."""
    at = speech.verb.start - sentence.start
    if not speech.verb.text.endswith("ing") or not sentence.text[:at].rstrip().endswith(","):
        return None
    before = [e for e in expressions if speech.subject[1] <= e.start and e.end <= speech.verb.start and e.date is not None and e.type in ("DATE", "TIME")]
    if not before or not _TO_PARTICIPLE.fullmatch(sentence.text, before[-1].end - sentence.start, at):
        return None
    return before[-1]


def _relative_subject(sentence: Sentence, speech) -> tuple[int, int]:
    """"X, who on Monday called ...": the relative pronoun ends the subject, so the time after it is the saying's."""
    who = sentence.text.rfind(" who ", speech.subject[1] - sentence.start, speech.verb.start - sentence.start)
    return (speech.subject[0], sentence.start + who + 4) if who >= 0 else speech.subject


def _news_day(drafts, expressions, quotes, reference: ReferenceDate, events) -> Dating | None:
    """A next-day article's undated statements: its lede tells what happened the day before ("yesterday",
    "on Monday" in a Tuesday paper), so an undated statement may be that day's (reported again) or one
    given for print; dated to the reference day and marked so that the merge may join it with the same
    statement of the day before."""
    if reference.value is None:
        return None
    first = [(d.start, _tied(d, expressions, quotes)) for d in drafts[:1]] + [(e.verb.start, e.dating) for e in events[:1]]
    lede = min(((start, dating) for start, dating in first if dating), default=None, key=lambda item: item[0])
    when = lede[1].when if lede else None
    if when is None or when.granularity != "day" or when.earliest != reference.value - timedelta(days=1):
        return None
    root = lede[1].basis.split(": ", 1)[-1]
    return replace(reference_day(reference.value), basis=f"reference date (no expression tied to the statement; {NEXT_DAY}, news day {root})")


def _inherit(draft: Draft, drafts: list[Draft], datings: list[Dating]) -> Dating | None:
    """A relative clause's saying ("X, who said on Monday that ..., told the Echo ...") is background:
    its time is never passed on to the main clause or to what the speaker says next."""
    done = [(d, dt) for d, dt in zip(drafts, datings) if not (d.speeches and all(s.relative for s in d.speeches))]
    for other, dating in reversed(done):
        same_speaker = other.actors == draft.actors
        if dating.tied and (dating.opening or same_speaker) and other.paragraph == draft.sentences[0].paragraph:
            return inherited(dating, "time of its paragraph")
    for other, dating in reversed(done):  # not past a paragraph from a week or month ("told ... in a letter last week")
        coarse = dating.when is not None and dating.when.granularity not in ("day", "time") and other.paragraph != draft.sentences[0].paragraph
        if other.actors == draft.actors and (dating.tied or dating.basis.startswith(("time of", "same speaker"))) and not coarse:
            return inherited(dating, "same speaker's previous statement")
    return None

