"""The seed articles with their true reference dates: the values the timeline depends on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.pipeline.temporal import normalise

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
REFERENCE = {"000": date(2024, 10, 31), "001": date(2024, 10, 31), "002": date(2024, 10, 31),
             "003": date(2024, 10, 30), "004": date(2024, 10, 31)}

# (article, phrase, value, mod): every occurrence of the phrase yields that value and mod
EXPECTED = [
    ("000", "Thursday", "2024-10-31", None),
    ("000", "this week", "2024-W44", None),
    ("000", "in 2022", "2022", None),
    ("000", "in August", "2024-08", None),
    ("001", "Thursday", "2024-10-31", None),
    ("001", "early August", "2024-08", "START"),
    ("002", "a day earlier", "2024-10-30", None),
    ("002", "Thursday", "2024-10-31", None),
    ("002", "this week", "2024-W44", None),
    ("003", "on Wednesday", "2024-10-30", None),
    ("003", "earlier this month", "2024-10", "START"),
    ("003", "scheduled to meet", "2024-10-31", None),
    ("004", "last week", "2024-W43", None),
]


def _article(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text()


@pytest.mark.parametrize("prefix, phrase, value, mod", EXPECTED, ids=[f"{p}-{t}" for p, t, _, _ in EXPECTED])
def test_seed_value(prefix, phrase, value, mod):
    text = _article(prefix)
    found = normalise(text, REFERENCE[prefix])
    # the phrase may carry context ("in 2022", "scheduled to meet"): the expression is the nearest after it
    hits = []
    start = text.find(phrase)
    while start >= 0:
        after = [e for e in found if e.end > start]
        if after:
            hits.append(min(after, key=lambda e: e.start))
        start = text.find(phrase, start + 1)
    assert hits and all(e.value == value and e.mod == mod for e in hits), [(e.text, e.value, e.mod) for e in hits]


def test_thursdays_possessive_is_the_reference_day():
    text = _article("000")
    at = text.index("Thursday’s")
    expression = next(e for e in normalise(text, REFERENCE["000"]) if e.start == at)
    assert (expression.text, expression.value) == ("Thursday", "2024-10-31")
