"""Fake timeline entries, so store and API tests do not depend on what the pipeline finds."""

from __future__ import annotations

from datetime import date

from service.pipeline.model import Actor, Entry, Source, When


def day(value: str | None) -> date | None:
    """An ISO day, or None for a missing or empty value (an open bound)."""
    return date.fromisoformat(value) if value else None


def make_entry(spec: dict, article_ids: list[str], publishers: dict[str, str | None]) -> Entry:
    """A timeline entry from a TOML spec: id, kind, earliest/latest (omit both: undated), actors."""
    when = None
    if "earliest" in spec or "latest" in spec:
        start, end = day(spec.get("earliest")), day(spec.get("latest"))
        value = start.isoformat() if start and start == end else "XXXX"
        when = When(value, None, value, start, end, "day", value)
    actors = tuple(Actor(a, a.replace("-", " ").title()) for a in spec.get("actors", []))
    sources = tuple(Source(aid, publishers.get(aid), "evidence", 0, 1, "test") for aid in article_ids)
    return Entry(spec["id"], spec.get("kind", "statement"), when, actors, spec["id"], (), sources)
