"""How well the story clock finds publication days from text alone, on TimeBank + AQUAINT news.

Usage: python benchmarks/clock_accuracy.py
Reads ../shared/benchmarks/temporal/tbaq_cleaned.jsonl beside the repository (never copied into it);
skips when absent. Each document's creation time (dct) is the truth; metadata is withheld. Modes:
  alone       every document its own story: only its text can date it
  year-known  plus a sibling article that only mentions the dct's year (a story that names its year)
  half-dated  each corpus one story, every other document with its dct as metadata: the story links
Figures: per source, how many values are exact, within a day, within a week, or farther.
Then the tense read for bare weekdays against the gold TIMEX3 values: a weekday whose gold day is
after the dct is announced (future); one on or before it is reported (past).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "benchmarks" / "temporal" / "tbaq_cleaned.jsonl"
sys.path.insert(0, str(REPO))

from service.pipeline.clock import resolve_reference_dates
from service.pipeline.clock.evidence import extract_evidence
from service.pipeline.model import ArticleInput


def _bucket(days: int) -> str:
    return "exact" if days == 0 else "±1" if days <= 1 else "±7" if days <= 7 else "farther"


def _tally(counts: Counter, ref, truth: date) -> None:
    if ref.value is None:
        counts[ref.source, "no value"] += 1
    else:
        counts[ref.source, _bucket(abs((ref.value - truth).days))] += 1


def main() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    docs = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()]
    truth = {d["doc_id"]: date.fromisoformat(d["dct"][:10]) for d in docs}
    articles = [ArticleInput(d["doc_id"], d["corpus"], d["text"]) for d in docs]
    modes: dict[str, Counter] = {"alone": Counter(), "year-known": Counter(), "half-dated": Counter()}
    for a in articles:
        _tally(modes["alone"], resolve_reference_dates([a])[a.id], truth[a.id])
        sibling = ArticleInput("~sibling", a.story, f"The {truth[a.id].year} figures were published.")
        _tally(modes["year-known"], resolve_reference_dates([a, sibling])[a.id], truth[a.id])
    for corpus in sorted({a.story for a in articles}):
        story = [a for a in articles if a.story == corpus]
        dated = [ArticleInput(a.id, a.story, a.text, published_on=truth[a.id] if i % 2 == 0 else None)
                 for i, a in enumerate(story)]
        result = resolve_reference_dates(dated)
        for a in dated:
            if a.published_on is None:
                _tally(modes["half-dated"], result[a.id], truth[a.id])
    for mode, counts in modes.items():
        print(f"{mode}: " + ", ".join(f"{src}/{b} {n}" for (src, b), n in sorted(counts.items())))
    tenses = _weekday_tenses(docs, truth)
    print("weekday tense (gold, read): " + ", ".join(f"{g}/{r} {n}" for (g, r), n in sorted(tenses.items())))


def _weekday_tenses(docs: list[dict], truth: dict[str, date]) -> Counter:
    counts: Counter = Counter()
    for doc in docs:
        weekdays = {m.start + len(m.text): m for m in extract_evidence(doc["text"]).days if m.kind == "weekday"}
        for timex in doc["timexes"]:
            mention = weekdays.get(timex["end"])
            try:
                day = date.fromisoformat(timex["value"])
            except ValueError:
                continue
            if mention:
                gold = "future" if day > truth[doc["doc_id"]] else "past"
                counts[gold, "future" if mention.tense == "future" else "past"] += 1
    return counts


if __name__ == "__main__":
    main()
