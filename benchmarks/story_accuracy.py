"""End-to-end accuracy on our held-out stories (tests/stories/data): the issue 4 and 5 acceptance figures.

Usage: python benchmarks/story_accuracy.py [-v]
Per story and in total: % of gold entries right (date value, speaker set and cited articles all equal),
with publication metadata as submitted and with every publication date withheld; reference dates right
with metadata withheld; entries drawn from page furniture (must be 0); negative examples that stay
without an entry; discrepancies flagged.
-v lists every gold entry that is wrong, with what differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.stories.harness import MODES, carrying, furniture_entries, load_stories, match, reference_value, run, stages_at_fault  # noqa: E402


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.0f}%)" if total else "-"


def main(verbose: bool) -> None:
    totals = {k: [0, 0] for k in ("metadata", "stripped", "references", "furniture", "absent", "discrepancies")}
    print(f"{'story':32} {'entries (metadata)':>20} {'entries (stripped)':>20} {'ref. dates':>12} {'furniture':>9} {'negatives':>9} {'discrep.':>9}")
    for story in load_stories():
        row = {}
        wrong = []
        for mode in MODES:
            outcomes = [match(g, run(story, mode).entries) for g in story.entries]
            row[mode] = (sum(o.right for o in outcomes), len(outcomes))
            wrong += [(mode, o, stages_at_fault(o, story, run(story, mode))) for o in outcomes if not o.right]
        stripped = run(story, "stripped")
        refs = [reference_value(stripped, g.article.id) == g.reference for g in story.articles]
        row["references"] = (sum(refs), len(refs))
        row["furniture"] = (len(furniture_entries(story, run(story, "metadata"))), 0)
        row["absent"] = (sum(not carrying(a.claim, run(story, "metadata").entries) for a in story.absent), len(story.absent))
        flagged = [match(g, run(story, "metadata").entries) for g in story.entries if g.discrepancy]
        row["discrepancies"] = (sum(bool(o.entry) and g.discrepancy in {d.field for d in o.entry.discrepancies} for o, g in zip(flagged, [g for g in story.entries if g.discrepancy])), len(flagged))
        for key, (right, total) in row.items():
            totals[key][0] += right
            totals[key][1] += total
        print(f"{story.name:32} {_pct(*row['metadata']):>20} {_pct(*row['stripped']):>20} {_pct(*row['references']):>12} {row['furniture'][0]:>9} {_pct(*row['absent']):>9} {_pct(*row['discrepancies']):>9}")
        if verbose:
            for mode, o, stages in wrong:
                print(f"    [{mode}] {o.gold.key}: {o.describe()} -> {', '.join(stages)}")
    t = totals
    print(f"{'TOTAL':32} {_pct(*t['metadata']):>20} {_pct(*t['stripped']):>20} {_pct(*t['references']):>12} {t['furniture'][0]:>9} {_pct(*t['absent']):>9} {_pct(*t['discrepancies']):>9}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
