"""The seed story through the API, posted with its publication dates and with none at all.

Without metadata the story clock must infer the same days, so both runs share one set of checks.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CHECKS = tomllib.loads((Path(__file__).parent / "seed_acceptance.toml").read_text("utf-8"))["check"]
PUBLISHED = {"000": "2024-10-31", "001": "2024-10-31", "002": "2024-10-31", "003": "2024-10-30", "004": "2024-10-31"}
FURNITURE = ("Subscribe free", "CLICK HERE", "please log in", "Physical Address", "World Breaking Headlines")


@pytest.fixture(params=["with-dates", "without-metadata"])
def seeded(request: pytest.FixtureRequest, client: TestClient) -> tuple[TestClient, dict[str, str]]:
    """The seeds posted to a new story; returns the client and article id by seed prefix."""
    ids = {}
    for path in sorted(SEEDS.glob("*.txt")):
        body = {"text": path.read_text("utf-8")}
        if request.param == "with-dates":
            body["published_at"] = PUBLISHED[path.name[:3]]
        response = client.post("/v1/stories/seed-check/articles", json=body)
        assert response.status_code == 201, response.text
        ids[path.name[:3]] = response.json()["id"]
    return client, ids


def _timeline(client: TestClient) -> list[dict]:
    response = client.get("/v1/stories/seed-check/timeline", params={"limit": 1000})
    assert response.status_code == 200
    return response.json()["entries"]


@pytest.mark.parametrize("check", CHECKS, ids=[c["name"] for c in CHECKS])
def test_seed_entry(seeded, check: dict) -> None:
    client, ids = seeded
    found = [
        e for e in _timeline(client)
        if any(s["article_id"] == ids[check["article"]] and check["evidence"] in s["evidence"] for s in e["sources"])
    ]
    assert len(found) == 1, [e["text"] for e in found]
    entry = found[0]
    assert entry["date"]["value"] == check["date"]
    if "actor" in check:
        assert check["actor"] in {a["id"] for a in entry["actors"]}
    if "sources" in check:
        assert {ids[k] for k in check["sources"]} <= {s["article_id"] for s in entry["sources"]}
    if "granularity" in check:
        assert entry["date"]["granularity"] == check["granularity"]
    if "kind" in check:
        assert entry["kind"] == check["kind"]
    for source in entry["sources"]:
        assert source["date_basis"]


def test_no_entry_from_page_furniture(seeded) -> None:
    client, _ = seeded
    for entry in _timeline(client):
        for source in entry["sources"]:
            assert not any(marker in source["evidence"] for marker in FURNITURE), source["evidence"]


def test_every_article_has_an_explained_reference_date(seeded) -> None:
    client, ids = seeded
    for key, article_id in ids.items():
        reference = client.get(f"/v1/articles/{article_id}").json()["reference_date"]
        assert reference["value"] == PUBLISHED[key]
        assert reference["basis"]
