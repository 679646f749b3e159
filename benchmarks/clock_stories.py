"""Reference dates alone on the held-out stories (tests/stories/data and the blind set, harness.SEALED, when there is one), with and without metadata.

Usage: python benchmarks/clock_stories.py [-v] [story directory ...]
Runs only the story clock, so it scores the clock while other stages are being changed. Per story
directory and mode: articles whose reference date equals the gold `reference`. Modes: as submitted
(metadata), every publication date withheld (stripped), and mixed: only each story's first article
keeps its published_at, so the others must take their day from their text or their links to it (the
mixed count is of the articles that lost a date they had, plus those that never had one). With -v, each miss
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

CLOCK_MODES = (*MODES, "mixed")


def submitted(articles: list, mode: str) -> list:
    """The story's articles as `mode` submits them; in "mixed" only the first keeps its metadata."""
    if mode == "metadata":
        return articles
    keep = articles[0].id if mode == "mixed" else None
    return [a if a.id == keep else replace(a, published_on=None) for a in articles]


def main(verbose: bool, directories: list[Path]) -> None:
    for directory in [d for d in directories or (DATA, SEALED) if d.is_dir()]:
        right = dict.fromkeys(CLOCK_MODES, 0)
        total = dict.fromkeys(CLOCK_MODES, 0)
        for story in load_stories(directory):
            for mode in CLOCK_MODES:
                articles = submitted([g.article for g in story.articles], mode)
                result = resolve_reference_dates(articles)
                for gold in story.articles[1:] if mode == "mixed" else story.articles:
                    ref = result[gold.article.id]
                    total[mode] += 1
                    right[mode] += ref.value == gold.reference
                    if verbose and ref.value != gold.reference:
                        print(f"  {story.name} {gold.article.id} [{mode}] got {ref.value} want {gold.reference}"
                              f" ({ref.source}): {ref.basis}")
        print(f"{directory.name}: " + ", ".join(f"{mode} {right[mode]}/{total[mode]}" for mode in CLOCK_MODES))


if __name__ == "__main__":
    args = sys.argv[1:]
    main("-v" in args, [Path(a).resolve() for a in args if a != "-v"])
