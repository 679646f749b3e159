"""Statements and events: who said or did what, when, in one article.

Reading order matters (a surname or pronoun refers back), so sentences are read once, in order;
furniture sentences and unpunctuated one-line paragraphs (headlines, links) are never read. Each statement is dated by the expression tied to its
reporting verb, else by its paragraph or its speaker's previous statement, else the reference day.
A happening scheduled for a day in the writer's voice ("X and Y are to meet on Thursday") is an
event of that day; it sets no paragraph's time, being later than the saying.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from dataclasses import replace
from datetime import timedelta

from service.pipeline.model import (
    Actor, ArticleInput, Expression, Furniture, ReferenceDate, Sentence, Statement,
)
from service.pipeline.statements.actors import Cast, slug
from service.pipeline.statements.attribution import find_speech
from service.pipeline.statements.dating import NEXT_DAY, Dating, before_reference, from_expression, inherited, reference_day, tied_expression
from service.pipeline.statements.drafts import Draft, build_drafts, resumed, within_release
from service.pipeline.statements.events import find_events
from service.pipeline.statements.happenings import find_own_acts
from service.pipeline.statements.figures import find_figures
from service.pipeline.statements.lexicon import event_forms
from service.pipeline.statements.mentions import find_mentions
from service.pipeline.statements.names import is_descriptor
from service.pipeline.statements.neighbours import after_named_event, clause_after, counted_from_event, labels, own_act, paragraph_time, retold, retold_in_full, soon_after, unstamped
from service.pipeline.statements.planned import find_plans, joint_opener
from service.pipeline.statements.quotes import find_quotes, within
from service.pipeline.statements.reporting import PLACING_FORMS, judged
from service.pipeline.statements.tokens import lex
from service.pipeline.statements.verdicts import find_verdicts
from service.pipeline.statements.wording import claim, counted, quoted_words

__all__ = ["extract_statements"]

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")
_MARKER = re.compile(r"[\d•*–-]{1,3}[.)]?")  # a list number or bullet split off as its own "sentence"
# "confirmed six new cases on Friday": a count as the object, so the time after it is the telling's
_COUNTING = frozenset({"confirm", "announce"})
# "denied the report on Friday", "called the plan unworkable on Friday": the object is what is denied
# or judged, so the time after it is the saying's
_DENYING = "deny"
_ISSUING = "issue"  # "issued the following statement on Monday:": the object is the text, the time its issuing's
_COUNT = re.compile(r"\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\s", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?([a-z][\w-]*)\s*[,.;]")
_TOLD = re.compile(r"\btold\s+((?:this|the)\s+(?:newspaper|paper|website|programme|program)|(?:The\s+)?(?:[A-Z][\w’'-]*\s*){1,3})")
_ADDRESS = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Yy]ou|[Yy]our|I)\b")  # the site's or writer's voice, the reader addressed
# "announced a strike on Monday", "announced the closure of two plants on Friday": an object with no
# verb of its own, so the time after it is the announcement's (not "announced the plant would close on ...")
_ANNOUNCED = re.compile(r"\s+(?:a|an|the|its|his|her|their)\s+(?:(?!(?:would|will|was|were|is|are|had|has|have|could|might|must|should)\b)(?![\w-]*ed\b)[\w-]+\s+){1,5}?(?:on|last|this|yesterday|today|early|late)\b")
_TO_PARTICIPLE = re.compile(r"[^,;:“”\"()]*,\s*")  # from the main clause's time to its participle: no other clause
_CLOSING = (".", "!", "?", ")", "…", ":")  # after any closing quote marks
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_SCENE = re.compile(r"(?:In|At|During)\s+(?:a|an|the|his|her|its|their)\s+[^,;:“”\"]*")  # an interview, a rally: the paragraph's scene
_TELLING = 3  # the sentences after a dated lede that may go on telling its news, until someone speaks
_RECENT = 8  # the events just told, that "Hours later," may count from
_SUMMARY = 3  # the opening sentences that may sum up a claim told in full below (standfirst, lede)
_TOP = 2  # the lede and the sentence after it: the news of the article's own day ("has ordered an inquiry")


def extract_statements(
    article: ArticleInput,
    sentences: Sequence[Sentence],
    expressions: Sequence[Expression],
    furniture: Sequence[Furniture],
    reference_date: ReferenceDate,
) -> tuple[Statement, ...]:
    text = article.text
    quotes = find_quotes(text)
    alone = Counter(s.paragraph for s in sentences if not _MARKER.fullmatch(s.text.strip()))
    usable = [s for s in sentences if not s.furniture and not _in_furniture(s, furniture) and not _headline(s, alone)]
    expressions = sorted((e for e in expressions if not e.furniture and not _in_furniture(e, furniture)), key=lambda e: e.start)
    firms, uncut = _firms(usable)
    cast, last, speeches, events, plans = Cast(common=frozenset(_LOWER_WORD.findall(text)), ahead=_organisations(usable), firms=firms, uncut=uncut), (), [], [], []
    labelled = labels(usable, expressions)
    usable = [unstamped(s, labelled.get(s.paragraph)) for s in usable]  # a live page's stamp opens no subject
    lede = next((i for i, s in enumerate(usable[:3]) if _news(s)), None)  # past a cookie line, not into background
    top = range(lede, lede + _TOP) if lede is not None else range(0)
    told: Dating | None = None  # the dated lede's day, while the sentences after it go on telling its news
    reported: Dating | None = _lede_day(reference_date) if lede is None else None  # the news day, once the lede is read
    they: tuple[Actor, ...] = ()  # "X and Y agreed ... They are to meet ...": whom a plural pronoun names
    for index, sentence in enumerate(usable):
        heard = within(quotes, sentence.start, sentence.end)  # the sentence's own quotes, found once
        opening = joint_opener(sentence, heard, cast)
        found, opener = find_speech(sentence, heard, cast, last)
        speeches.append(found)
        last = found[-1].actors if found else opener or last
        starts = [s.verb.start for s in found if s.lemma != "according"]
        resumes = {s.verb.start: at for s in found if s.relative and (at := resumed(sentence, s.verb.end))}
        news = _lede_day(reference_date) if index in top else None
        own = _of(sentence, expressions)
        verdicts = find_verdicts(sentence, heard, own, cast)
        told_verbs = {v.verb.start for v in verdicts}  # the verdict's telling of a verb replaces the generic one
        planned = [] if found else find_plans(sentence, heard, own, cast, they)
        scheduled = {p.expression for p in planned}  # the plan's day is no other verb's ("will take place on 3 May, ... began")
        going = None if lede is None or index > lede + _TELLING else told  # "Some 40 were hospitalised, police said": still the news
        told = None if found and index != lede else going  # after a saying, the story turns to what was said
        stamp = labelled.get(sentence.paragraph)
        stamp = stamp if stamp is not None and stamp.expression.start <= sentence.start + 1 and (not own or own[0].start >= stamp.expression.start) else None
        soon = None if found else soon_after(sentence, [(e.verb.start, e.dating) for _, e in events[-_RECENT:]])
        acts = find_events(sentence, heard, own, cast, starts, stamp or news, resumes, bool(found), index != lede, going, reported or news, soon)
        if not acts and stamp is not None:  # "16:30 About 500 protesters have gathered", "FRIDAY: The trial was adjourned": the label's news
            own = [e for e in own if e is not stamp.expression]
            acts = find_events(sentence, heard, own, cast, starts, stamp, resumes, bool(found), True, None if own else stamp)
        events.extend((sentence, e) for e in acts if e.verb.start not in told_verbs and e.expression not in scheduled)
        told = _told([e for s, e in events if s is sentence], own) if index == lede else told
        reported = (told or _lede_day(reference_date)) if index == lede else reported  # the day the article reports
        events.extend((sentence, e) for e in verdicts)
        plans.extend((sentence, p) for p in planned)
        they = opening
    drafts = build_drafts(usable, speeches, quotes)
    datings = _date_drafts(drafts, expressions, quotes, reference_date, events, article.publisher, labelled, text)
    retold_in_full(drafts, datings, text, usable[_SUMMARY].start if len(usable) > _SUMMARY else len(text))
    out = [_statement(article, d, dt, quotes) for d, dt in zip(drafts, datings)]
    quoting = {id(s): (s, d.actors) for d in drafts if d.quotes for s in d.sentences}  # one speaker per sentence
    for sentence, speaker in quoting.values():
        events.extend((sentence, e) for e in find_own_acts(sentence, quotes, _of(sentence, expressions), speaker))
    out.extend(
        Statement(article.id, "event", e.actors, e.text, (), s.text, s.start, s.end, e.dating.when, e.dating.basis, find_figures(s.text))
        for s, e in events + plans  # a plan sets no paragraph's time: it is after the saying
    )
    return tuple(sorted(out, key=lambda s: (s.start, s.kind, s.text)))


def _news(sentence: Sentence) -> bool:
    """The lede is the first full sentence that tells of someone or something done, in the third person:
    a cookie or paywall line speaks to the reader ("We use cookies", "you accept") or tells nothing."""
    text = sentence.text
    if not text.rstrip().rstrip("”\"’'").endswith(_CLOSING) or _ADDRESS.search(text):
        return False
    if len(_LOWER_WORD.findall(text)) < 2:
        return False  # a dateline cut off at its abbreviation ("MOOSE RIVER, Sask."): no sentence
    return any(w in event_forms() for w in _LOWER_WORD.findall(text)) or any(
        m.kind in ("person", "organisation", "group") for m in find_mentions(text, sentence.start))


def _organisations(sentences: Sequence[Sentence]) -> tuple[Actor, ...]:
    """Every organisation the article names, in order: "the central bank" may come before "Bank of Valdoria"."""
    names = dict.fromkeys(m.place or m.name for s in sentences for m in find_mentions(s.text, s.start) if m.kind == "organisation")
    return tuple(Actor(slug(name), name, None, "organisation") for name in names)


def _firms(sentences: Sequence[Sentence]) -> tuple[frozenset[str], frozenset[str]]:
    """Names of two words or more, never titled and never cut to a single word: news shortens a
    person to the surname after first mention, never a company. Those written twice are firms;
    the others may be the firm "the company" refers to."""
    mentions = [(m, s) for s in sentences for m in find_mentions(s.text, s.start) if m.kind == "person"]
    full = Counter(m.name for m, _ in mentions if " " in m.name)
    titled = {m.name for m, s in mentions if m.title or _described_person(s.text, m.end - s.start)}
    single = {m.name for m, _ in mentions if " " not in m.name}
    never_cut = [name for name in full if name not in titled and not single & set(name.split()) and "." not in name]
    return frozenset(n for n in never_cut if full[n] >= 2), frozenset(never_cut)


def _described_person(text: str, end: int) -> bool:
    """"Anna Lindqvist, the competition commissioner," : an apposition that is no kind of organisation."""
    described = _APPOSITION.match(text, end)
    return described is not None and not is_descriptor(described.group(1)) and described.group(1) not in lex()["orgref"]


def _told(lede_events, own: Sequence[Expression]) -> Dating | None:
    """The day of the happening a lede tells with a day of its own ("An avalanche buried ... on
    Thursday, police said"): its event's, else the lede's first time that is a day."""
    dated = [e.dating for e in lede_events if e.dating.tied and e.dating.when is not None and _DAY.fullmatch(e.dating.when.value)]
    days = [e for e in own if e.date is not None and _DAY.match(e.date.value)]
    return dated[0] if dated else from_expression(days[0], "the lede", day=True) if days else None


def _lede_day(reference: ReferenceDate) -> Dating | None:
    """The day of the news an undated present-perfect lede tells ("X has signed Y"), and the sentence
    just after it ("The minister has ordered an inquiry"): the article's own."""
    if reference.value is None:
        return None
    return inherited(reference_day(reference.value), "present-perfect lede, news of the article's own day")


def _of(sentence: Sentence, expressions: Sequence[Expression]) -> Sequence[Expression]:
    """The expressions inside a sentence (expressions are sorted by start)."""
    first = bisect_left(expressions, sentence.start, key=lambda e: e.start)
    last = bisect_left(expressions, sentence.end, key=lambda e: e.start)
    return expressions[first:last]


def _headline(sentence: Sentence, per_paragraph: Counter) -> bool:
    """A paragraph of one unpunctuated line is a headline or a link ("Mayor says town will be rebuilt"), not news text."""
    return per_paragraph[sentence.paragraph] == 1 and not sentence.text.rstrip().rstrip("”\"’'").endswith(_CLOSING)


def _in_furniture(span: Sentence | Expression, furniture: Sequence[Furniture]) -> bool:
    length = max(1, span.end - span.start)
    covered = sum(max(0, min(span.end, f.end) - max(span.start, f.start)) for f in furniture)
    return covered * 2 > length


def _date_drafts(drafts: list[Draft], expressions, quotes, reference: ReferenceDate, events, publisher: str | None, labelled: dict[int, Dating], text: str) -> list[Dating]:
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
        own = _of(sentence, expressions)
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


def _statement(article: ArticleInput, draft: Draft, dating: Dating, quotes) -> Statement:
    evidence = article.text[draft.start : draft.end]
    line, figures = counted(draft, claim(draft, article.text), article.text)
    return Statement(
        article.id, "statement", draft.actors, line, quoted_words(draft, article.text),
        evidence, draft.start, draft.end, dating.when, dating.basis, figures,
    )
