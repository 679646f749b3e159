"""Articles over HTTP: create, repeat, read, page, correct, delete."""

from __future__ import annotations

from fastapi.testclient import TestClient

ARTICLE = {
    "text": "The minister said on Tuesday that talks would resume.",
    "title": "Talks",
    "publisher": "Example News",
    "url": "https://news.example/talks",
    "published_at": "2024-10-31T09:30:00-04:00",
}


def _add(client: TestClient, story: str = "s", **changes) -> dict:
    response = client.post(f"/v1/stories/{story}/articles", json={**ARTICLE, **changes})
    assert response.status_code == 201, response.text
    return response.json()


def test_create_returns_the_article_with_its_derived_fields(client: TestClient) -> None:
    article = _add(client)
    assert article["story"] == "s" and article["text"] == ARTICLE["text"]
    assert article["published_at"] == ARTICLE["published_at"]
    assert article["ingested_at"] == "2024-11-01T12:00:00Z"  # the frozen test clock
    assert article["reference_date"]["value"] == "2024-10-31"
    assert set(article["counts"]) == {"expressions", "entries"}
    assert client.get("/v1/stories/s").json()["articles"] == 1


def test_repeating_a_text_returns_200_and_changes_nothing(client: TestClient) -> None:
    first = _add(client)
    again = client.post("/v1/stories/s/articles", json={"text": ARTICLE["text"], "publisher": "Someone else"})
    assert again.status_code == 200 and again.json() == first


def test_get_article_and_expressions(client: TestClient) -> None:
    article = _add(client)
    assert client.get(f"/v1/articles/{article['id']}").json() == article
    expressions = client.get(f"/v1/articles/{article['id']}/expressions").json()["expressions"]
    assert len(expressions) == article["counts"]["expressions"]
    for e in expressions:
        assert ARTICLE["text"][e["start"] : e["end"]] == e["text"]


def test_article_pages_follow_cursors_and_omit_text(client: TestClient) -> None:
    ids = [_add(client, text=f"Article {n}.")["id"] for n in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/stories/s/articles", params=params).json()
        assert all("text" not in a for a in page["articles"])
        seen += [a["id"] for a in page["articles"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids


def test_a_cursor_goes_stale_when_the_story_changes(client: TestClient) -> None:
    for n in range(3):
        _add(client, text=f"Article {n}.")
    cursor = client.get("/v1/stories/s/articles", params={"limit": 1}).json()["next_cursor"]
    _add(client, text="A newer article.")
    stale = client.get("/v1/stories/s/articles", params={"limit": 1, "cursor": cursor})
    assert stale.status_code == 404


def test_a_cursor_only_fits_its_own_query(client: TestClient) -> None:
    for n in range(3):
        _add(client, text=f"Article {n}.")
    cursor = client.get("/v1/stories/s/articles", params={"limit": 1}).json()["next_cursor"]
    assert client.get("/v1/stories/s/articles", params={"limit": 2, "cursor": cursor}).status_code == 404


def test_patch_sets_clears_and_keeps(client: TestClient) -> None:
    article = _add(client)
    response = client.patch(f"/v1/articles/{article['id']}", json={"published_at": None, "title": "New title"})
    assert response.status_code == 200
    patched = response.json()
    assert patched["published_at"] is None and patched["title"] == "New title"
    assert patched["publisher"] == ARTICLE["publisher"]  # not sent: kept
    assert patched["reference_date"]["source"] != "metadata"  # the clock was re-resolved
    assert client.patch(f"/v1/articles/{article['id']}", json={}).json() == patched


def test_patch_corrects_the_clock(client: TestClient) -> None:
    article = _add(client, published_at=None)
    patched = client.patch(f"/v1/articles/{article['id']}", json={"published_at": "2024-10-30"}).json()
    assert patched["reference_date"]["value"] == "2024-10-30"


def test_delete_removes_the_article(client: TestClient) -> None:
    article = _add(client)
    response = client.delete(f"/v1/articles/{article['id']}")
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/v1/articles/{article['id']}").status_code == 404
    assert client.get(f"/v1/articles/{article['id']}/expressions").status_code == 404
    assert client.delete(f"/v1/articles/{article['id']}").status_code == 404
    assert client.get("/v1/stories/s").json()["articles"] == 0


def test_unknown_article_on_patch_is_404(client: TestClient) -> None:
    assert client.patch("/v1/articles/0123456789abcdef", json={"title": "x"}).status_code == 404
