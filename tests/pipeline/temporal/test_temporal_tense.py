"""The fast tense-cue scan (a case-sensitive regex on lower-cased ASCII text) decides exactly as
the plain case-insensitive scan, for every expression of every example text and of the seed articles."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from service.pipeline.temporal import normalise, tense

HERE = Path(__file__).parent
TEXTS = [e["text"] for e in tomllib.loads((HERE / "examples.toml").read_text())["example"]]
TEXTS += [p.read_text() for p in sorted((HERE.parents[2] / "seeds").glob("*.txt"))]
# capitalised cue words, where the case-sensitive parts of the cues decide
TEXTS += ["May we meet on Friday?", "Fred said the United States would act in June.",
          "Said to be ill, he stayed home on Monday.", "The regulator Uncovered nothing in March."]


def _plain_last(window: str):
    last = None
    for last in tense._cues()[0].finditer(window):
        pass
    return last


def _plain_first(window: str):
    return tense._cues()[0].search(window)


@pytest.mark.parametrize("text", TEXTS, ids=[f"{i:03d}" for i in range(len(TEXTS))])
def test_fast_cue_scan_decides_as_the_plain_scan(text, monkeypatch):
    spans = [(e.start, e.end) for e in normalise(text, date(2024, 10, 31))]
    fast = [tense.cue(text, start, end) for start, end in spans]
    monkeypatch.setattr(tense, "_last_cue", _plain_last)
    monkeypatch.setattr(tense, "_first_cue", _plain_first)
    assert [tense.cue(text, start, end) for start, end in spans] == fast
