"""One test item per example in this folder's TOML files: who said or did what, when, in one short text."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from service.pipeline.clean import find_furniture
from service.pipeline.model import ArticleInput, ReferenceDate
from service.pipeline.sentences import split_sentences
from service.pipeline.statements import extract_statements
from service.pipeline.temporal import normalise

EXAMPLES = [
    (path.stem, example)
    for path in sorted(Path(__file__).parent.glob("*.toml"))
    for example in tomllib.loads(path.read_text())["example"]
]


def analyse(text: str, reference: date, publisher: str | None = None):
    article = ArticleInput("a", "story", text, publisher=publisher, published_on=reference)
    furniture = find_furniture(text)
    sentences = split_sentences(text, furniture)
    expressions = normalise(text, reference, furniture)
    ref = ReferenceDate(reference, reference, reference, "metadata", "test", 1.0)
    return extract_statements(article, sentences, expressions, furniture, ref)


def _observed(statement, key):
    return {
        "kind": lambda: statement.kind,
        "actors": lambda: [a.id for a in statement.actors],
        "actor_names": lambda: [a.name for a in statement.actors],
        "actor_kinds": lambda: [a.kind for a in statement.actors],
        "affiliations": lambda: [a.organisation for a in statement.actors],
        "date": lambda: statement.date and statement.date.value,
        "quotes": lambda: list(statement.quotes),
        "figures": lambda: [f"{f.text} {f.unit}" for f in statement.figures],
        "text_has": lambda: statement.text,
        "basis_has": lambda: statement.date_basis,
    }[key]()


def _params():
    for index, (file, example) in enumerate(EXAMPLES):
        marks = [pytest.mark.xfail(reason=example["xfail"], strict=True)] if "xfail" in example else []
        label = f"{file}-{index:02d}-{example['rule']}" + ("-neg" if not example["expect"] else "")
        yield pytest.param(example, id=label, marks=marks)


@pytest.mark.parametrize("example", list(_params()))
def test_example(example):
    found = analyse(example["text"], date.fromisoformat(example["reference"]), example.get("publisher"))
    expected = example["expect"]
    assert len(found) == len(expected), [(s.kind, s.text) for s in found]
    for statement, wanted in zip(found, expected):
        for key, value in wanted.items():
            observed = _observed(statement, key)
            if key.endswith("_has"):
                assert value in observed, (key, observed)
            else:
                assert observed == value, (key, statement.text)


def test_offsets_and_evidence_index_the_text():
    text = "“We are ready,” Coach Dan Harper said on Friday. Harper added that two players were injured."
    for statement in analyse(text, date(2022, 5, 7)):
        assert text[statement.start : statement.end] == statement.evidence
