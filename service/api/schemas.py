"""Response bodies: the pipeline's dataclasses as the API's public, documented shapes."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class When(BaseModel):
    """A possibly uncertain date: TIMEX3 value and mod, EDTF, calendar bounds (null = open)."""

    value: str = Field(examples=["2024-10-31"])
    mod: str | None = Field(examples=[None])
    edtf: str = Field(examples=["2024-10-31"])
    earliest: date | None
    latest: date | None
    granularity: str = Field(examples=["day"])
    display: str = Field(examples=["31 Oct 2024"])


class Anchor(BaseModel):
    kind: str = Field(examples=["reference"], description="reference | discourse | absolute | none")
    text: str | None = None
    value: str | None = None


class Expression(BaseModel):
    """A temporal expression; start/end are code-point offsets into the exact submitted text."""

    text: str = Field(examples=["on Thursday"])
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: str = Field(examples=["DATE"])
    value: str = Field(examples=["2024-10-31"])
    mod: str | None
    date: When | None
    anchor: Anchor
    rule: str
    furniture: bool = Field(description="true when the expression lies in page furniture, not news")


class ExpressionList(BaseModel):
    expressions: list[Expression]


class ReferenceDate(BaseModel):
    """The day an article speaks from and the evidence for it."""

    value: date | None
    earliest: date | None
    latest: date | None
    source: str = Field(examples=["metadata"], description="metadata | text | story | unknown")
    basis: str
    confidence: float = Field(ge=0, le=1)
    conflicts: list[str]


class Counts(BaseModel):
    expressions: int = Field(ge=0)
    entries: int = Field(ge=0, description="timeline entries this article is a source of")


class FurnitureSpan(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str = Field(examples=["newsletter"])


class ArticleSummary(BaseModel):
    id: str = Field(examples=["5f1c2a9e0b7d4c33"])
    story: str = Field(examples=["nk-troops-kursk"])
    title: str | None
    publisher: str | None
    url: str | None
    published_at: str | None = Field(description="as submitted: ISO date or date-time with offset")
    content_sha256: str
    ingested_at: datetime
    reference_date: ReferenceDate
    counts: Counts
    furniture: list[FurnitureSpan]


class Article(ArticleSummary):
    text: str


class ArticleList(BaseModel):
    articles: list[ArticleSummary]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null on the last")


class Story(BaseModel):
    id: str = Field(examples=["nk-troops-kursk"])
    articles: int = Field(ge=0)
    entries: int = Field(ge=0)
    earliest: date | None = Field(description="first known day among the story's dated entries (bounds)")
    latest: date | None = Field(description="last known day among the story's dated entries (bounds)")


class StoryList(BaseModel):
    stories: list[Story]


class ActorRef(BaseModel):
    id: str = Field(examples=["lloyd-austin"])
    name: str = Field(examples=["Lloyd Austin"])
    title: str | None = Field(examples=["Defense Secretary"])
    kind: str = Field(examples=["person"], description="person | organisation | group")
    organisation: str | None = None


class Actor(ActorRef):
    entries: int = Field(ge=0, description="timeline entries the actor appears in")


class ActorList(BaseModel):
    actors: list[Actor]


class Source(BaseModel):
    article_id: str
    publisher: str | None
    evidence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date_basis: str


class DiscrepancyValue(BaseModel):
    value: str
    article_ids: list[str]


class Discrepancy(BaseModel):
    field: str = Field(examples=["figure"], description="actor | figure | date")
    values: list[DiscrepancyValue]


class TimelineEntry(BaseModel):
    id: str
    kind: str = Field(examples=["statement"], description="statement | event")
    date: When | None = Field(description="null when no outlet's text dates it")
    actors: list[ActorRef]
    text: str
    quotes: list[str]
    sources: list[Source]
    discrepancies: list[Discrepancy]


class Timeline(BaseModel):
    story: str
    entries: list[TimelineEntry]
    total: int = Field(ge=0, description="entries that pass the filters, over all pages")
    next_cursor: str | None


class Normalised(BaseModel):
    reference_date: date | None
    expressions: list[Expression]


class Health(BaseModel):
    status: str = Field(examples=["ok"])
