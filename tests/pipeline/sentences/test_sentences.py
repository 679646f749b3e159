"""Sentence splitting, one test item per example in examples.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clean import find_furniture
from service.pipeline.sentences import split_sentences

EXAMPLES = tomllib.loads((Path(__file__).parent / "examples.toml").read_text("utf-8"))["example"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_split(example):
    text = example["text"]
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == example["sentences"]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_paragraph_index_and_furniture_flag():
    text = "First paragraph. Still first.\nSubscribe to our newsletter\nSecond news paragraph."
    sentences = split_sentences(text, find_furniture(text))
    assert [(s.paragraph, s.furniture) for s in sentences] == [(0, False), (0, False), (1, True), (2, False)]
