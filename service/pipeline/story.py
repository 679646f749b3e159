"""The whole pipeline for one story: reference dates, per-article analysis, merged timeline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.clean import find_furniture
from service.pipeline.clock import resolve_reference_dates
from service.pipeline.merge import build_timeline
from service.pipeline.model import AnalysedArticle, ArticleInput, Entry, ReferenceDate
from service.pipeline.sentences import split_sentences
from service.pipeline.statements import extract_statements
from service.pipeline.statements.people import named_people
from service.pipeline.temporal import normalise


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    articles: tuple[AnalysedArticle, ...]  # sorted by article id
    entries: tuple[Entry, ...]  # in timeline order


@lru_cache(maxsize=4096)
def analyse_article(article: ArticleInput, reference_date: ReferenceDate) -> AnalysedArticle:
    """Run the per-article stages; cached because inputs are immutable and the stages pure."""
    furniture = find_furniture(article.text)
    sentences = split_sentences(article.text, furniture)
    expressions = normalise(article.text, reference_date.value, furniture)
    statements = extract_statements(article, sentences, expressions, furniture, reference_date)
    return AnalysedArticle(article, reference_date, furniture, expressions, statements, named_people(sentences))


def analyse_story(articles: Sequence[ArticleInput]) -> StoryAnalysis:
    """Analyse a story's articles; the result does not depend on their order."""
    ordered = sorted(articles, key=lambda a: a.id)
    references = resolve_reference_dates(ordered)
    analysed = tuple(analyse_article(a, references[a.id]) for a in ordered)
    return StoryAnalysis(analysed, build_timeline(analysed))
