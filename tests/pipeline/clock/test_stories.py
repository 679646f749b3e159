"""Story clock examples, one test item per story in stories.toml, each checked in every order."""

import tomllib
from datetime import date
from itertools import permutations
from pathlib import Path

import pytest

from service.pipeline.clock import resolve_reference_dates
from service.pipeline.model import ArticleInput

STORIES = tomllib.loads((Path(__file__).parent / "stories.toml").read_text("utf-8"))["story"]


def _article(row: dict) -> ArticleInput:
    return ArticleInput(row["id"], "story", row["text"], published_on=row.get("published_on"))


CASES = [
    pytest.param(s, id=s["name"], marks=[pytest.mark.xfail(reason=s["xfail"], strict=True)] if "xfail" in s else [])
    for s in STORIES
]


@pytest.mark.parametrize("story", CASES)
def test_story(story):
    articles = [_article(row) for row in story["article"]]
    result = resolve_reference_dates(articles)
    for order in permutations(articles):
        assert resolve_reference_dates(order) == result
    for row in story["article"]:
        ref = result[row["id"]]
        expected = None if row["value"] == "none" else row["value"]
        assert isinstance(expected, date | None)
        assert (ref.value, ref.source) == (expected, row["source"]), ref.basis
        assert row.get("basis", "") in ref.basis
        if "conflict" in row:
            assert any(row["conflict"] in c for c in ref.conflicts), ref.conflicts
        if row.get("no_conflicts"):
            assert ref.conflicts == ()
        if ref.value is not None:
            assert ref.earliest is None or ref.earliest <= ref.value
            assert ref.latest is None or ref.value <= ref.latest
