"""The timeline: a story's statements and events in order, each with every outlet that reported it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from service.api import services
from service.api.deps import Cursor, Limit, StoreDep, StoryId
from service.api.inputs import Day
from service.api.problems import responses
from service.api.schemas import Timeline, TimelineEntry
from service.store import TimelineFilter

router = APIRouter(tags=["timeline"])

@router.get(
    "/v1/stories/{story}/timeline",
    operation_id="getTimeline",
    summary="The story's timeline, filtered and paged",
    response_model=Timeline,
    responses=responses(404, 422, 500),
)
def get_timeline(
    story: StoryId,
    store: StoreDep,
    start: Annotated[Day | None, Query(alias="from", description="keep entries that may fall on or after this day")] = None,
    end: Annotated[Day | None, Query(alias="to", description="keep entries that may fall on or before this day")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200, description="an actor id")] = None,
    kind: Annotated[Literal["statement", "event"] | None, Query()] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    """An entry passes from/to when its date interval [earliest, latest] overlaps them (an open end
    overlaps everything on that side). Undated entries are listed only when neither from nor to is set.
    ``total`` counts the entries that pass the filters."""
    where = TimelineFilter(start=start, end=end, actor=actor, kind=kind)
    return services.timeline_page(store, story, where, limit, cursor)


@router.get(
    "/v1/stories/{story}/timeline/{entry_id}",
    operation_id="getTimelineEntry",
    summary="One timeline entry",
    response_model=TimelineEntry,
    responses=responses(404, 422, 500),
)
def get_entry(
    story: StoryId,
    entry_id: Annotated[str, Path(min_length=1, max_length=200, description="entry id")],
    store: StoreDep,
) -> Any:
    return services.entry(store, story, entry_id)
