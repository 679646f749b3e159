"""Stories: the collections of articles a timeline is built from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from service.api import services
from service.api.deps import StoreDep, StoryId
from service.api.problems import responses
from service.api.schemas import Story, StoryList

router = APIRouter(tags=["stories"])


@router.get(
    "/v1/stories",
    operation_id="listStories",
    summary="All stories, with counts and date span",
    response_model=StoryList,
    responses=responses(500),
)
def list_stories(store: StoreDep) -> Any:
    return {"stories": store.list_stories()}


@router.get(
    "/v1/stories/{story}",
    operation_id="getStory",
    summary="One story: counts of articles and entries, span of its dated entries",
    response_model=Story,
    responses=responses(404, 422, 500),
)
def get_story(story: StoryId, store: StoreDep) -> Any:
    return services.story(store, story)
