"""Events: dated happenings that are not statements ("launched an incursion in August").

An event needs a temporal expression tied to its verb outside quotes; undated background ("Russia
has provided uniforms") is no event, except the news of an article's present-perfect lede ("X has
signed Y") and a simple-past passive going on telling a dated lede ("Some 40 workers were
hospitalised"). Its actor is the verb's subject, or the "by" agent of a passive ("X was fined by the
Commission"); a happening may have none ("A wildfire broke out Monday"). Happenings dated in their
own noun phrase and a speaker's own acts in his quote are in ``happenings``; the writer's acts ("I
visited the plant in May") and the reader's ("If you bought one in 2011") are no events. Whether a
form tells an act, and whose, is the grammar in ``acts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.pipeline.model import Expression, Sentence
from service.pipeline.statements.acts import (
    acted, bare_act, clause_opening, modifies_noun, modifies_plural, named_before, passive, passive_agent, perfect_auxiliary, vehicle_owner,
)
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.dating import Dating, from_expression, inherited, tied_expression
from service.pipeline.statements.happenings import (
    CLAUSE_END, EventDraft, before_subordinate_saying, crowd, day_label, event_line, happening_line, happenings, nearest,
    owner_of, undergone, until_time, vessel, vessel_name,
)
from service.pipeline.statements.lexicon import event_forms, load, reporting_forms, words
from service.pipeline.statements.mentions import Token, find_mentions, tokens
from service.pipeline.statements.quotes import Quote, outside, within
from service.pipeline.statements.subjects import joint_partners, relative_subject, subject_before

_WRITER = words("first_person") | {"you"}  # outside quotes: the writer and the reader
_ADJUNCT = words("adjunct")
_NOT_HAPPENED = words("not_happened")
_COMPOUND = re.compile(r"\w+-[a-z]+")  # "a three-day strike", "17th-century paintings": a modifier, no time
_OF_FOR = re.compile(  # "results for 2022", "months of 2022"; not "the early hours of Monday", "the end of May"
    r"(?<![\w’'-])(?!(?:hours?|morning|afternoon|evening|night|weekend|end|start|beginning|middle|spring|summer|autumn"
    r"|fall|winter|week|month|days?|part|half)\b)[\w’'-]+\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"\bto\s+[a-z]+\b[^,.;“”\"]*\b(?:by|until|before|within)\s+(?:the\s+)?$")  # "voted to close it by 2030"
_REPORTING = frozenset(reporting_forms())
_SAYING_FORMS = frozenset(form for form, lemma in reporting_forms().items() if lemma in {"say", "state", "warn", "add", "claim", "note"})
_LEAD_ENDS = frozenset({"of", "for", "the", "by", "until", "before", "within"})  # the last word before a qualifier's time
_NOT_BEFORE_VERB = words("not_before_verb")
_ACTING = frozenset(load("events")["actors"]["acting_groups"])
_MOVEMENTS = frozenset(load("events")["verbs"]["movements"])
_WHEN = re.compile(r"\s*,\s*(?:when|as|while)\b")
_DAYS = frozenset({"day", "time"})
_QUOTE_CLOSERS = ("”", "\"", "’")
_TALLY = re.compile(r"\s+(?:more\s+than\s+|over\s+|about\s+)?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b", re.IGNORECASE)
_RECORD_SINCE = re.compile(r"\b(?:first|only|longest|biggest|largest|worst|highest|lowest|best|most|least|[a-z]{3,}est)\b[^,.;:]{0,40}\bsince\s+$", re.I)  # "the longest strike since 1979"
_BACKGROUND = re.compile(r"\b(?:ago|previously|formerly|once|earlier|in the past|twice|repeatedly|often|usually|always|regularly)\b", re.I)
_YEAR = re.compile(r"\d{4}")
_SOURCE_PHRASE = re.compile(r"\baccording\s+to\b[^,;:“”\"]*$", re.I)
_OWNED_YEAR = re.compile(r"(?:['’]s|\b(?:[Tt]he|its|their|his|her))\s+$")  # "the country's 2012 bonds": the year names the noun
_LASTING = re.compile(r"\b(?:for|over)\s+(?:the\s+)?(?:past\s+|last\s+)?$")  # how long a state lasted: background
_RELATING = re.compile(r"\s+(?:after|before)\b")  # "has resigned, two days after ...": a span between two happenings, no time of its own


def find_events(
    sentence: Sentence, quotes: tuple[Quote, ...], expressions: Sequence[Expression], cast: Cast,
    speech_starts: Sequence[int], lede: Dating | None = None, resumes: dict[int, int] | None = None, attributed: bool = False,
    after_lede: bool = False, going_on: Dating | None = None, news_day: Dating | None = None, soon: Dating | None = None,
) -> list[EventDraft]:
    """Events told in one sentence; ``speech_starts`` are its reporting verbs, whose content is not an
    event, up to where ``resumes`` says the main clause takes over from a relative clause's saying
    ("X, who said on Tuesday that ..., signed the order on Wednesday"). In an ``attributed`` sentence
    (one with a source, "according to X" too) a price or count that moved is the source's figure.

    ``lede`` dates the news of an article's first sentence told in the present perfect without a date
    ("X has signed Y", "MPs have voted"): news that has just happened, on the article's own day. Any
    time in the sentence ("has launched phones over the years") makes it background instead. In the
    sentence ``after_lede`` a counted object is a tally, background ("The club has signed four players").

    ``going_on`` is the day of the happening a dated lede told, for the sentences that go on telling it: an
    undated simple-past passive there ("Two miners were dug out alive") is part of that news, on its day;
    an active past ("He won the title twice"), a pluperfect or a perfect is background.

    ``news_day`` dates an act told only by when it ends ("adjourned the hearing until Thursday",
    "closed the road until Friday"): done on the day the article reports. ``soon`` dates the acts of a
    sentence that opens "Hours later," or "Within hours,": the day of what was told just before.
    """
    text, offset = sentence.text, sentence.start
    quotes = within(quotes, sentence.start, sentence.end)
    own = [e for e in expressions if sentence.start <= e.start < sentence.end]
    expressions = [e for e in own if not _qualifier(e, text, offset)]
    lasting = any(e.type == "DURATION" and _LASTING.search(text, 0, e.start - offset) for e in own)  # "has sold meals for three years"
    lede = None if lasting or any(not _RELATING.match(text, e.end - offset) or e.type != "DURATION" for e in expressions) else lede
    if any(e.type == "DATE" for e in expressions) or _BACKGROUND.search(text):
        going_on = None  # "was damaged in 2009", "was damaged years ago", "was flooded twice": a time of its own, history, a habit
    if not expressions and lede is None and going_on is None and soon is None:
        return []  # an event is dated by a time of its own or is the lede's news
    toks = outside(quotes, tokens(text, offset))
    forms = event_forms()
    lowered = [bare_act(t.text.lower(), forms) for t in toks]
    if forms.isdisjoint(lowered):
        return nearest(happenings(text, offset, toks, expressions, quotes, owner_of(text, offset, cast)))  # no verb of an act: spare the names
    mentions = [m for m in outside(quotes, find_mentions(text, offset)) if cast.is_name(m) and not day_label(m, expressions, text, offset)]
    speech_starts = [*speech_starts, *(t.start for j, t in enumerate(toks) if t.text in _SAYING_FORMS and _saying(toks, lowered, j))]
    resumes, attributed = resumes or {}, attributed or bool(speech_starts)
    content = [(s, resumes.get(s, sentence.end)) for s in speech_starts]  # what follows a saying is its content
    writer = next((k for k, word in enumerate(lowered) if word in _WRITER), len(toks))
    out: list[EventDraft] = []
    for k, tok in enumerate(toks):
        if lowered[k] not in forms or any(start <= tok.start < end for start, end in content):
            continue
        if text[: tok.start - offset].rstrip().endswith(_QUOTE_CLOSERS):
            continue  # "“Who pays?” asked X on Tuesday": the quote's attribution, no act
        if _SOURCE_PHRASE.search(text, 0, tok.start - offset):
            continue  # "according to a study published on Wednesday": the source described, no act of the story
        if attributed and lowered[k] in _MOVEMENTS and not before_subordinate_saying(text, offset, tok, speech_starts):
            continue  # "House prices fell 2% in March, according to the statistics office": a figure given
        if k > 0 and lowered[k - 1] in _NOT_HAPPENED:
            continue  # "will cut", "to launch": not a happening
        if not acted(toks, k):
            continue  # "the grounded jets", "remained closed": a state, not an act
        if writer < k:
            continue  # "If you bought a laptop in 2011, check ...", "I visited the plant in May": the writer's voice
        gerund = lowered[k].endswith("ing")
        if gerund and not (k > 0 and lowered[k - 1] in _ADJUNCT):
            subject = subject_before(text, offset, toks, k, mentions, strict=True)  # "the White House releasing"
        else:  # "X ... since launching"
            subject = subject_before(text, offset, toks, k, mentions, reach=12)
        relative = subject is None and not gerund and (subject := relative_subject(toks, k, mentions)) is not None
        if subject is not None and subject.kind not in ("person", "organisation", "group", "pronoun", "orgref", "title"):
            continue
        owner = None if gerund else vehicle_owner(text, offset, mentions, tok.start)  # "A Nordvik Air jet made ...": the firm's act
        subject = owner or subject
        span = (subject.start, subject.end) if subject is not None else clause_opening(text, offset, tok)
        expr = tied_expression(text, offset, (tok.start, tok.end), span, expressions, quotes, reach=15, free_object=True, plain_reach=24)
        until = until_time(text, offset, tok, expressions) if expr is None and news_day is not None else None
        if expr is None and lede is None and until is None and soon is None and not _goes_on(lowered, k, going_on, speech_starts, tok.start):
            continue  # undated and no lede's news: resolve no name ("..., which left the club bottom")
        if subject is None:  # "A 6.1 earthquake struck ... on Tuesday", "The hospital was shut on Tuesday"
            if gerund or named_before(text, offset, mentions, tok.start) or modifies_noun(text, offset, toks, k):
                continue
            actors = ()
        elif subject.kind == "orgref":  # "after the central bank raised rates"
            actors = cast.refer(subject.name, [])
        elif subject.kind == "pronoun":  # "He joined the club in 2010": the person last named
            if subject.plural or not cast.recent(1):
                continue
            actors = tuple(cast.recent(1))
        elif subject.kind == "group" and " " not in subject.name and subject.name.lower() not in _ACTING or vessel(text, offset, subject) or modifies_plural(text, offset, subject, tok):
            actors = ()  # "Thieves stole ...", "Thousands were evacuated", "the MV X sank", "Navy divers found"
        else:
            resolved = cast.resolve(subject)
            actors = (resolved,) if resolved else ()
            if not actors:
                continue
            if crowd(resolved):
                actors = ()  # "Patients queued", "Several hundred opposition supporters marched": no body acted
            partners = [a for a in map(cast.resolve, joint_partners(subject, mentions, text, offset)) if a]
            actors = tuple(dict.fromkeys([*partners, *actors]))  # "X and Y signed the pact"
        told = " and ".join(a.name for a in actors) or (vessel_name(text, offset, subject) if subject is not None and vessel(text, offset, subject) else "")
        named = actors
        if passive(toks, k):  # "X was fined by the Commission": the Commission acted; "X was arrested": nobody named
            actors = passive_agent(text, offset, tok, mentions, cast)
        elif undergone(toks, k):
            actors = ()  # "The mayor went on trial on Wednesday": nobody named acted
        if expr and relative and expr.date.granularity not in _DAYS:
            continue  # "X, who took office in January, said": background; "X, who resigned on Monday, said": news
        if expr and not _tied_to_speech(text, offset, expr, speech_starts):
            label = event_line(told, text, offset, tok, expr.end) if told else happening_line(text, offset, tok, expr.end)
            out.append(EventDraft(actors, tok, label, from_expression(expr, tok.text, day=True), expr.start))
        elif until is not None and not _tied_to_speech(text, offset, until, speech_starts):
            label = event_line(told, text, offset, tok, until.end) if told else happening_line(text, offset, tok, until.end)
            out.append(EventDraft(actors, tok, label, inherited(news_day, f"done until '{until.text}', on the article's news day"), until.start))
        elif expr is None and soon is not None:  # "Within hours, the governor declared a state of emergency"
            label = event_line(told, text, offset, tok, tok.end) if told else happening_line(text, offset, tok, tok.end)
            out.append(EventDraft(actors, tok, label, soon, tok.start))
            soon = None  # the sentence's one act
        elif expr is None and lede is not None and (named or span[0] == offset or subject is not None and subject.kind == "group") and (
            (aux := perfect_auxiliary(toks, k)) is not None and not (after_lede and _TALLY.match(text, tok.end - offset))
        ):
            told = Token(text[aux.start - offset : tok.end - offset], aux.start, tok.end)  # "has begun", "has been suspended"
            label = event_line(named[0].name, text, offset, told, tok.end) if named else happening_line(text, offset, told, tok.end)
            out.append(EventDraft(actors, tok, label, lede, tok.start))  # "An earthquake has struck ...": a happening
            lede = None  # the lede's one piece of news
        elif expr is None and going_on is not None and _goes_on(lowered, k, going_on, speech_starts, tok.start):
            label = event_line(named[0].name, text, offset, tok, tok.end) if named else happening_line(text, offset, tok, tok.end)
            out.append(EventDraft(actors, tok, label, inherited(going_on, "told just after the dated lede"), tok.start))
            going_on = None  # "was dug out alive ... and flown to hospital": one happening
    dated = {d.expression for d in out}
    out.extend(h for h in happenings(text, offset, toks, expressions, quotes, owner_of(text, offset, cast)) if h.expression not in dated)
    return nearest(out)


def _qualifier(expr: Expression, text: str, offset: int) -> bool:
    """A time that qualifies a noun or a purpose, not an act: "a three-day strike", "17th-century maps",
    "the longest strike since 1979",
    "results for the last three months of 2022", "the country's 2012 bonds", "a meeting scheduled for Monday", "voted to close the
    plant by 2030"."""
    lead = text[: expr.start - offset]
    if _COMPOUND.fullmatch(expr.text) or _RECORD_SINCE.search(lead) or _YEAR.fullmatch(expr.text) and _OWNED_YEAR.search(lead):
        return True
    last = lead.rsplit(None, 1)[-1].lower() if lead[-1:].isspace() and not lead.isspace() else ""
    return last in _LEAD_ENDS and bool(_OF_FOR.search(lead) or _DEADLINE.search(lead))  # the word check spares both scans


def _saying(toks: list[Token], lowered: list[str], j: int) -> bool:
    """"The firm that runs the mine said it had suspended ...": a saying whose speaker went unfound still
    makes what follows its content, not the writer's report of a happening."""
    noun = j > 0 and lowered[j - 1] in _NOT_BEFORE_VERB or j + 1 < len(toks) and lowered[j + 1] == "of"  # "the state", "state of emergency"
    return toks[j].text in _SAYING_FORMS and not noun


def _goes_on(lowered: list[str], k: int, going_on: Dating | None, speech_starts: Sequence[int], at: int) -> bool:
    """A simple-past passive that goes on telling a dated lede's news ("Some 40 workers were hospitalised"),
    before any saying ("..., police said" closes it); "It was reported that two were injured" is a saying's content."""
    return going_on is not None and all(s > at for s in speech_starts) and k > 0 and lowered[k - 1] in ("was", "were") and _REPORTING.isdisjoint(lowered[: k + 1])


def _tied_to_speech(text: str, offset: int, expr: Expression, speech_starts: Sequence[int]) -> bool:
    """The expression dates the saying ("..., X said on Thursday"), not the happening."""
    after = any(0 <= expr.start - s <= 40 and not CLAUSE_END.search(text, s - offset, expr.start - offset) for s in speech_starts)
    before = any(s > expr.end for s in speech_starts) and _WHEN.match(text, expr.end - offset)
    return bool(after or before)  # "..., X said on Thursday"; "a day earlier, when X would only say"
