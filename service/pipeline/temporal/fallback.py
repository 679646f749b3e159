"""dateparser as the fallback for absolute date strings the rules match but do not spell out
(31.10.2024, 2024/10/31): called on those spans only, with settings that make the result depend on
the text alone (never on today's date)."""

from __future__ import annotations

from datetime import datetime

from service.pipeline.temporal.absolute import ABSOLUTE
from service.pipeline.temporal.context import Context, Resolution
from service.pipeline.temporal.matcher import Candidate

_FIXED_BASE = datetime(2000, 1, 1)  # never used for a full date, but keeps the wall clock out


def fallback(c: Candidate, ctx: Context) -> Resolution | None:
    import dateparser  # loaded on first use only: most texts never need it

    text = c.groups["numeric"]
    order = "YMD" if text[:4].isdigit() else "DMY"  # dotted dates in English news are day-first
    parsed = dateparser.parse(text, languages=["en"], settings={
        "DATE_ORDER": order, "RELATIVE_BASE": _FIXED_BASE, "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
    })
    if parsed is None:
        return None
    return Resolution("DATE", parsed.date().isoformat(), None, ABSOLUTE)
