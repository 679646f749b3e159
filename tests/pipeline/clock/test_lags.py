"""Counts from an event told "yesterday", one test item per example in lags.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clock.evidence import extract_evidence

EXAMPLES = tomllib.loads((Path(__file__).parent / "lags.toml").read_text("utf-8"))["example"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:50] for e in EXAMPLES])
def test_lags(example):
    found = [f"{lag.days}|{','.join(sorted(lag.event))}" for lag in extract_evidence(example["text"]).lags]
    assert found == example["lags"], example.get("why", "")
