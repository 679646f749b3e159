"""Link-key rules, one test item per example in links.toml."""

import tomllib
from pathlib import Path

import pytest

from service.pipeline.clock.links import link_keys

EXAMPLES = tomllib.loads((Path(__file__).parent / "links.toml").read_text("utf-8"))["example"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:50] for e in EXAMPLES])
def test_link_keys(example):
    keys = link_keys(example["text"])
    assert sorted(shown for _, shown in keys.names) == example["names"]
    assert sorted(shown for _, shown in keys.words) == example["words"]
    assert sorted(shown for _, shown in keys.figures) == example["figures"]
    assert [q for q in keys.quoted if len(q.split()) >= 4] == example["quotes"]
