"""The store's JSON writer gives exactly ``json.dumps(plain(value))`` for every record it stores."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from service.pipeline.model import (
    Actor,
    Anchor,
    Figure,
    ReferenceDate,
    Source,
    Statement,
    When,
)
from service.pipeline.story import analyse_story
from service.store.codec import build, dumps, loads, plain
from tests.stories.harness import load_stories

STORIES = load_stories()[:12]
WHEN = When("2024-10-31", None, "2024-10-31", date(2024, 10, 31), date(2024, 10, 31), "day", "31 Oct 2024")
ODD = [  # values whose runtime types stray from the declared ones, or that JSON must escape
    Statement("a1", "statement", [Actor("x", "Zoë \"Z\" Ölçer")], "said\nthat\t“it” \u2028 rose", ("q\\uote",), "", 0, 5, WHEN, "", ()),
    Statement("a2", "event", (), "", (), "", True, 2**70, None, "", (Figure("about 1.5", 1.5, float("inf"), "troop"),)),
    Actor("id", "Name", None, "group", "Org"),
    Anchor("none"),
    ReferenceDate(None, None, None, "unknown", "no evidence", 0.0, ("a", "b")),
    Source("a", None, "evidence", 1, 2, "basis"),
    {"key": [1, 2.5, None, "\x00"]},
]


def _reference(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("value", ODD, ids=lambda v: type(v).__name__)
def test_odd_values_are_written_as_json_writes_them(value: Any) -> None:
    assert dumps(value) == _reference(value)
    assert dumps(value) == dumps(value)  # again, from the cache of small records


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_a_story_is_written_as_json_writes_it(story) -> None:
    analysis = analyse_story([g.article for g in story.articles])
    records = [*analysis.entries]
    for article in analysis.articles:
        records += [article.reference_date, *article.furniture, *article.expressions, *article.statements, *article.people]
    for record in records:
        assert dumps(record) == _reference(record)
    for statement in analysis.articles[0].statements:
        assert build(Statement, loads(dumps(statement))) == statement
