"""Compile the declarative rules (rules.toml) into scanners and list candidate expressions.

Rules become one alternation in priority order, each wrapped in a named group. Matching is tried only
at trigger words (month names, units, digits ...) and the prefix words just before them, and only
with the rules whose regex can begin with the word's first letters: far cheaper than running a
parser, or every rule, at every word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from service.pipeline.temporal.firstchars import CANONICAL, prefixes
from service.pipeline.temporal.lexicon import load, macros, tables

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    norm: str
    params: dict
    groups: tuple[tuple[str, str], ...]  # (group name in the scanner, name in the rule)


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: Rule
    start: int
    end: int
    groups: dict[str, str]


def expand(pattern: str, table: dict[str, str], depth: int = 0) -> str:
    """Replace {NAME} macros recursively."""
    if depth > 8:
        raise ValueError(f"macro recursion in {pattern!r}")
    return _MACRO.sub(lambda m: expand(table[m[1]], table, depth + 1), pattern)


@cache
def _branches() -> tuple[list[str], dict[str, Rule]]:
    """One named group per rule, in priority order, and the rule behind each group name."""
    spec = load("rules.toml")
    table = {**macros(), **spec["macros"]}
    branches, rules = [], {}
    for index, raw in enumerate(spec["rule"]):
        key = f"r{index}"
        body = expand(raw["pattern"], table)
        names = tuple(dict.fromkeys(_GROUP.findall(body)))
        body = _GROUP.sub(lambda m: f"(?P<{key}_{m[1]}>", body)
        branches.append(f"(?P<{key}>{body})")
        rules[key] = Rule(raw["id"], raw["type"], raw["norm"], raw.get("params", {}),
                          tuple((f"{key}_{n}", n) for n in names))
    return branches, rules


@cache
def _compile(branches: tuple[str, ...]) -> re.Pattern:
    """Rules as one regex; expressions start and end at word edges (not inside "24/7" or "A4")."""
    return re.compile(r"(?<![\w@/])(?:" + "|".join(branches) + r")(?![\w@]|['’]?\d)", re.IGNORECASE)


@cache
def _prefixes() -> tuple[frozenset[str] | None, ...]:
    """The beginnings (PREFIX characters) each rule's match can have; None: any."""
    return tuple(prefixes(branch, PREFIX) for branch in _branches()[0])


@cache
def _long_prefixes(index: int, start: str) -> frozenset[str] | None:
    """Rule ``index``'s beginnings of LONG_PREFIX characters that agree with the key ``start``."""
    return prefixes(_branches()[0][index], LONG_PREFIX, start)


def _chosen(key: str, firsts: Callable[[int], frozenset[str] | None], among: Iterable[int]) -> tuple[int, ...]:
    heads = {key[:n] for n in range(1, len(key) + 1)}  # a rule's prefix may be shorter than the key
    return tuple(i for i in among if (first := firsts(i)) is None or heads & first)


@lru_cache(maxsize=16384)
def dispatch(key: str) -> re.Pattern | None:
    """The combined regex of the rules that can begin with ``key`` (canonical, up to LONG_PREFIX
    characters), in priority order; None: no rule. A key of PREFIX characters that leaves more than
    CROWDED rules is narrowed by its next characters ("the last" from "the first")."""
    branches = _branches()[0]
    chosen = _chosen(key[:PREFIX], _prefixes().__getitem__, range(len(branches)))
    if len(key) > PREFIX and len(chosen) > CROWDED:
        chosen = _chosen(key, lambda i: _long_prefixes(i, key[:PREFIX]), chosen)
    return _compile(tuple(branches[i] for i in chosen)) if chosen else None


def crowded(key: str) -> bool:
    """Whether a canonical key of PREFIX characters leaves more than CROWDED rules to try."""
    firsts = _prefixes()
    return len(key) == PREFIX and len(_chosen(key, firsts.__getitem__, range(len(firsts)))) > CROWDED


@cache
def _scan_words() -> tuple[frozenset[str], frozenset[str], int]:
    """Trigger words, prefix words and how many prefix words to look back over (rules.toml [scan])."""
    scan = load("rules.toml")["scan"]
    words = set(scan["triggers"])
    for name in scan["trigger_tables"]:
        words.update(key.rstrip(".") for key in tables()[name] for key in key.split())
    before = set(scan["prefixes"])
    for name in scan["prefix_tables"]:  # words as the scanner splits them: "patrick's" is "patrick", "s"
        before.update(word for key in tables()[name] for word in _TOKEN.findall(key))
    return frozenset(words), frozenset(before), scan["lookback_words"]


PREFIX = 4  # characters of a word that pick the rules to try there
LONG_PREFIX = 6  # ... and for the few beginnings that leave many rules ("the ", "last", "late")
CROWDED = 12  # more rules than this after PREFIX characters: choose them by LONG_PREFIX
_TOKEN = re.compile(r"[^\W_]+")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")  # the same words in lower-case ASCII text, found faster
_DIGITS = frozenset("0123456789")


def _matches(text: str):
    """Rule matches tried at trigger words and the prefix words before them; the longest one wins."""
    trigger_words, prefix_words, lookback = _scan_words()
    lowered = text.lower()
    tokens = list((_ASCII_TOKEN if lowered.isascii() else _TOKEN).finditer(lowered))
    words = [token[0] for token in tokens]
    done = 0
    tried: dict[int, re.Match | None] = {}  # a position's match does not depend on the trigger
    for index in [i for i, w in enumerate(words) if w in trigger_words or w[0] in _DIGITS
                  or (w[-1] in _DIGITS and w.rstrip("0123456789") in trigger_words)]:  # "FY2024"
        start = tokens[index].start()
        if start < done or _digit_group(lowered, start):
            continue
        first = index
        while first > 0 and index - first < lookback and tokens[first - 1].start() >= done \
                and (words[first - 1] in prefix_words or words[first - 1][0] in _DIGITS):
            first -= 1
        best = None
        for token in tokens[first:index + 1]:
            pos = token.start()
            if pos not in tried:
                pattern = _rules_at(lowered[pos:pos + PREFIX])
                if pattern is _CROWDED:
                    pattern = _refined_at(lowered[pos:pos + LONG_PREFIX])
                tried[pos] = pattern.match(text, pos) if pattern is not None else None
            match = tried[pos]
            if match and match.end() > start and (best is None or match.end() > best.end()):
                best = match
        if best is not None:
            done = best.end()
            yield best


_CROWDED = object()  # _rules_at: too many rules for the first PREFIX characters, look at more


@lru_cache(maxsize=8192)
def _rules_at(key: str) -> re.Pattern | None | object:
    """dispatch() for a word's first characters as written (saves canonicalising them every time);
    _CROWDED when the key leaves so many rules that _refined_at should pick by more characters."""
    canonical = key.translate(CANONICAL)
    return _CROWDED if crowded(canonical) else dispatch(canonical)


@lru_cache(maxsize=8192)
def _refined_at(key: str) -> re.Pattern | None:
    """dispatch() for the LONG_PREFIX characters as written at a crowded beginning."""
    return dispatch(key.translate(CANONICAL))


def _digit_group(text: str, start: int) -> bool:
    """The "000" of "8,000" or the "5" of "2.5": never the start of a date."""
    return start > 1 and text[start - 1] in ",." and text[start - 2].isdigit()


def candidates(text: str) -> list[Candidate]:
    """Non-overlapping rule matches in text order: the longest from a trigger's start positions, and
    at one position the rule listed first. A group named "x" narrows the expression within its match."""
    rules = _branches()[1]
    found = []
    for match in _matches(text):
        rule = rules[_top_group(match)]
        groups = {short: match[full] for full, short in rule.groups if match[full] is not None}
        start, end = match.span()
        if "x" in groups:
            start, end = match.span(f"{_top_group(match)}_x")
        if text[end - 1] == ")" and "(" not in text[start:end]:  # "(0634 GMT)": the bracket opened before
            end -= 1
        found.append(Candidate(rule, start, end, groups))
    return found


def _top_group(match: re.Match) -> str:
    return match.lastgroup  # the rule's wrapper closes last, so it is the last group matched
