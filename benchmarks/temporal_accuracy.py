"""TempEval-3 accuracy of the temporal normaliser on TimeBank + AQUAINT (tbaq_cleaned), per part.

Usage: python benchmarks/temporal_accuracy.py [--errors N] [--by-rule] [--corpus TimeBank|AQUAINT]
Reads ../shared/benchmarks/temporal beside the repository (never copied into it); skips when absent.
Uses each document's creation time (dct) as the reference date.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
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
    return [{"start": e.start, "end": e.end, "type": e.type, "value": e.value, "text": e.text, "rule": e.rule}
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
