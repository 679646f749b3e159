"""Capitalised-word runs: where a name may begin and end in a sentence's tokens.

A run joins capitals across the words news sets inside one name: connectors and surname particles
("Secretary of the Treasury", "Pieter van den Berg"), "&" ("Procter & Gamble"), an "and" inside a
body's name ("Food and Drug Administration"), a body's purpose or remit ("Committee to Protect
Journalists", "Department for Environment, Food and Rural Affairs"). What the run names is read
afterwards (names.py).
"""

from __future__ import annotations

from functools import cache

from service.pipeline.statements.lexicon import auxiliaries, event_forms, load, match_title, reporting_forms, words
from service.pipeline.statements.names import people_noun
from service.pipeline.statements.tokens import Token, capitalised, lex, particles, prefixed_name, strip_possessive

_CONNECTORS = words("connectors")
_JURISDICTIONS = words("jurisdictions")
_JOINERS = _CONNECTORS | particles()  # "Secretary of the Treasury", "Pieter van den Berg"


@cache
def _descriptor_suffixes() -> tuple[str, ...]:
    return tuple(load("actors")["names"]["descriptor_suffixes"])


def _compound_adjective(word: str) -> bool:
    """"Leiden-based", "State-owned": a capitalised adjective that opens no name."""
    return word.lower().endswith(_descriptor_suffixes())


def capitalised_runs(toks: list[Token], text: str, offset: int) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised-word runs joined by single spaces."""
    runs, n = [], len(toks)
    starts = [k for k, t in enumerate(toks) if t.text[:1].isupper() and t.text[0].isalpha()]  # capitalised, not "$"
    for i in starts:
        if runs and i < runs[-1][1] or _compound_adjective(toks[i].text):
            continue  # inside the last run, or "Leiden-based"
        j = i + 1
        while j < n and _adjacent(toks[j - 1], toks[j], text, offset):
            word = toks[j].text
            if capitalised(word) and word[0].isalpha() or prefixed_name(word):
                j += 1
            elif word == "&" and j + 1 < len(toks) and capitalised(toks[j + 1].text) and _adjacent(toks[j], toks[j + 1], text, offset):
                j += 2  # "Harrow & Vale", "Procter & Gamble"
            elif word in _JOINERS and (nxt := _after_connectors(toks, j, text, offset, _JOINERS)):
                j = nxt
            elif word == "and" and (nxt := _inner_and(toks, i, j, text, offset)):
                j = nxt
            elif word == "to" and (nxt := _purpose(toks, i, j, text, offset)):
                j = nxt  # "Committee to Protect Journalists", "Society for the Prevention of Cruelty to Animals"
            elif word == "for" and (any(t.text in lex()["heads"] for t in toks[i:j]) or _portfolio_after(toks, j)) and (nxt := _after_connectors(toks, j, text, offset, ("for", "the"))):
                j = nxt  # "Office for National Statistics", "Court of Arbitration for Sport"
            else:
                break
            if strip_possessive(toks[j - 1])[1] and not _plural_possessive_name(toks, j - 1):
                break
        if j < n and toks[j].text == "," and (nxt := _listed_remit(toks, i, j, text, offset)):
            j = nxt
        elif j + 1 < n and _model_number(toks, j, text, offset):
            j += 2  # "the Boeing 737 MAX": the model's letters after its number are the product's
        runs.append((i, j))
    return runs


def _portfolio_after(toks: list[Token], j: int) -> bool:
    """"Minister for Health", "Secretary of State for Education": a title's portfolio after "for"."""
    if j + 1 >= len(toks) or toks[j + 1].text not in lex()["portfolios"]:
        return False
    words = [t.text for t in toks[max(0, j - 4) : j]]
    found = match_title(words)
    return found is not None and found[1] == len(words)


def _after_connectors(toks: list[Token], j: int, text: str, offset: int, connectors=_CONNECTORS) -> int | None:
    """Index past "of the" in "Secretary of the Treasury" when a capitalised word follows."""
    k = j
    while k < len(toks) and toks[k].text in connectors and k + 1 < len(toks) and _adjacent(toks[k], toks[k + 1], text, offset):
        k += 1
    if k > j and k < len(toks) and capitalised(toks[k].text) and toks[k].text[0].isalpha():
        return k + 1
    return None


def _inner_and(toks: list[Token], i: int, j: int, text: str, offset: int) -> int | None:
    """Index past "and Drug Administration" in "Food and Drug Administration": an "and" inside one
    organisation's name (a short run with no head of its own, then capitals ending in a head), or
    between two portfolios of one title."""
    heads, words = lex()["heads"], [t.text for t in toks[i:j] if t.text not in lex()["stop"]]
    portfolios = lex()["portfolios"]
    if words and words[-1] in portfolios and j + 1 < len(toks) and toks[j + 1].text in portfolios and _adjacent(toks[j], toks[j + 1], text, offset):
        return j + 2  # "Energy and Mines Minister X": one title of two portfolios
    if any(w in heads for w in words[:-1]) and _remit(words[-1]) and ("of" in words or "for" in words):
        k = j + 1  # "Department of Health and Human Services", "Society of Motor Manufacturers and Traders": the remit goes on
        while k < len(toks) and _remit(toks[k].text) and toks[k].text not in heads and _adjacent(toks[k - 1], toks[k], text, offset):
            k += 1  # not "Institute of Directors and Confederation of British Industry": two bodies
        return k if k > j + 1 and (k >= len(toks) or not capitalised(toks[k].text) and toks[k].text not in _CONNECTORS) else None
    if (k := _territory_and(toks, i, j, text, offset)) is not None:
        return k  # "Port Authority of New York and New Jersey"
    if len(words) > 2 or any(w in heads for w in words):
        return None  # "Norrland Motors and Metalworkers' Union" are two
    k, common = j + 1, 0
    while k < len(toks) and k - j <= 4 and toks[k].text[0].isalpha() and _adjacent(toks[k - 1], toks[k], text, offset):
        if not capitalised(toks[k].text):  # "Medicines and Healthcare products Regulatory Agency": a lower-case noun inside
            if common or k == j + 1 or not _inner_noun(toks[k].text) or k + 1 >= len(toks) or toks[k + 1].text in heads:
                return None  # the noun qualifies a name of its own before the head, unlike "wants Congress"
            common += 1
        elif strip_possessive(toks[k])[0].text in heads:
            return k + 1
        k += 1
    return None


def _territory_and(toks: list[Token], i: int, j: int, text: str, offset: int) -> int | None:
    """Index past "and New Jersey" in "Port Authority of New York and New Jersey": a jurisdiction's
    territory of two places, each one or two capitalised words that are no body's head, ending the run."""
    names = [t.text for t in toks[i:j]]
    if "of" not in names or names.index("of") == 0 or names[names.index("of") - 1] not in _JURISDICTIONS:
        return None
    first, heads = names[names.index("of") + 1 :], lex()["heads"]
    if not 1 <= len(first) <= 2 or any(w in heads or not capitalised(w) for w in first):
        return None
    k = j + 1
    while k < len(toks) and k - j <= 2 and capitalised(toks[k].text) and toks[k].text not in heads and _adjacent(toks[k - 1], toks[k], text, offset):
        k += 1
    ends = k >= len(toks) or not (capitalised(toks[k].text) or toks[k].text in _JOINERS)
    return k if k > j + 1 and ends and not strip_possessive(toks[k - 1])[1] else None


def _remit(word: str) -> bool:
    """A capitalised word of what a body deals with ("Health", "Co-operation", "Traders", "Electronics"), not a name."""
    return word in lex()["portfolios"] or word[:1].isupper() and word.endswith(_REMIT_ENDINGS)


_REMIT_ENDINGS = ("tion", "sion", "ment", "ers", "ors", "ic", "ics", "ity", "ness", "al", "ies", "ance", "ence", "ing", "ure", "ism")


def _listed_remit(toks: list[Token], i: int, j: int, text: str, offset: int) -> int | None:
    """Index past ", Food and Rural Affairs" in "Department for Environment, Food and Rural Affairs": a
    body's remit listed with commas and closed by "and", every word a remit word."""
    words = [t.text for t in toks[i:j]]
    joiner = "of" if "of" in words else "for"
    if joiner not in words or not any(w in lex()["heads"] for w in words[: words.index(joiner)]) or not _remit(words[-1]):
        return None
    k, closed = j, False
    while not closed and k + 1 < len(toks) and toks[k].text in (",", "and"):
        closed = toks[k].text == "and" or toks[k + 1].text == "and"
        k += 2 if toks[k + 1].text == "and" else 1  # the serial comma: ", and Explosives"
        if k >= len(toks) or text[toks[k - 1].end - offset : toks[k].start - offset] != " " or not _remit(toks[k].text):
            return None
        k += 1
        while k < len(toks) and _remit(toks[k].text) and _adjacent(toks[k - 1], toks[k], text, offset):
            k += 1
    return k if closed and (k >= len(toks) or not capitalised(toks[k].text)) else None


def _model_number(toks: list[Token], j: int, text: str, offset: int) -> bool:
    """A model number (not a year) between a name and capitals ("Boeing 737 MAX", "Airbus 350 XWB")."""
    number, letters = toks[j].text, toks[j + 1].text
    return (
        number.isdigit() and 2 <= len(number) <= 4 and not (len(number) == 4 and number[:2] in ("19", "20"))
        and letters.isupper() and letters.isalpha() and toks[j - 1].text not in lex()["stop"]
        and _adjacent(toks[j - 1], toks[j], text, offset) and _adjacent(toks[j], toks[j + 1], text, offset)
    )


def _purpose(toks: list[Token], i: int, j: int, text: str, offset: int) -> int | None:
    """Index past "to Protect Journalists": after a body's head, "to" and up to three capitalised words
    ending in a plural noun, then the name ends."""
    if not any(t.text in lex()["heads"] for t in toks[i:j]):
        return None
    k = j + 1
    while k < len(toks) and k - j <= 3 and capitalised(toks[k].text) and toks[k].text[0].isalpha() and _adjacent(toks[k - 1], toks[k], text, offset):
        k += 1
    last, whose = toks[k - 1].text, [t.text for t in toks[i:j]]
    if k == j + 1 or k >= len(toks) or capitalised(toks[k].text):
        return None  # a headline's "Bank of England to Raise Rates" ends the line or goes on in capitals
    return k if people_noun(last) or ("of" in whose or "for" in whose) and last.endswith(("s", "ren")) else None


def _inner_noun(word: str) -> bool:
    """A lower-case plural noun that may stand inside an organisation's name ("products", "users"), not a verb."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in reporting_forms() and word not in event_forms() and word not in auxiliaries()


def _adjacent(a: Token, b: Token, text: str, offset: int) -> bool:
    """One plain space between the two words, and no possessive ending the first unless a head follows."""
    return b.start - a.end == 1 and text[a.end - offset] == " " and (not strip_possessive(a)[1] or b.text in lex()["heads"])


def _plural_possessive_name(toks: list[Token], k: int) -> bool:
    """"Metalworkers' Union", "Information Commissioner's Office": a possessive inside an organisation's name."""
    return k + 1 < len(toks) and toks[k + 1].text in lex()["heads"]
