"""What the routes do, as plain functions over the store and the pipeline; failures as HTTPException."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from fastapi import HTTPException

from service.api import cursor
from service.api.inputs import ArticleCreate, ArticlePatch, day_of
from service.api.schemas import Normalised
from service.pipeline.clean import find_furniture
from service.pipeline.temporal import normalise
from service.store import NewArticle, Page, Store, TimelineFilter

log = logging.getLogger("service.api")
T = TypeVar("T")


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"No {what} {key!r}.")


def found_or_404(found: T | None, what: str, key: str) -> T:
    """The store's answer, or a 404 problem naming what was missing."""
    if found is None:
        raise not_found(what, key)
    return found


@contextmanager
def calendar_guard() -> Iterator[None]:
    """Turn a date the text pushes past the calendar (year 1-9999) into a 422, not a 500.

    The write transaction around the analysis has already rolled back when this converts."""
    try:
        yield
    except (OverflowError, ValueError) as exc:
        if "out of range" not in str(exc):
            raise
        log.warning("date out of the calendar's range: %s", exc)
        raise HTTPException(422, "The text's dates run past the supported calendar (years 1-9999).") from exc


def ingest(store: Store, story: str, body: ArticleCreate) -> tuple[dict[str, Any], bool]:
    with calendar_guard():
        return store.add_article(story, NewArticle(**body.model_dump()))


def story(store: Store, story_id: str) -> dict[str, Any]:
    return found_or_404(store.get_story(story_id), "story", story_id)


def article(store: Store, article_id: str) -> dict[str, Any]:
    return found_or_404(store.get_article(article_id), "article", article_id)


def expressions(store: Store, article_id: str) -> dict[str, Any]:
    return {"expressions": found_or_404(store.get_expressions(article_id), "article", article_id)}


def patch(store: Store, article_id: str, body: ArticlePatch) -> dict[str, Any]:
    changes = body.model_dump(include=body.model_fields_set)
    with calendar_guard():
        found = store.patch_article(article_id, changes)
    return found_or_404(found, "article", article_id)


def delete(store: Store, article_id: str) -> None:
    with calendar_guard():
        deleted = store.delete_article(article_id)
    if not deleted:
        raise not_found("article", article_id)


def _page(found: Page | None, story_id: str, scope: str) -> tuple[Page, str | None]:
    found = found_or_404(found, "story", story_id)
    return found, cursor.next_cursor(found.revision, found.offset, len(found.items), found.total, scope)


def articles_page(store: Store, story_id: str, limit: int, after: str | None) -> dict[str, Any]:
    scope = f"articles|{story_id}|{limit}"
    found = store.list_articles(story_id, lambda revision: cursor.decode(after, revision, scope), limit)
    page, next_cursor = _page(found, story_id, scope)
    return {"articles": page.items, "next_cursor": next_cursor}


def timeline_page(store: Store, story_id: str, where: TimelineFilter, limit: int, after: str | None) -> dict[str, Any]:
    scope = f"timeline|{story_id}|{where.start}|{where.end}|{where.actor}|{where.kind}|{limit}"
    found = store.timeline(story_id, where, lambda revision: cursor.decode(after, revision, scope), limit)
    page, next_cursor = _page(found, story_id, scope)
    return {"story": story_id, "entries": page.items, "total": page.total, "next_cursor": next_cursor}


def entry(store: Store, story_id: str, entry_id: str) -> dict[str, Any]:
    found = store.get_entry(story_id, entry_id)
    if found is None:
        if store.get_story(story_id) is None:
            raise not_found("story", story_id)
        raise not_found("entry", entry_id)
    return found


def actors(store: Store, story_id: str) -> dict[str, Any]:
    return {"actors": found_or_404(store.actors(story_id), "story", story_id)}


def normalise_text(text: str, reference: str | None) -> Normalised:
    """Stateless: temporal expressions of a text against an optional reference day, furniture flagged.

    Validated straight from the pipeline's dataclasses: this is the hot path of the API."""
    reference_day = day_of(reference) if reference else None
    with calendar_guard():
        found = normalise(text, reference_day, find_furniture(text))
    return Normalised.model_validate(
        {"reference_date": reference_day, "expressions": found}, from_attributes=True
    )
