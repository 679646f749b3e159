"""Duckling's English corpus, phrase classes that fit news: absolute dates, calendar units (weeks,
months, quarters, years), durations, and the must-not-parse phrases.

Usage: python benchmarks/temporal_duckling.py [--misses N]
Duckling assumes an assistant ("monday" = next Monday); phrases whose expected value lies after the
reference without a forward word in them are skipped, as news reads them as past. Reads
../shared/benchmarks/temporal/duckling_en.jsonl beside the repository; skips when absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "benchmarks" / "temporal" / "duckling_en.jsonl"
sys.path.insert(0, str(REPO))

from service.pipeline.temporal import normalise  # noqa: E402
from service.pipeline.temporal.calendar_math import value_at  # noqa: E402

_FORWARD = re.compile(r"\b(next|following|upcoming|coming|in|from now|after|tomorrow|hence)\b", re.I)
_ABSOLUTE = re.compile(r"\b\d{4}\b|\d+[/.-]\d+[/.-]\d+")
_SPAN = re.compile(r"\b(last|past|next)\s+(\d+|two|three)\s+(days|weeks|months|years)")
_MONTH_OR_NUMERIC = re.compile(r"\d+[/.-]\d+|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def expected_value(item: dict) -> str | None:
    """Duckling's value written the TimeML way at its grain (weeks as ISO weeks)."""
    when = datetime.fromisoformat(item["value"][:19]).date()
    grain = item.get("grain")
    return value_at(when, grain) if grain in ("day", "week", "month", "quarter", "year") else None


def classify(item: dict, reference: date) -> str | None:
    if item["kind"] == "negative":
        return "negative"
    text = item["text"]
    if item["kind"] == "interval" and _SPAN.search(text):
        return "duration"
    if item["kind"] != "datetime" or item.get("grain") not in ("day", "week", "month", "quarter", "year"):
        return None
    if item["value"].startswith("-"):
        return None  # years BC
    value = datetime.fromisoformat(item["value"][:19]).date()
    if value > reference and not _FORWARD.search(text) and not _ABSOLUTE.search(text):
        return None  # future-presuming reading
    if _ABSOLUTE.search(text):
        return "absolute date" if _MONTH_OR_NUMERIC.search(text) else "named day + year"
    return f"relative {item['grain']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    totals, hits, misses = Counter(), Counter(), []
    for line in open(DATA):
        item = json.loads(line)
        reference = date.fromisoformat(item["reference"][:10])
        kind = classify(item, reference)
        if kind is None:
            continue
        found = normalise(item["text"], reference)
        totals[kind] += 1
        if kind == "negative":
            ok = not found
        elif kind == "duration":
            ok = any(e.type == "DURATION" and e.date is not None for e in found)
        else:
            ok = any(e.value == expected_value(item) for e in found)
        hits[kind] += ok
        if not ok:
            misses.append((kind, item["text"], expected_value(item) if kind != "negative" else "-",
                           [e.value for e in found]))
    for kind in sorted(totals):
        print(f"{kind:18} {hits[kind]:4}/{totals[kind]:<4} {100 * hits[kind] / totals[kind]:5.1f}%")
    for miss in misses[:args.misses]:
        print("MISS", *miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
