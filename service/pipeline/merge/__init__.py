"""Merge the statements of a story's articles into ordered, source-attributed timeline entries.

Statements are added in a fixed content order (article id, then offset), so the timeline does not
depend on the order articles arrive in; entry ids come from content, so they survive re-ingest.
A service that grows a story can keep one Merger per story, ``add`` each new statement and call
``timeline(merger.groups, publishers)``: the cost of an article then does not grow with the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from service.pipeline.merge.entries import timeline
from service.pipeline.merge.merger import Merger
from service.pipeline.merge.people import organisations, unify
from service.pipeline.model import AnalysedArticle, Entry

__all__ = ["Merger", "build_timeline", "timeline"]


def build_timeline(articles: Sequence[AnalysedArticle]) -> tuple[Entry, ...]:
    """One entry per statement or event across the story's articles, earliest first, undated last."""
    ordered = sorted(articles, key=lambda a: a.article.id)
    publishers = {a.article.id: a.article.publisher for a in ordered}
    statements = [s for a in ordered for s in a.statements]
    actors = [actor for s in statements for actor in s.actors]
    people = unify(actors) | organisations(actors)
    merger = Merger()
    ordered_statements = [
        replace(s, actors=tuple(dict.fromkeys(people.get(a.id, a) for a in s.actors)))
        for s in sorted(statements, key=lambda s: (s.article_id, s.start, s.kind, s.text))
    ]
    merger.prime(ordered_statements)
    for statement in ordered_statements:
        merger.add(statement)
    return timeline(merger.groups, publishers)
