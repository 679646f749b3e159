"""The story clock: each article's reference date, from metadata, its text and its story (STUB)."""

from collections.abc import Sequence

from service.pipeline.model import UNKNOWN_REFERENCE, ArticleInput, ReferenceDate


def resolve_reference_dates(articles: Sequence[ArticleInput]) -> dict[str, ReferenceDate]:
    out = {}
    for a in articles:
        if a.published_on:
            out[a.id] = ReferenceDate(a.published_on, a.published_on, a.published_on, "metadata", "published_at metadata", 1.0)
        else:
            out[a.id] = UNKNOWN_REFERENCE
    return out
