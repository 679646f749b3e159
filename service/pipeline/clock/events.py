"""The same event told with a weekday in one article and a date in another ("the fire broke out
Monday" / "broke out on Labor Day"): where the verb is the same and the date falls on that weekday,
the weekday is that date. Indexed by verb, so matching costs the number of an article's weekdays.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.evidence import DayMention


def aligning(m: DayMention) -> bool:
    """Only a telling verb names an event: not "said" (said on many days) nor an auxiliary."""
    return bool(m.cue) and " " not in m.cue and m.cue not in lx.REPORTING and m.cue not in lx.AUXILIARIES


class EventIndex:
    """Dated past events by verb: cue -> [(day, article id, mention)], sorted for a stable choice."""

    def __init__(self, events: Iterable[tuple[str, date, DayMention]]):
        self._by_cue: dict[str, list[tuple[date, str, DayMention]]] = defaultdict(list)
        for article_id, day, m in events:
            self._by_cue[m.cue].append((day, article_id, m))
        for found in self._by_cue.values():
            found.sort(key=lambda t: (t[0], t[1], t[2].start))

    def match(self, article_id: str, days: Iterable[DayMention]) -> tuple[date, DayMention, str, DayMention] | None:
        """The latest dated event of another article that a past weekday of this one tells again."""
        found = [
            (day, m, other_id, other)
            for m in days
            if m.kind == "weekday" and m.tense == "past" and m.shift is None and aligning(m)
            for day, other_id, other in self._by_cue.get(m.cue, ())
            if other_id != article_id and day.weekday() == m.weekday
        ]
        return max(found, key=lambda t: (t[0], t[2], t[1].start), default=None)
