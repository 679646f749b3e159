"""Ingestion speed of the statement and merge stages on a synthetic story.

Usage: python benchmarks/ingest_speed.py [--articles 300] [--sizes 100,1000,10000] [--profile 15]
Generates distinct ~4 KB news articles (people, quotes, reported speech, dated events; other
names and years than the seeds), then measures:
  ingest   articles per second through the per-article stages (furniture, sentences, temporal,
           statements), cold; target >= 100 articles/s
  merge    seconds per article to add a story's statements to the incremental Merger, for stories
           of each size (articles beyond --articles reuse extracted statements under new ids, shifted
           later in time, as a long-running story); target: flat from 100 to 10,000 articles
  profile  with --profile N: the N functions where the per-article stages spend most of their own
           time (cProfile), as file:function and share of the stages' time
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.pipeline.clean import find_furniture  # noqa: E402
from service.pipeline.merge import Merger  # noqa: E402
from service.pipeline.model import ArticleInput, ReferenceDate  # noqa: E402
from service.pipeline.sentences import split_sentences  # noqa: E402
from service.pipeline.statements import extract_statements  # noqa: E402
from service.pipeline.temporal import normalise  # noqa: E402

FIRST = ["Maria", "John", "Aiko", "Pedro", "Fatima", "Lars", "Chen", "Olga", "Kwame", "Sofia", "Ravi", "Elena"]
LAST = ["Lopez", "Harper", "Tanaka", "Silva", "Haddad", "Nilsen", "Wei", "Petrova", "Mensah", "Brandt", "Patel", "Costa"]
TITLES = ["Finance Minister", "Chief Executive", "Mayor", "Coach", "Judge", "Senator", "Foreign Minister", "Governor"]
TOPICS = ["the budget", "the merger", "the trial", "the transfer", "the port expansion", "the rail strike", "the vaccine rollout", "the election"]
VERBS = ["said", "warned", "stated", "noted", "added", "insisted"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "earlier this month"]


def make_article(index: int, rng: random.Random, per_day: int = 1) -> ArticleInput:
    """The index-th article, published on day index // per_day of the story (cycling after 700 days)."""
    published = date(2021, 1, 4) + timedelta(days=(index // per_day) % 700)
    people = [(rng.choice(TITLES), rng.choice(FIRST), rng.choice(LAST)) for _ in range(3)]
    paragraphs = []
    while sum(len(p) + 1 for p in paragraphs) < 4000:
        title, first, last = rng.choice(people)
        topic, verb, when = rng.choice(TOPICS), rng.choice(VERBS), rng.choice(DAYS)
        number = rng.randrange(100, 90000)
        form = rng.randrange(4)
        if form == 0:
            paragraphs.append(f"{title} {first} {last} {verb} {when} that {topic} would cost about {number:,} jobs by {published.year + 1}.")
        elif form == 1:
            paragraphs.append(f"“We will not back down on {topic}, whatever happens next,” {last} {verb} at a news conference {when}.")
        elif form == 2:
            paragraphs.append(f"The council approved {topic} in {rng.choice(['March', 'June', 'September'])}, according to officials, and {number:,} residents signed a petition.")
        else:
            paragraphs.append(f"Acme Group launched a review of {topic} {when}, weeks before {first} {last} is due to testify in case {index}-{len(paragraphs)}.")
    text = "\n".join(paragraphs)
    return ArticleInput(f"a{index:05d}", "synthetic", text, publisher="Wire", published_on=published)


STAGE_SECONDS: dict[str, float] = {}


def _timed(stage: str, function, *args):
    started = time.perf_counter()
    result = function(*args)
    STAGE_SECONDS[stage] = STAGE_SECONDS.get(stage, 0.0) + time.perf_counter() - started
    return result


def analyse(article: ArticleInput):
    reference = ReferenceDate(article.published_on, article.published_on, article.published_on, "metadata", "bench", 1.0)
    furniture = _timed("furniture", find_furniture, article.text)
    sentences = _timed("sentences", split_sentences, article.text, furniture)
    expressions = _timed("temporal", normalise, article.text, article.published_on, furniture)
    return _timed("statements", extract_statements, article, sentences, expressions, furniture, reference)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--profile", type=int, default=0, help="list this many hotspots of the per-article stages")
    args = parser.parse_args()
    rng = random.Random(7)
    articles = [make_article(i, rng) for i in range(args.articles)]
    started = time.perf_counter()
    extracted = [analyse(a) for a in articles]
    elapsed = time.perf_counter() - started
    size = sum(len(a.text) for a in articles) / len(articles)
    print(f"ingest: {len(articles)} articles of {size:.0f} chars in {elapsed:.2f}s = {len(articles) / elapsed:.0f} articles/s "
          f"({sum(map(len, extracted)) / len(articles):.1f} statements/article)")
    print("  per stage, ms/article: " + ", ".join(f"{k} {1000 * v / len(articles):.1f}" for k, v in STAGE_SECONDS.items()))
    if args.profile:
        rng = random.Random(11)  # other articles than the timed ones, so caches start cold
        hotspots([make_article(i, rng) for i in range(args.articles, 2 * args.articles)], args.profile)
    for count in (int(s) for s in args.sizes.split(",") if s):
        merger = Merger()
        started = time.perf_counter()
        tail_started, tail_from = started, max(0, count - 100)
        for i in range(count):
            if i == tail_from:
                tail_started = time.perf_counter()
            shift = timedelta(days=len(extracted) * (i // len(extracted)))  # the story goes on in time
            for statement in extracted[i % len(extracted)]:
                when = statement.date
                if shift and when and when.earliest and when.latest:
                    when = replace(when, earliest=when.earliest + shift, latest=when.latest + shift, value=f"{when.value}+{shift.days}")
                merger.add(replace(statement, article_id=f"m{i:05d}", date=when))
        total = time.perf_counter() - started
        tail = (time.perf_counter() - tail_started) / min(100, count)
        print(f"merge: {count:>6} articles: {total:.2f}s total, {1000 * total / count:.2f} ms/article mean, "
              f"{1000 * tail:.2f} ms/article over the last 100; {len(merger.groups)} entries")


def hotspots(articles: list[ArticleInput], top: int) -> None:
    """Profile the per-article stages over the given articles."""
    profile = cProfile.Profile()
    profile.enable()
    for article in articles:
        analyse(article)
    profile.disable()
    stats = pstats.Stats(profile).stats
    total = sum(own for _, _, own, _, _ in stats.values())
    print(f"hotspots (own time, share of the stages' {total:.2f}s):")
    ranked = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    for (path, _, name), (_, _, own, cumulative, _) in ranked:
        where = path.split("/work/main/")[-1] if "/work/main/" in path else Path(path).name
        print(f"  {100 * own / total:5.1f}%  {where}:{name}  (with callees {100 * cumulative / total:.0f}%)")


if __name__ == "__main__":
    main()
