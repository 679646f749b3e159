"""The stateless normaliser: echoes its reference day, stores nothing, keeps offsets exact."""

from __future__ import annotations

from fastapi.testclient import TestClient

TEXT = "He spoke on Thursday, two days after the vote on 29 October 2024."


def test_reference_date_is_echoed_as_the_local_day(client: TestClient) -> None:
    body = client.post("/v1/normalise", json={"text": TEXT, "reference_date": "2024-10-31T23:00:00-07:00"}).json()
    assert body["reference_date"] == "2024-10-31"
    for e in body["expressions"]:
        assert TEXT[e["start"] : e["end"]] == e["text"]


def test_without_reference_date_it_is_null(client: TestClient) -> None:
    assert client.post("/v1/normalise", json={"text": TEXT}).json()["reference_date"] is None


def test_nothing_is_stored(client: TestClient) -> None:
    client.post("/v1/normalise", json={"text": TEXT})
    assert client.get("/v1/stories").json() == {"stories": []}
