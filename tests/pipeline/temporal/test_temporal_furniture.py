"""Expressions inside page furniture are still found and typed, but flagged and never anchor the story."""

from __future__ import annotations

from datetime import date

from service.pipeline.model import Furniture
from service.pipeline.temporal import normalise


def test_furniture_expressions_are_flagged_and_do_not_anchor():
    story = "Troops crossed the border on 2 May 2019."
    prompt = " Get our newsletter every Friday morning, published 3 June 2020."
    tail = " Two days later, talks began."
    text = story + prompt + tail
    furniture = [Furniture(len(story), len(story) + len(prompt), "newsletter")]
    found = {e.text: e for e in normalise(text, date(2024, 10, 31), furniture)}
    assert found["every Friday morning"].furniture and found["every Friday morning"].type == "SET"
    assert found["3 June 2020"].furniture
    assert not found["2 May 2019"].furniture
    assert found["Two days later"].value == "2019-05-04"
    assert found["Two days later"].anchor.text == "2 May 2019"
