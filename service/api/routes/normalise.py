"""Stateless normalisation of temporal expressions in any text; nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from service.api import services
from service.api.inputs import NormaliseRequest
from service.api.problems import responses
from service.api.schemas import Normalised

router = APIRouter(tags=["normalise"])


@router.post(
    "/v1/normalise",
    operation_id="normalise",
    summary="Find and resolve the temporal expressions of a text",
    response_model=Normalised,
    responses=responses(400, 413, 415, 422, 500),
)
async def normalise(body: NormaliseRequest) -> Any:
    """reference_date (a date, or a date-time whose local day is used) anchors relative expressions;
    without it they stay unresolved. Expressions inside page furniture are flagged."""
    # Run on the event loop: normalising takes a millisecond or two for a 4 KB text (tens for the
    # 200,000-character maximum), less than handing the call to a worker thread costs.
    result = services.normalise_text(body.text, body.reference_date)
    # Already validated: skip FastAPI's generic re-encoding, a millisecond on a long article.
    return Response(result.model_dump_json(), media_type="application/json")
