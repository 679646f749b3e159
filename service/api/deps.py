"""Dependencies the routers share, as ``Annotated`` aliases."""

from __future__ import annotations

from threading import Lock
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from service.api.inputs import ARTICLE_ID_PATTERN, CURSOR_PATTERN, STORY_PATTERN
from service.store import Store


_opening = Lock()


def get_store(request: Request) -> Store:
    """The app's store, opened on first use so that building the app touches no database."""
    state = request.app.state
    if state.store is None:
        with _opening:
            if state.store is None:
                state.store = Store(state.settings.database_url)
    return state.store


StoreDep = Annotated[Store, Depends(get_store)]
StoryId = Annotated[str, Path(pattern=STORY_PATTERN, description="story id", examples=["nk-troops-kursk"])]
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID_PATTERN, description="article id", examples=["5f1c2a9e0b7d4c33"])]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Cursor = Annotated[
    str | None, Query(pattern=CURSOR_PATTERN, description="next_cursor of the previous page")
]
