"""Store behaviour: ingestion is idempotent and atomic; derived rows always follow the articles."""

from __future__ import annotations

import sqlite3
import threading
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from service.store import NewArticle, Store, TimelineFilter
from service.store import incremental
from tests.store.fakes import day

NOW = datetime(2024, 11, 1, 12, 0, tzinfo=UTC)
CASES = tomllib.loads((Path(__file__).parent / "timeline_filters.toml").read_text(encoding="utf-8"))


def _page(store: Store, story: str, where: TimelineFilter = TimelineFilter(), limit: int = 100):
    return store.timeline(story, where, lambda revision: 0, limit)


def test_same_text_in_a_story_is_stored_once(store: Store) -> None:
    first, created = store.add_article("s", NewArticle("Talks resumed on Monday."))
    again, created_again = store.add_article("s", NewArticle("Talks resumed on Monday.", publisher="Other"))
    assert created and not created_again
    assert again == first  # unchanged: metadata of a repeat is ignored
    assert store.get_story("s")["articles"] == 1


def test_same_text_in_another_story_is_another_article(store: Store) -> None:
    a, _ = store.add_article("s", NewArticle("Same words."))
    b, _ = store.add_article("t", NewArticle("Same words."))
    assert a["id"] != b["id"] and a["content_sha256"] == b["content_sha256"]


def test_ingestion_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn, story, changed):
        raise RuntimeError("pipeline failure")

    monkeypatch.setattr(incremental, "update", broken)
    with pytest.raises(RuntimeError):
        store.add_article("s", NewArticle("Anything."))
    assert store.get_story("s") is None
    assert store.list_stories() == []


def test_published_at_sets_the_reference_date(store: Store) -> None:
    article, _ = store.add_article("s", NewArticle("Text.", published_at="2024-10-31T23:30:00-05:00"))
    assert article["reference_date"]["value"] == "2024-10-31"  # the local day, not the UTC one


def test_patch_sets_and_clears_and_rebuilds(store: Store, fake_timeline: list) -> None:
    fake_timeline.append({"id": "e1", "earliest": "2024-10-31", "latest": "2024-10-31"})
    article, _ = store.add_article("s", NewArticle("Text.", publisher="Old", published_at="2024-10-31"))
    patched = store.patch_article(article["id"], {"publisher": "New", "published_at": None})
    assert patched["publisher"] == "New" and patched["published_at"] is None
    assert patched["title"] is None  # untouched field stays
    entry = _page(store, "s").items[0]
    assert entry["sources"][0]["publisher"] == "New"


def test_patch_of_unknown_article_is_none(store: Store) -> None:
    assert store.patch_article("0" * 16, {"title": "x"}) is None


def test_delete_removes_all_the_article_contributed(store: Store, fake_timeline: list) -> None:
    fake_timeline.append({"id": "e1"})
    a, _ = store.add_article("s", NewArticle("One."))
    b, _ = store.add_article("s", NewArticle("Two."))
    assert [s["article_id"] for s in _page(store, "s").items[0]["sources"]] == sorted([a["id"], b["id"]])
    assert store.delete_article(a["id"])
    assert store.get_article(a["id"]) is None and store.get_expressions(a["id"]) is None
    assert [s["article_id"] for s in _page(store, "s").items[0]["sources"]] == [b["id"]]
    assert not store.delete_article(a["id"])


def test_a_deleted_id_is_never_reused(store: Store) -> None:
    first, _ = store.add_article("s", NewArticle("Words."))
    store.delete_article(first["id"])
    second, created = store.add_article("s", NewArticle("Words."))
    assert created and second["id"] != first["id"] and store.get_article(first["id"]) is None
    again, created_again = store.add_article("s", NewArticle("Words."))
    assert not created_again and again["id"] == second["id"]


def test_every_change_bumps_the_revision(store: Store) -> None:
    a, _ = store.add_article("s", NewArticle("One."))
    revisions = [_page(store, "s").revision]
    store.add_article("s", NewArticle("One."))  # a repeat changes nothing
    revisions.append(_page(store, "s").revision)
    store.patch_article(a["id"], {"title": "T"})
    revisions.append(_page(store, "s").revision)
    store.delete_article(a["id"])
    revisions.append(_page(store, "s").revision)
    assert revisions == [1, 1, 2, 3]


@pytest.mark.parametrize("case", CASES["case"], ids=[c["name"] for c in CASES["case"]])
def test_timeline_filter(store: Store, fake_timeline: list, case: dict) -> None:
    fake_timeline.extend(CASES["entry"])
    store.add_article("s", NewArticle("Text."))
    where = TimelineFilter(day(case.get("from")), day(case.get("to")), case.get("actor"), case.get("kind"))
    page = _page(store, "s", where)
    assert [e["id"] for e in page.items] == case["expect"]
    assert page.total == len(case["expect"])


def test_actors_are_counted_in_order_of_first_appearance(store: Store, fake_timeline: list) -> None:
    fake_timeline.extend(CASES["entry"])
    store.add_article("s", NewArticle("Text."))
    assert [(a["id"], a["entries"]) for a in store.actors("s")] == [("antony-blinken", 3), ("lloyd-austin", 2)]


def test_concurrent_ingestion_loses_nothing(store: Store) -> None:
    errors: list[BaseException] = []

    def ingest(n: int) -> None:
        try:
            store.add_article("s", NewArticle(f"Article number {n}."))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and store.get_story("s")["articles"] == 12


def test_database_pragmas(store: Store) -> None:
    with store.db.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: WAL keeps the file whole
    assert isinstance(store.db.path, Path)
    sqlite3.connect(store.db.path).close()


def test_a_unit_of_work_leaves_the_wal_open(store: Store) -> None:
    """Closing a call's connection is not the last close: no checkpoint and WAL deletion on every call."""
    store.add_article("s", NewArticle("The council met on Monday."))
    assert store.get_story("s")["articles"] == 1
    assert Path(f"{store.db.path}-wal").exists()


@pytest.mark.parametrize(("table", "column"), [("entries", "sort_key"), ("article_analyses", "people")])
def test_rows_derived_by_an_older_layout_are_derived_again(database_url: str, table: str, column: str) -> None:
    text = "Health Minister Maria T. Alvarez visited the ward. Alvarez said on Monday that beds were short."
    first = Store(database_url, clock=lambda: NOW)
    first.add_article("s", NewArticle(text, published_at="2021-03-10"))
    expected = _page(first, "s").items
    with first.db.write() as conn:
        if table == "entries":  # the oldest layout: no sort key, so no index on it either
            conn.execute("DROP INDEX entries_in_order")
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    again = Store(database_url, clock=lambda: NOW)
    assert again.db.outdated
    assert _page(again, "s").items == expected
    assert [a["name"] for a in again.actors("s")] == ["Maria T. Alvarez"]
