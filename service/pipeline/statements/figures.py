"""Figures: the numbers a statement gives for a counted quantity ("about 10,000 troops").

Used to flag outlets that disagree on an estimate; qualifiers ("up to", "more than") shape the
range, and the counted noun (with synonyms from the lexicon) says what is counted.
"""

from __future__ import annotations

import re
from functools import cache

from service.pipeline.model import Figure
from service.pipeline.statements.lexicon import load, words as word_class

# a currency before the number: "$", "US$", "C$", "HK$", "€", "¥", "USD ", "EUR "
_MONEY = r"(?:(?:US|A|AU|C|CA|NZ|HK|S)?[$£€¥₹]|(?:USD|EUR|GBP|CHF|JPY)\s?)"
# a hyphen joins the number to its multiplier or unit in a compound ("a 75,000-euro reward", "$5-million")
_NUMBER = rf"(?<![\w+/.]){_MONEY}?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:bn|m|k)?(?!\w)(?!-\d)"
_CURRENCY = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen", "₹": "rupee", "usd": "dollar", "eur": "euro", "gbp": "pound", "chf": "franc", "jpy": "yen"}
_SUFFIX = {"bn": 1e9, "m": 1e6, "k": 1e3}
_MONEY_PREFIX = re.compile(_MONEY, re.IGNORECASE)
_YEAR = re.compile(r"(19|20)\d\d")
_SCALED = re.compile(r"\d+(?:bn|m|k)")
_PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)
_WORD = re.compile(r"\([^)]*\)|[\w’'][\w’'-]*")


@cache
def _lex() -> dict:
    data = load("figures")
    ends = frozenset(data["units"]["none"]) | word_class("prepositions") | word_class("time_words")
    units_of = {word: key for key, words in data["units"].items() if key not in ("skip", "none") for word in words}
    qualifiers = {q: kind for kind, words in data["qualifiers"].items() for q in words}
    spelled = data["spelled"]
    tens = "|".join(w for w, n in spelled.items() if n >= 20)
    units = "|".join(w for w, n in spelled.items() if n < 10)
    word = rf"\b(?:(?:{tens})(?:-(?:{units}))?|{'|'.join(w for w, n in spelled.items() if n < 20)})\b"
    return {"units": units_of, "skip": frozenset(data["units"]["skip"]), "none": ends, "qualifiers": qualifiers,
            "longest": max(map(len, qualifiers)), "mult": data["multipliers"], "spelled": spelled, "word": word, "durations": frozenset(data["spans"]["durations"]),
            "first": re.compile(rf"\d|{word}", re.IGNORECASE)}


@cache
def _pattern() -> re.Pattern[str]:
    lex = _lex()
    qualifier = "|".join(sorted(map(re.escape, lex["qualifiers"]), key=len, reverse=True))
    mult = "|".join(lex["mult"])
    number = rf"(?:{_NUMBER}|{lex['word']})"
    return re.compile(
        rf"(?:\b(?P<q>{qualifier})\s+)?(?P<a>{number})(?:[\s-]+(?P<ma>{mult}))?"
        rf"(?:\s*(?:to|-|–|and)\s*(?P<b>{number})(?:[\s-]+(?P<mb>{mult}))?)?"
        rf"(?P<rest>(?:(?:\s+|-)(?!{lex['word']})(?:\([^)]*\)|[A-Z][\w’'-]*|[a-z][\w-]*)){{0,5}})",  # up to the next count
        re.IGNORECASE,
    )


def find_figures(text: str) -> tuple[Figure, ...]:
    """Counted figures in ``text``, in digits or words; years and bare numbers are left out."""
    lex, out = _lex(), []
    first = lex["first"].search(text)
    if first is None:
        return ()  # every figure has a digit or a number word: spare the pattern's scan
    for m in _pattern().finditer(text, _scan_start(text, first.start())):
        raw = m.group("a")
        if _YEAR.fullmatch(raw) and not m.group("b") or _SCALED.fullmatch(raw):
            continue
        sign = text.startswith("%", m.end("b") if m.group("b") else m.end("a"))  # "12%"
        unit = _currency(raw) or ("percent" if sign else _unit(m.group("rest")))
        if unit is None or unit in lex["durations"] and raw[:1].isalpha():
            continue  # "two days after": a span of time, no count
        low = _value(raw, m.group("ma"))
        high = _value(m.group("b"), m.group("mb") or m.group("ma")) if m.group("b") else low
        qualifier = (m.group("q") or "").lower()
        kind = lex["qualifiers"].get(qualifier)
        if kind == "upper":
            low = min(low, high)
        text_span = text[m.start() : m.start("rest") + sign].strip()
        out.append(Figure(text_span, low, high, unit))
    return tuple(out)


def _scan_start(text: str, digit: int) -> int:
    """Where a figure may first start: no earlier than its qualifier before the first digit
    ("no more than  USD 5"): a currency of at most 4 characters, spaces, the longest qualifier."""
    i = max(0, digit - 5)
    while i > 0 and text[i].isspace():
        i -= 1
    return max(0, i - _lex()["longest"])


def _currency(raw: str) -> str | None:
    """The unit a currency prefix gives ("US$12" -> dollar, "€3m" -> euro), else None."""
    prefix = None if raw[:1].isdigit() else _MONEY_PREFIX.match(raw)  # most figures have no prefix: spare the match
    if prefix is None:
        return None
    sign = prefix.group().strip().lower()
    return _CURRENCY.get(sign) or _CURRENCY.get(sign[-1])


def _value(raw: str, multiplier: str | None) -> float:
    spelled = _lex()["spelled"]
    parts = raw.lower().split("-")
    if all(part in spelled for part in parts):  # a number in words ("four", "twenty-five")
        return sum(spelled[part] for part in parts) * _lex()["mult"].get((multiplier or "").lower(), 1)
    raw = _MONEY_PREFIX.sub("", raw, count=1).replace(",", "")
    suffix = "bn" if raw.endswith("bn") else raw[-1] if raw[-1] in "mk" else ""
    number = float(raw[: len(raw) - len(suffix)]) * _SUFFIX.get(suffix, 1)
    return number * _lex()["mult"].get((multiplier or "").lower(), 1)


def _unit(rest: str) -> str | None:
    """The counted noun after the number, or None: a preposition or adverb there ("500,000 over the
    past two years", "12 since Monday", "40 overnight") starts another phrase, not the figure's unit."""
    lex = _lex()
    rest = _PER_CENT.sub("percent", rest)  # "3.5 per cent" = "3.4 percent"
    for word in _WORD.findall(rest):
        if word.startswith("(") or word[:1].isupper() or word.lower() in lex["skip"]:
            continue
        lowered = word.lower()
        if lowered in lex["none"]:
            return None
        if lowered in lex["units"]:
            return lex["units"][lowered]
        if not lowered.isalpha():
            return None
        return lowered[:-1] if lowered.endswith("s") and not lowered.endswith("ss") else lowered
    return None
