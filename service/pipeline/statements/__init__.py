"""Statements and events: who said or did what, when, in one article.

Reading order matters (a surname or pronoun refers back), so sentences are read once, in order;
furniture sentences and unpunctuated one-line paragraphs (headlines, links) are never read. Each statement is dated by the expression tied to its
reporting verb, else by its paragraph or its speaker's previous statement, else the reference day
(``draft_dates``).
A happening scheduled for a day in the writer's voice ("X and Y are to meet on Thursday") is an
event of that day; it sets no paragraph's time, being later than the saying.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from service.pipeline.model import (
    Actor, ArticleInput, Expression, Furniture, ReferenceDate, Sentence, Statement,
)
from service.pipeline.statements.actors import Cast, slug
from service.pipeline.statements.attribution import find_speech
from service.pipeline.statements.dating import DAY_VALUE, Dating, from_expression, inherited, reference_day
from service.pipeline.statements.draft_dates import date_drafts, expressions_in
from service.pipeline.statements.drafts import Draft, build_drafts, resumed
from service.pipeline.statements.events import find_events
from service.pipeline.statements.happenings import find_own_acts
from service.pipeline.statements.figures import find_figures
from service.pipeline.statements.lexicon import event_forms
from service.pipeline.statements.mentions import find_mentions
from service.pipeline.statements.names import is_descriptor
from service.pipeline.statements.neighbours import labels, retold_in_full, soon_after, unstamped
from service.pipeline.statements.planned import find_plans, joint_opener
from service.pipeline.statements.quotes import find_quotes, within
from service.pipeline.statements.tokens import lex
from service.pipeline.statements.verdicts import find_verdicts
from service.pipeline.statements.wording import claim, counted, quoted_words

__all__ = ["extract_statements"]

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")
_MARKER = re.compile(r"[\d•*–-]{1,3}[.)]?")  # a list number or bullet split off as its own "sentence"
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?([a-z][\w-]*)\s*[,.;]")
_ADDRESS = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Yy]ou|[Yy]our|I)\b")  # the site's or writer's voice, the reader addressed
_CLOSING = (".", "!", "?", ")", "…", ":")  # after any closing quote marks
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
        own = expressions_in(sentence, expressions)
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
    datings = date_drafts(drafts, expressions, quotes, reference_date, events, article.publisher, labelled, text)
    retold_in_full(drafts, datings, text, usable[_SUMMARY].start if len(usable) > _SUMMARY else len(text))
    out = [_statement(article, d, dt, quotes) for d, dt in zip(drafts, datings)]
    quoting = {id(s): (s, d.actors) for d in drafts if d.quotes for s in d.sentences}  # one speaker per sentence
    for sentence, speaker in quoting.values():
        events.extend((sentence, e) for e in find_own_acts(sentence, quotes, expressions_in(sentence, expressions), speaker))
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
    dated = [e.dating for e in lede_events if e.dating.tied and e.dating.when is not None and DAY_VALUE.fullmatch(e.dating.when.value)]
    days = [e for e in own if e.date is not None and DAY_VALUE.match(e.date.value)]
    return dated[0] if dated else from_expression(days[0], "the lede", day=True) if days else None


def _lede_day(reference: ReferenceDate) -> Dating | None:
    """The day of the news an undated present-perfect lede tells ("X has signed Y"), and the sentence
    just after it ("The minister has ordered an inquiry"): the article's own."""
    if reference.value is None:
        return None
    return inherited(reference_day(reference.value), "present-perfect lede, news of the article's own day")


def _headline(sentence: Sentence, per_paragraph: Counter) -> bool:
    """A paragraph of one unpunctuated line is a headline or a link ("Mayor says town will be rebuilt"), not news text."""
    return per_paragraph[sentence.paragraph] == 1 and not sentence.text.rstrip().rstrip("”\"’'").endswith(_CLOSING)


def _in_furniture(span: Sentence | Expression, furniture: Sequence[Furniture]) -> bool:
    length = max(1, span.end - span.start)
    covered = sum(max(0, min(span.end, f.end) - max(span.start, f.start)) for f in furniture)
    return covered * 2 > length


def _statement(article: ArticleInput, draft: Draft, dating: Dating, quotes) -> Statement:
    evidence = article.text[draft.start : draft.end]
    line, figures = counted(draft, claim(draft, article.text), article.text)
    return Statement(
        article.id, "statement", draft.actors, line, quoted_words(draft, article.text),
        evidence, draft.start, draft.end, dating.when, dating.basis, figures,
    )
