"""One test item per synthetic story in stories.toml: merged entries, dates, sources, discrepancies."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from service.pipeline.model import ArticleInput
from service.pipeline.story import analyse_story

STORIES = tomllib.loads((Path(__file__).parent / "stories.toml").read_text())["story"]


def _articles(story) -> list[ArticleInput]:
    return [
        ArticleInput(a["id"], story["name"], a["text"], publisher=a.get("publisher"), published_on=date.fromisoformat(a["published_on"]))
        for a in story["article"]
    ]


def _matches(entry, wanted) -> bool:
    ids = {a.id for a in entry.actors}
    return (
        set(wanted["actors"]) <= ids
        and ("date" not in wanted or (entry.date is not None and entry.date.value == wanted["date"]))
        and wanted.get("text_has", "") in entry.text
    )


def _params(known_gaps: bool = True):
    for story in STORIES:
        marks = [pytest.mark.xfail(reason=story["xfail"], strict=True)] if known_gaps and "xfail" in story else []
        yield pytest.param(story, id=story["name"], marks=marks)


@pytest.mark.parametrize("story", list(_params()))
def test_story(story):
    entries = analyse_story(_articles(story)).entries
    summary = [(e.date and e.date.value, [a.id for a in e.actors], e.text, [s.article_id for s in e.sources]) for e in entries]
    if "entries" in story:
        assert len(entries) == story["entries"], summary
    for wanted in story["expect"]:
        found = [e for e in entries if _matches(e, wanted)]
        assert len(found) == 1, (wanted, summary)
        entry = found[0]
        assert sorted({s.article_id for s in entry.sources}) == wanted["sources"], summary
        if "discrepancy" in wanted:
            assert wanted["discrepancy"] in {d.field for d in entry.discrepancies}
        publishers = {s.article_id: s.publisher for s in entry.sources}
        assert all(publishers[a["id"]] == a.get("publisher") for a in story["article"] if a["id"] in publishers)


@pytest.mark.parametrize("story", list(_params(known_gaps=False)))
def test_story_does_not_depend_on_article_order(story):
    forward = analyse_story(_articles(story)).entries
    backward = analyse_story(list(reversed(_articles(story)))).entries
    assert forward == backward
