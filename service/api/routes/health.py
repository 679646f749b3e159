"""Liveness and readiness probes."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import APIRouter, Request

from service.api.deps import get_store
from service.api.problems import problem, responses
from service.api.schemas import Health

router = APIRouter(tags=["health"])
log = logging.getLogger("service.api")


@router.get("/healthz", operation_id="healthz", summary="The process is alive", response_model=Health,
            responses=responses(500))
def healthz() -> Any:
    return {"status": "ok"}


@router.get(
    "/readyz",
    operation_id="readyz",
    summary="The database is reachable",
    response_model=Health,
    responses=responses(500, 503),
)
def readyz(request: Request) -> Any:
    try:
        get_store(request).ping()
    except (sqlite3.Error, OSError, ValueError) as exc:
        log.warning("database not ready: %s", exc)
        return problem(503, "The database is not reachable.")
    return {"status": "ok"}
