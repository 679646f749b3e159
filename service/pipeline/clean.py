"""Clean: mark page furniture (STUB)."""

from service.pipeline.model import Furniture


def find_furniture(text: str) -> tuple[Furniture, ...]:
    return ()
