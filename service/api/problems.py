"""RFC 9457 problem details for every error the service returns, and the handlers that make them."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.routing import Match

log = logging.getLogger("service.api")

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "urn:timeline:problem:"


class FieldError(BaseModel):
    """One invalid input: where it is (``body.text``, ``query.limit``) and what is wrong with it."""

    location: str = Field(examples=["body.text"])
    message: str = Field(examples=["String should have at least 1 character"])
    type: str = Field(examples=["string_too_short"])


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(examples=[PROBLEM_BASE + "validation"])
    title: str = Field(examples=["Unprocessable Content"])
    status: int = Field(ge=400, le=599, examples=[422])
    detail: str | None = Field(default=None, examples=["The request breaks the API schema."])
    errors: list[FieldError] = Field(default_factory=list)


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        # ASCII escapes keep any odd input echoed in a location (a lone surrogate) encodable.
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def problem(status: int, detail: str | None = None, kind: str | None = None,
            errors: Iterable[FieldError] = (), headers: dict[str, str] | None = None) -> ProblemResponse:
    phrase = HTTPStatus(status).phrase
    body = Problem(
        type=PROBLEM_BASE + kind if kind else "about:blank",
        title=phrase,
        status=status,
        detail=detail,
        errors=list(errors),
    )
    return ProblemResponse(body.model_dump(), status_code=status, headers=headers)


def _location(loc: Iterable[Any]) -> str:
    return ".".join(str(part) for part in loc)


def _on_validation(request: Request, exc: RequestValidationError) -> ProblemResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return problem(400, "The request body is not valid JSON.", "malformed-json")
    items = [FieldError(location=_location(e.get("loc", ())), message=str(e.get("msg", "")), type=str(e.get("type", "")))
             for e in errors]
    return problem(422, "The request breaks the API schema.", "validation", items)


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _allowed_methods(request: Request) -> str:
    """Every method some route accepts at this path (Starlette names only the first route's)."""
    def accepts(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] is Match.FULL for route in request.app.routes)

    return ", ".join(m for m in METHODS if accepts(m))


def _on_http(request: Request, exc: HTTPException) -> ProblemResponse:
    detail = exc.detail if isinstance(exc.detail, str) else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return problem(exc.status_code, detail, headers=headers)


def _on_unexpected(request: Request, exc: Exception) -> ProblemResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "An unexpected error occurred; it has been logged.", "internal")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries documenting the given error statuses as problem+json."""
    ref = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {"description": HTTPStatus(status).phrase, "content": {PROBLEM_MEDIA_TYPE: {"schema": ref}}}
        for status in statuses
    }
