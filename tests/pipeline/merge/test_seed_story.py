"""The seed story end to end: five outlets on the US statements of 30-31 October 2024."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.pipeline.model import ArticleInput
from service.pipeline.story import analyse_story

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
PUBLISHED = {"000": date(2024, 10, 31), "001": date(2024, 10, 31), "002": date(2024, 10, 31), "003": date(2024, 10, 30), "004": date(2024, 10, 31)}


def _articles() -> list[ArticleInput]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        key = path.name[:3]
        out.append(ArticleInput(key, "nk-troops-kursk", path.read_text(), published_on=PUBLISHED[key]))
    return out


@pytest.fixture(scope="module")
def entries():
    return analyse_story(_articles()).entries


def _ids(entry) -> set[str]:
    return {a.id for a in entry.actors}


def _from(entry, article: str, evidence: str) -> bool:
    return any(s.article_id == article and evidence in s.evidence for s in entry.sources)


def test_austin_on_wednesday_is_dated_30_october(entries):
    found = [e for e in entries if _from(e, "003", "stated on Wednesday")]
    assert len(found) == 1
    assert "lloyd-austin" in _ids(found[0]) and found[0].date.value == "2024-10-30"


def test_blinken_legitimate_targets_is_one_entry_from_000_and_002(entries):
    found = [e for e in entries if "antony-blinken" in _ids(e) and any("legitimate military targets" in q for q in e.quotes)]
    assert len(found) == 1
    entry = found[0]
    assert {"000", "002"} <= {s.article_id for s in entry.sources}
    assert entry.date.value == "2024-10-31" and entry.kind == "statement"


def test_incursion_is_an_august_event_from_two_outlets(entries):
    found = [e for e in entries if e.kind == "event" and e.date and e.date.value.startswith("2024-08")]
    assert len(found) == 1
    assert found[0].date.granularity == "month"
    assert {s.article_id for s in found[0].sources} == {"000", "001"}


def test_a_day_earlier_statement_is_dated_30_october(entries):
    found = [e for e in entries if _from(e, "002", "a day earlier")]
    assert len(found) == 1
    assert found[0].date.value == "2024-10-30" and "lloyd-austin" in _ids(found[0])


def test_kim_yong_hyun_statements_are_his_and_dated_30_october(entries):
    found = [e for e in entries if "kim-yong-hyun" in _ids(e) and e.kind == "statement"]
    assert len(found) >= 2
    assert all(e.date.value == "2024-10-30" for e in found)
    assert any(_ids(e) == {"kim-yong-hyun"} and _from(e, "003", "Kim, for his part") for e in found)


@pytest.mark.parametrize("furniture", ["Subscribe", "CLICK HERE", "please log in", "Physical Address", "Breaking Headlines", "Create free account"])
def test_no_entry_from_page_furniture(entries, furniture):
    assert not [e for e in entries if any(furniture.lower() in s.evidence.lower() for s in e.sources)]


def test_author_opinion_is_not_a_statement(entries):
    assert not [e for e in entries if any("I suspect" in s.evidence for s in e.sources)]


def test_one_actor_per_person_across_the_story(entries):
    austin = {a for e in entries for a in e.actors if a.id == "lloyd-austin"}
    assert len(austin) == 1
    assert {a.id for e in entries for a in e.actors if "Austin" in a.name} == {"lloyd-austin"}
    assert "kim-jong-un" not in {a.id for e in entries for a in e.actors}


def test_us_estimate_figures_disagree(entries):
    found = [d for e in entries for d in e.discrepancies if d.field == "figure"]
    values = {v.value for d in found for v in d.values}
    assert any("11,000 to 12,000" in v for v in values) and any("10,000" in v and "11,000" not in v for v in values)


def test_every_meeting_statement_is_dated_to_its_day(entries):
    for entry in entries:
        if entry.kind == "statement" and any(s.article_id == "003" for s in entry.sources):
            assert entry.date.value in ("2024-10-30", "2024-10") or entry.date.latest <= date(2024, 10, 30)


def test_timeline_order_and_ids_do_not_depend_on_article_order(entries):
    again = analyse_story(list(reversed(_articles()))).entries
    assert [e.id for e in again] == [e.id for e in entries]
    assert len({e.id for e in entries}) == len(entries)


def test_timeline_is_ordered(entries):
    dated = [e for e in entries if e.date and e.date.earliest]
    assert [e.date.earliest for e in dated] == sorted(e.date.earliest for e in dated)


def test_previously_stated_joins_the_dated_statement(entries):
    found = [e for e in entries if _from(e, "001", "had previously stated")]
    assert len(found) == 1
    entry = found[0]
    assert entry.date.value == "2024-10-30" and {"001", "002", "003"} <= {s.article_id for s in entry.sources}


def test_joint_statement_merges_with_one_speakers_report(entries):
    found = [e for e in entries if _from(e, "001", "Blinken and Austin stated")]
    assert len(found) == 1
    assert _ids(found[0]) >= {"antony-blinken", "lloyd-austin"} and _from(found[0], "002", "additional military support")


def test_partial_quote_joins_the_full_quote(entries):
    found = [e for e in entries if _from(e, "002", "robust conversation")]
    assert len(found) == 1 and _from(found[0], "000", "robust conversation")


def test_austin_legitimate_targets_is_his_own_entry(entries):
    found = [e for e in entries if _from(e, "001", "Without a doubt")]
    assert len(found) == 1
    assert _ids(found[0]) == {"lloyd-austin"} and _from(found[0], "004", "Make no mistake")
