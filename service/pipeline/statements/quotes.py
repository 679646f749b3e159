"""Quoted spans of a text: where direct speech starts and ends.

News quotes run over several sentences and paragraphs: a paragraph that opens a quote without
closing it continues into the next one (which conventionally reopens it). Closing curly quotes are
sometimes typed as openers (“...”I think ...”), so direction is taken from the running state, not
from the glyph alone. British single quotes (‘...’) count where they open before a word and close
before a non-letter, outside double quotes (so an apostrophe is not a quote).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

_MARK = re.compile("[“”\"„«»]")
_SINGLE = re.compile(r"(?<![\w’'])‘(?=\w)(.+?)’(?![\w])")  # British style: ‘We will,’ he said
_START = attrgetter("start")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the first quoted character (after the opening mark)
    end: int  # offset just past the last quoted character (before the closing mark)
    closed: bool  # False where the quote ran to the end of its paragraph and continues


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every quoted stretch, paragraph by paragraph, with continuations across paragraphs."""
    paragraphs = _paragraphs(text)
    quotes: list[Quote] = []
    carry = False  # a quote left open by the previous paragraph
    for index, (start, end) in enumerate(paragraphs):
        marks = [m.start() for m in _MARK.finditer(text, start, end)]
        opened: int | None = None
        if carry and (not marks or marks[0] != _first_visible(text, start, end)):
            opened = start  # continuation without a reopening mark
        for i in marks:
            if opened is None:
                opened = i + 1
            else:
                if i > opened:
                    quotes.append(Quote(opened, i, True))
                opened = None
        carry = False
        if opened is not None:
            follower = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = follower is not None and _MARK.search(text, *follower) is not None
            tail = end
            while tail > opened and text[tail - 1].isspace():
                tail -= 1
            if tail > opened:
                quotes.append(Quote(opened, tail, not continues))
            carry = continues
    doubles = tuple(quotes)
    for start, end in paragraphs:
        for m in _SINGLE.finditer(text, start, end):
            span = Quote(m.start(1), m.end(1), True)
            if not any(q.start - 1 <= span.end and span.start <= q.end + 1 for q in doubles):
                quotes.append(span)
    return tuple(sorted(quotes, key=lambda q: q.start))


def _first_visible(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return end


def inside(quotes: tuple[Quote, ...], position: int) -> Quote | None:
    """The quote containing ``position``, if any (quotes are sorted and do not overlap)."""
    if not quotes:
        return None
    index = bisect_right(quotes, position, key=_START) - 1
    if index >= 0 and position < quotes[index].end:
        return quotes[index]
    return None


def outside(quotes: tuple[Quote, ...], items: Sequence[T]) -> list[T]:
    """The items (tokens, mentions) whose start lies in no quote: a sentence has mostly none or one,
    so those cases skip the per-item search."""
    if not quotes:
        return list(items)
    if len(quotes) == 1:
        start, end = quotes[0].start, quotes[0].end
        return [t for t in items if not start <= t.start < end]
    return [t for t in items if inside(quotes, t.start) is None]


def quoted_fraction(quotes: tuple[Quote, ...], start: int, end: int) -> float:
    """Share of the letters in [start, end) that lie inside quotes."""
    if end <= start:
        return 0.0
    covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return covered / (end - start)


def within(quotes: tuple[Quote, ...], start: int, end: int) -> tuple[Quote, ...]:
    """The quotes overlapping [start, end): a sentence's own, so per-word checks stay short."""
    first = max(0, bisect_right(quotes, start, key=_START) - 1)
    return tuple(q for q in quotes[first:] if q.start < end and q.end > start) if quotes else ()
