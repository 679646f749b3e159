"""Evidence rules, one test item per example in evidence.toml and years.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clock.evidence import extract_evidence

HERE = Path(__file__).parent
DAYS = tomllib.loads((HERE / "evidence.toml").read_text("utf-8"))["example"]
YEARS = tomllib.loads((HERE / "years.toml").read_text("utf-8"))["example"]


def _cases(examples: list[dict]) -> list:
    """Examples as pytest params; known gaps carry `xfail = "why"` and run as strict xfails."""
    gap = [pytest.mark.xfail(reason=e["xfail"], strict=True) if "xfail" in e else () for e in examples]
    return [pytest.param(e, id=e["text"][:50], marks=marks) for e, marks in zip(examples, gap)]


def _row(m) -> str:
    parts = (m.weekday, m.month, m.day, m.year)
    return "|".join([m.text, m.kind, m.tense, *("-" if p is None else str(p) for p in parts)])


@pytest.mark.parametrize("example", _cases(DAYS))
def test_day_mentions(example):
    days = extract_evidence(example["text"]).days
    assert [_row(m) for m in days] == example["days"]
    if "evening" in example:  # told of the day's evening or night: printed the day after
        assert [m.evening for m in days] == example["evening"]
    if "part" in example:  # the part of the day it is told of ("morning", "late"), "" for none
        assert [m.part for m in days] == example["part"]


@pytest.mark.parametrize("example", _cases(YEARS))
def test_year_evidence(example):
    years = extract_evidence(example["text"]).years
    assert list(years.mentioned) == example["mentioned"]
    assert [y for y, _ in years.since] == example["since"]
    assert [n for n, _ in years.elapsed] == example["elapsed"]
    if "dated" in example:  # years written with their month, outside clauses about the future
        assert [y for y, _ in years.dated] == example["dated"]
    if "copyright" in example:
        assert list(years.copyright) == example["copyright"]
