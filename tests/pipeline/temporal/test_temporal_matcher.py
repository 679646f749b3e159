"""The scanner's shortcuts lose no match: trying all rules at every word finds nothing the first-letters
dispatch or the trigger words would miss."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from service.pipeline.temporal.firstchars import CANONICAL
from service.pipeline.temporal.matcher import (
    _ASCII_TOKEN,
    _CROWDED,
    _TOKEN,
    LONG_PREFIX,
    PREFIX,
    _branches,
    _compile,
    _refined_at,
    _rules_at,
    candidates,
    crowded,
    dispatch,
)

TEXTS = [e["text"] for e in tomllib.loads((Path(__file__).parent / "examples.toml").read_text())["example"]]


@pytest.mark.parametrize("text", TEXTS, ids=[f"{i:03d}" for i in range(len(TEXTS))])
def test_dispatch_keeps_every_rule_that_matches(text):
    branches, rules = _branches()
    every_rule = _compile(tuple(branches))
    for word in re.finditer(r"[^\W_]+", text):
        pos = word.start()
        full = every_rule.match(text, pos)
        if full is None:
            continue
        for size in (PREFIX, LONG_PREFIX):  # the short key, and the longer one for crowded beginnings
            fast = dispatch(text[pos:pos + size].lower().translate(CANONICAL))
            assert fast is not None, (text[pos:], rules[full.lastgroup].id)
            assert fast.match(text, pos).span() == full.span(), (text[pos:], rules[full.lastgroup].id)


@pytest.mark.parametrize("text", TEXTS, ids=[f"{i:03d}" for i in range(len(TEXTS))])
def test_trigger_words_reach_every_match(text):
    """Trying rules only near trigger words loses nothing: any rule match at any word overlaps a candidate."""
    branches, rules = _branches()
    every_rule = _compile(tuple(branches))
    found = candidates(text)
    for word in re.finditer(r"[^\W_]+", text):
        full = every_rule.match(text, word.start())
        if full is not None:
            assert any(c.start < full.end() and full.start() < c.end for c in found), (
                text[full.start():full.end()], rules[full.lastgroup].id)


@pytest.mark.parametrize("text", TEXTS, ids=[f"{i:03d}" for i in range(len(TEXTS))])
def test_shortcuts_find_the_same_words_and_rules(text):
    """The ASCII tokeniser finds the words the Unicode one does; the raw-key cache gives dispatch's rules."""
    lowered = text.lower()
    if lowered.isascii():
        assert [w.span() for w in _ASCII_TOKEN.finditer(lowered)] == [w.span() for w in _TOKEN.finditer(lowered)]
    for word in _TOKEN.finditer(lowered):
        key = lowered[word.start():word.start() + PREFIX]
        canonical = key.translate(CANONICAL)
        assert _rules_at(key) is (_CROWDED if crowded(canonical) else dispatch(canonical))
        longer = lowered[word.start():word.start() + LONG_PREFIX]
        assert _refined_at(longer) is dispatch(longer.translate(CANONICAL))

