"""Events: dated happenings that are not statements ("launched an incursion in August").

An event needs a temporal expression tied to its verb outside quotes; undated background ("Russia
has provided uniforms") is no event, except the news of an article's present-perfect lede ("X has
signed Y") and a simple-past passive going on telling a dated lede ("Some 40 workers were
hospitalised"). Its actor is the verb's subject, or the "by" agent of a passive ("X was fined by the
Commission"); a happening may have none ("A wildfire broke out Monday"). Happenings dated in their
own noun phrase and a speaker's own acts in his quote are in ``happenings``; the writer's acts ("I
visited the plant in May") and the reader's ("If you bought one in 2011") are no events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.pipeline.model import Actor, Expression, Sentence
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.dating import Dating, from_expression, inherited, tied_expression
from service.pipeline.statements.happenings import (
    CLAUSE_END, IN_WHICH, EventDraft, before_subordinate_saying, crowd, day_label, event_line, happening_line, happenings, nearest,
    owner_of, place_round, undergone, until_time, vessel, vessel_name,
)
from service.pipeline.statements.lexicon import auxiliaries, event_forms, light_events, load, reporting_forms, transitive_events, words
from service.pipeline.statements.mentions import Token, find_mentions, tokens
from service.pipeline.statements.quotes import Quote, outside, within
from service.pipeline.statements.subjects import joint_partners, relative_subject, subject_before

_WRITER = words("first_person") | {"you"}  # outside quotes: the writer and the reader
_ADJUNCT = words("adjunct")
_TIME_WORDS = words("time_words")
_WEEKDAYS = {w.lower() for w in words("weekdays")}
_NOT_HAPPENED = words("not_happened")
_PERFECT = frozenset({"has", "have"})
_COMPOUND = re.compile(r"\w+-[a-z]+")  # "a three-day strike", "17th-century paintings": a modifier, no time
_OF_FOR = re.compile(  # "results for 2022", "months of 2022"; not "the early hours of Monday", "the end of May"
    r"(?<![\w’'-])(?!(?:hours?|morning|afternoon|evening|night|weekend|end|start|beginning|middle|spring|summer|autumn"
    r"|fall|winter|week|month|days?|part|half)\b)[\w’'-]+\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_DEADLINE = re.compile(r"\bto\s+[a-z]+\b[^,.;“”\"]*\b(?:by|until|before|within)\s+(?:the\s+)?$")  # "voted to close it by 2030"
_REPORTING = frozenset(reporting_forms())
_SAYING_FORMS = frozenset(form for form, lemma in reporting_forms().items() if lemma in {"say", "state", "warn", "add", "claim", "note"})
_LEAD_ENDS = frozenset({"of", "for", "the", "by", "until", "before", "within"})  # the last word before a qualifier's time
_NOT_BEFORE_VERB = words("not_before_verb")
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_GOVERNED = re.compile(r"(?:in|on|at|with|from|by|for|under|into|to)\s+(?:a|an|the|its|their|his|her)\s+[\w\s’'-]*$", re.IGNORECASE)
_ACTING = frozenset(load("events")["actors"]["acting_groups"])
_MOVEMENTS = frozenset(load("events")["verbs"]["movements"])
_BE = frozenset({"was", "were", "been", "is", "are", "being"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "these", "those", "our", "my", "your"})
_NOT_HEAD = frozenset(auxiliaries() | _TIME_WORDS | words("prepositions") | {"has", "was", "is", "does", "always", "perhaps", "thus"})
_PASSIVE_ADVERBS = frozenset({"last", "first", "also", "previously", "briefly", "temporarily"})
_OWNED = re.compile(r"(?:.*(?:[,;:—–]|\s-)\s*|\s*)(?:A|An|a|an)\s+", re.DOTALL)
_UNIT = re.compile(r"\s+[a-z][a-z-]*(?:\s+carrying\s+[\w,]+\s+[a-z]+)?\s+")  # "jet", "jet carrying 182 passengers"
_CLAUSE_START = re.compile(r".*(?:[,;:](?!\d)|\(|\s[—–-])\s*", re.DOTALL)  # the clause opens after the last break
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_WHEN = re.compile(r"\s*,\s*(?:when|as|while)\b")
_DAYS = frozenset({"day", "time"})
_QUOTE_CLOSERS = ("”", "\"", "’")
_SUBORDINATE = re.compile(r".*\b(?:after|when|before|since|until|because|while|although|though|once)\s+(?=[^,;:()]*$)", re.DOTALL)  # the verb's own clause
_TALLY = re.compile(r"\s+(?:more\s+than\s+|over\s+|about\s+)?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)\b", re.IGNORECASE)
_RECORD_SINCE = re.compile(r"\b(?:first|only|longest|biggest|largest|worst|highest|lowest|best|most|least|[a-z]{3,}est)\b[^,.;:]{0,40}\bsince\s+$", re.I)  # "the longest strike since 1979"
_BACKGROUND = re.compile(r"\b(?:ago|previously|formerly|once|earlier|in the past|twice|repeatedly|often|usually|always|regularly)\b", re.I)
_DATELINE = re.compile(r"\s[—–-]\s*$")
_YEAR = re.compile(r"\d{4}")
_OWNED_PLURAL = re.compile(r"(?:['’]s?)?(?:\s+[a-z\d][\w-]*){0,2}\s+[a-z]+[^s\W]s\s+")  # "'s 2012 bonds ", "'s shares "
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
    lowered = [_again(t.text.lower(), forms) for t in toks]
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
        if not _acted(toks, k):
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
        owner = None if gerund else _owner(text, offset, mentions, tok.start)  # "A Nordvik Air jet made ...": the firm's act
        subject = owner or subject
        span = (subject.start, subject.end) if subject is not None else _opening(text, offset, tok)
        expr = tied_expression(text, offset, (tok.start, tok.end), span, expressions, quotes, reach=15, free_object=True, plain_reach=24)
        until = until_time(text, offset, tok, expressions) if expr is None and news_day is not None else None
        if expr is None and lede is None and until is None and soon is None and not _goes_on(lowered, k, going_on, speech_starts, tok.start):
            continue  # undated and no lede's news: resolve no name ("..., which left the club bottom")
        if subject is None:  # "A 6.1 earthquake struck ... on Tuesday", "The hospital was shut on Tuesday"
            if gerund or _named_before(text, offset, mentions, tok.start) or _modifies(text, offset, toks, k):
                continue
            actors = ()
        elif subject.kind == "orgref":  # "after the central bank raised rates"
            actors = cast.refer(subject.name, [])
        elif subject.kind == "pronoun":  # "He joined the club in 2010": the person last named
            if subject.plural or not cast.recent(1):
                continue
            actors = tuple(cast.recent(1))
        elif subject.kind == "group" and " " not in subject.name and subject.name.lower() not in _ACTING or vessel(text, offset, subject) or _modifies_plural(text, offset, subject, tok):
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
        if _passive(toks, k):  # "X was fined by the Commission": the Commission acted; "X was arrested": nobody named
            actors = _agent(text, offset, tok, mentions, cast)
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
            (aux := _perfect(toks, k)) is not None and not (after_lede and _TALLY.match(text, tok.end - offset))
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


def _again(word: str, forms: frozenset[str]) -> str:
    """"recaptured", "re-elected", "rearrested": an act done again is the act."""
    if word in forms or not word.startswith("re") or len(word) < 7:
        return word
    bare = word[3:] if word[2] == "-" else word[2:]
    return bare if bare in forms else word


def _opening(text: str, offset: int, tok: Token) -> tuple[int, int]:
    """Where a subjectless verb's clause opens: "On Monday, a fire broke out"; not "signed it on Monday,
    a day after the dam burst"."""
    opening = _CLAUSE_START.match(text, 0, tok.start - offset)
    start = offset + (opening.end() if opening else 0)
    return start, start


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


def _perfect(toks: list[Token], k: int) -> Token | None:
    """The auxiliary of a present perfect ("has signed", "have been suspended"): a lede's news."""
    j = k - 1 - (k > 1 and toks[k - 1].text.lower() == "been")
    return toks[j] if j >= 0 and toks[j].text.lower() in _PERFECT else None


def _modifies(text: str, offset: int, toks: list[Token], k: int) -> bool:
    """"The packs were fitted to computers sold in 2009", "In a statement issued on Monday": a finite verb
    earlier in the clause, or a preposition governing the noun before it, makes the subjectless form a
    modifier of that noun, not the clause's happening."""
    opening = _CLAUSE_START.match(text, 0, toks[k].start - offset)
    start = offset + (opening.end() if opening else 0)
    relative = IN_WHICH.match(text, start - offset, toks[k].start - offset)  # "a crash in which a taxi killed a cyclist"
    start = offset + relative.end() if relative else start
    if _GOVERNED.match(text[start - offset : toks[k].start - offset]):
        return True
    j = k - 1
    while j >= 0 and toks[j].text.lower() in _FINITE | _BE | _TIME_WORDS | _PASSIVE_ADVERBS | {"never", "not"}:
        j -= 1  # the verb's own auxiliaries: "was yesterday shut", "had burned"
    return any(t.start >= start and t.text.lower() in _FINITE for t in toks[: j + 1])


def _acted(toks: list[Token], k: int) -> bool:
    """A form that doubles as an adjective is an act only with an object after it or in the passive."""
    needs_object, object_starts = transitive_events()
    light, nouns = light_events()
    if k > 0 and toks[k - 1].text.lower() in nouns:
        return True  # "An agreement reached on Tuesday", "a settlement made in June"
    if toks[k].text.lower() in light:
        words = [t for t in toks[k + 1 : k + 8] if t.text not in ("-", "–")][:4]  # "a 75,000-euro reward"
        return any(t.text.lower() in nouns for t in words) or place_round(words)
    if k > 0 and toks[k - 1].text.lower() in _DETERMINERS:
        return False  # "the grounded jets", "the flooded town", "a stolen car": an adjective
    if toks[k].text.lower() not in needs_object:
        return True
    if k > 0 and toks[k - 1].text.lower() in object_starts:
        return False  # "all grounded jets"
    if _passive(toks, k) or k > 0 and toks[k - 1].text.lower() in _PERFECT | {"had"}:
        return True  # "were grounded", "has sunk"
    following = toks[k + 1].text if k + 1 < len(toks) else ""
    return following.lower() in object_starts | nouns or following[:1].isdigit() or (following[:1].isupper() and following.lower() not in _WEEKDAYS)


def _passive(toks: list[Token], k: int) -> bool:
    """"was fined", "was yesterday banned", "were last breached": a form of "be" before the verb, through time adverbs."""
    j = k - 1
    while j >= 0 and toks[j].text.lower() in _TIME_WORDS | _PASSIVE_ADVERBS:
        j -= 1
    return j >= 0 and toks[j].text.lower() in _BE


def _agent(text: str, offset: int, verb: Token, mentions, cast: Cast) -> tuple[Actor, ...]:
    """The named "by ..." agent of a passive verb, within its clause ("by officers" leaves the news to its subject)."""
    stop = CLAUSE_END.search(text, verb.end - offset)
    for m in mentions:
        if verb.end <= m.start and (stop is None or m.start - offset < stop.start()):
            if _BY.search(text[verb.end - offset : m.start - offset]) and m.kind in ("person", "organisation", "orgref"):
                actor = cast.refer(m.name, []) if m.kind == "orgref" else (cast.resolve(m),)
                return tuple(a for a in actor if a)
    return ()


def _owner(text: str, offset: int, mentions, position: int):
    """"A Nordvik Air jet made an emergency landing": the organisation whose vehicle or unit acted."""
    for m in mentions:
        if m.end <= position and m.kind == "organisation" and _OWNED.fullmatch(text[: m.start - offset]) and _UNIT.fullmatch(text[m.end - offset : position - offset]):
            return m
    return None


def _named_before(text: str, offset: int, mentions, position: int) -> bool:
    """A name opens the verb's clause but is not its subject: the event is someone else's, skip it.
    A dateline before a dash ("MANILA, Oct 17 (Wire) - A ferry capsized") opens no clause of the verb."""
    start = _after_dateline(text, offset, position) - offset
    clause = _SUBORDINATE.match(text, start, position - offset) or IN_WHICH.match(text, start, position - offset)
    start = clause.end() if clause else start  # "Rescuers searched ... after a dam burst", "a crash in which a taxi killed"
    return any(  # an owner of plural things opens the subject's noun phrase, no other subject ("X's shares fell")
        start <= m.start - offset and m.end <= position and m.kind in ("person", "organisation", "group")
        and not (m.possessive and _OWNED_PLURAL.fullmatch(text, m.end - offset, position - offset))
        and not text[start : m.start - offset].strip(" ,")
        for m in mentions
    )


def _modifies_plural(text: str, offset: int, subject, verb: Token) -> bool:
    """"Navy divers yesterday recovered", "Brent crude prices jumped": the name qualifies a plural noun,
    the noun phrase's head, so the name is no actor of the act (the group is anonymous)."""
    between = text[subject.end - offset : verb.start - offset].split()
    while between and (between[-1] in _NOT_HEAD or between[-1].endswith("ly")):
        between.pop()  # "Navy divers yesterday recovered", "Oil prices sharply fell"
    head = between[-1] if 0 < len(between) <= 3 else ""  # "Brent crude prices"
    return all(w.isalpha() and w.islower() and w not in _NOT_HEAD for w in between) and head.endswith("s") and not head.endswith("ss")


def _after_dateline(text: str, offset: int, position: int) -> int:
    """Where the verb's sentence starts past a dateline ending in a dash ("MANILA, Oct 17 (Wire) - ")."""
    opening = _CLAUSE_START.match(text, 0, position - offset)
    return offset + (opening.end() if opening and _DATELINE.search(opening.group()) else 0)


def _tied_to_speech(text: str, offset: int, expr: Expression, speech_starts: Sequence[int]) -> bool:
    """The expression dates the saying ("..., X said on Thursday"), not the happening."""
    after = any(0 <= expr.start - s <= 40 and not CLAUSE_END.search(text, s - offset, expr.start - offset) for s in speech_starts)
    before = any(s > expr.end for s in speech_starts) and _WHEN.match(text, expr.end - offset)
    return bool(after or before)  # "..., X said on Thursday"; "a day earlier, when X would only say"
