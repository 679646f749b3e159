"""Where outlets disagree inside one entry: who said it, or what figure they gave."""

from __future__ import annotations

from collections import defaultdict

from service.pipeline.model import Discrepancy, DiscrepancyValue, Figure, Statement


def _values(by_value: dict[str, set[str]]) -> tuple[DiscrepancyValue, ...]:
    return tuple(DiscrepancyValue(v, tuple(sorted(ids))) for v, ids in sorted(by_value.items()))


def actor_discrepancy(members: list[Statement]) -> Discrepancy | None:
    """The same words given to different speakers by different outlets."""
    by_value: dict[str, set[str]] = defaultdict(set)
    for statement in members:
        by_value[" and ".join(sorted(a.name for a in statement.actors))].add(statement.article_id)
    return Discrepancy("actor", _values(by_value)) if len(by_value) > 1 else None


def figure_discrepancies(members: list[Statement]) -> list[Discrepancy]:
    """Different figures for the same counted quantity ("about 10,000" vs "11,000 to 12,000" troops)."""
    by_unit: dict[str, dict[tuple[float, float], dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for statement in members:
        for figure in _main_figures(statement):
            by_unit[figure.unit][(figure.low, figure.high)][figure.text].add(statement.article_id)
    out = []
    for unit in sorted(by_unit):
        ranges = by_unit[unit]
        articles = {a for texts in ranges.values() for ids in texts.values() for a in ids}
        if len(ranges) < 2 or len(articles) < 2 or not _disjoint(list(ranges)):
            continue
        merged: dict[str, set[str]] = {}
        for texts in ranges.values():  # one value per range: "about 10,000" and "around 10,000" agree
            label = " / ".join(sorted(texts, key=str.lower)) + f" {unit}"
            merged[label] = {a for ids in texts.values() for a in ids}
        out.append(Discrepancy("figure", _values(merged)))
    return out


def _main_figures(statement: Statement) -> list[Figure]:
    """One figure per unit per statement: the first given."""
    seen, out = set(), []
    for figure in statement.figures:
        if figure.unit not in seen:
            seen.add(figure.unit)
            out.append(figure)
    return out


def _disjoint(ranges: list[tuple[float, float]]) -> bool:
    """Some two ranges do not overlap (within 2%): the outlets really disagree."""
    for i, (a0, a1) in enumerate(ranges):
        for b0, b1 in ranges[i + 1 :]:
            if a1 * 1.02 < b0 or b1 * 1.02 < a0:
                return True
    return False
