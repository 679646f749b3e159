"""The store's incremental update equals analyse_story of the stored articles, whatever the order of
arrival and whatever patches and deletes came between (scenarios: incremental.toml)."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

import pytest

from service.pipeline.merge import batches, entries
from service.pipeline.merge.batches import LAST, PartitionMerge, batch_day, keyed
from service.pipeline.merge.merger import Group
from service.pipeline.merge.partitions import partition_of
from service.pipeline.model import ArticleInput
from service.pipeline.story import analyse_story
from service.store import NewArticle, Store, TimelineFilter
from service.store.codec import plain
from service.store.writes import published_on
from tests.stories.harness import load_stories, run

SCENARIOS = tomllib.loads((Path(__file__).parent / "incremental.toml").read_text(encoding="utf-8"))["scenario"]
STORIES = load_stories()
CASES = [(story, scenario) for story in STORIES for scenario in SCENARIOS]


def _submitted(story, metadata: str) -> list[NewArticle]:
    out = []
    for i, gold in enumerate(story.articles):
        a = gold.article
        keep = metadata == "all" or (metadata == "alternate" and i % 2 == 0)
        day = a.published_on.isoformat() if keep and a.published_on else None
        out.append(NewArticle(a.text, publisher=a.publisher, published_at=day))
    return out


def _arrive(store: Store, name: str, articles: list[NewArticle], order: str) -> None:
    if order == "batch":
        store.add_articles(name, articles)
        return
    arrival = list(articles)
    if order == "reversed":
        arrival.reverse()
    elif order == "shuffled":
        random.Random(name).shuffle(arrival)
    for article in arrival:
        store.add_article(name, article)


def _change(store: Store, name: str, articles: list[NewArticle], step: str) -> None:
    what, which = step.rsplit("-", 1)
    article = articles[0 if which == "first" else -1]
    stored = next((a for a in _stored(store, name) if a["text"] == article.text), None)
    if what == "clear-published":
        store.patch_article(stored["id"], {"published_at": None})
    elif what == "set-published":
        store.patch_article(stored["id"], {"published_at": "2020-02-03"})
    elif what == "publisher":
        store.patch_article(stored["id"], {"publisher": "Another Outlet"})
    elif what == "delete":
        assert store.delete_article(stored["id"])
    elif what == "add":
        store.add_article(name, article)
    else:
        raise ValueError(step)


def _stored(store: Store, name: str) -> list[dict]:
    page = store.list_articles(name, lambda revision: 0, 10_000)
    return [store.get_article(a["id"]) for a in page.items] if page else []


@pytest.mark.parametrize(("story", "scenario"), CASES, ids=[f"{s.name}: {c['name']}" for s, c in CASES])
def test_incremental_equals_whole_story(store: Store, story, scenario: dict) -> None:
    articles = _submitted(story, scenario["metadata"])
    _arrive(store, story.name, articles, scenario["order"])
    for step in scenario.get("then", ()):
        _change(store, story.name, articles, step)
    stored = _stored(store, story.name)
    inputs = [
        ArticleInput(a["id"], a["story"], a["text"], a["title"], a["publisher"], a["url"], published_on(a["published_at"]))
        for a in stored
    ]
    expected = analyse_story(inputs)
    timeline = store.timeline(story.name, TimelineFilter(), lambda revision: 0, 10_000)
    assert timeline.items == plain(list(expected.entries))
    by_id = {a["id"]: a for a in stored}
    for analysed in expected.articles:
        got = by_id[analysed.article.id]
        assert got["reference_date"] == plain(analysed.reference_date)
        sources = sum(any(s.article_id == analysed.article.id for s in e.sources) for e in expected.entries)
        assert got["counts"] == {"expressions": len(analysed.expressions), "entries": sources}
    first = next(a for a in expected.articles if a.article.id == stored[0]["id"])
    assert store.get_expressions(first.article.id) == plain(list(first.expressions))
    assert store.actors(story.name) == _actors(expected.entries)


def _actors(entries) -> list[dict]:
    """Each actor once, as first met in timeline order (one entry's actors by id), with its number of entries."""
    first, counts = {}, {}
    for position, entry in enumerate(entries):
        for actor in {a.id: a for a in entry.actors}.values():
            first.setdefault(actor.id, (position, actor))
            counts[actor.id] = counts.get(actor.id, 0) + 1
    ordered = sorted(first.items(), key=lambda item: (item[1][0], item[0]))
    return [{**plain(actor), "entries": counts[i]} for i, (_, actor) in ordered]


def _grouping(state: PartitionMerge) -> dict[str, tuple]:
    return {k: (tuple(g.members), g.disputed) for k, g in state.groups().items()}


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_partition_grown_day_by_day_equals_merged_at_once(story) -> None:
    """Articles arriving day by day, in any order within a day, give each partition the groups of
    one merge of all its statements; a statement of an earlier day asks for a rebuild."""
    analysed = run(story, "metadata").articles
    by_article = {a.article.id: [keyed(s, batch_day(a.reference_date.value)) for s in a.statements] for a in analysed}
    arrival = sorted(by_article, key=lambda aid: (batch_day(next(a for a in analysed if a.article.id == aid).reference_date.value), random.Random(aid).random()))
    states: dict[str, PartitionMerge] = {}
    seen: list = []
    for aid in arrival:
        for partition, statements in _partitions(by_article[aid]).items():
            state = states.get(partition)
            if state is None:
                states[partition] = PartitionMerge(statements)
            else:
                assert state.can_take(statements)
                state.take(statements)
        seen += by_article[aid]
        for partition, statements in _partitions(seen).items():
            assert _grouping(states[partition]) == _grouping(PartitionMerge(statements))
    for partition, statements in _partitions(seen).items():
        if statements[0][0][0] != LAST and len({k[0] for k, _ in statements}) > 1:
            older = [(("0000-01-01", *statements[0][0][1:]), statements[0][1])]
            assert not states[partition].can_take(older)


def _partitions(statements: list) -> dict[str, list]:
    out: dict[str, list] = {}
    for key, statement in statements:
        out.setdefault(partition_of(statement), []).append((key, statement))
    return out


PEOPLE = tomllib.loads((Path(__file__).parent / "incremental.toml").read_text(encoding="utf-8"))["people"]


@pytest.mark.parametrize("case", PEOPLE, ids=[c["name"] for c in PEOPLE])
@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_people_named_in_passing_follow_arrivals_and_deletes(store: Store, case: dict, order: str) -> None:
    """After each arrival and each step (``delete-N``/``add-N``: the N-th article, from 1), the stored
    timeline and actors equal the whole-story analysis of the stored articles."""
    articles = [NewArticle(text, publisher=f"Outlet {i}", published_at=case["published_at"]) for i, text in enumerate(case["articles"])]
    ids = {}
    for i in range(len(articles)) if order == "forward" else reversed(range(len(articles))):
        ids[i] = store.add_article("people", articles[i])[0]["id"]
        _assert_equal(store, "people")
    for step in case["steps"]:
        what, which = step.split("-")
        i = int(which) - 1
        if what == "delete":
            assert store.delete_article(ids[i])
        else:
            ids[i] = store.add_article("people", articles[i])[0]["id"]
        _assert_equal(store, "people")


def _assert_equal(store: Store, name: str) -> None:
    stored = _stored(store, name)
    inputs = [ArticleInput(a["id"], a["story"], a["text"], a["title"], a["publisher"], a["url"], published_on(a["published_at"]))
              for a in stored]
    expected = analyse_story(inputs)
    assert store.timeline(name, TimelineFilter(), lambda revision: 0, 10_000).items == plain(list(expected.entries))
    assert store.actors(name) == _actors(expected.entries)


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_entry_rendered_as_members_come_and_go_equals_rendered_at_once(story) -> None:
    """A kept rendering that took members joining and leaving gives the entry of its group read whole."""
    analysed = run(story, "metadata").articles
    publishers = {a.article.id: a.article.publisher for a in analysed}
    statements = [keyed(s, batch_day(a.reference_date.value)) for a in analysed for s in a.statements]
    for partition in _partitions(statements).values():
        for key, group in PartitionMerge(partition).groups().items():
            rendering, rng = entries.Rendering(), random.Random(key)
            for _ in range(3):
                some = [m for m in group.members[1:] if rng.random() < 0.5]
                rendering.entry(Group([group.members[0], *some], set(group.affiliations), group.disputed), publishers)
            assert rendering.entry(group, publishers) == entries.timeline([group], publishers)[0]


@pytest.mark.parametrize("story", STORIES[:8], ids=[s.name for s in STORIES[:8]])
def test_kept_renderings_follow_arrivals(store: Store, story, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every group's rendering kept from post to post (the store keeps only large groups' ones)."""
    monkeypatch.setattr(batches, "KEPT_RENDERING", 1)
    articles = _submitted(story, "alternate")
    _arrive(store, story.name, articles, "shuffled")
    _change(store, story.name, articles, "delete-first")
    stored = _stored(store, story.name)
    inputs = [ArticleInput(a["id"], a["story"], a["text"], a["title"], a["publisher"], a["url"], published_on(a["published_at"]))
              for a in stored]
    page = store.timeline(story.name, TimelineFilter(), lambda revision: 0, 10_000)
    assert page.items == plain(list(analyse_story(inputs).entries))
