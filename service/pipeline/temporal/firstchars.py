"""The few-character prefixes a regex match can begin with, read from the regex's parse tree.

Lets the scanner try, at a given word, only the rules that can start with its first letters instead
of every rule: the single biggest saving in matching time.
"""

from __future__ import annotations

import re
import string
from re import _constants as sre  # noqa: PLC2701 - stable in CPython 3.11+, used read-only
from re import _parser as sre_parse  # noqa: PLC2701

_CATEGORIES = {sre.CATEGORY_DIGIT: set(string.digits), sre.CATEGORY_SPACE: set(" \t\n\r\f\v")}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_LIMIT = 4000  # more prefixes than this: treat the rule as able to start anywhere
# prefixes are compared in a canonical form: lower case, every digit 0, every space a blank
CANONICAL = str.maketrans({**{d: "0" for d in string.digits}, **{w: " " for w in "\t\n\r\f\v"}})


class _Any(Exception):
    """The match may begin with (almost) anything."""


def prefixes(pattern: str, size: int = 2, start: str = "") -> frozenset[str] | None:
    """Canonical strings of ``size`` characters a match can begin with; None when unbounded.

    A match shorter than ``size`` contributes its whole (shorter) text. With ``start``, only the
    prefixes that agree with it are kept (far fewer to expand when refining a dispatch key).
    """
    try:
        found = _sequence(list(sre_parse.parse(pattern, re.IGNORECASE)), size, start)
    except _Any:
        return None
    if "" in found:
        return None
    return frozenset(found)


def _sequence(items: list, size: int, start: str = "") -> set[str]:
    """Prefixes (up to ``size`` chars) of a sequence of parse items that agree with ``start``."""
    result: set[str] = set()
    heads = {""}
    for op, av in items:
        grown: set[str] = set()
        for head in heads:
            if len(head) >= size:
                result.add(head[:size])
                continue
            for tail in _item(op, av, size - len(head), start[len(head):]):
                grown.add(head + tail)
        heads = grown
        if len(heads) > _LIMIT:
            raise _Any
    return result | {h[:size] for h in heads}


def _item(op, av, size: int, start: str) -> set[str]:
    if op is sre.LITERAL:
        return _agree({chr(av).lower().translate(CANONICAL)}, start)
    if op is sre.IN:
        return _agree({c.lower().translate(CANONICAL) for c in _charset(av)}, start)
    if op is sre.BRANCH:
        return set().union(*(_sequence(list(branch), size, start) for branch in av[1]))
    if op is sre.SUBPATTERN:
        return _sequence(list(av[3]), size, start)
    if op in _REPEATS:
        low, high, body = av
        options: set[str] = {""} if low == 0 else set()
        copies = list(body)
        for count in range(max(low, 1), min(high, size) + 1):
            options |= _sequence(copies * count, size, start)
        if high > size:
            options |= _sequence(copies * size, size, start)
        return options
    if op in _ZERO_WIDTH:
        return {""}
    raise _Any


def _agree(chars: set[str], start: str) -> set[str]:
    """The characters that can stand where ``start`` has its first one (all of them without ``start``)."""
    return chars & {start[0]} if start else chars


def _charset(items) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            chars |= _CATEGORIES[av]
        else:
            raise _Any
    return chars
