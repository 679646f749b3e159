"""Actors: who said or did something in a story, and how often."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from service.api import services
from service.api.deps import StoreDep, StoryId
from service.api.problems import responses
from service.api.schemas import ActorList

router = APIRouter(tags=["actors"])


@router.get(
    "/v1/stories/{story}/actors",
    operation_id="listActors",
    summary="The story's actors, each with its number of timeline entries",
    response_model=ActorList,
    responses=responses(404, 422, 500),
)
def list_actors(story: StoryId, store: StoreDep) -> Any:
    """In order of first appearance on the timeline; use an actor's id to filter the timeline."""
    return services.actors(store, story)
