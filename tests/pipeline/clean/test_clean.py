"""Furniture rules, one test item per example line in examples.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clean import find_furniture

EXAMPLES = tomllib.loads((Path(__file__).parent / "examples.toml").read_text("utf-8"))["example"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["line"][:50] for e in EXAMPLES])
def test_line_kind(example):
    text = f"A first news paragraph.\n{example['line']}\nA last news paragraph."
    spans = find_furniture(text)
    kinds = [f.kind for f in spans]
    if example["kind"]:
        assert kinds == [example["kind"]]
        (span,) = spans
        assert text[span.start : span.end] == example["line"].strip()
    else:
        assert kinds == []


def test_offsets_point_into_original_text():
    text = "News.\n  Subscribe to our newsletter  \nMore news."
    (span,) = find_furniture(text)
    assert text[span.start : span.end] == "Subscribe to our newsletter"
