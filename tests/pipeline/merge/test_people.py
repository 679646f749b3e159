"""One test item per case in people.toml: the names of one story that are one person."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from service.pipeline.merge.people import organisations, unify
from service.pipeline.model import Actor
from service.pipeline.statements.actors import name_parts, slug

CASES = tomllib.loads((Path(__file__).parent / "people.toml").read_text())["case"]


def _actor(name: str, title: str | None) -> Actor:
    """The actor the statement stage makes: an office for a bare title, else the name's parts."""
    if name.startswith("the "):
        return Actor(f"office-{slug(name[4:])}", name, title)
    return Actor(slug(" ".join(name_parts(name))), name, title)


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        yield pytest.param(case, id=case["rule"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_people(case):
    titles = case.get("titles", [None] * len(case["names"]))
    actors = [_actor(n, t) for n, t in zip(case["names"], titles, strict=True)]
    canonical = unify(actors)
    assert [canonical[a.id].id for a in actors] == case["ids"]


ORGANISATIONS = tomllib.loads((Path(__file__).parent / "people.toml").read_text())["organisation"]


@pytest.mark.parametrize("case", ORGANISATIONS, ids=lambda c: c["rule"])
def test_organisations(case):
    actors = [Actor(slug(n), n, None, "organisation") for n in case["names"]]
    canonical = organisations(actors)
    assert [canonical.get(a.id, a).id for a in actors] == case["ids"]
