"""Timeline entries from merged groups: one per statement or event, with sources and disagreements."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from service.pipeline.merge.claim_words import claim_key
from service.pipeline.merge.discrepancies import (
    actor_discrepancy,
    body_of,
    figure_discrepancies,
)
from service.pipeline.merge.merger import Group
from service.pipeline.model import Actor, Entry, Source, When


def timeline(groups: Sequence[Group], publishers: dict[str, str | None]) -> tuple[Entry, ...]:
    """The entries of merged groups in timeline order (``publishers``: article id -> publisher)."""
    return tuple(sorted((_entry(group, publishers) for group in groups), key=_order))


def _entry(group: Group, publishers: dict[str, str | None]) -> Entry:
    rep = group.representative
    members = sorted(group.members, key=lambda s: (s.article_id, s.start))
    actors = rep.actors if group.disputed else _distinct([*rep.actors, *(a for s in members for a in s.actors)])
    quotes = tuple(dict.fromkeys(q for s in [rep, *members] for q in s.quotes))
    sources = tuple(Source(s.article_id, publishers.get(s.article_id), s.evidence, s.start, s.end, s.date_basis) for s in members)
    discrepancies = []
    if group.disputed and (d := actor_discrepancy(members)):
        discrepancies.append(d)
    discrepancies.extend(figure_discrepancies(members))
    when = _sharpest([s.date for s in members], rep.date)
    key = "|".join([rep.kind, ",".join(sorted(a.id for a in actors)), when.edtf if when else "undated", claim_key(rep)])
    entry_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Entry(entry_id, rep.kind, when, actors, rep.text, quotes, sources, tuple(discrepancies))


def _distinct(actors: list[Actor]) -> tuple[Actor, ...]:
    """Each actor once; a body named two ways once, as the representative names it: "British lawmakers"
    and "MPs" (one legislature), "US officials" and "the US" (officials of a state speaking for it)."""
    out, bodies = [], set()
    for actor in dict.fromkeys(actors):
        body = body_of(actor)
        if not body & bodies:
            out.append(actor)
        bodies |= body
    return tuple(out)


def _sharpest(dates: list[When | None], fallback: When | None) -> When | None:
    """The narrowest bounded date among the sources (a dated day beats "before the 31st")."""
    bounded = [d for d in dates if d and d.earliest and d.latest]
    if not bounded:
        return fallback
    return min(bounded, key=lambda d: ((d.latest - d.earliest).days, d.earliest, d.value))


def _order(entry: Entry) -> tuple:
    """Earliest first, then latest; undated last; ties in content order."""
    when = entry.date
    earliest = when.earliest if when and when.earliest else (date.min if when and when.latest else date.max)
    latest = when.latest if when and when.latest else date.max
    return (when is None, earliest, latest, entry.kind, entry.text, entry.id)
