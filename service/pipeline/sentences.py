"""Sentences (STUB)."""

from collections.abc import Sequence

from service.pipeline.model import Furniture, Sentence


def split_sentences(text: str, furniture: Sequence[Furniture] = ()) -> tuple[Sentence, ...]:
    return ()
