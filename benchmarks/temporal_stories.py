"""Every temporal expression of the story articles and seeds, against each article's true reference date.

Usage: python benchmarks/temporal_stories.py [--story NAME] [--context N]
For reading by eye (modern news the rules were not tuned on): prints, per article, each expression with
its text, type, value, mod, rule and anchor, plus N characters of context before it. Reads
tests/stories/data/*.toml (each article's `reference`; never the sealed blind set) and seeds/*.txt (000, 001, 002, 004 are
dated 2024-10-31, 003 2024-10-30); a summary line counts expressions per rule.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from service.pipeline.model import Furniture  # noqa: E402
from service.pipeline.temporal import normalise  # noqa: E402

SEED_DATES = {"003": date(2024, 10, 30)}
SEED_DEFAULT = date(2024, 10, 31)


def articles(story: str | None):
    """(label, text, reference date, furniture strings) for each story article and seed."""
    for path in sorted((REPO / "tests" / "stories" / "data").glob("*.toml")):
        if story and story not in path.stem:
            continue
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for article in doc["article"]:
            yield (f"data/{path.stem}#{article['id']}", article["text"], article.get("reference"),
                   article.get("furniture", []))
    for path in sorted((REPO / "seeds").glob("*.txt")):
        if story and story not in path.stem:
            continue
        stem = path.stem[:3]
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8"), SEED_DATES.get(stem, SEED_DEFAULT), []


def _furniture(text: str, lines: list[str]) -> tuple[Furniture, ...]:
    spans = []
    for line in lines:
        start = text.find(line)
        if start >= 0:
            spans.append(Furniture(start, start + len(line), "footer"))
    return tuple(spans)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default=None, help="only files whose name contains this")
    parser.add_argument("--context", type=int, default=50, help="characters of context before each expression")
    args = parser.parse_args()
    rules = Counter()
    for label, text, reference, furniture in articles(args.story):
        print(f"== {label}  reference {reference}")
        for e in normalise(text, reference, _furniture(text, furniture)):
            rules[e.rule] += 1
            before = text[max(0, e.start - args.context):e.start].replace("\n", " ")
            anchor = e.anchor.kind + (f"<{e.anchor.text}={e.anchor.value}>" if e.anchor.kind == "discourse" else "")
            mod = f" {e.mod}" if e.mod else ""
            flag = " [furniture]" if e.furniture else ""
            print(f"  {e.text!r:32} {e.type:8} {e.value}{mod:7} {e.rule:22} {anchor}{flag}  …{before}")
    print("rules:", ", ".join(f"{rule} {n}" for rule, n in rules.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
