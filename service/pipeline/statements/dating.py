"""When a statement or event happened: the temporal expression tied to its verb, or a fallback.

An expression dates the saying only when grammar ties it to the reporting verb: right after it
("said on Thursday", "warned Thursday", "said at Thursday's press conference"), between subject and
verb ("X on Thursday said"), or in a clause-opening adverbial ("On Thursday, X said", "a day
earlier, when X would only say"). Expressions inside the reported content or a quote are what was
said, not when.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from service.pipeline.model import Expression, When
from service.pipeline.statements.lexicon import words
from service.pipeline.statements.quotes import Quote, inside
from service.pipeline.temporal.when import make_when

_PREPOSITION_START = re.compile(r"^\s*(?:on|at|in|during|after|before|following|late|early|earlier|later|from|while|this|last)\b", re.I)
_LEADING = re.compile(r"\s*(?:(?:also|and|but|earlier|later|late|early|then|on|in|at|by|during|from|since|until|after|before|just|only)\s+)*", re.I)
_PARTICIPLE = re.compile(  # "Speaking to reporters on Monday, X said"; "In an interview on Wednesday, X said"
    r"\s*(?:Speaking|Talking|Addressing|Writing|Appearing|Asked|Testifying|In|At|During|After|Following)\b[^,.;“”\"]*$"
)
_NAME_GAP = re.compile(r"\s*(?:(?:the|[A-Z][\w’'.-]*)\s+){1,5}(?:on\s+|at\s+)?")  # "told The Associated Press on Friday"
_OWN_OBJECT = re.compile(r"\s*(?:his|her|its|their|our)\s+(?:[\w-]+\s+){1,2}(?:on|at|in|during|late|early)\s+", re.I)  # "announced his resignation on Thursday"
_SPEAKING = re.compile(r"\s*,\s*(?:speaking|talking|writing|addressing|appearing|testifying)\b[^,]*$", re.I)
_CONTENT_BREAK = re.compile(r"\bthat\b|[“”\";:]")
_AFTER_ADVERBIAL = words("after_adverbial")
# after an appositive, the main clause resumes: "X, the Spanish canoeist, was yesterday banned"
_MAIN_CLAUSE = re.compile(r"\s*(?:(?:was|were|is|are|has|had|have|been|also|on)\s+)*")


@dataclass(frozen=True, slots=True)
class Dating:
    when: When | None
    basis: str
    tied: bool  # an expression tied to the verb, not a fallback
    opening: bool = False  # the expression opens its sentence ("On Thursday, ..."): it sets the paragraph's time


def tied_expression(
    text: str, offset: int, verb: tuple[int, int], subject: tuple[int, int], expressions: Sequence[Expression],
    quotes: tuple[Quote, ...], reach: int = 25, free_object: bool = False,
) -> Expression | None:
    """The dated expression grammar ties to the verb at ``verb`` (absolute offsets) in ``text``."""
    best: Expression | None = None
    for expr in expressions:
        if expr.date is None or expr.furniture or expr.type not in ("DATE", "TIME") or inside(quotes, expr.start):
            continue
        if expr.value.endswith("_REF"):
            continue  # "now", "recently": no day of saying
        if not (offset <= expr.start < offset + len(text)):
            continue
        if expr.start >= verb[1]:
            gap = text[verb[1] - offset : expr.start - offset]
            words = gap.split()
            if _CONTENT_BREAK.search(gap) or len(words) > reach:
                continue
            if len(words) > 2 and not free_object and not (_PREPOSITION_START.match(gap) or _NAME_GAP.fullmatch(gap) or _OWN_OBJECT.fullmatch(gap)):
                continue
            if free_object and _modifier(text[expr.end - offset :]):
                continue
        elif subject[1] <= expr.start and expr.end <= verb[0]:
            aside = text[subject[1] - offset : expr.start - offset]
            if "," in aside and not _SPEAKING.match(aside) and not _MAIN_CLAUSE.fullmatch(aside.rsplit(",", 1)[1]):
                continue  # "X, who took over in January, said": the relative clause's time; not "X, speaking on Monday, said"

        elif expr.end <= subject[0]:
            between = text[expr.end - offset : subject[0] - offset]
            lead = text[: expr.start - offset]
            opens = _LEADING.fullmatch(lead) or _PARTICIPLE.match(lead) or re.search(r"\b(?:when|as|while)\b", between)
            if not _opening_adverbial(between) or not opens:
                continue
        else:
            continue
        if best is None or abs(expr.start - verb[0]) < abs(best.start - verb[0]):
            best = expr
    return best


def _modifier(rest: str) -> bool:
    """The expression qualifies the next noun ("a rise in fourth-quarter operating profit"): no time of the act."""
    follower = re.match(r"\s([a-z][\w-]*)", rest)
    return bool(follower) and follower.group(1) not in _AFTER_ADVERBIAL


def _opening_adverbial(between: str) -> bool:
    """An expression leading its clause: "On Thursday, X", "a day earlier, when X", "Thursday's press conference, X"."""
    stripped = re.sub(r"\s*\b(?:the|a|an)$", "", between.strip(), flags=re.I)  # "In a statement on Monday, the ministry said"
    stripped = re.sub(r",(?:\s+[a-z][a-z-]*){1,3}$", ",", stripped)  # "On Monday, state geologist X": a title the lexicon lacks
    if re.fullmatch(r"(?:\([^)]*\)\s*)?,?\s*(?:when|as|while)?\s*,?", stripped):
        return True
    return stripped.endswith(",") and len(stripped.split()) <= 5 and not _CONTENT_BREAK.search(stripped)


def describe(expr: Expression, verb_text: str) -> str:
    return f"'{expr.text}' (rule {expr.rule}) tied to '{verb_text}'"


def from_expression(expr: Expression, verb_text: str, opening: bool = False, day: bool = False) -> Dating:
    """Date from a tied expression; ``day`` keeps only the day of a time ("Wednesday morning" -> that day)."""
    when = expr.date
    if day and when is not None and when.granularity == "time" and re.match(r"\d{4}-\d\d-\d\d", expr.value):
        when = make_when(expr.value[:10]) or when
    return Dating(when, describe(expr, verb_text), True, opening)


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

_INHERITED = ("time of its paragraph", "same speaker's previous statement", "news day of the article's lede")
