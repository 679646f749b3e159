"""Bad requests get the right 4xx status as RFC 9457 problem+json, naming the invalid field."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.inputs import MAX_TEXT

CASES = tomllib.loads((Path(__file__).parent / "bad_requests.toml").read_text(encoding="utf-8"))["case"]


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"]
    return body


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_request(client: TestClient, case: dict) -> None:
    if "raw" in case:
        content = case["raw"].encode(case.get("raw_encoding", "utf-8"))
        headers = {"content-type": case["content_type"]}
    else:
        content = case.get("json", "").encode("utf-8") or None
        headers = {"content-type": "application/json"} if content else {}
    response = client.request(case["method"], case["path"], content=content, headers=headers)
    body = _assert_problem(response, case["status"])
    if "location" in case:
        assert case["location"] in [e["location"] for e in body["errors"]]


def test_text_over_the_limit_is_422(client: TestClient) -> None:
    response = client.post("/v1/stories/s/articles", json={"text": "a" * (MAX_TEXT + 1)})
    assert "body.text" in [e["location"] for e in _assert_problem(response, 422)["errors"]]


def test_text_at_the_limit_is_accepted(client: TestClient) -> None:
    assert client.post("/v1/stories/s/articles", json={"text": "a" * MAX_TEXT}).status_code == 201


def test_declared_body_over_one_mebibyte_is_413(client: TestClient) -> None:
    response = client.post("/v1/stories/s/articles", content=b" " * (1024 * 1024 + 1),
                           headers={"content-type": "application/json"})
    _assert_problem(response, 413)


def test_streamed_body_over_one_mebibyte_is_413(client: TestClient) -> None:
    def chunks():
        for _ in range(17):
            yield b" " * 65536

    response = client.post("/v1/stories/s/articles", content=chunks(), headers={"content-type": "application/json"})
    _assert_problem(response, 413)


def test_405_lists_every_method_of_the_path(client: TestClient) -> None:
    response = client.put("/v1/stories/s/articles", json={"text": "x"})
    assert set(response.headers["allow"].split(", ")) >= {"GET", "POST"}


def test_nul_characters_are_stored_and_returned(client: TestClient) -> None:
    created = client.post("/v1/stories/s/articles", json={"text": "before\u0000after"})
    assert created.status_code == 201
    assert client.get(f"/v1/articles/{created.json()['id']}").json()["text"] == "before\u0000after"


def test_years_1000_to_8999_are_accepted(client: TestClient) -> None:
    for published_at in ("1000-01-01", "8999-12-31T23:59:59+14:00", "2016-12-31T23:59:60Z", "2024-10-31t10:00:00z"):
        response = client.post("/v1/stories/s/articles", json={"text": f"At {published_at}.", "published_at": published_at})
        assert response.status_code == 201, response.text


def test_dates_pushed_past_the_calendar_are_422(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from service.api import services

    def overflowing(text, reference, furniture):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(services, "normalise", overflowing)
    _assert_problem(client.post("/v1/normalise", json={"text": "A millennium later."}), 422)


def test_other_pipeline_errors_are_logged_500s(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from service.api import services

    def broken(text, reference, furniture):
        raise ValueError("a bug")

    monkeypatch.setattr(services, "normalise", broken)
    _assert_problem(client.post("/v1/normalise", json={"text": "Anything."}), 500)
