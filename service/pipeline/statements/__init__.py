"""Statements and events: who said or did what, when, in one article (STUB)."""

from collections.abc import Sequence

from service.pipeline.model import ArticleInput, Expression, Furniture, ReferenceDate, Sentence, Statement


def extract_statements(
    article: ArticleInput,
    sentences: Sequence[Sentence],
    expressions: Sequence[Expression],
    furniture: Sequence[Furniture],
    reference_date: ReferenceDate,
) -> tuple[Statement, ...]:
    return ()
