"""End-to-end accuracy on our held-out stories (tests/stories/data): the issue 4 and 5 acceptance figures.

Usage: python benchmarks/story_accuracy.py [-v] [DIRECTORY ...]
(default: tests/stories/data, the stories the tests run and owners fix against, then
the blind set `harness.SEALED` when it exists, stories kept out of the tests so that their score estimates unseen text).
Per story and in total: % of gold entries right (date value, speaker set and cited articles all equal),
with publication metadata as submitted and with every publication date withheld; statements whose
entry has the right day with every publication date withheld; reference dates right
with metadata withheld; entries drawn from page furniture (must be 0); negative examples that stay
without an entry; discrepancies flagged.
-v lists every gold entry that is wrong, with what differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.stories.harness import DATA, MODES, SEALED, carrying, furniture_entries, load_stories, match, reference_value, run, stages_at_fault  # noqa: E402


COLUMNS = ("metadata", "stripped", "dated", "references", "furniture", "absent", "discrepancies")
HEADER = ("entries (metadata)", "entries (stripped)", "dated (stripped)", "ref. dates", "furniture", "negatives", "discrep.")


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.0f}%)" if total else "-"


def _flagged(gold, entries) -> bool:
    entry = match(gold, entries).entry
    return entry is not None and gold.discrepancy in {d.field for d in entry.discrepancies}


def score(story) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """(right, total) per column, and a line per wrong gold entry with the stage to blame."""
    row, wrong = {}, []
    for mode in MODES:
        analysis = run(story, mode)
        outcomes = [match(g, analysis.entries) for g in story.entries]
        row[mode] = (sum(o.right for o in outcomes), len(outcomes))
        if mode == "stripped":  # issue 5: statements put on the right day without any metadata
            said = [o for o in outcomes if o.gold.kind == "statement"]
            row["dated"] = (sum(o.date_ok for o in said), len(said))
        wrong += [f"[{mode}] {o.gold.key}: {o.describe()} -> {', '.join(stages_at_fault(o, story, analysis))}" for o in outcomes if not o.right]
    stripped, metadata = run(story, "stripped"), run(story, "metadata")
    row["references"] = (sum(reference_value(stripped, g.article.id) == g.reference for g in story.articles), len(story.articles))
    row["furniture"] = (len(furniture_entries(story, metadata)), 0)
    row["absent"] = (sum(not carrying(a.claim, metadata.entries) for a in story.absent), len(story.absent))
    disputed = [g for g in story.entries if g.discrepancy]
    row["discrepancies"] = (sum(_flagged(g, metadata.entries) for g in disputed), len(disputed))
    return row, wrong


def _line(name: str, row: dict) -> str:
    cells = [str(row[c][0]) if c == "furniture" else _pct(*row[c]) for c in COLUMNS]
    return f"{name:32} " + " ".join(f"{c:>{max(9, len(h))}}" for c, h in zip(cells, HEADER))


def main(verbose: bool, directory: Path) -> None:
    print(f"{'story':32} " + " ".join(f"{h:>9}" for h in HEADER))
    totals = {c: (0, 0) for c in COLUMNS}
    for story in load_stories(directory):
        row, wrong = score(story)
        totals = {c: (totals[c][0] + row[c][0], totals[c][1] + row[c][1]) for c in COLUMNS}
        print(_line(story.name, row))
        for line in wrong if verbose else ():
            print(f"    {line}")
    print(_line("TOTAL", totals))


if __name__ == "__main__":
    for directory in [Path(a) for a in sys.argv[1:] if a != "-v"] or [DATA, SEALED]:
        print(f"== {directory}")
        if not directory.is_dir():
            print("   absent: no blind set yet (see tests/stories/README.md)")
            continue
        main("-v" in sys.argv[1:], directory)
