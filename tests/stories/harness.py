"""Held-out stories scored end to end: gold timeline entries matched to what the pipeline produces.

A gold entry is found by its claim words (all must appear in the produced entry's text, quotes or
evidence); among the candidates the closest on kind, speakers, sources and date is taken. It is right
when its date value, its speaker set (by name or id) and its set of cited articles all equal the gold.
Stories live in tests/stories/data/*.toml; the format is described in tests/stories/README.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from service.pipeline.model import ArticleInput, Entry
from service.pipeline.story import StoryAnalysis, analyse_story
from service.store.writes import published_on

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"  # stories the tests run: owners fix against these
SEALED = Path(__file__).parent / "sealed7"  # stories only the benchmark scores: an estimate on unseen text
MODES = ("metadata", "stripped")  # as submitted | every publication date withheld


@dataclass(frozen=True, slots=True)
class GoldEntry:
    story: str
    key: str
    kind: str
    date: str
    speakers: frozenset[str]
    sources: frozenset[str]
    claim: tuple[str, ...]
    discrepancy: str | None  # the discrepancy field the merged entry must flag, if any
    xfail: str | None
    xfail_discrepancy: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    story: str
    article: ArticleInput = field(repr=False)
    reference: date
    furniture: tuple[str, ...]  # page-furniture lines: no entry may cite them
    xfail_reference: tuple[tuple[str, str], ...]  # (mode, why its reference date is known wrong)


@dataclass(frozen=True, slots=True)
class GoldAbsent:
    """A negative example: no produced entry may carry all these claim words."""

    story: str
    claim: tuple[str, ...]
    why: str
    xfail: str | None


@dataclass(frozen=True, slots=True)
class Story:
    name: str
    articles: tuple[GoldArticle, ...] = field(repr=False)
    entries: tuple[GoldEntry, ...] = field(repr=False)
    absent: tuple[GoldAbsent, ...] = field(repr=False, default=())
    xfail_furniture: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one gold entry fared: the entry matched (if any) and which checks held."""

    gold: GoldEntry
    entry: Entry | None
    date_ok: bool
    speakers_ok: bool
    sources_ok: bool
    kind_ok: bool

    @property
    def right(self) -> bool:
        return self.date_ok and self.speakers_ok and self.sources_ok

    def describe(self) -> str:
        if self.entry is None:
            return "no produced entry has the claim words"
        e = self.entry
        got = {
            "date": e.date.value if e.date else None,
            "speakers": sorted(a.name for a in e.actors),
            "sources": sorted({s.article_id for s in e.sources}),
            "kind": e.kind,
        }
        want = {"date": self.gold.date, "speakers": sorted(self.gold.speakers), "sources": sorted(self.gold.sources), "kind": self.gold.kind}
        return "; ".join(f"{k}: got {got[k]} want {want[k]}" for k in got if got[k] != want[k]) or "ok"


def _text(article: dict) -> str:
    """The article's text: inline, or read as is from ``file`` (relative to the repository root)."""
    if "file" in article:
        return (REPO / article["file"]).read_text(encoding="utf-8")
    return article["text"].strip("\n") + "\n"


def load_story(path: Path) -> Story:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    name = raw["story"]
    articles = tuple(
        GoldArticle(
            name,
            ArticleInput(a["id"], name, _text(a), publisher=a.get("publisher"), published_on=published_on(a.get("published_at"))),
            a["reference"],
            tuple(a.get("furniture", ())),
            tuple(a.get("xfail_reference", {}).items()),
        )
        for a in raw["article"]
    )
    entries = tuple(
        GoldEntry(name, e["key"], e["kind"], e["date"], frozenset(e["speakers"]), frozenset(e["sources"]), tuple(e["claim"]), e.get("discrepancy"), e.get("xfail"), e.get("xfail_discrepancy"))
        for e in raw["entry"]
    )
    absent = tuple(GoldAbsent(name, tuple(a["claim"]), a["why"], a.get("xfail")) for a in raw.get("absent", ()))
    return Story(name, articles, entries, absent, raw.get("xfail_furniture"))


def load_stories(directory: Path = DATA) -> tuple[Story, ...]:
    return tuple(load_story(p) for p in sorted(directory.glob("*.toml")))


@lru_cache(maxsize=64)
def run(story: Story, mode: str) -> StoryAnalysis:
    """The pipeline over the story's articles, with publication dates withheld in the stripped mode."""
    articles = [g.article if mode == "metadata" else replace(g.article, published_on=None) for g in story.articles]
    return analyse_story(articles)


def _norm(name: str) -> str:
    return re.sub(r"^the ", "", re.sub(r"[^\w ]+", "", name.lower())).strip()


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-")


def speakers_equal(entry: Entry, gold: frozenset[str]) -> bool:
    names = [(_norm(a.name), a.id) for a in entry.actors]
    wanted = {_norm(g): _slug(g) for g in gold}
    matched = {g for g, slug in wanted.items() for name, aid in names if name == g or aid == slug}
    return len(names) == len(wanted) == len(matched)


def _haystack(entry: Entry) -> str:
    return " ".join((entry.text, *entry.quotes, *(s.evidence for s in entry.sources))).lower()


def carrying(claim: tuple[str, ...], entries: tuple[Entry, ...]) -> list[Entry]:
    return [e for e in entries if all(w.lower() in _haystack(e) for w in claim)]


def match(gold: GoldEntry, entries: tuple[Entry, ...]) -> Outcome:
    """The produced entry closest to the gold among those carrying every claim word."""
    candidates = carrying(gold.claim, entries)
    outcomes = [
        Outcome(
            gold,
            e,
            bool(e.date) and e.date.value == gold.date,
            speakers_equal(e, gold.speakers),
            {s.article_id for s in e.sources} == gold.sources,
            e.kind == gold.kind,
        )
        for e in candidates
    ]
    if not outcomes:
        return Outcome(gold, None, False, False, False, False)

    def closeness(o: Outcome) -> tuple:
        overlap = len({s.article_id for s in o.entry.sources} & gold.sources)
        return (o.right, o.speakers_ok + o.sources_ok + o.date_ok, o.kind_ok, overlap)

    return max(outcomes, key=closeness)


def stages_at_fault(outcome: Outcome, story: Story, analysis: StoryAnalysis) -> list[str]:
    """A first guess at the stage to blame, for the report: owners confirm with the minimal text."""
    gold, entry = outcome.gold, outcome.entry
    if entry is None:
        return ["statements (nothing extracted)"]
    stages = []
    if not outcome.speakers_ok:
        stages.append("actors")
    if not outcome.date_ok:
        cited = {s.article_id for s in entry.sources}
        truth = {g.article.id: g.reference for g in story.articles}
        wrong_clock = [a for a in analysis.articles if a.article.id in cited and a.reference_date.value != truth[a.article.id]]
        stages.append("clock" if wrong_clock else "temporal/dating")
    missing = gold.sources - {s.article_id for s in entry.sources}
    for article_id in sorted(missing):
        elsewhere = [
            e for e in carrying(gold.claim, analysis.entries)
            if e is not entry and any(s.article_id == article_id for s in e.sources)
        ]
        stages.append(f"merge ({article_id} apart)" if elsewhere else f"statements ({article_id} not extracted: {_line_with(story, article_id, gold.claim)!r})")
    if {s.article_id for s in entry.sources} - gold.sources:
        stages.append("merge (over-merged)")
    return stages


def _line_with(story: Story, article_id: str, claim: tuple[str, ...]) -> str:
    """The article's sentence-sized stretch around the first claim word, to show what was missed."""
    text = next(g.article.text for g in story.articles if g.article.id == article_id)
    at = text.lower().find(claim[0].lower())
    return text[max(0, at - 80) : at + 40].replace("\n", " ") if at >= 0 else "(claim words not in its text)"


def furniture_spans(article: GoldArticle) -> list[tuple[int, int]]:
    """Where the article's page-furniture lines stand in its text, each as a whole line."""
    text = article.article.text
    return [(m.start(), m.end()) for line in article.furniture for m in re.finditer(rf"(?m)^{re.escape(line)}", text)]


def furniture_entries(story: Story, analysis: StoryAnalysis) -> list[Entry]:
    """Produced entries citing a stretch of text that overlaps one of an article's furniture lines."""
    spans = {g.article.id: furniture_spans(g) for g in story.articles}
    return [
        e
        for e in analysis.entries
        if any(s.start < end and start < s.end for s in e.sources for start, end in spans[s.article_id])
    ]


def reference_value(analysis: StoryAnalysis, article_id: str) -> date | None:
    return next(a.reference_date.value for a in analysis.articles if a.article.id == article_id)
