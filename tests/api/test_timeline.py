"""Timeline, entries, actors and stories over HTTP (timeline content faked: see conftest)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

FILTERS = tomllib.loads((Path(__file__).parent.parent / "store" / "timeline_filters.toml").read_text(encoding="utf-8"))


@pytest.fixture
def story(client: TestClient, fake_timeline: list) -> str:
    fake_timeline.extend(FILTERS["entry"])
    assert client.post("/v1/stories/s/articles", json={"text": "Text.", "publisher": "Pub"}).status_code == 201
    return "s"


@pytest.mark.parametrize("case", FILTERS["case"], ids=[c["name"] for c in FILTERS["case"]])
def test_timeline_filter(client: TestClient, story: str, case: dict) -> None:
    params = {k: case[k] for k in ("from", "to", "actor", "kind") if k in case}
    body = client.get(f"/v1/stories/{story}/timeline", params=params).json()
    assert [e["id"] for e in body["entries"]] == case["expect"]
    assert body["total"] == len(case["expect"]) and body["story"] == story


def test_timeline_pages_keep_the_total(client: TestClient, story: str) -> None:
    first = client.get(f"/v1/stories/{story}/timeline", params={"limit": 2}).json()
    second = client.get(f"/v1/stories/{story}/timeline", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert first["total"] == second["total"] == 5
    assert [e["id"] for e in first["entries"] + second["entries"]] == ["e-day", "e-week", "e-open-start", "e-open-end"]


def test_entry_by_id(client: TestClient, story: str) -> None:
    entry = client.get(f"/v1/stories/{story}/timeline/e-week").json()
    assert entry["kind"] == "event" and entry["date"]["earliest"] == "2024-10-28"
    assert entry["sources"][0]["publisher"] == "Pub"
    assert client.get(f"/v1/stories/{story}/timeline/e-nothing").status_code == 404
    assert client.get("/v1/stories/other/timeline/e-week").status_code == 404


def test_actors_with_counts(client: TestClient, story: str) -> None:
    actors = client.get(f"/v1/stories/{story}/actors").json()["actors"]
    assert [(a["id"], a["entries"]) for a in actors] == [("antony-blinken", 3), ("lloyd-austin", 2)]


def test_story_summary_spans_the_known_bounds_of_its_dated_entries(client: TestClient, story: str) -> None:
    summary = client.get(f"/v1/stories/{story}").json()
    assert summary == {"id": story, "articles": 1, "entries": 5, "earliest": "2024-10-01", "latest": "2024-11-05"}
    assert client.get("/v1/stories").json() == {"stories": [summary]}
