"""End-to-end ingestion through the store: normalise, statements, clock, merge and SQLite writes.

Usage: python benchmarks/store_ingest.py [--articles 200] [--step 50]
Posts synthetic ~4 KB articles (the generator of ``ingest_speed.py``) one at a time into one growing
story, as the API does, and prints the seconds per article for each step of the story's growth;
then ingests the same articles in one batch (as ``timeline ingest`` does with many files). Every
change re-analyses the story whole, which keeps the timeline independent of arrival order; this
benchmark shows what that costs as a story grows.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_speed import make_article  # noqa: E402

from service.pipeline.story import analyse_article  # noqa: E402
from service.store import NewArticle, Store  # noqa: E402


def articles(count: int) -> list[NewArticle]:
    rng = random.Random(7)
    made = (make_article(i, rng) for i in range(count))
    return [NewArticle(a.text, publisher=a.publisher, published_at=a.published_on.isoformat()) for a in made]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="how many articles to post")
    parser.add_argument("--step", type=int, default=50, help="report every this many articles")
    args = parser.parse_args()
    batch = articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/one-by-one.db")
        started = time.perf_counter()
        for index, article in enumerate(batch, 1):
            store.add_article("bench", article)
            if index % args.step == 0:
                now = time.perf_counter()
                print(f"articles {index - args.step + 1:>5}-{index:<5} {(now - started) / args.step * 1000:8.1f} ms/article")
                started = now
        analyse_article.cache_clear()  # the batch must not reuse the analyses of the first pass
        store = Store(f"sqlite:///{tmp}/batch.db")
        started = time.perf_counter()
        store.add_articles("bench", batch)
        elapsed = time.perf_counter() - started
    print(f"one batch of {len(batch)}: {elapsed:.2f} s, {len(batch) / elapsed:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
