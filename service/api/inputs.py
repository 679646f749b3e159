"""Request bodies and parameters, with every constraint the schema can state stated there."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema

STORY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
ARTICLE_ID_PATTERN = r"^[0-9a-f]{16}$"
CURSOR_PATTERN = r"^[A-Za-z0-9_-]{1,200}$"
MAX_TEXT = 200_000
# Whitespace spelled out: ECMA-262, Python and Rust regex disagree on what \s covers (U+0085, U+FEFF).
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NOT_BLANK = f"[^{_SPACE}]"

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))"
)
# Publication and reference days: years 1000-8999, leaving the calendar arithmetic of relative
# expressions ("next century", "a millennium ago") room on both sides of Python's 1-9999 range.
YEAR_PATTERN = "^[1-8][0-9]{3}-"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _encodable(value: str) -> str:
    """Lone surrogates can arrive through JSON escapes but cannot be stored as UTF-8."""
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate code point (invalid Unicode)")
    return value


def parse_day(value: object) -> date:
    """An ISO 8601 calendar date (RFC 3339 full-date)."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("expected an ISO 8601 date such as 2024-10-31")
    return date.fromisoformat(value)


def _check_date_time(value: str) -> str:
    """Date or RFC 3339 date-time with offset; returned as written, with T and Z in upper case."""
    if not re.match(YEAR_PATTERN, value):
        raise ValueError("the year must be between 1000 and 8999")
    if _DATE.fullmatch(value):
        parse_day(value)
        return value
    m = _DATE_TIME.fullmatch(value)
    if not m:
        raise ValueError("expected an ISO 8601 date, or a date-time with a UTC offset")
    parse_day(m[1])
    hour, minute, second = int(m[2]), int(m[3]), int(m[4])
    if hour > 23 or minute > 59 or second > 60 or (m[7] and (int(m[7]) > 23 or int(m[8]) > 59)):
        raise ValueError("time or offset out of range")
    return value.upper()


def day_of(value: str) -> date:
    """The local calendar day of a checked date or date-time: its date part as written."""
    return date.fromisoformat(value[:10])


Clean = AfterValidator(_encodable)
DATE_OR_DATE_TIME = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": YEAR_PATTERN},
        {"type": "string", "format": "date-time", "pattern": YEAR_PATTERN},
    ]
}
DateOrDateTime = Annotated[
    str,
    AfterValidator(_check_date_time),
    WithJsonSchema({**DATE_OR_DATE_TIME, "examples": ["2024-10-31", "2024-10-31T09:30:00-04:00"]}),
]
Day = Annotated[date, PlainValidator(parse_day), WithJsonSchema({"type": "string", "format": "date"})]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT, pattern=NOT_BLANK), Clean]
Title = Annotated[str, Field(min_length=1, max_length=1000), Clean]
Publisher = Annotated[str, Field(min_length=1, max_length=200), Clean]
Url = Annotated[str, Field(min_length=1, max_length=2048, pattern=f"^https?://{NOT_BLANK}+$"), Clean]


class ArticleCreate(BaseModel):
    """An article to add to a story; metadata is optional and published_at sets its clock."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "The minister said on Tuesday that talks would resume next week.",
                    "title": "Talks to resume",
                    "publisher": "Example News",
                    "url": "https://news.example/talks",
                    "published_at": "2024-10-31T09:30:00-04:00",
                }
            ]
        },
    )

    text: Text = Field(description="the article's text, at most 200,000 characters (the body at most 1 MiB)")
    title: Title | None = None
    publisher: Publisher | None = None
    url: Url | None = None
    published_at: DateOrDateTime | None = Field(
        default=None, description="the publication day: a date, or a date-time with offset (its local day)"
    )


class ArticlePatch(BaseModel):
    """Metadata to set; a field sent as null is cleared, a field left out is kept."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"published_at": "2024-10-30", "publisher": None}]},
    )

    title: Title | None = None
    publisher: Publisher | None = None
    url: Url | None = None
    published_at: DateOrDateTime | None = None


class NormaliseRequest(BaseModel):
    """Text to scan for temporal expressions, and the day it speaks from (optional)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "He spoke on Thursday, two days after the vote.", "reference_date": "2024-10-31"}]},
    )

    text: Text
    reference_date: DateOrDateTime | None = None
