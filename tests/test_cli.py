"""The ``timeline`` command: ingest and export on a temporary database; seed loading is idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main, parser
from service.seeds import load_seed_story, read_seed_story
from service.store import Store


def test_ingest_then_export(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The talks resumed on Monday.\r\n", encoding="utf-8", newline="")
    argv = ["ingest", str(article), "--story", "talks", "--published-at", "2024-10-31", "--database", database_url]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["created"] is True
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == {**first, "created": False}
    stored = Store(database_url).get_article(first["id"])
    assert stored["text"] == "The talks resumed on Monday.\r\n"  # bytes kept exactly
    assert stored["published_at"] == "2024-10-31"
    assert main(["export", "--story", "talks", "--database", database_url]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["story"] == "talks" and exported["next_cursor"] is None
    assert exported["total"] == len(exported["entries"])


def test_ingest_rejects_a_bad_story_id(tmp_path: Path, database_url: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    assert main(["ingest", str(article), "--story", "Bad Story", "--database", database_url]) == 2


def test_ingest_rejects_a_bad_date(tmp_path: Path, database_url: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    argv = ["ingest", str(article), "--story", "s", "--published-at", "31/10/2024", "--database", database_url]
    assert main(argv) == 2


def test_export_of_an_unknown_story_fails(database_url: str) -> None:
    assert main(["export", "--story", "nothing", "--database", database_url]) == 1


def test_database_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("TIMELINE_DATABASE_URL", url)
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    assert main(["ingest", str(article), "--story", "s"]) == 0
    assert Store(url).get_story("s")["articles"] == 1


def test_seed_story_loads_once(store: Store) -> None:
    seed = read_seed_story()
    assert load_seed_story(store) is True
    assert load_seed_story(store) is False
    summary = store.get_story(seed.story)
    assert summary["articles"] == len(seed.articles) == 5
    for article in store.list_articles(seed.story, lambda revision: 0, 100).items:
        assert article["published_at"] is None and article["publisher"] is None  # no invented metadata


def test_serve_loads_seeds_unless_told_not_to(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port: served.append((host, port)))
    assert main(["serve", "--database", database_url, "--no-seeds", "--port", "8123"]) == 0
    assert Store(database_url).list_stories() == []
    assert main(["serve", "--database", database_url]) == 0
    assert main(["serve", "--database", database_url]) == 0  # a restart adds nothing
    assert [s["id"] for s in Store(database_url).list_stories()] == [read_seed_story().story]
    assert served == [("127.0.0.1", 8123), ("127.0.0.1", 8000), ("127.0.0.1", 8000)]


def test_serve_defaults() -> None:
    args = parser().parse_args(["serve"])
    assert (args.host, args.port, args.database, args.no_seeds) == ("127.0.0.1", 8000, None, False)
