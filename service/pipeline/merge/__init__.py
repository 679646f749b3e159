"""Merge the statements of a story's articles into ordered, source-attributed timeline entries.

The merge is split into independent partitions (``partitions.py``): each is merged in a fixed content
order (reference day, article id, offset: ``batches.py``), so the timeline does not depend on the order articles arrive in, and
a store that keeps a story's statements re-merges only the partitions a change touches. Entry ids
come from content, so they survive re-ingest.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.merge.entries import timeline
from service.pipeline.merge.merger import Merger
from service.pipeline.merge.partitions import partitioned_timeline
from service.pipeline.model import AnalysedArticle, Entry

__all__ = ["Merger", "build_timeline", "timeline"]


def build_timeline(articles: Sequence[AnalysedArticle]) -> tuple[Entry, ...]:
    """One entry per statement or event across the story's articles, earliest first, undated last."""
    publishers = {a.article.id: a.article.publisher for a in articles}
    days = {a.article.id: a.reference_date.value for a in articles}
    named = [p for a in articles for p in a.people]
    return partitioned_timeline([s for a in articles for s in a.statements], publishers, days, named)
