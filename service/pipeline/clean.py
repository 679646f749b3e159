"""Clean: mark page furniture so that nothing in it becomes news.

Scraped articles carry address blocks, newsletter and paywall prompts, "click here" lines and site
footers. They are recognised line by line with the rules in ``resources/furniture.toml`` and set
aside as spans; the text itself is never changed, so every offset still points into the original.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from service.pipeline.model import Furniture

_RESOURCE = Path(__file__).parent / "resources" / "furniture.toml"
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    kind: str
    pattern: re.Pattern[str]
    max_words: int | None
    hints: tuple[str, ...]  # literals one of which must occur before the pattern is tried


def _load_rules() -> tuple[_Rule, ...]:
    data = tomllib.loads(_RESOURCE.read_text(encoding="utf-8"))
    return tuple(
        _Rule(
            r["id"],
            r["kind"],
            re.compile(r["pattern"], re.IGNORECASE),
            r.get("max_words"),
            tuple(r.get("hints", ())),
        )
        for r in data["rule"]
    )


RULES = _load_rules()


def classify_line(line: str) -> _Rule | None:
    """The first furniture rule that a whole line matches, or None for news."""
    stripped = line.strip()
    if not stripped:
        return None
    words = len(stripped.split())
    lower = stripped.lower()
    for rule in RULES:
        if rule.max_words is not None and words > rule.max_words:
            continue
        if rule.hints and not any(hint in lower for hint in rule.hints):
            continue
        if rule.pattern.search(stripped):
            return rule
    return None


@lru_cache(maxsize=1024)
def find_furniture(text: str) -> tuple[Furniture, ...]:
    """Spans of ``text`` that are page furniture, one per line, in text order; cached, as the story
    clock reads an article's furniture and then its analysis does."""
    spans = []
    for match in _LINE.finditer(text):
        rule = classify_line(match.group())
        if rule is not None:
            line = match.group()
            start = match.start() + (len(line) - len(line.lstrip()))
            end = match.start() + len(line.rstrip())
            spans.append(Furniture(start, end, rule.kind))
    return tuple(spans)


def in_furniture(start: int, end: int, furniture: tuple[Furniture, ...] | list[Furniture]) -> bool:
    """Whether the span [start, end) overlaps any furniture span."""
    return any(f.start < end and start < f.end for f in furniture)
