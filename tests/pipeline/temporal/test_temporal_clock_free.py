"""Nothing depends on the wall clock: the same text gives the same values under any fake "today",
and without a reference date relative expressions keep X's and open bounds instead of a guess."""

from __future__ import annotations

import datetime as real_datetime
from datetime import date
from unittest import mock

from service.pipeline.temporal import normalise

TEXT = ("Officials said on Thursday that talks held last week would resume next month, two days after "
        "the vote in early August; a decision is expected soon, and the envoy arrived yesterday.")


class _FakeDate(real_datetime.date):
    fake_today = real_datetime.date(1999, 1, 1)

    @classmethod
    def today(cls):
        return cls.fake_today


def _run_with_today(today: date, reference: date | None):
    _FakeDate.fake_today = today
    with mock.patch("datetime.date", _FakeDate):
        return normalise(TEXT, reference)


def test_same_values_under_any_today():
    runs = [_run_with_today(today, date(2024, 10, 31)) for today in (date(1999, 1, 1), date(2031, 7, 4))]
    assert runs[0] == runs[1] == normalise(TEXT, date(2024, 10, 31))


def test_without_reference_relative_values_stay_unknown():
    found = {e.text: e for e in normalise(TEXT, None)}
    assert found["Thursday"].value == "XXXX-WXX-4"
    assert found["Thursday"].anchor.kind == "none"
    assert found["last week"].value == "XXXX-WXX"
    assert found["early August"].value == "XXXX-08"
    assert found["yesterday"].value == "XXXX-XX-XX"
    assert found["soon"].date.earliest is None and found["soon"].date.latest is None
    assert found["Thursday"].date.earliest is None
