"""One test item per merge rule example in rules.toml: people, claims, dates, happenings, discrepancies."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from service.pipeline.merge.claim_words import Weights, actor_names, name_words, seen_words
from service.pipeline.merge.days import dates_agree
from service.pipeline.merge.discrepancies import figure_discrepancies
from service.pipeline.merge.entries import timeline
from service.pipeline.merge.merger import SAME_CLAIM, Merger, claim_score
from service.pipeline.merge.people import affiliations, organisations, unify
from service.pipeline.model import Actor, Statement
from service.pipeline.statements.actors import name_parts, slug
from service.pipeline.statements.figures import find_figures
from service.pipeline.temporal.when import make_when

RULES = tomllib.loads((Path(__file__).parent / "rules.toml").read_text())

# a background of other claims, so that word rarity is that of a story, not of two sentences
BACKGROUND = [
    "Lena Ortiz said the merger with Northwind would create the largest airline in the region",
    "Northwind shareholders said the merger talks were moving too slowly",
    "Union leaders warned that the merger could cost jobs",
    "Antony Blinken said North Korean troops were in Russia",
    "Lloyd Austin said the troops could join the fight in the coming days",
]


def _cases(section: str) -> list:
    """Examples of one section, known gaps marked xfail with their reason."""
    return [pytest.param(e, id=e["rule"], marks=[pytest.mark.xfail(reason=e["xfail"], strict=True)] if "xfail" in e else []) for e in RULES[section]]


def _statement(text: str, quotes=(), day: str | None = None, kind: str = "statement") -> Statement:
    speaker = " ".join(text.split()[:2])
    actor = Actor(slug(speaker), speaker)
    when = make_when(day) if day else None
    return Statement("a", kind, (actor,), text, tuple(quotes), text, 0, len(text), when, "test")


@pytest.mark.parametrize("example", RULES["people"], ids=lambda e: e["rule"])
def test_people(example):
    actors = [Actor(slug(" ".join(name_parts(n))), n) for n in example["names"]]
    canonical = unify(actors)
    assert [canonical[a.id].id for a in actors] == example["ids"]


@pytest.mark.parametrize("example", _cases("claims"))
def test_claims(example):
    day, kind = example.get("day"), example.get("kind", "statement")
    a = _statement(example["a"], example.get("quotes_a", ()), day, kind)
    b = replace(_statement(example["b"], example.get("quotes_b", ()), day, kind), article_id=example.get("article_b", "a"))
    weights = Weights()
    for statement in [a, b, *map(_statement, BACKGROUND)]:
        weights.see(seen_words(statement))
    assert (claim_score(a, b, weights) >= SAME_CLAIM) == example["same"]


# a few other happenings and claims of the same days, so that the merger sees a story around a pair
STORY_AROUND = [
    ("event", "Storm Clara brought down power lines across the north", ()),
    ("event", "Lena Ortiz signed the merger with Northwind", (("Lena Ortiz", "person"),)),
    ("statement", "Union leaders warned that the merger could cost jobs", (("Union leaders", "group"),)),
]


@pytest.mark.parametrize("example", _cases("happenings"))
def test_happenings(example):
    kind = example.get("kind", "event")

    def statement(text: str, kind: str, actors, day: str | None, evidence: str | None = None, article: str = "a") -> Statement:
        cast = tuple(Actor(slug(name), name, None, role) for name, role in actors)
        return Statement(article, kind, cast, text, (), evidence or text, 0, len(text), make_when(day) if day else None, "test")

    day = example.get("day")
    a = statement(example["a"], kind, example.get("actors_a", ()), day, example.get("evidence_a"))
    b = statement(example["b"], example.get("kind_b", kind), example.get("actors_b", ()), example.get("day_b", day), example.get("evidence_b"),
                  example.get("article_b", "a"))
    around = [statement(text, k, actors, day) for k, text, actors in STORY_AROUND]
    merger = Merger()
    merger.prime([*around, a, b])
    for s in [*around, a, b]:
        merger.add(s)
    assert any(a in g.members and b in g.members for g in merger.groups) == example["same"]


@pytest.mark.parametrize("example", _cases("discrepancies"))
def test_discrepancies(example):
    members = [Statement(article, "statement", (), text, (), text, 0, len(text), None, "test", find_figures(text)) for article, text in example["members"]]
    assert bool(figure_discrepancies(members)) == example["flagged"]


@pytest.mark.parametrize("example", RULES["dates"], ids=lambda e: e["rule"])
def test_dates(example):
    def when(side):  # "before the reference date" is built as the statements stage does: up to the day before
        reference = example.get(f"reference_{side}")
        bound = date.fromisoformat(reference) - timedelta(days=1) if reference else None
        return make_when(example[side], example.get(f"mod_{side}"), bound)

    assert dates_agree(when("a"), when("b")) == example["agree"]


@pytest.mark.parametrize("example", _cases("organisations"))
def test_organisations(example):
    actors = [Actor(slug(n), n, None, "organisation") for n in example["names"]]
    canonical = organisations(actors)
    assert [canonical.get(a.id, a).id for a in actors] == example["ids"]


@pytest.mark.parametrize("example", _cases("bodies"))
def test_bodies(example):
    a, b = (set(affiliations(Actor(slug(n), n, None, "group"))) for n in example["names"])
    assert bool(a & b) == example["same"]


def _report(article: str, text: str, speaker: list, day: str, quotes=(), start: int = 0, kind: str = "statement") -> Statement:
    """One outlet's report; an event's ``speaker`` may be empty (a happening told without its actor)."""
    actors = ()
    if speaker:
        name, role, organisation = (*speaker, None)[:3]
        actors = (Actor(slug(name), name, None, role, organisation),)
    return Statement(article, kind, actors, text, tuple(quotes), text, start, start + len(text), make_when(day), "test", find_figures(text))


@pytest.mark.parametrize("example", _cases("outlets"))
def test_outlets(example):
    """Reports of several outlets on one day: which are one entry, which stay apart, what is disputed."""
    reports = [_report(r["article"], r["text"], r.get("speaker", []), r.get("day", example["day"]), r.get("quotes", ()), i * 100, r.get("kind", "statement"))
               for i, r in enumerate(example["reports"])]
    merger = Merger()
    merger.prime(reports)
    for report in reports:
        merger.add(report)
    group_of = {id(m): g for g in merger.groups for m in g.members}
    for together in example.get("together", []):
        assert len({id(group_of[id(reports[i])]) for i in together}) == 1, together
    for i, j in example.get("apart", []):
        assert group_of[id(reports[i])] is not group_of[id(reports[j])], (i, j)
    entry = timeline([group_of[id(reports[0])]], {})[0]
    assert [d.field for d in entry.discrepancies] == example.get("discrepancies", [])
    if "values" in example:  # how many sides each discrepancy has
        assert [len(d.values) for d in entry.discrepancies] == example["values"]
    if "speakers" in example:
        assert [a.name for a in entry.actors] == example["speakers"]


def test_actor_names_of_a_rebuilt_statement():
    """A statement rebuilt from storage may carry its actors as a list: its names are still found (and cached)."""
    actors = [Actor("ana-ruiz", "Ana Ruiz"), Actor("tom-berg", "Tom Berg")]
    statement = Statement("a", "event", actors, "Ana Ruiz and Tom Berg met", (), "", 0, 25, None, "test")
    assert name_words(actor_names(statement)) == name_words(actor_names(statement)) == {"ana", "ruiz", "tom", "berg"}
