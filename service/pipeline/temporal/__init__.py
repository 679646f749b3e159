"""Temporal expressions: find, type and normalise them against a reference date (STUB)."""

from collections.abc import Sequence
from datetime import date

from service.pipeline.model import Expression, Furniture


def normalise(
    text: str, reference_date: date | None, furniture: Sequence[Furniture] = ()
) -> tuple[Expression, ...]:
    return ()
