"""What ties articles of one story to the same clock: shared quotes, names and figures.

Articles quoting the same words of the same people with the same numbers report the same news, so
they were written at about the same time. Keys are indexed by day, so linking an article costs the
number of its keys, not the number of articles in the story.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from service.pipeline.clock import lexicon as lx

GRAM = 4  # quoted words in a row that count as the same quote
QUOTE_WEIGHT, QUOTE_CAP = 0.5, 5.0  # per shared run of GRAM quoted words
NAME_CAP, FIGURE_CAP = 4, 3
WORD_WEIGHT, WORD_CAP = 0.5, 2.0  # single capitalised words mid-sentence: places, organisations
SHINGLE, SHINGLE_SAMPLE = 6, 3  # runs of 6 words of running text, one in 3 kept (by a stable hash)
SHINGLE_WEIGHT, SHINGLE_CAP = 0.25, 2.5  # reused wire copy shares many
THRESHOLD = 1.0  # one full name: articles of one story that share even that are about the same news
WEAK_THRESHOLD = 0.5  # one place or organisation, where the story's dated articles fall in one week
# A mixed set (a running story, or unrelated articles) shares names with days far apart: a best day
# matched nearly as well (RIVAL_SHARE of its score) by a day over RIVAL_GAP days away dates nothing.
RIVAL_SHARE, RIVAL_GAP = 0.8, 7
SHINGLE_WORD = re.compile(rb"[a-z0-9]+")
OPENS = re.compile(r"(?:^|[.!?:;“\"‘(]|\n)\s*$")  # what a sentence's first word follows


@dataclass(frozen=True, slots=True)
class LinkKeys:
    quotes: tuple[tuple[str, ...], ...]  # each quotation as lower-case words
    quoted: tuple[str, ...]  # each quotation as written
    grams: frozenset[str]  # every run of GRAM quoted words
    names: tuple[tuple[str, str], ...]  # (key, as written): ("maria lopez", "Maria Lopez")
    words: tuple[tuple[str, str], ...]  # (key, as written): ("ottawa", "Ottawa")
    figures: tuple[tuple[str, str], ...]  # (key, as written): ("8000", "8,000")
    shingles: frozenset[int] = frozenset()  # sampled hashes of SHINGLE-word runs of the whole text


@dataclass(frozen=True, slots=True)
class Link:
    day: date
    article_id: str  # the dated article the link is named after
    score: float
    quote: str | None  # the longest quoted words shared with that article
    names: tuple[str, ...]
    figures: tuple[str, ...]
    passages: int = 0  # sampled runs of wording shared with that article
    loose: bool = False  # below THRESHOLD, taken because the story's dated articles fall in one week

    def describe(self) -> str:
        parts = []
        if self.quote:
            parts.append(f"the quote '{self.quote}'")
        if self.names:
            parts.append("the names " + ", ".join(self.names))
        if self.figures:
            parts.append("the figures " + ", ".join(self.figures))
        if self.passages:
            parts.append(f"{self.passages} shared {SHINGLE}-word passages")
        words = " and ".join(parts) if parts else "nothing"
        return words + (" (enough: the story's dated articles all fall in one week)" if self.loose else "")


def link_keys(text: str) -> LinkKeys:
    quoted = tuple(m.group(1) for m in lx.QUOTE.finditer(text))
    quotes = tuple(words for q in quoted if len(words := _words(q)) >= GRAM)
    grams = frozenset(" ".join(q[i : i + GRAM]) for q in quotes for i in range(len(q) - GRAM + 1))
    names, words = _names(text)
    return LinkKeys(quotes, quoted, grams, names, words, _figures(text), _shingles(text))


def name_words(keys: LinkKeys) -> frozenset[str]:
    """The lower-case words of the names and capitalised words a text has."""
    return frozenset(w for key, _ in keys.names for w in key.split()) | frozenset(k for k, _ in keys.words)


def _shingles(text: str) -> frozenset[int]:
    """A stable sample of the text's word runs: the same sample of the same copy in any article."""
    words = SHINGLE_WORD.findall(text.lower().encode())  # ASCII runs: the bytes are the words' own
    return frozenset(h for i in range(len(words) - SHINGLE + 1)
                     if (h := zlib.crc32(b" ".join(words[i : i + SHINGLE]))) % SHINGLE_SAMPLE == 0)


def _words(quote: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", quote.lower().replace("’", "'")))


def _as_written(words: tuple[str, ...], quoted: tuple[str, ...]) -> str:
    """The quoted words as the article wrote them, case and punctuation kept."""
    pattern = re.compile(r"[^\w'’]+".join(re.escape(w).replace("'", "['’]") for w in words), re.IGNORECASE)
    for q in quoted:
        if m := pattern.search(q):
            return m.group()
    return " ".join(words)


def _names(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Runs of capitalised words, titles and initials dropped, keyed by their last two words; lone
    capitalised words count apart, and only mid-sentence, where a capital marks a name."""
    runs: list[tuple[int, list[str]]] = []  # (offset of the first kept word, kept words)
    last_end = None
    for m in lx.NAME_TOKEN.finditer(text):
        if not (last_end is not None and m.start() == last_end + 1 and text[last_end] == " "):
            runs.append((-1, []))
        word = m.group()
        word = (word[:-2] if word.endswith(("'s", "’s")) else word).rstrip(".")
        low = word.lower()
        if len(word) > 1 and low not in lx.NAME_STOP and low not in lx.MONTHS and low not in lx.WEEKDAYS:
            if not runs[-1][1]:
                runs[-1] = (m.start(), [])
            runs[-1][1].append(word)
        last_end = None if m.group().endswith(("'s", "’s")) else m.end()  # a possessive ends a name
    names: dict[str, str] = {}
    single: dict[str, str] = {}
    for start, words in runs:
        if len(words) >= 2:
            shown = " ".join(words[-2:])
            names.setdefault(shown.lower(), shown)
        elif words and not _opens_sentence(text, start):
            single.setdefault(words[0].lower(), words[0])
    return tuple(sorted(names.items())), tuple(sorted(single.items()))


def _opens_sentence(text: str, start: int) -> bool:
    return bool(OPENS.search(text[max(0, start - 4) : start]))


def _figures(text: str) -> tuple[tuple[str, str], ...]:
    found = {}
    for m in lx.FIGURE.finditer(text):
        shown = m.group(1)
        found.setdefault(re.sub(r"[,\s]", "", shown.lower()).replace("percent", "%"), shown)
    return tuple(sorted(found.items()))


class StoryIndex:
    """Dated articles' keys by day: key -> {day: smallest article id with that key on that day}."""

    def __init__(self, dated: Iterable[tuple[str, date, LinkKeys]]):
        self._keys: dict[str, LinkKeys] = {}
        self._days: dict[tuple[str, str | int], dict[date, str]] = defaultdict(dict)
        dated = sorted(dated, key=lambda t: t[0])
        for article_id, day, keys in dated:
            self._keys[article_id] = keys
            for key in _all_keys(keys):
                self._days[key].setdefault(day, article_id)
        days = [day for _, day, _ in dated]
        # Dated articles all within one week: the story is one piece of news, so one shared place or
        # organisation ties to it an undated article that reports its news on bare weekdays.
        self._one_week = bool(days) and (max(days) - min(days)).days <= RIVAL_GAP

    def best_link(self, keys: LinkKeys, weekdays: bool = False, dateless: bool = False,
                  yesterday: bool = False) -> Link | None:
        """The day most shared with, ties to the latest (articles follow the news they report).
        Each key counts 1/n on each of the n days it appears on, so only telling keys link;
        `weekdays`: the article reports news on bare weekdays, to be placed in the story's week;
        `dateless`: it names no day at all, and a quote it shares is the story's news told again;
        `yesterday`: it tells news "yesterday", a follow-up of the story's latest news it shares."""
        shared: dict[date, Counter] = defaultdict(Counter)
        for key in _all_keys(keys):
            days = self._days.get(key, {})
            for day in days:
                shared[day][key[0]] += 1 / len(days)  # a key seen on many days tells no day apart
        scored = [(round(_score(c), 6), day) for day, c in shared.items()]  # rounded: sums in any order tie alike
        if not scored:
            return None
        score, day = max(scored)
        loose = self._one_week and (weekdays or yesterday or (dateless and shared[day]["quote"] > 0))
        if score < (WEAK_THRESHOLD if loose else THRESHOLD) or any(s >= RIVAL_SHARE * score and abs((d - day).days) > RIVAL_GAP for s, d in scored):
            return None
        who = Counter(self._days[k][day] for k in _all_keys(keys) if day in self._days.get(k, {}))
        article_id = min(who, key=lambda a: (-who[a], a))
        return replace(self._describe(day, article_id, score, keys), loose=score < THRESHOLD)

    def _describe(self, day: date, article_id: str, score: float, keys: LinkKeys) -> Link:
        other = self._keys[article_id]
        other_names = dict(other.names)
        other_figures = dict(other.figures)
        other_words = dict(other.words)
        names = (
            tuple(shown for key, shown in keys.names if key in other_names)
            + tuple(shown for key, shown in keys.words if key in other_words)
        )[:3]
        figures = tuple(shown for key, shown in keys.figures if key in other_figures)[:3]
        shared = _longest_shared(keys.quotes, other.grams)
        quote = _as_written(shared, keys.quoted) if shared else None
        return Link(day, article_id, score, quote, names, figures, len(keys.shingles & other.shingles))


def _all_keys(keys: LinkKeys) -> Iterable[tuple[str, str | int]]:
    yield from (("quote", g) for g in keys.grams)
    yield from (("name", k) for k, _ in keys.names)
    yield from (("word", k) for k, _ in keys.words)
    yield from (("figure", k) for k, _ in keys.figures)
    yield from (("text", h) for h in keys.shingles)


def _score(counts: Counter) -> float:
    return (
        min(QUOTE_WEIGHT * counts["quote"], QUOTE_CAP)
        + min(counts["name"], NAME_CAP)
        + min(WORD_WEIGHT * counts["word"], WORD_CAP)
        + min(counts["figure"], FIGURE_CAP)
        + min(SHINGLE_WEIGHT * counts["text"], SHINGLE_CAP)
    )


def _longest_shared(quotes: tuple[tuple[str, ...], ...], grams: frozenset[str]) -> tuple[str, ...]:
    """Longest run of quoted words whose every GRAM-word window the other article also quotes."""
    best: tuple[str, ...] = ()
    for q in quotes:
        run_start = None
        for i in range(len(q) - GRAM + 2):
            inside = i <= len(q) - GRAM and " ".join(q[i : i + GRAM]) in grams
            if inside and run_start is None:
                run_start = i
            elif not inside and run_start is not None:
                words = q[run_start : i - 1 + GRAM]
                best = max(best, words, key=len)
                run_start = None
    return best
