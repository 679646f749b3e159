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
    """Replace the pipeline's timeline with given entry specs, each sourced from every article.

    Store and API tests then check storage, filters and paging without depending on the pipeline."""
    from service.pipeline import story as pipeline
    from service.store import writes
    from tests.store.fakes import make_entry

    specs: list[dict] = []

    def analyse(articles):
        real = pipeline.analyse_story(articles)
        ids = [a.article.id for a in real.articles]
        publishers = {a.article.id: a.article.publisher for a in real.articles}
        return pipeline.StoryAnalysis(real.articles, tuple(make_entry(s, ids, publishers) for s in specs))

    monkeypatch.setattr(writes, "analyse_story", analyse)
    return specs
