"""How a capitalised run that names an organisation is read: what kind of body the word before it
says follows ("carmaker", "watchdog"), and the key the body is known by: its country for a state's
own body ("Kremlin", "Russian Defence Ministry" -> Russia), its own name for a firm or a body named
with a place ("British Airways", "European Commission", "U.S. Geological Survey").
"""

from __future__ import annotations

from functools import cache

from service.pipeline.statements.lexicon import load, place_key, place_of
from service.pipeline.statements.tokens import Token, capitalised, lex


@cache
def _descriptors() -> frozenset[str]:
    """Lower-case nouns that describe an organisation right before its name."""
    data = load("actors")["references"]
    return frozenset(data["organisation"] + data["descriptors"])


@cache
def organisation_endings() -> tuple[str, ...]:
    return tuple(load("actors")["names"]["organisation_endings"])


@cache
def company_forms() -> frozenset[str]:
    return frozenset(load("actors")["references"]["company_forms"])


def is_descriptor(word: str) -> bool:
    """"group", "watchdog", "carmaker", "Drugmaker": a noun that says what kind of organisation follows."""
    lowered = word.lower()
    return lowered in _descriptors() or (lowered.endswith("maker") and len(lowered) > 7)


def describes_next(toks: list[Token], j: int) -> bool:
    """"Consumer group Which?": a lower-case descriptor right after the run, and the name it describes after that."""
    return j + 1 < len(toks) and toks[j].text.islower() and is_descriptor(toks[j].text) and capitalised(toks[j + 1].text) and toks[j + 1].text[0].isalpha()


def identity(words: list[str], place: str | None) -> str:
    """What an organisation is known by: its place key ("Kremlin" -> Russia, "Russian Defence Ministry" ->
    Russia), unless it is a firm ("British Airways") or a country only prefixes a longer proper name
    ("U.S. Food and Drug Administration")."""
    if place and words[-1].rstrip(".").lower() in company_forms():
        return " ".join(words)  # "British Airways", "Swiss Re Group": a firm, not its country
    bodies = load("actors")["places"]["state_bodies"]
    if place and "of" in words[1:-1] and any(w in lex()["heads"] and w not in bodies for w in words[: words.index("of")]):
        return " ".join(words)  # "Association of Chilean Growers", "Central Bank of Nigeria": the body, not its place
    if place and _named_with_adjective(words):
        return " ".join(words)  # "European Commission", "Danish Accident Investigation Board"
    if place and len(words) >= 3 and _abbreviated(words[0]) and place_of(words[:1]) == place and place_of(words[1:]) is None and _proper_body(words[1:]):
        return " ".join(words[1:])  # "U.S. Geological Survey", "UK Civil Aviation Authority"; not "Kenya Bankers Association"
    if place and len(words) >= 3 and words[0] in place_key() and place_of(words[1:]) is None and not all(w in bodies for w in words[1:]):
        return " ".join(words)  # "Kenya Red Cross": a country's name opening a name of its own
    opening = next((n for n in (3, 2) if len(words) > n and place_key().get(" ".join(words[:n])) == place), 0)
    if opening and place_of(words[opening:]) is None and _proper_body(words[opening:]):
        return " ".join(words)  # "United Nations Population Fund", "United States Geological Survey": a body of its own
    if place and len(words) == 2 and " ".join(words) not in place_key():
        other = words[1] if words[0] in place_key() else words[0] if words[1] in place_key() else None
        demonym_last = words[1] in load("actors")["places"]["demonyms"]  # "Six German": a count before an adjective
        if other is not None and other not in bodies and place_of([other]) is None and not demonym_last:
            return " ".join(words)  # "West Ham", "Real Madrid", "Saudi Aramco": a place in a name of its own
    return place or " ".join(words)


def _abbreviated(word: str) -> bool:
    """"U.S.", "UK", "EU": a country's initials, which news sets before a body's name of its own; a
    country written in full ("Kenya Bankers Association", "Japan Meteorological Agency") is in the name."""
    return word.replace(".", "").isupper()


def _proper_body(rest: list[str]) -> bool:
    """Words after a place that make a name of their own: a head, and not only state-body words
    ("Civil Aviation Authority", not "Defence Ministry" or "State Department")."""
    bodies = set(load("actors")["places"]["state_bodies"])
    return any(w in lex()["heads"] for w in rest) and not all(w in bodies for w in rest)


def _named_with_adjective(words: list[str]) -> bool:
    """A place adjective opening an organisation's own name ("European Canoe Union", "Royal Belgian
    Cycling League") belongs to it;
    before a state body ("Russian Defence Ministry", "British Army") it only says whose body it is."""
    lexicon = load("actors")["places"]
    if " ".join(words) in place_key():
        return False  # "European Union", "United Nations": the place's own key
    for start in range(min(2, len(words))):  # after an opening honorific: "Royal Belgian Cycling League"
        for size in (2, 1):
            lead, rest = " ".join(words[start : start + size]), words[start + size :]
            if lead in lexicon["demonyms"] and lead not in lexicon["aliases"] and lead not in lexicon["countries"]:
                return _proper_body(rest)
    return False


def institution(words: list[str]) -> bool:
    """"Downing Street", "Kremlin": a seat of government named as a place, not a nationality."""
    phrase = " ".join(words)
    return phrase in place_key() and phrase not in load("actors")["places"]["demonyms"]


def initials(name: str) -> str:
    """"Food and Drug Administration" -> "FDA", "Football Association" -> "FA": the capitals of a name of
    two capitalised words or more."""
    words = name.split()
    capitals = "".join(w[0] for w in words if w[:1].isupper() and w not in ("The", "U.S."))
    return capitals if len(words) >= 3 or len(capitals) == 2 == len(words) else ""


_LEGAL_FORMS = frozenset({"Ltd", "Ltd.", "Limited", "plc", "Plc", "PLC", "LLC", "L.L.C.", "Inc", "Inc.", "GmbH", "Pvt", "Pvt.", "Pty", "Pty."})


def common_name(name: str) -> str:
    """"Halden Pharma Ltd" -> "Halden Pharma": news names a firm without its legal form once
    the rest is a name of its own; "Velora Inc" keeps it (one word says too little) and "Acme Corp" too."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) >= 3 and words[-1] in _LEGAL_FORMS else name
