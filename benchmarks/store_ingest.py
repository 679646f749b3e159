"""End-to-end ingestion through the store: normalise, statements, clock, merge and SQLite writes.

Usage: python benchmarks/store_ingest.py [--sizes 100,1000,10000] [--posts 30] [--per-day 30] [--workers N|auto]
A synthetic long-running story (the ~4 KB articles of ``ingest_speed.py``, ``--per-day`` articles a
day, so 10,000 articles span about eleven months) is first ingested in one batch up to each size
(cold: no analysis reused), then ``--posts`` more articles of the story's next days are posted one
at a time, as the API does. Prints the batch rate, the seconds per article posted at each story
size and the ratio of the largest size to the smallest (target: within 1.5), each as wall-clock and
as this process's CPU time (the machine may be shared: CPU time is what the code costs). In process
(no workers), each batch's CPU is also split into the per-article analysis (clock and stages) and the
store's own share (merge, rendering, JSON, SQLite): the batch time less the analysis.
``--bare`` withholds every publication date (the story clock then runs over the whole story on each post).
``--real`` measures instead the real stories: the seed story and those of tests/stories/data, each
ingested in one batch into a fresh store by a warm process (a first pass over them all loads the
lexicons; the analysis cache is then cleared), reported as articles/s and as 4 KB of text per second.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest_speed import make_article  # noqa: E402

from service.config import WORKERS_ENV  # noqa: E402
from service.pipeline.story import analyse_article  # noqa: E402
from service.seeds import read_seed_story  # noqa: E402
from service.store import NewArticle, Store, workers  # noqa: E402
from tests.stories.harness import load_stories  # noqa: E402


def articles(first: int, count: int, per_day: int, bare: bool = False) -> list[NewArticle]:
    rng = random.Random(7 + first)
    made = (make_article(i, rng, per_day) for i in range(first, first + count))
    return [NewArticle(a.text, publisher=a.publisher, published_at=None if bare else a.published_on.isoformat()) for a in made]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="story sizes to post at")
    parser.add_argument("--posts", type=int, default=30, help="articles posted one by one at each size")
    parser.add_argument("--per-day", type=int, default=30, help="articles a day in the synthetic story")
    parser.add_argument("--bare", action="store_true", help="withhold every publication date")
    parser.add_argument("--real", action="store_true", help="the seed story and tests/stories/data instead")
    parser.add_argument("--workers", default="0", help="worker processes analysing a batch, or auto (CPU: this process only)")
    args = parser.parse_args()
    os.environ[WORKERS_ENV] = args.workers
    if args.workers == "0":
        workers.analyse = _analyse  # in process: time the analysis apart
    if args.real:
        return real_stories()
    per_post: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            analyse_article.cache_clear()  # cold: nothing reused from another size
            store = Store(f"sqlite:///{tmp}/story-{size}.db")
            batch = articles(0, size, args.per_day, args.bare)
            ANALYSIS[0] = 0.0
            wall, cpu = _timed(store.add_articles, "bench", batch)
            print(f"batch of {size:>6}: {wall:8.2f} s wall, {size / wall:6.1f} articles/s; "
                  f"{cpu:8.2f} s CPU, {size / cpu:6.1f} articles/s")
            if ANALYSIS[0]:
                print(f"  CPU per article: analysis {1000 * ANALYSIS[0] / size:.1f} ms, "
                      f"store (merge, rendering, JSON, SQLite) {1000 * (cpu - ANALYSIS[0]) / size:.1f} ms")
            posts = articles(size, args.posts, args.per_day, args.bare)
            wall, cpu = _timed(_post, store, posts)
            per_post[size] = (wall / len(posts), cpu / len(posts))
            print(f"posted one by one at {size:>6}: {per_post[size][0] * 1000:8.1f} ms/article wall, "
                  f"{per_post[size][1] * 1000:8.1f} ms/article CPU")
    smallest, largest = min(per_post), max(per_post)
    for size in sorted(per_post)[1:]:
        wall, cpu = (per_post[size][i] / per_post[smallest][i] for i in (0, 1))
        print(f"ratio {size} vs {smallest}: {wall:.2f} wall, {cpu:.2f} CPU" + (" (target <= 1.5)" if size == largest else ""))
    return 0


def real_stories() -> int:
    """Batch ingestion of the real stories, warm, per article and per 4 KB of text."""
    seed = read_seed_story()
    stories = [(seed.story, list(seed.articles))]
    for story in load_stories():
        stories.append((story.name, [NewArticle(g.article.text, g.article.title, g.article.publisher, None,
                                                g.article.published_on.isoformat() if g.article.published_on else None)
                                     for g in story.articles]))
    count, size = sum(len(a) for _, a in stories), sum(len(x.text.encode()) for _, a in stories for x in a)
    with tempfile.TemporaryDirectory() as tmp:
        for rounds, label in ((1, None), (3, "warm")):  # the first pass only warms the process
            wall = cpu = 0.0
            for run in range(rounds):
                analyse_article.cache_clear()
                for i, (name, batch) in enumerate(stories):
                    store = Store(f"sqlite:///{tmp}/{label}-{run}-{i}.db")
                    w, c = _timed(store.add_articles, name, batch)
                    wall, cpu = wall + w, cpu + c
            if label:
                wall, cpu = wall / rounds, cpu / rounds
                print(f"real stories: {len(stories)} stories, {count} articles, {size / count:.0f} bytes/article; warm, mean of {rounds}")
                print(f"  {wall:6.2f} s wall: {count / wall:6.1f} articles/s, {size / 4096 / wall:6.1f} x 4 KB/s")
                print(f"  {cpu:6.2f} s CPU:  {count / cpu:6.1f} articles/s, {size / 4096 / cpu:6.1f} x 4 KB/s")
    return 0


ANALYSIS = [0.0]  # CPU seconds in the per-article analysis of this process


def _analyse(item):
    started = time.process_time()
    try:
        return _ANALYSE(item)
    finally:
        ANALYSIS[0] += time.process_time() - started


_ANALYSE = workers.analyse


def _post(store: Store, posts: list[NewArticle]) -> None:
    for article in posts:
        store.add_article("bench", article)


def _timed(work, *args) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``work(*args)``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    raise SystemExit(main())
