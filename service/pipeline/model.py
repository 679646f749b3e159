"""Plain data classes passed between the pipeline's stages.

Every stage is a pure function from these to these; storage and HTTP convert them at the edges.
Offsets are Unicode code-point offsets (Python ``str`` indices) into the exact submitted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture (address block, newsletter prompt, paywall, footer): not news."""

    start: int
    end: int
    kind: str  # address | newsletter | paywall | click | footer | headline-list | promo


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line block) the sentence lies in
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class When:
    """A date that may be uncertain: TIMEX3 value plus calendar bounds for ordering and filters."""

    value: str  # TIMEX3 value: 2024-10-31, 2024-10, 2024-W44, 2024, PAST_REF, XXXX-WXX-4 ...
    mod: str | None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...
    edtf: str  # ISO 8601-2: 2024-08, 2024-10-28/2024-11-03, ../2024-10-31
    earliest: date | None  # first calendar day it may be; None where open
    latest: date | None  # last calendar day it may be; None where open
    granularity: str  # time | day | week | month | quarter | season | year | decade | century | open
    display: str  # human label: "31 Oct 2024", "early Aug 2024"


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a relative expression was resolved against."""

    kind: str  # reference | discourse | absolute | none
    text: str | None = None  # the anchoring expression's text (discourse) or None
    value: str | None = None  # the anchor's TIMEX3 value


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal expression found in a text, normalised and explained."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None
    date: When | None  # None for a pure duration or a set
    anchor: Anchor
    rule: str  # stable rule id
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The day an article speaks from, with the evidence for it."""

    value: date | None
    earliest: date | None
    latest: date | None
    source: str  # metadata | text | story | unknown
    basis: str
    confidence: float
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as submitted: the text and whatever metadata came with it."""

    id: str
    story: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_on: date | None = None  # local calendar day of publication, from metadata


@dataclass(frozen=True, slots=True)
class Actor:
    id: str  # canonical, stable across the story: "maria-lopez"
    name: str  # fullest name the story gives
    title: str | None = None  # "Defense Secretary"
    kind: str = "person"  # person | organisation | group
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number reported for a quantity ("about 10,000" troops), for discrepancy checks."""

    text: str  # as written: "about 10,000", "11,000 to 12,000"
    low: float
    high: float
    unit: str  # the counted noun, lower-case singular: "troop", "soldier", "casualty"


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said or did what, in one article, dated and with its evidence."""

    article_id: str
    kind: str  # statement | event
    actors: tuple[Actor, ...]
    text: str  # one line: who said or did what
    quotes: tuple[str, ...]  # exact quoted words
    evidence: str  # the sentence(s) it comes from
    start: int
    end: int
    date: When | None
    date_basis: str  # the expression and rule that dated it, in words
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    publisher: str | None
    evidence: str
    start: int
    end: int
    date_basis: str


@dataclass(frozen=True, slots=True)
class DiscrepancyValue:
    value: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    field: str  # actor | figure | date
    values: tuple[DiscrepancyValue, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One timeline item: a statement or event, with every outlet that reported it."""

    id: str
    kind: str
    date: When | None
    actors: tuple[Actor, ...]
    text: str
    quotes: tuple[str, ...]
    sources: tuple[Source, ...]
    discrepancies: tuple[Discrepancy, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article with everything the pipeline derived from it."""

    article: ArticleInput
    reference_date: ReferenceDate
    furniture: tuple[Furniture, ...]
    expressions: tuple[Expression, ...]
    statements: tuple[Statement, ...] = field(default=())
    people: tuple[Actor, ...] = field(default=())  # people and bodies named in full, speaking or not
