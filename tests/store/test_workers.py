"""A batch analysed in worker processes is stored exactly as one analysed in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import AUTO_BATCH, MAX_AUTO_WORKERS, WORKERS_ENV, analysis_workers
from service.seeds import read_seed_story
from service.store import NewArticle, Store, TimelineFilter
from service.store.workers import MIN_BATCH
from tests.stories.harness import load_stories


def _batch() -> list[NewArticle]:
    """The seed articles without metadata and a story's with it: a batch of both kinds."""
    story = load_stories()[0]
    dated = [NewArticle(g.article.text, publisher=g.article.publisher,
                        published_at=g.article.published_on.isoformat() if g.article.published_on else None)
             for g in story.articles]
    return [*read_seed_story().articles, *dated]


def _stored(path: Path, batch: list[NewArticle]) -> tuple[list, list]:
    store = Store(f"sqlite:///{path}")
    store.add_articles("s", batch)
    page = store.timeline("s", TimelineFilter(), lambda revision: 0, 10_000)
    articles = [store.get_article(a["id"]) for a in store.list_articles("s", lambda revision: 0, 1000).items]
    return page.items, [{k: v for k, v in a.items() if k != "ingested_at"} for a in articles]


@pytest.mark.parametrize("metadata", ["some", "all"])
def test_workers_store_what_the_process_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, metadata: str) -> None:
    batch = _batch()
    if metadata == "all":
        batch = [a if a.published_at else NewArticle(a.text, published_at="2024-10-31") for a in batch]
    assert len(batch) >= MIN_BATCH
    monkeypatch.setenv(WORKERS_ENV, "0")
    alone = _stored(tmp_path / "alone.db", batch)
    monkeypatch.setenv(WORKERS_ENV, "2")
    assert _stored(tmp_path / "workers.db", batch) == alone


@pytest.mark.parametrize(("setting", "batch", "cores", "expected"), [
    ("", 500, 2, 0),  # unset: in process, whatever the batch
    ("0", 500, 2, 0),
    ("3", 5, 2, 3),  # a number is taken as given (analyse_all still keeps batches under MIN_BATCH in process)
    ("auto", AUTO_BATCH - 1, 2, 0),  # a small batch: starting workers costs more than they save
    ("auto", AUTO_BATCH, 2, 2),  # one per core
    ("AUTO", 1000, 16, MAX_AUTO_WORKERS),
    ("auto", 1000, 1, 1),  # one core: analyse_all runs it in process
    ("many", 1000, 2, 0),  # not understood: in process
])
def test_analysis_workers_setting(monkeypatch: pytest.MonkeyPatch, setting: str, batch: int, cores: int, expected: int) -> None:
    monkeypatch.setenv(WORKERS_ENV, setting)
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert analysis_workers(batch) == expected
