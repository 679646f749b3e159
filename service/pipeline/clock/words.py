"""How a day mention is named in a basis: "dateline 'May 3'", "said … on Monday"."""

from __future__ import annotations

from service.pipeline.clock import lexicon as lx
from service.pipeline.clock.evidence import DayMention


def kind_words(m: DayMention) -> str:
    if m.kind == "stamp":
        return f"{m.cue or 'date'} stamp"
    if m.kind == "dateline":
        return "dateline"
    return "weekday and date" if m.weekday is not None else "date"


def tense_words(m: DayMention) -> str:
    return f" ({m.tense}, '{m.cue}')" if m.cue else ""


def phrase(m: DayMention) -> str:
    if m.shift is not None:
        return f"{next(w for w, n in lx.DEICTIC.items() if n == m.shift)} … {m.text}"
    return f"{m.cue} … {m.text}" if m.cue else m.text
