"""The seed story without metadata: every article dated from its text or its story, in any order."""

from datetime import date
from itertools import permutations
from pathlib import Path

import pytest

from service.pipeline.clock import resolve_reference_dates
from service.pipeline.model import ArticleInput

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ARTICLES = tuple(ArticleInput(p.stem[:3], "seed", p.read_text("utf-8")) for p in sorted(SEEDS.glob("*.txt")))
EXPECTED = {
    "000": date(2024, 10, 31),
    "001": date(2024, 10, 31),
    "002": date(2024, 10, 31),
    "003": date(2024, 10, 30),
    "004": date(2024, 10, 31),
}
REFERENCE = resolve_reference_dates(ARTICLES)


@pytest.mark.parametrize("order", list(permutations(range(len(ARTICLES)))), ids=str)
def test_every_order_gives_the_same_clock(order):
    result = resolve_reference_dates([ARTICLES[i] for i in order])
    assert result == REFERENCE
    assert {k: v.value for k, v in result.items()} == EXPECTED


def test_weekday_and_date_dates_its_article_from_the_text():
    ref = REFERENCE["001"]
    assert ref.source == "text"
    assert "'Thursday (October 31)'" in ref.basis
    assert "2024 or later" in ref.basis


def test_articles_without_dates_take_the_story_clock_and_name_the_link():
    for article_id in ("000", "002", "003", "004"):
        ref = REFERENCE[article_id]
        assert ref.source == "story"
        assert "with article 001" in ref.basis
        assert ref.confidence < REFERENCE["001"].confidence


def test_past_and_announced_weekdays_place_an_article_between_them():
    ref = REFERENCE["003"]
    assert (ref.earliest, ref.latest) == (date(2024, 10, 30), date(2024, 10, 30))
    assert "on Wednesday" in ref.basis and "future" in ref.basis


def test_a_shared_quote_is_named():
    assert "the quote 'if these North Korean troops engage in combat" in REFERENCE["004"].basis


def test_metadata_wins_and_agrees():
    dated = [ArticleInput(a.id, a.story, a.text, published_on=EXPECTED[a.id]) for a in ARTICLES]
    result = resolve_reference_dates(dated)
    assert all(r.source == "metadata" and r.confidence == 1.0 and not r.conflicts for r in result.values())


@pytest.mark.parametrize("dated_id", sorted(EXPECTED))
def test_metadata_on_one_article_dates_the_rest(dated_id):
    articles = [
        ArticleInput(a.id, a.story, a.text, published_on=EXPECTED[a.id] if a.id == dated_id else None)
        for a in ARTICLES
    ]
    result = resolve_reference_dates(articles)
    assert {k: v.value for k, v in result.items()} == EXPECTED
    assert result[dated_id].source == "metadata"


@pytest.mark.parametrize("cut", range(0, 2000, 250))
def test_any_slice_gives_a_consistent_clock(cut):
    """Cut texts (scrapes break anywhere) still give values inside their own bounds, or say why not."""
    sliced = [ArticleInput(a.id, a.story, a.text[cut : cut + 700]) for a in ARTICLES]
    for ref in resolve_reference_dates(sliced).values():
        assert (ref.value is None) == (ref.source == "unknown")
        if ref.value and not ref.conflicts:
            assert (ref.earliest or ref.value) <= ref.value <= (ref.latest or ref.value)
