"""The story registry's local recomputation: the canonical actors of the components a change reaches,
merged into those kept, equal ``canonical_actors`` of the whole story, for every story of
tests/stories/data, articles arriving in random orders and some deleted again."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from service.pipeline.merge.actor_links import LINKED_KINDS, component, link_keys, partner
from service.pipeline.merge.partitions import canonical_actors
from tests.stories.harness import load_stories, run

STORIES = load_stories()


class _Registry:
    """An in-memory registry: counts of actors, holders of each link key, canonical forms by id."""

    def __init__(self) -> None:
        self.counts: dict = defaultdict(int)
        self.holders: dict = defaultdict(set)
        self.canonical: dict = {}

    def change(self, actors: list, step: int) -> None:
        added, lost = set(), set()
        for actor in set(actors):
            before = self.counts[actor]
            self.counts[actor] += step
            if actor.kind in LINKED_KINDS and (before == 0) != (self.counts[actor] == 0):
                (added if step > 0 else lost).add(actor)
                for key in link_keys(actor):
                    (self.holders[key].add if step > 0 else self.holders[key].discard)(actor)
        seeds = added | {a for actor in lost for key in link_keys(actor) for a in self.holders[partner(key)]}
        reached = component(seeds, lambda key: self.holders[key])
        for actor in lost | reached:
            self.canonical.pop(actor.id, None)
        self.canonical.update(canonical_actors(reached))

    def live(self) -> list:
        return [a for a, n in self.counts.items() if n > 0]


def _actors(analysed) -> list:
    return [*(a for s in analysed.statements for a in s.actors), *analysed.people]


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_local_canonical_actors_equal_the_whole_story(story) -> None:
    articles = run(story, "metadata").articles
    for seed in range(3):
        order = random.Random(f"{story.name}-{seed}").sample(articles, len(articles))
        registry = _Registry()
        for analysed in order:
            registry.change(_actors(analysed), +1)
            assert registry.canonical == canonical_actors(registry.live())
        for analysed in order[: max(1, len(order) // 3)]:
            registry.change(_actors(analysed), -1)
            assert registry.canonical == canonical_actors(registry.live())


def test_a_story_splits_into_several_components() -> None:
    """The locality is worth having: a story's actors are not all one component."""
    actors = {a for story in STORIES[:5] for analysed in run(story, "metadata").articles for a in _actors(analysed)}
    holders = defaultdict(set)
    for actor in actors:
        for key in link_keys(actor):
            holders[key].add(actor)
    linked = [a for a in actors if a.kind in LINKED_KINDS]
    largest = max(len(component([a], lambda key: holders[key])) for a in linked)
    assert largest < len(linked) / 2
