"""Merge statements across outlets into ordered timeline entries (STUB)."""

from collections.abc import Sequence

from service.pipeline.model import AnalysedArticle, Entry


def build_timeline(articles: Sequence[AnalysedArticle]) -> tuple[Entry, ...]:
    return ()
