"""When a statement or event happened: the temporal expression tied to its verb, or a fallback.

An expression dates the saying only when grammar ties it to the reporting verb: right after it
("said on Thursday", "warned Thursday", "said at Thursday's press conference"), between subject and
verb ("X on Thursday said"), or in a clause-opening adverbial ("On Thursday, X said", "a day
earlier, when X would only say"), also past an audience or venue ("told Reuters in an interview on
Wednesday"). Expressions inside the reported content or a quote are what was said, not when. A
statement with no time of its own takes the time an event set for its paragraph ("On Monday the
union walked out. Its leader said ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from service.pipeline.clock.lexicon import REPORTING, WEEKDAY_NAMES
from service.pipeline.model import Expression, When
from service.pipeline.statements.lexicon import reporting_forms, words
from service.pipeline.statements.quotes import Quote, inside
from service.pipeline.temporal.when import make_when

_PREPOSITION_START = re.compile(r"^\s*(?:on|at|in|during|after|before|following|late|early|earlier|later|from|while|this|last)\b", re.I)
_LEADING = re.compile(r"\s*(?:(?:also|and|but|earlier|later|late|early|then|on|in|at|by|during|from|since|until|after|before|just|only)\s+)*", re.I)
_PARTICIPLE = re.compile(  # "Speaking to reporters on Monday, X said"; "In an interview on Wednesday, X said"
    r"\s*(?:[A-Z][a-z]+ing|Asked|In|At|During|After|Following"  # "Leaving court on Thursday, X called ..."
    # "Hours after the vote on Thursday, X said": the same day (not "A day after ...")
    r"|(?:Hours|Minutes|Moments|Shortly|Soon|Just|Immediately)\s+(?:after|before))\b[^,.;“”\"]*$"
)
_NAME_GAP = re.compile(r"\s*(?:(?:the|[A-Z][\w’'.-]*)\s+){1,5}(?:on\s+|at\s+)?")  # "told The Associated Press on Friday"
# "was remanded in custody and will be sentenced next month": a second verb, later, has the time
_LATER_VERB = re.compile(r"\b(?:and|but|then)\s+(?:(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|will|would|could|may|might|must|should|faces?|plans?\s+to|is\s+to|are\s+to)\b")
_POSSESSIVE = re.compile(r"['’]s?\s+$")  # "said the paper's April 2017 reports": the time qualifies the owner's noun
# a participle phrase has no finite verb of its own ("Speaking to reporters on Monday,"), unless after a
# subordinator ("Asked whether he would resign on Monday,"); "Waiting lists will fall by summer" is a clause
_FINITE_LEAD = re.compile(r"\b(?:will|would|was|were|is|are|has|have|had|can|could|may|might|must|should|did|does)\b")
_SUBORDINATOR = re.compile(r"\b(?:whether|if|why|how|what|that|when|after|before|because|while|who|which)\b")
_UNTIL = re.compile(r"\b(?:until|till|pending)\s+(?:the\s+)?$", re.I)  # "adjourned the hearing until Thursday": when it ends, not when it was done
# "told reporters in Brussels on Tuesday", "told lawmakers at the Capitol on Friday": the audience and its place
_AUDIENCE_GAP = re.compile(
    r"\s*(?:reporters|journalists|the press|lawmakers|legislators|MPs|senators|deputies|delegates|parliament|"
    r"investors|analysts|supporters|the court|the jury|the committee|"
    # "told a parliamentary committee", "told a briefing", "told the BBC's Newsnight programme", "told state television"
    r"(?:a|an|the)\s+(?:[\w-]+\s+)?(?:committee|panel|hearing|parliament|assembly|summit|rally|court|jury|council|crowd|audience|briefing|conference|meeting"
    r"|tribunal|inquiry|inquest|commission|board|senate|congress|cabinet|shareholders|staff|workers|students|fans|residents|voters"
    r"|station|newspaper|channel|broadcaster|magazine|website|podcast|agency)|"  # "told a radio station on Sunday"
    r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:programme|program|show|podcast|newspaper|channel)|"
    r"(?:state|national|public|local)\s+(?:television|TV|radio|media|broadcaster))"
    # and where they were told ("in Brussels", "outside court", "at the scene")
    r"(?:\s+(?:in|at|on|aboard|outside)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}|\s+(?:outside|at)\s+(?:the\s+)?[a-z]+\s+)?\s*(?:(?:late|early)\s+)?(?:on|at|in)?\s*"
)
# "wrote to the operator last month", "spoke to the BBC on Friday": whom the words went to, then the time
_ADDRESSEE = re.compile(r"\s*to\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w’'.-]+\s+){1,3}?(?:(?:late|early)\s+)?(?:on|at|in)?\s*")
# Verbs whose object is the audience, not what was said: "told reporters", "briefed lawmakers"
_TO_AUDIENCE = re.compile(r"(?:told|tells?|telling|briefed|briefs?|assured|assures?|informed|informs?|reassured)\b", re.I)
# "warned the company in March that ...", "urged the council on Monday to ...": a verb whose object
# is whom the words went to; a short object with no verb of its own, then the time, then the content
_ADDRESSING = re.compile(r"(?:warn|urg|remind|caution|advis|notif|ask|tell|told|assur|reassur|inform|brief)\w*$", re.I)
_ADDRESSED_GAP = re.compile(r"\s*(?:the|a|an|his|her|its|their|our)\s+(?:[\w’'-]+\s+){1,3}?(?:(?:late|early)\s+)?(?:on|at|in|during)?\s*", re.I)
_CONTENT_TAIL = re.compile(r"\s*,?\s*(?:that|to)\s")
_VENUE = (r"(?:by\s+(?:tele)?phone|by\s+e-?mail|by\s+text\s+message|by\s+video\s+link|over\s+the\s+phone|"  # "told Reuters by telephone on Saturday"
          r"(?:in|at|during|after)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
          r"(?:statement|interview|speech|address|post|letter|briefing|conference|meeting|hearing|message|video|session|debate|rally"
          r"|e-?mail|memo|note|filing|tweet|blog|column|op-ed|podcast|broadcast|newsletter))")
# "announced his resignation on Thursday", "announced her resignation in a letter to the premier on Tuesday"
_OWN_OBJECT = re.compile(
    rf"\s*(?:his|her|its|their|our)\s+(?:[\w-]+\s+){{1,2}}(?:{_VENUE}(?:\s+to\s+(?:the\s+)?(?:[\w’'.-]+\s+){{1,4}}?)?\s*)?(?:on|at|in|during|late|early)\s+", re.I)
# "X, speaking on Monday, said", "X, in a statement on Monday, said": the telling's own time
_SPEAKING = re.compile(rf"\s*,\s*(?:speaking|talking|writing|addressing|appearing|testifying|{_VENUE})\b[^,]*$", re.I)
# After an object and a venue with no verb of its own ("told Reuters in an interview on Wednesday"),
# a time that ends the clause or comes before "that" is the telling's: the content is elsewhere.
_TELLING_TAIL = re.compile(r"\s*,?\s*(?:that\b|[.!?;:“\"]|$)")
_WHEN = re.compile(r"\b(?:when|as|while)\b")
_THAT = re.compile(r"\bthat\b")
_FOLLOWER = re.compile(r"\s([a-z][\w-]*)")
_DAY_PREPOSITION = re.compile(r"\bon\s+$")  # "issued an order on Wednesday requiring ...": an adverbial, no noun's modifier
_PARTICIPLE_AFTER = re.compile(r"\s[a-z]+ed\s+(?:of|with|by|in|for|over|after)\b")  # "on Wednesday accused of taking bribes"
_ARTICLE_END = re.compile(r"\s*\b(?:the|a|an)$", re.I)
# ", state geologist X", ", Greyhill chief executive X" (the title's organisation before it)
_TITLE_END = re.compile(r",(?:(?:\s+[A-Z][\w’'-]*){1,3}(?:\s+[a-z][a-z-]*){0,3}|(?:\s+[a-z][a-z-]*){1,3})$")
# "On Monday, X", "a day earlier, when X", and a day that labels its paragraph ("MONDAY: X took the stand")
_BARE_OPENING = re.compile(r"(?:\([^)]*\)\s*)?(?:,|:|\s?[—–-])?\s*(?:when|as|while)?\s*,?")
DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# "said X, the company's chief executive, in a video posted on Wednesday night": an apposition
# before the venue and the venue's own participle leave the time the telling's
_APPOSED = r"(?:,\s*(?:the|a|an|his|her|its|their)\s+[^,“”\"]{1,60},\s*)?"
_APPOSED_ONLY = re.compile(rf"{_APPOSED}\s*(?:(?:late|early)\s+)?(?:on|at|in)?\s*")  # "said X, a baker, on Thursday"
_VENUE_MADE = re.compile(r"^,\s*(?:the|a|an|his|her|its|their)\s+[^,“”\"]{1,60},|\s(?:posted|published|released|issued|broadcast|aired|recorded)\b", re.I)
_VENUE_GAP = re.compile(
    rf"{_APPOSED}\s*(?:[\w’'.-]+\s+){{0,4}}?{_VENUE}(?:\s+(?:posted|published|released|issued|broadcast|aired|recorded))?"
    rf"(?:\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*){{1,3}})?"
    r"\s*(?:(?:late|early)\s+)?(?:on|at|in)?\s*", re.I,
)
_GAP_VERB = re.compile(
    r"\b(?:would|will|could|should|might|may|must|can|had|has|have|was|were|is|are|be|been|did|does|do)\b"
    r"|(?<!\ba )(?<!\ban )(?<!\bthe )\b[a-z]{3,}ed\b"
)
# "dismissed the allegations as “nonsense” on Friday", "called the deal “a betrayal” on Monday": a
# quoted label of the object, not reported content, so the time after it is the telling's
# the same for a grade set ("cut the country's rating to “selective default” on Thursday")
_LABEL_GAP = re.compile(r"\s*((?:[\w’'-]+\s+){0,7}?)((?:as|to)\s+)?[“\"][^”\"]{1,60}[”\"],?\s+(?:(?:late|early)\s+)?(?:on|at|in)?\s*")
_LABELLING = re.compile(r"(?:called|calls|branded|brands|labelled|labeled|labels|termed|terms|dubbed|dubs)$", re.I)
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b", re.I)
_CONTENT_BREAK = re.compile(r"\bthat\b|[“”\";:]")
_AFTER_ADVERBIAL = words("after_adverbial")
# after an appositive, the main clause resumes: "X, the Spanish canoeist, was yesterday banned"
_PLAIN = re.compile(r"[\w\s’'-]*")  # words only: no comma, bracket or dash opens another clause
_MAIN_FINITE = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would"})  # "reached on Tuesday has averted"
_FINITE_IN = re.compile(rf"\b(?:{'|'.join(sorted(_MAIN_FINITE))})\b")
_MAIN_CLAUSE = re.compile(r"\s*(?:(?:was|were|is|are|has|had|have|been|also|on)\s+)*")


@dataclass(frozen=True, slots=True)
class Dating:
    when: When | None
    basis: str
    tied: bool  # an expression tied to the verb, not a fallback
    opening: bool = False  # the expression opens its sentence ("On Thursday, ..."): it sets the paragraph's time
    expression: Expression | None = None  # the tied expression


def tied_expression(
    text: str, offset: int, verb: tuple[int, int], subject: tuple[int, int], expressions: Sequence[Expression],
    quotes: tuple[Quote, ...], reach: int = 25, free_object: bool = False, plain_reach: int = 0,
) -> Expression | None:
    """The dated expression grammar ties to the verb at ``verb`` (absolute offsets) in ``text``;
    ``plain_reach`` words may part them when the gap is one unbroken clause of words ("crashed at high
    speed in the final metres of the fourth stage of the race in Katowice on Tuesday")."""
    best: Expression | None = None
    for expr in expressions:
        if expr.date is None or expr.furniture or expr.type not in ("DATE", "TIME") or inside(quotes, expr.start):
            continue
        if expr.value.endswith("_REF"):
            continue  # "now", "recently": no day of saying
        if not (offset <= expr.start < offset + len(text)):
            continue
        if _UNTIL.search(text, 0, expr.start - offset):
            continue
        if expr.start >= verb[1]:
            gap = text[verb[1] - offset : expr.start - offset]
            words = gap.split()
            verb_text = text[verb[0] - offset : verb[1] - offset]
            labelled = _labelled(gap, verb_text)
            plain = _PLAIN.fullmatch(gap) and not _FINITE_IN.search(gap)  # one clause: no second finite verb ("... has averted ...")
            if (_CONTENT_BREAK.search(gap) or _POSSESSIVE.search(gap) or _LATER_VERB.search(gap)) and not labelled or len(words) > max(reach, plain_reach if plain else 0):
                continue
            told = _TO_AUDIENCE.match(verb_text) is not None
            if len(words) > 2 and not free_object and not labelled and not _telling_gap(gap, text[expr.end - offset :], told, _ADDRESSING.match(verb_text) is not None):
                continue
            if free_object and not _DAY_PREPOSITION.search(text, 0, expr.start - offset) and _modifier(text[expr.end - offset :]):
                continue
        elif subject[1] <= expr.start and expr.end <= verb[0]:
            aside = text[subject[1] - offset : expr.start - offset]
            if "," in aside and not _SPEAKING.match(aside) and not _MAIN_CLAUSE.fullmatch(aside.rsplit(",", 1)[1]):
                continue  # "X, who took over in January, said": the relative clause's time; not "X, speaking on Monday, said"

        elif expr.end <= subject[0]:
            between = text[expr.end - offset : subject[0] - offset]
            lead = text[: expr.start - offset]
            opens = _LEADING.fullmatch(lead) or _participle(lead) or _WHEN.search(between)
            if not _opening_adverbial(between) or not opens:
                continue
        else:
            continue
        if best is None or abs(expr.start - verb[0]) < abs(best.start - verb[0]):
            best = expr
    return best


def _telling_gap(gap: str, rest: str, told: bool, addressing: bool = False) -> bool:
    """Words between a reporting verb and a time that leave the time the telling's: a preposition
    ("said at a news conference on"), a named or usual audience ("told The Associated Press on",
    "told reporters in Brussels on", after a verb that takes one: ``told``), the speaker's own act
    ("announced his resignation on"), whom the words went to before their content ("warned the
    company in March that", after a verb that takes one: ``addressing``), or an object and venue without a verb, the time closing the
    clause ("told Reuters in an interview on Wednesday.")."""
    if _PREPOSITION_START.match(gap) or _NAME_GAP.fullmatch(gap) or _APPOSED_ONLY.fullmatch(gap) or _OWN_OBJECT.fullmatch(gap) or _SPEAKING.match(gap):
        return True  # ... or "said, speaking in Oslo on Tuesday, that"
    if told and _AUDIENCE_GAP.fullmatch(gap) or _ADDRESSEE.fullmatch(gap) and not _GAP_VERB.search(gap):
        return True
    if addressing and _ADDRESSED_GAP.fullmatch(gap) and not _GAP_VERB.search(gap) and _CONTENT_TAIL.match(rest):
        return True
    return bool(_VENUE_GAP.fullmatch(gap)) and not _GAP_VERB.search(_VENUE_MADE.sub(" ", gap)) and bool(_TELLING_TAIL.match(rest))


def _participle(lead: str) -> bool:
    """A participle phrase opens the sentence before the time ("Speaking to reporters on Monday, X
    said"), not a clause whose subject is a noun in -ing ("Waiting lists will fall by summer, X said")."""
    if not _PARTICIPLE.match(lead):
        return False
    finite = _FINITE_LEAD.search(lead)
    return finite is None or _SUBORDINATOR.search(lead, 0, finite.start()) is not None


def _labelled(gap: str, verb_text: str) -> bool:
    """An object and its quoted label, with no verb of its own: "the allegations as “nonsense” on"."""
    label = _LABEL_GAP.fullmatch(gap)
    if label is None or _GAP_VERB.search(label.group(1)) or _THAT.search(label.group(1)):
        return False
    return bool(label.group(2)) or _LABELLING.search(verb_text) is not None


def _modifier(rest: str) -> bool:
    """The expression qualifies the next noun ("a rise in fourth-quarter operating profit"): no time of the act."""
    follower = _FOLLOWER.match(rest)
    return bool(follower) and follower.group(1) not in _AFTER_ADVERBIAL | _MAIN_FINITE and not _PARTICIPLE_AFTER.match(rest)


def _opening_adverbial(between: str) -> bool:
    """An expression leading its clause: "On Thursday, X", "a day earlier, when X", "Thursday's press conference, X"."""
    stripped = _ARTICLE_END.sub("", between.strip())  # "In a statement on Monday, the ministry said"
    stripped = _TITLE_END.sub(",", stripped)  # "On Monday, state geologist X": a title the lexicon lacks
    if _BARE_OPENING.fullmatch(stripped):
        return True
    return stripped.endswith(",") and len(stripped.split()) <= 5 and not _CONTENT_BREAK.search(stripped)


def describe(expr: Expression, verb_text: str) -> str:
    return f"'{expr.text}' (rule {expr.rule}) tied to '{verb_text}'"


def from_expression(expr: Expression, verb_text: str, opening: bool = False, day: bool = False) -> Dating:
    """Date from a tied expression; ``day`` keeps only the day of a time ("Wednesday morning" -> that day)."""
    when = expr.date
    if day and when is not None and when.granularity == "time" and DAY_VALUE.match(expr.value):
        when = make_when(expr.value[:10]) or when
    basis = describe(expr, verb_text)
    if (past := _told_before(expr, verb_text)) is not None:
        when, basis = make_when(past.isoformat()) or when, f"{basis}; told in the past, so the week before"
    return Dating(when, basis, True, opening, expr)


def _told_before(expr: Expression, verb_text: str) -> date | None:
    """A weekday read ahead of the reference date ("Asked on Monday whether he would resign", read
    by the "would") but tied to a past reporting verb ("said"): nothing was said after the day of
    writing, so it is that weekday of the week before."""
    when = expr.date
    if when is None or expr.anchor.kind != "reference" or not expr.anchor.value or not _WEEKDAY.search(expr.text):
        return None
    told = verb_text.lower()
    past = told in REPORTING or (told.endswith("ed") and told in reporting_forms()) or told.startswith("according")  # a source's words were given
    if not DAY_VALUE.fullmatch(when.value) or not past:
        return None
    said, reference = date.fromisoformat(when.value), date.fromisoformat(expr.anchor.value[:10])
    return said - timedelta(days=7) if 0 < (said - reference).days <= 6 else None



def before_reference(reference: date | None, marker: str) -> Dating:
    """"had previously stated": some day before the reference date."""
    if reference is None:
        return Dating(make_when("PAST_REF"), f"'{marker}': before the reference date (unknown)", False)
    when = make_when("PAST_REF", None, reference - timedelta(days=1))
    return Dating(when, f"'{marker}': before the reference date {reference.isoformat()}", False)


def reference_day(reference: date | None) -> Dating:
    if reference is None:
        return Dating(None, "undated (no expression tied to the statement, reference date unknown)", False)
    return Dating(make_when(reference.isoformat()), "reference date (no expression tied to the statement)", False)


def inherited(previous: Dating, why: str) -> Dating:
    """The date of an earlier statement; the basis names the expression that dated that one."""
    root = previous.basis.split(": ", 1)[1] if previous.basis.startswith(_INHERITED) else previous.basis
    return Dating(previous.when, f"{why}: {root}", False)


NEXT_DAY = "next-day article"  # an undated statement that may be the news day's, told again

_INHERITED = (
    "time of its paragraph", "same speaker's previous statement", "news day of the article's lede", "soon after what was told before",
    "time of the speaker's act just before", "told just after the dated lede",
)
