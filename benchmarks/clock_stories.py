"""Reference dates alone on the held-out stories (tests/stories/data and the blind set, sealed5, when there is one), with and without metadata.

Usage: python benchmarks/clock_stories.py [-v] [story directory ...]
Runs only the story clock, so it scores the clock while other stages are being changed. Per story
directory and mode: articles whose reference date equals the gold `reference`. With -v, each miss
with the clock's value, source and basis (name a directory, e.g. tests/stories/data, to see the
misses of that one only: a blind set's misses are not to be read).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.pipeline.clock import resolve_reference_dates
from tests.stories.harness import DATA, MODES, SEALED, load_stories


def main(verbose: bool, directories: list[Path]) -> None:
    for directory in [d for d in directories or (DATA, SEALED) if d.is_dir()]:
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
    args = sys.argv[1:]
    main("-v" in args, [Path(a).resolve() for a in args if a != "-v"])
