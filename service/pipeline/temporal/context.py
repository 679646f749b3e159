"""What a resolver sees (the candidate, reference date, what the passage has talked about) and returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from service.pipeline.model import Anchor, When
from service.pipeline.temporal import tense
from service.pipeline.temporal.calendar_math import finer_or_equal, start_of
from service.pipeline.temporal.lexicon import lookup
from service.pipeline.temporal.matcher import Candidate

NO_ANCHOR = Anchor("none")
# How many days of distance a distant past cue outweighs for dates without a year: "the company said
# it extended the offer to Nov. 20" in early November means this month; news dates lie near the day.
TENSE_SLACK_DAYS = 150
_MASK = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s|\n")
_RANGE = re.compile(r"(?:st|nd|rd|th)?\s*,?\s*(?:to|into|through|till|until|then|-|–)\s*(?:on\s+|the\s+)?", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """A resolved DATE/TIME the passage talked about: a possible anchor for "a day later"."""

    text: str
    value: str
    day: date
    granularity: str
    explicit: bool = False  # named its own year ("June 5, 1944", "May 1990")
    end: int = 0  # offset just after it in the text


@dataclass(slots=True)
class Context:
    """One text being normalised: its reference date and the dates it has mentioned so far."""

    text: str
    reference: date | None
    mentions: list[Mention] = field(default_factory=list)

    def direction(self, candidate: Candidate) -> int | None:
        return tense.direction(self.text, candidate.start, candidate.end)

    def slack(self, candidate: Candidate) -> tuple[int | None, int | None]:
        """Direction for a date without a year, and how far a past cue's pull reaches (absolute.pick):
        a verb right before the date governs it ("ended Jan. 31"); a distant reporting verb may not."""
        way, near = tense.cue(self.text, candidate.start, candidate.end)
        return way, None if near else TENSE_SLACK_DAYS

    def reference_anchor(self) -> Anchor:
        return _reference_anchor(self.reference)

    def focus(self, granularity: str, past: bool = False) -> Mention | None:
        """The last mention at least as fine as ``granularity`` (what "a day later" counts from); with
        ``past``, the last one not after the reference date: a past clause ("supporters gathered by late
        morning") does not continue a day still to come ("he is to appear in court on Wednesday")."""
        for mention in reversed(self.mentions):
            if finer_or_equal(mention.granularity, granularity) and not (
                    past and self.reference is not None and mention.day > self.reference):
                return mention
        return None

    def recent_quarter(self) -> Mention | None:
        """A quarter among the last few mentions: the period a results report compares against."""
        return next((m for m in reversed(self.mentions[-3:]) if m.granularity == "quarter"), None)

    def remember(self, text: str, value: str, explicit: bool = False, end: int = 0) -> None:
        start = start_of(value)
        if start is not None:
            self.mentions.append(Mention(text, value, start[0], start[1], explicit, end))

    def same_sentence_day(self, start: int) -> Mention | None:
        """The last day-level mention if it is in the sentence of ``start`` ("on Oct. 23 at 10 p.m.")."""
        focus = self.focus("day")
        if focus is None or _SENTENCE_END.search(self.text, focus.end, start):
            return None
        return focus

    def range_start(self, start: int) -> date | None:
        """The day named just before ``start`` when the expression there closes a range from it ("from 3
        to 14 March", "late Sunday into Monday"): a range runs forward. Lists may run backwards
        ("statements made Friday and Thursday"), so "and" does not count."""
        last = self.mentions[-1] if self.mentions else None
        if last is None or last.granularity not in ("day", "time") or not _RANGE.fullmatch(self.text, last.end, start):
            return None
        return last.day

    def narrative(self) -> Mention | None:
        """Without a reference date, the last full date or month that named its year: a story told
        without a dateline ("On June 5, 1944 ... On June 6") puts its month-days in that year.
        With a reference date news practice wins: month-days are near the day of writing."""
        if self.reference is not None:
            return None
        for mention in reversed(self.mentions):
            if mention.explicit and mention.granularity in ("day", "month", "time"):
                return mention
        return None


@dataclass(frozen=True, slots=True)
class Resolution:
    type: str
    value: str
    mod: str | None = None
    anchor: Anchor = NO_ANCHOR
    when: When | None = None  # set for anchored durations; DATE/TIME get theirs from make_when
    remember: bool = True  # False for comparisons ("a year ago"): the passage does not move there


@lru_cache(maxsize=256)
def _reference_anchor(reference: date | None) -> Anchor:
    return Anchor("reference", None, reference.isoformat()) if reference else NO_ANCHOR


def mod_of(groups: dict[str, str]) -> str | None:
    """TIMEX3 mod from an early/mid/late word or an approximation word."""
    word = groups.get("mod")
    if word is not None:
        key = word.lower().rstrip("-").strip()
        if key == "earlier":
            return "START"
        if key == "later":
            return "END"
        return lookup(key, "MODWORD")
    if "orso" in groups:  # "a week or so ago"
        return "APPROX"
    return lookup(groups.get("approx"), "APPROXWORD")


def masked(value: str) -> str:
    """A value with its calendar digits unknown: what relative expressions get without a reference."""
    return _MASK.sub("X", value)
