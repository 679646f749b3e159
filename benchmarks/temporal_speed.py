"""Speed of the temporal normaliser against dateparser.search.search_dates, per document, same run.

Usage: python benchmarks/temporal_speed.py [--docs N]
Documents: the seed articles plus TimeBank/AQUAINT texts when ../shared/benchmarks is present.
Reports the median per-document time of each and their ratio, and the median for ~4 KB articles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "benchmarks" / "temporal" / "tbaq_cleaned.jsonl"
sys.path.insert(0, str(REPO))

from service.pipeline.temporal import normalise  # noqa: E402


def documents(limit: int) -> list[tuple[str, date]]:
    docs = [(p.read_text(), date(2024, 10, 31)) for p in sorted((REPO / "seeds").glob("*.txt"))]
    if DATA.exists():
        for line in open(DATA):
            doc = json.loads(line)
            docs.append((doc["text"], date.fromisoformat(doc["dct"][:10])))
    return docs[:limit]


def best_of(fn, repeat: int) -> float:
    """Fastest of ``repeat`` runs, in milliseconds (least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def documents_from_args(description: str) -> list[tuple[str, date]]:
    """The documents a timing script's ``--docs N`` asks for (shared by the speed benchmarks)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--docs", type=int, default=60, help="how many documents to time")
    warnings.simplefilter("ignore")
    return documents(parser.parse_args().docs)


def dateparser_ms(text: str, reference: date, repeat: int = 3) -> float:
    """dateparser's search_dates on ``text``, anchored on ``reference`` (never on the clock)."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.combine(reference, datetime.min.time()),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    return best_of(lambda: search_dates(text, languages=["en"], settings=settings), repeat)


def main() -> int:
    docs = documents_from_args(__doc__.splitlines()[0])
    normalise(docs[0][0], docs[0][1])  # compile rules once, outside the timing
    ours, theirs, sizes = [], [], []
    for text, reference in docs:
        ours.append(best_of(lambda: normalise(text, reference), 5))
        theirs.append(dateparser_ms(text, reference))
        sizes.append(len(text))
    ratios = [t / o for o, t in zip(ours, theirs)]
    around_4kb = [o for o, s in zip(ours, sizes) if 3000 <= s <= 5000]
    print(f"documents: {len(docs)} (median {statistics.median(sizes):.0f} chars)")
    print(f"normalise:            median {statistics.median(ours):7.3f} ms/doc")
    print(f"dateparser search:    median {statistics.median(theirs):7.3f} ms/doc")
    print(f"ratio (dateparser / ours), median per doc: {statistics.median(ratios):.1f}x")
    if around_4kb:
        print(f"normalise on 3-5 KB documents ({len(around_4kb)}): median {statistics.median(around_4kb):.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
