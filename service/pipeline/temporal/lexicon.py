"""Word lists (lexicon.toml) as regex macros and lookup tables, so rules name {MONTH} not its spellings."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"


def load(name: str) -> dict:
    with open(RESOURCES / name, "rb") as handle:
        return tomllib.load(handle)


def _forms(word: str, case: str) -> list[str]:
    """Spellings a table entry may take in text under its case policy."""
    if case == "title":
        title = " ".join(part[:1].upper() + part[1:] for part in word.split(" "))
        forms = [title, word.upper()]
        return forms + [f.replace("'", "’") for f in forms if "'" in f]
    if case == "upper":
        return [word.upper()]
    return [word, word.replace("'", "’")] if "'" in word else [word]


def _alternation(entries: dict, case: str) -> str:
    forms = [form for word in entries for form in _forms(word, case)]
    forms.sort(key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    if case in ("title", "upper"):
        return f"(?-i:{body})"
    # a case-insensitive alternation is tried word by word (the regex engine cannot reject its words by
    # their first letter): a lookahead on the first letters rejects most positions in one step
    firsts = "".join(sorted({c for form in forms for c in (form[0].lower(), form[0].upper())}))
    return f"(?=[{re.escape(firsts)}])(?:{body})"


@cache
def tables() -> dict[str, dict[str, object]]:
    """Lexicon tables keyed by name, entries keyed by lower-case spelling."""
    return {name: {k.lower(): v for k, v in spec["entries"].items()}
            for name, spec in load("lexicon.toml")["lexicon"].items()}


@cache
def macros() -> dict[str, str]:
    """Regex fragment per lexicon table, ready to be spliced into rule patterns."""
    return {name: _alternation(spec["entries"], spec.get("case", "any"))
            for name, spec in load("lexicon.toml")["lexicon"].items()}


def lookup(text: str | None, *names: str) -> object | None:
    """Normalisation of ``text`` in the first of the named tables that knows it."""
    if text is None:
        return None
    key = " ".join(text.lower().replace("’", "'").split())
    for name in names:
        table = tables()[name]
        if key in table:
            return table[key]
        if key.rstrip(".") in table:
            return table[key.rstrip(".")]
    return None


_ARTICLE_PHRASES = ("couple", "few", "dozen", "single", "half", "number")  # "a few" is a quantity itself


def number(text: str | None) -> float | str | None:
    """Value of a written quantity: "24", "twenty-four", "a couple of"; "X" for vague ones ("several")."""
    if text is None:
        return None
    words = text.lower().replace("-", " ").split()
    if len(words) > 1 and words[0] in ("a", "an") and words[1] not in _ARTICLE_PHRASES:
        words = words[1:]  # "a two-hour meeting": the article is not a number
    key = " ".join(words)
    for half in (" 1/2", " and a half"):  # "2 1/2", "two and a half"
        if key.endswith(half) and key != "a" + half:
            whole = number(key[:-len(half)])
            return whole + 0.5 if isinstance(whole, int) else None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", key):  # "1,850 days"
        key = key.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key) if "." in key else int(key)
    vague = lookup(key, "FEWWORD")
    if vague is not None:
        return "X"
    whole = lookup(key, "NUMWORD")
    if whole is not None:
        return whole
    total = 0
    for word in key.replace(" and ", " ").split():
        part = lookup(word, "NUMWORD")
        if part is None:
            return None
        total = total * part if part == 100 and total else total + part
    return total
