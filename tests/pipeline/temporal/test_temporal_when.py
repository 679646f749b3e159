"""make_when: calendar bounds, EDTF and labels for every kind of TIMEX3 value (examples in when.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from service.pipeline.temporal import make_when

CASES = tomllib.loads((Path(__file__).parent / "when.toml").read_text())["case"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['value']}-{c.get('mod')}" for c in CASES])
def test_make_when(case):
    when = make_when(case["value"], case.get("mod"))
    if case.get("none"):
        assert when is None
        return
    for key in ("edtf", "granularity", "display"):
        if key in case:
            assert getattr(when, key) == case[key], key
    for key in ("earliest", "latest"):
        if key in case:
            got = getattr(when, key)
            assert (got.isoformat() if got else "") == case[key], key
