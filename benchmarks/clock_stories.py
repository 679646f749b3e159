"""Reference dates alone on the held-out stories (tests/stories/data and sealed3), with and without metadata.

Usage: python benchmarks/clock_stories.py [-v]
Runs only the story clock, so it scores the clock while other stages are being changed. Per story
directory and mode: articles whose reference date equals the gold `reference`. With -v, each miss
with the clock's value, source and basis.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.pipeline.clock import resolve_reference_dates
from tests.stories.harness import DATA, MODES, SEALED, load_stories


def main(verbose: bool) -> None:
    for directory in (DATA, SEALED):
        right = dict.fromkeys(MODES, 0)
        total = 0
        for story in load_stories(directory):
            total += len(story.articles)
            for mode in MODES:
                articles = [g.article if mode == "metadata" else replace(g.article, published_on=None) for g in story.articles]
                result = resolve_reference_dates(articles)
                for gold in story.articles:
                    ref = result[gold.article.id]
                    right[mode] += ref.value == gold.reference
                    if verbose and ref.value != gold.reference:
                        print(f"  {story.name} {gold.article.id} [{mode}] got {ref.value} want {gold.reference}"
                              f" ({ref.source}): {ref.basis}")
        print(f"{directory.name}: " + ", ".join(f"{mode} {right[mode]}/{total}" for mode in MODES))


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
