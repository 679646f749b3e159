"""The committed OpenAPI document is the app's own, is valid, and states every error as a Problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from service.cli import openapi_document

COMMITTED = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"
DOCUMENT = json.loads(COMMITTED.read_text(encoding="utf-8"))
OPERATIONS = [
    (path, method, operation)
    for path, item in DOCUMENT["paths"].items()
    for method, operation in item.items()
]


def test_committed_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == openapi_document(), (
        "openapi/openapi.json is stale: regenerate with `timeline openapi > openapi/openapi.json`"
    )


def test_document_is_valid_openapi() -> None:
    validate(DOCUMENT)


@pytest.mark.parametrize("path,method,operation", OPERATIONS, ids=[f"{m.upper()} {p}" for p, m, _ in OPERATIONS])
def test_operation_is_documented(path: str, method: str, operation: dict) -> None:
    assert operation["operationId"]
    success = [s for s in operation["responses"] if s.startswith("2")]
    assert success
    errors = {s: r for s, r in operation["responses"].items() if s[0] in "45"}
    assert "500" in errors
    for response in errors.values():
        assert response["content"] == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_article_creation_links_to_the_created_article() -> None:
    links = DOCUMENT["paths"]["/v1/stories/{story}/articles"]["post"]["responses"]["201"]["links"]
    assert links["GetArticle"]["operationId"] == "getArticle"
