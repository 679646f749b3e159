"""Shared fixtures: a store and an app on a temporary SQLite file, with a frozen ingestion clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.config import Settings
from service.main import create_app
from service.store import Store

FROZEN_NOW = datetime(2024, 11, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'timeline.db'}"


@pytest.fixture
def store(database_url: str) -> Store:
    return Store(database_url, clock=lambda: FROZEN_NOW)


@pytest.fixture
def client(database_url: str, store: Store) -> TestClient:
    app = create_app(Settings(database_url=database_url), store)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def fake_timeline(monkeypatch: pytest.MonkeyPatch):
    """After every change, replace the story's entries with given entry specs, each sourced from
    every article of the story.

    Store and API tests then check storage, filters and paging without depending on the pipeline."""
    from service.store import incremental
    from tests.store.fakes import make_entry

    specs: list[dict] = []
    update, remove = incremental.update, incremental.remove

    def replace_entries(conn, story: str) -> None:
        rows = conn.execute("SELECT id, publisher FROM articles WHERE story = ? ORDER BY id", (story,)).fetchall()
        publishers = {r["id"]: r["publisher"] for r in rows}
        for table in ("entry_actors", "entry_articles", "entries"):
            conn.execute(f"DELETE FROM {table} WHERE story = ?", (story,))
        for position, spec in enumerate(specs):
            entry = make_entry(spec, list(publishers), publishers)
            incremental.write_entry(conn, story, position, entry, "", f"{position:08d}", f"{position:08d}".encode())

    def updated(conn, story, changed):
        update(conn, story, changed)
        replace_entries(conn, story)

    def removed(conn, aid):
        story = conn.execute("SELECT story FROM articles WHERE id = ?", (aid,)).fetchone()["story"]
        remove(conn, aid)
        replace_entries(conn, story)

    monkeypatch.setattr(incremental, "update", updated)
    monkeypatch.setattr(incremental, "remove", removed)
    return specs
