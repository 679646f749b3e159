"""Calendar rules, one test item per example in calendar.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clock.calendar import YearHints, choose_day, week_day

DATA = tomllib.loads((Path(__file__).parent / "calendar.toml").read_text("utf-8"))


@pytest.mark.parametrize("example", DATA["year"], ids=[e["name"] for e in DATA["year"]])
def test_choose_day(example):
    hints = YearHints(tuple(example.get("published", ())), example.get("mentioned"), example.get("floor"))
    chosen = choose_day(example["month"], example["day"], example.get("weekday"), hints)
    assert chosen == (None if example["expect"] == "none" else example["expect"])


@pytest.mark.parametrize("example", DATA["week"], ids=[f"{e['anchor']}-{e['weekday']}" for e in DATA["week"]])
def test_week_day(example):
    assert week_day(example["anchor"], example["weekday"], example.get("side", "")) == example["expect"]
