"""One test item per example in examples.toml: phrase in context, reference date, expected values."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from service.pipeline.temporal import normalise
from service.pipeline.temporal.lexicon import load

EXAMPLES = tomllib.loads((Path(__file__).parent / "examples.toml").read_text())["example"]
DEFAULT_REFERENCE = "2024-10-31"


def _params():
    for index, example in enumerate(EXAMPLES):
        marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if "xfail" in example else []
        label = f"{index:03d}-{example['rule']}" + ("-neg" if not example["expect"] else "")
        yield pytest.param(example, id=label, marks=marks)


PARAMS = list(_params())


def _observed(expression, key: str):
    when = expression.date
    return {
        "text": expression.text, "value": expression.value, "type": expression.type, "mod": expression.mod,
        "anchor": expression.anchor.kind, "anchor_text": expression.anchor.text,
        "earliest": when and when.earliest and when.earliest.isoformat(),
        "latest": when and when.latest and when.latest.isoformat(),
        "edtf": when and when.edtf, "granularity": when and when.granularity, "display": when and when.display,
    }[key]


@pytest.mark.parametrize("example", PARAMS)
def test_example(example):
    given = example.get("reference", DEFAULT_REFERENCE)  # "" = no reference date
    reference = date.fromisoformat(given) if given else None
    found = normalise(example["text"], reference)
    expected = example["expect"]
    assert [(e.text, e.value) for e in found] == [(x["text"], x["value"]) for x in expected]
    for expression, wanted in zip(found, expected):
        for key, value in wanted.items():
            assert _observed(expression, key) == value, (expression.text, key)
    if expected:
        assert example["rule"] in {e.rule for e in found}


def test_every_rule_has_an_example():
    rules = {rule["id"] for rule in load("rules.toml")["rule"]}
    assert rules - {example["rule"] for example in EXAMPLES} == set()


def test_offsets_index_the_text():
    text = "Officials said on Thursday — two days after talks began — that troops had left in early August."
    for expression in normalise(text, date(2024, 10, 31)):
        assert text[expression.start:expression.end] == expression.text
