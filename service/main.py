"""The FastAPI application: ``create_app`` builds one around a store; ``app`` uses the environment."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from service import __version__
from service.api import problems
from service.api.limits import BodyGuard
from service.api.routes import actors, articles, health, normalise, stories, timeline
from service.config import Settings
from service.store import Store

DESCRIPTION = """Reconstructs the timeline of a news story from several outlets' articles: every
relative date resolved against its article's clock, who said or did what and when, the same statement
from different outlets merged, each entry with its sources. Errors are RFC 9457 problem details."""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Timeline reconstruction service",
        version=__version__,
        description=DESCRIPTION,
        separate_input_output_schemas=False,
    )
    app.state.settings = settings
    app.state.store = store  # None: opened on first request (see service.api.deps.get_store)
    for module in (health, stories, articles, timeline, actors, normalise):
        app.include_router(module.router)
    problems.install(app)
    app.add_middleware(BodyGuard, limit=settings.max_body_bytes)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, plus the Problem schema every error response refers to."""
    if app.openapi_schema is None:
        document = FastAPI.openapi(app)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        problem = problems.Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(problem.pop("$defs", {}))
        schemas["Problem"] = problem
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        document["components"]["schemas"] = dict(sorted(schemas.items()))
        app.openapi_schema = document
    return app.openapi_schema


def __getattr__(name: str) -> Any:
    """``service.main:app`` for ``uvicorn service.main:app``, built on first use (not at import)."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
