"""TempEval-3 accuracy of the temporal normaliser on TimeBank + AQUAINT (tbaq_cleaned), per part.

Usage: python benchmarks/temporal_accuracy.py [--errors N] [--by-rule] [--classes] [--corpus TimeBank|AQUAINT]
Reads ../shared/benchmarks/temporal beside the repository (never copied into it); skips when absent.
Uses each document's creation time (dct) as the reference date.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "benchmarks" / "temporal"
sys.path.insert(0, str(REPO))

from service.pipeline.temporal import normalise  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("te3_score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def predict(doc: dict) -> list[dict]:
    reference = date.fromisoformat(doc["dct"][:10])
    return [{"start": e.start, "end": e.end, "type": e.type, "value": e.value, "text": e.text, "rule": e.rule,
             "mod": e.mod}
            for e in normalise(doc["text"], reference)]


def errors(gold: dict, pred: dict, limit: int) -> None:
    """Print gold timexes we miss or value wrongly, grouped by what went wrong."""
    kinds = Counter()
    for doc_id, doc in gold.items():
        for t in doc["timexes"]:
            if t.get("is_dct") or t.get("start") is None:
                continue
            hit = [p for p in pred[doc_id] if p["start"] < t["end"] and t["start"] < p["end"]]
            if not hit:
                kinds["missed"] += 1
                if limit > 0:
                    print(f"MISS {doc['dct'][:10]} {t['text']!r} {t['type']} {t['value']}")
                    limit -= 1
            elif hit[0]["value"] != t["value"]:
                kinds["value"] += 1
                if limit > 0:
                    ctx = doc["text"][max(0, t["start"] - 50):t["end"] + 20].replace("\n", " ")
                    print(f"VAL  {doc['dct'][:10]} {t['text']!r} gold={t['value']} ours={hit[0]['value']} "
                          f"({hit[0]['text']!r}) | {ctx}")
                    limit -= 1
        for p in pred[doc_id]:
            if not any(p["start"] < t["end"] and t["start"] < p["end"] for t in doc["timexes"]):
                kinds["spurious"] += 1
                if limit > 0:
                    print(f"FP   {doc['dct'][:10]} {p['text']!r} {p['value']}")
                    limit -= 1
    print(dict(kinds))


_DIGIT = re.compile(r"\d")


def _value_class(gold_value: str, ours: str, dct: str) -> str:
    """Why a value differs: the form or grain ("2024-W43" for "2024-10-28"), the direction (a weekday
    or month on the wrong side of the creation date), the amount of a duration, or the anchor."""
    if _DIGIT.sub("9", gold_value) != _DIGIT.sub("9", ours):
        return "value: granularity / form"
    if gold_value.startswith("P"):
        return "value: amount / other"
    if gold_value[:4].isdigit() and (gold_value < dct[:len(gold_value)]) != (ours < dct[:len(ours)]):
        return "value: tense direction"
    return "value: anchor choice"


def classes(gold: dict, pred: dict) -> Counter:
    """Errors by class, as in TEMPORAL.md: gold timexes missed, or found with the wrong extent, value or
    mod; predicted timexes no gold one overlaps (spurious)."""
    tally = Counter()
    for doc_id, doc in gold.items():
        timexes = [t for t in doc["timexes"] if not t.get("is_dct") and t.get("start") is not None]
        for t in timexes:
            hit = [p for p in pred[doc_id] if p["start"] < t["end"] and t["start"] < p["end"]]
            if not hit:
                tally["missed"] += 1
            elif hit[0]["value"] != t["value"]:
                tally[_value_class(t["value"], hit[0]["value"], doc["dct"])] += 1
            elif (hit[0]["start"], hit[0]["end"]) != (t["start"], t["end"]):
                tally["extent only (value right)"] += 1
            elif (hit[0]["mod"] or None) != (t.get("mod") or None):
                tally["mod differs (value right)"] += 1
        tally["spurious (ours, not in gold)"] += sum(
            not any(p["start"] < t["end"] and t["start"] < p["end"] for t in timexes) for p in pred[doc_id])
    return tally


def by_rule(gold: dict, pred: dict) -> None:
    """Per rule: expressions with the gold value, with another value, and with no gold timex."""
    tally: dict[str, Counter] = {}
    for doc_id, doc in gold.items():
        for p in pred[doc_id]:
            hit = [t for t in doc["timexes"] if t.get("start") is not None and p["start"] < t["end"]
                   and t["start"] < p["end"]]
            kind = "spurious" if not hit else "right" if hit[0]["value"] == p["value"] else "wrong"
            tally.setdefault(p["rule"], Counter())[kind] += 1
    for rule, c in sorted(tally.items(), key=lambda item: -(item[1]["wrong"] + item[1]["spurious"])):
        print(f"  {rule:28} right={c['right']:4} wrong={c['wrong']:3} spurious={c['spurious']:3}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N error cases")
    parser.add_argument("--by-rule", action="store_true", help="tally right/wrong/spurious values per rule")
    parser.add_argument("--classes", action="store_true", help="count errors by class per part")
    parser.add_argument("--corpus", default=None, help="only this part (TimeBank or AQUAINT)")
    args = parser.parse_args()
    if not (DATA / "tbaq_cleaned.jsonl").exists():
        print(f"skipped: {DATA} not found")
        return 0
    score = _scorer()
    docs = [json.loads(line) for line in open(DATA / "tbaq_cleaned.jsonl")]
    results = {}
    for part in ("all", "TimeBank", "AQUAINT"):
        if args.corpus and part not in (args.corpus,):
            continue
        gold = {d["doc_id"]: d for d in docs if part == "all" or d["corpus"] == part}
        pred = {doc_id: predict(doc) for doc_id, doc in gold.items()}
        results[part] = score(gold, pred)
        if args.errors and part != "all":
            errors(gold, pred, args.errors)
        if args.classes and part != "all":
            print(part, dict(sorted(classes(gold, pred).items())))
        if args.by_rule and part != "all":
            print(part)
            by_rule(gold, pred)
    for part, r in results.items():
        print(f"{part:9} gold={r['gold']:5} system={r['system']:5} strict F1={r['strict']['F1']:6.2f} "
              f"relaxed F1={r['relaxed']['F1']:6.2f} value F1={r['value']['F1']:6.2f} "
              f"type F1={r['type']['F1']:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
