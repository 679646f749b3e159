"""What the story clock costs: a large story without metadata against the same story with it.

Usage: python benchmarks/clock_cost.py [--articles 1000] [--repeat 3]
Builds a story of N distinct articles from the seed texts (each copy gets its own closing line so
no cache can share work), then times resolve_reference_dates and the whole analyse_story, cold,
with and without published_on. Target: without metadata <= 1.5x with it, end to end.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.pipeline import story
from service.pipeline.clock import resolve_reference_dates
from service.pipeline.clock.evidence import extract_evidence
from service.pipeline.model import ArticleInput

SEED_DAYS = {"003": date(2024, 10, 30)}  # the others are 2024-10-31


def build(n: int, metadata: bool) -> list[ArticleInput]:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    articles = []
    for i in range(n):
        path = seeds[i % len(seeds)]
        seed_id = path.stem[:3]
        text = path.read_text("utf-8") + f"\nFeed item {i} ends here."
        day = SEED_DAYS.get(seed_id, date(2024, 10, 31)) if metadata else None
        articles.append(ArticleInput(f"{i:05d}-{seed_id}", "bench", text, published_on=day))
    return articles


def _cold() -> None:
    extract_evidence.cache_clear()
    story.analyse_article.cache_clear()


def timed(run, articles, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _cold()
        start = time.perf_counter()
        run(articles)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with_meta, without = build(args.articles, True), build(args.articles, False)
    for name, run in (("clock", resolve_reference_dates), ("end to end", story.analyse_story)):
        a = timed(run, with_meta, args.repeat)
        b = timed(run, without, args.repeat)
        print(f"{name:>10}: with metadata {a:.3f} s, without {b:.3f} s, ratio {b / a:.2f}")
    result = resolve_reference_dates(without)
    dated = sum(r.value is not None for r in result.values())
    print(f"without metadata: {dated}/{len(without)} articles dated")


if __name__ == "__main__":
    main()
