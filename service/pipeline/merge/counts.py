"""Counts in claims: is a figure of two reports one count of one thing, told or estimated two ways?

A count is (who counts, what is counted, where). The same count of one thing ("1,200 jobs" ~ "some
1,200 positions") or a close one ("at least 2,300 dead" ~ "2,600 dead": an estimate rounded or
updated) brings two claims closer; counts of other measures ("killed" v "injured", "revenue" v
"profit") or of two places ("in Lyon" v "in Marseille") are two claims.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path

from service.pipeline.model import Figure, Statement

FIGURE_DISPUTED = 10.0  # a count of the same unit given with other values: maybe one claim in dispute
FIGURE_NEAR, NEAR_RATIO = 20.0, 1.5  # other values this close: an estimate outlets round, range or update
_PROPER = re.compile(r"\b[A-Z][a-z]+")  # a name ("Lyon"); its first letters (PLACE_STEM) stand for its forms ("Russia", "Russian")
PLACE_STEM = 5
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                       "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})
_WORD = re.compile(r"[a-z][a-z\-’']*")
_NAME_WORD = re.compile(r"[\w’'-]+")
_NAME = attrgetter("name")
_NUMBER_OR_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+")


@cache
def _lexicon() -> dict:
    with open(Path(__file__).parent / "resources" / "counts.toml", "rb") as handle:
        return tomllib.load(handle)


@cache
def _units() -> dict[str, str]:
    return {noun: key for key, nouns in _lexicon()["units"].items() for noun in nouns}


def unit_of(figure: Figure) -> str:
    """The figure's counted noun, outlets' other words for one count folded ("positions" ~ "jobs")."""
    return _units().get(figure.unit, figure.unit)


def _counted(a: Statement, b: Statement) -> list[tuple[Figure, Figure]]:
    """Pairs of the two claims' figures that count one thing (of one unit, and not the dead of one
    claim against the injured of the other). The last pair's answer is kept: the merger asks it of
    one pair several times in a row."""
    global _LAST
    last = _LAST
    if last[0] is a and last[1] is b:
        return last[2]
    pairs = _one_unit(a, b)
    found = [] if not pairs or _other_measures(a, b) else pairs
    _LAST = (a, b, found)
    return found


_LAST: tuple = (None, None, [])  # replaced whole, so a reader in another thread sees one pair's answer


def _one_unit(a: Statement, b: Statement) -> list[tuple[Figure, Figure]]:
    if not a.figures or not b.figures:
        return []
    units = _units()  # a claim gives a figure or two: folding them is cheaper than hashing them for a cache
    return [(fa, fb) for fa in a.figures for fb in b.figures
            if (x := units.get(fa.unit, fa.unit)) == (y := units.get(fb.unit, fb.unit)) or _one_noun(x, y)]


def _one_noun(x: str, y: str) -> bool:
    """One counted noun, or "people" and the people one counts ("1,100 residents were ordered out" ~
    "the evacuation of about 1,100 people"): not "1,100 people" and "1,100 homes"."""
    if x == y:
        return True
    people = _people()
    return (x in people[0] and y in people[1]) or (y in people[0] and x in people[1])


def counted_as(unit: str) -> str:
    """The quantity a counted noun counts, people of any name as "people" ("500 protesters" v "2,000 people")."""
    people = _people()
    return "people" if unit in people[0] or unit in people[1] else unit


@cache
def _people() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns for people in general, and the people a count names (residents, passengers, workers)."""
    data = _lexicon()["people"]
    return frozenset(data["general"]), frozenset(data["counted"])


def _other_measures(a: Statement, b: Statement) -> bool:
    classes = _count_classes(a.text), _count_classes(b.text)
    return all(classes) and not classes[0] & classes[1]


@cache
def _count_forms() -> dict[tuple[str, ...], str]:
    return {tuple(form.split()): name for name, forms in _lexicon()["counts"].items() for form in forms}


@lru_cache(maxsize=65536)
def _count_classes(text: str) -> frozenset[str]:
    """The classes of count predicates a claim uses ("were killed" -> dead)."""
    words, forms = _WORD.findall(text.lower()), _count_forms()
    return frozenset(forms[g] for n in (1, 2, 3) for i in range(len(words) - n + 1) if (g := tuple(words[i : i + n])) in forms)


def one_measure(a: Statement, b: Statement) -> bool:
    """Both claims tell what their count measures, and it is one measure ("were killed" ~ "died")."""
    classes = _count_classes(a.text), _count_classes(b.text)
    return bool(classes[0] & classes[1])


def figure_bonus(a: Statement, b: Statement) -> float:
    """Claims that give the same count of the same thing are closer (a figure is a strong paraphrase anchor)."""
    pairs = _counted(a, b)
    if any(fa.low == fb.low and fa.high == fb.high for fa, fb in pairs):
        return 35.0
    if any(fa.low <= fb.high and fb.low <= fa.high for fa, fb in pairs):
        return 25.0
    if any(_near(fa, fb) for fa, fb in pairs):
        return FIGURE_NEAR  # "at least 2,300 dead" v "2,600 dead": one estimate, told or updated two ways
    return FIGURE_DISPUTED if pairs else 0.0  # "38 reports" v "45 reports": maybe one count, told two ways


def _near(a: Figure, b: Figure) -> bool:
    low, high = sorted((max(a.high, 1e-9), max(b.high, 1e-9)))
    return high / low <= NEAR_RATIO


def counts_one_thing(a: Statement, b: Statement) -> bool:
    """Both claims count the same thing ("40 posts" v "45 new posts")."""
    return bool(_counted(a, b))


def other_figure(a: Statement, b: Statement) -> bool:
    """Both give a count of one unit and no two of those counts agree ("800 homes" v "1,000 homes")."""
    pairs = _counted(a, b)
    return bool(pairs) and not any(fa.low <= fb.high and fb.low <= fa.high for fa, fb in pairs)


def other_count(a: Statement, b: Statement) -> bool:
    """Two counts, not one disputed: figures of one unit measuring other things ("2,300 were killed" v
    "2,000 were injured"), or other figures each for a place the other does not name ("40,000 marched
    in Lyon" v "45,000 marched in Marseille")."""
    if not _one_unit(a, b):
        return False
    if _other_measures(a, b):
        return True
    return other_figure(a, b) and _other_place(a, b) and _other_place(b, a)


def _other_place(a: Statement, b: Statement) -> bool:
    """A place of ``a`` that ``b`` does not name, by its name or, for a named building or square, by its
    noun in lower case ("outside the Government Palace" ~ "outside the presidential palace"; not "the
    Old Square" v "Central Square")."""
    named = _stems(b.text)
    return any(stem not in named and not (head and re.search(rf"\b{head}\b", b.text)) for stem, head in _places(a))


def _places(statement: Statement) -> frozenset[tuple[str, str]]:
    """Stems of the places a claim names after a preposition of place ("marched in Lyon", "across
    France"), its speakers' names, days and months left out: not every name ("the edge of Mare Crisium",
    "02:47 IST", "the Chaitra-1 lander" place no count)."""
    return _named_stems(statement.text, tuple(map(_NAME, statement.actors)))


_PLACE = re.compile(r"\b(?:in|at|across|near|outside|throughout)\s+(?:the\s+)?([A-Z][a-z]+)((?:\s+[A-Z][a-z]+)*)")


@lru_cache(maxsize=65536)
def _named_stems(text: str, speakers: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Each place's stem, and the last word of a name of several words, in lower case ("palace")."""
    names = frozenset(w.lower() for name in speakers for w in _NAME_WORD.findall(name))
    places = ((first.lower(), rest.split()[-1].lower() if rest else "") for first, rest in _PLACE.findall(text))
    return frozenset((w[:PLACE_STEM], head) for w, head in places if w not in names and w not in _CALENDAR)


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w.lower()[:PLACE_STEM] for w in _PROPER.findall(text))


@cache
def _estimate_verb() -> re.Pattern[str]:
    """"put"/"place" told of a level ("has put the figure at 900", "places it even higher"): up to
    four words of object ("the number of dead"), then the level."""
    data = _lexicon()["estimates"]
    verbs, levels, before = ("|".join(map(re.escape, data[k])) for k in ("verbs", "levels", "before_figure"))
    level = rf"(?:even\s+)?(?:{levels})\b|(?:{before})\s+(?:[a-z]+\s+){{0,3}}\d"
    return re.compile(rf"\b(?:{verbs})(?=(?:\s+[\w’'-]+){{1,4}}?,?\s+(?:{level}))", re.IGNORECASE)


def estimate_verbs(text: str) -> str:
    """The text with "put"/"place" of an estimate worded "estimate", so that "has put the figure at
    900" and "estimates 900" share their verb ("believes", "assessed" fold by synonym)."""
    return _estimate_verb().sub("estimate", text)


def same_count(a: Statement, b: Statement) -> frozenset[str]:
    """The folded units of the counts the two claims give exactly alike ("up to 900 workers" ~ "as
    high as 900 staff"), counts of other measures ("killed" v "injured") left out."""
    return frozenset(unit_of(fa) for fa, fb in _counted(a, b) if fa.low == fb.low and fa.high == fb.high)


@cache
def _update() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of a count risen to a level, and number words as digits."""
    lexicon = _lexicon()["updates"]
    verbs = "|".join(map(re.escape, lexicon["verbs"]))
    pattern = re.compile(rf"\b(?:{verbs})\s+to\s+(?:at\s+least\s+|about\s+|around\s+|some\s+)?([\w,.]+)", re.IGNORECASE)
    return pattern, {word: str(n) for n, word in enumerate(lexicon["numbers"], 1)}


def number_words() -> dict[str, str]:
    """Number words as digits ("two" -> "2"), one to twenty."""
    return _update()[1]


@lru_cache(maxsize=65536)
def _levels(text: str) -> frozenset[str]:
    """The levels a text tells a count risen to, in digits ("rose to nine" -> "9"); not "rose to power"."""
    pattern, digits = _update()
    found = (digits.get(m.lower().rstrip(".,"), m.replace(",", "").rstrip(".")) for m in pattern.findall(text))
    return frozenset(level for level in found if level[0].isdigit())


@lru_cache(maxsize=65536)
def _numbers(text: str) -> frozenset[str]:
    """Every number a text gives, in digits ("nine" -> "9", "1,200" -> "1200")."""
    digits = _update()[1]
    words = (t.lower().replace(",", "") for t in _NUMBER_OR_WORD.findall(text))
    return frozenset(digits.get(w, w) for w in words if w in digits or w[0].isdigit())


def updated_count(a: Statement, b: Statement) -> bool:
    """One report tells a count risen to a level the other does not give ("the toll rose to nine
    overnight" v "seven workers were killed when the fire broke out"): the rise is a later happening.
    Both telling the rise ("climbed to nine") or the other giving its level ("nine have died") is one."""
    for x, y in ((a, b), (b, a)):
        levels = _levels(x.text)
        if levels and not _levels(y.text) and not levels & _numbers(y.text):
            return True
    return False
