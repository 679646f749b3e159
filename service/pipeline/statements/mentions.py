"""Mentions of people, organisations and groups in a stretch of text, before coreference.

A mention is found from how news writes names: a run of capitalised words, split into an
organisation or nationality prefix, a title from the lexicon and a personal name; or a group noun
("officials", "sources") with its modifiers; or a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from service.pipeline.statements.lexicon import load, lowercase_titles, match_title, place_of, words

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Jr|Sr|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|St|Lt|Col|Adm|Prof|Co|Inc|Corp|Ltd)\.|[A-Z]\.(?=\s[A-Z])"
    r"|[A-Za-z][A-Za-z0-9’'\-]*|\d[\d,.]*|\S"
)
_CONNECTORS = words("connectors")
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,?(?:\s+[A-Z][\w.]*)*\s*(?:\([^)]*\))?\s*[—–-]")  # "KASTRINOS, Greece (AP) —"
_POSSESSIVE = ("’s", "'s", "’", "'")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # person | organisation | group | pronoun | pair | title
    name: str  # the name as written, without title ("Lloyd J. Austin III"); the phrase for groups
    title: str | None = None
    place: str | None = None  # organisation or nationality key ("US", "South Korea")
    plural: bool = False
    possessive: bool = False


@lru_cache(maxsize=8192)
def tokens(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word tokens with absolute offsets; a sentence-final period is not part of its word."""
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


@cache
def _lex() -> dict:
    data = load("actors")
    return {
        "stop": frozenset(data["names"]["stopwords"]),
        "suffixes": frozenset(data["names"]["suffixes"]),
        "group": frozenset(data["groups"]["nouns"]),
        "institutional": frozenset(data["groups"]["institutional"]),
        "modifiers": frozenset(data["groups"]["modifiers"]),
        "determiners": frozenset(data["groups"]["determiners"]),
        "heads": frozenset(data["places"]["organisation_heads"]),
        "singular": frozenset(data["pronouns"]["singular"]),
        "pronouns": frozenset(data["pronouns"]["singular"] + data["pronouns"]["plural"]),
        "plural": frozenset(data["pronouns"]["plural"]),
        "pair": tuple(tuple(p.split()) for p in data["pronouns"]["pair"]),
        "orgref": frozenset(data["references"]["organisation"]),
        "pair_starts": frozenset(p.split()[0] for p in data["pronouns"]["pair"]),
    }


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1] == "$")


def _strip_possessive(tok: Token) -> tuple[Token, bool]:
    for mark in _POSSESSIVE:
        if tok.text.endswith(mark) and len(tok.text) > len(mark):
            text = tok.text[: -len(mark)]
            return Token(text, tok.start, tok.start + len(text)), True
    return tok, False


def _runs(toks: list[Token], text: str, offset: int) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised-word runs joined by single spaces."""
    runs, i = [], 0
    while i < len(toks):
        if not _capitalised(toks[i].text) or not toks[i].text[0].isalpha():
            i += 1
            continue
        j = i + 1
        while j < len(toks) and _adjacent(toks[j - 1], toks[j], text, offset):
            word = toks[j].text
            if _capitalised(word) and word[0].isalpha():
                j += 1
            elif word == "&" and j + 1 < len(toks) and _capitalised(toks[j + 1].text) and _adjacent(toks[j], toks[j + 1], text, offset):
                j += 2  # "Harrow & Vale", "Procter & Gamble"
            elif word in _CONNECTORS and (nxt := _after_connectors(toks, j, text, offset)):
                j = nxt
            else:
                break
            if _strip_possessive(toks[j - 1])[1] and not _plural_possessive_name(toks, j - 1):
                break
        runs.append((i, j))
        i = j
    return runs


def _after_connectors(toks: list[Token], j: int, text: str, offset: int) -> int | None:
    """Index past "of the" in "Secretary of the Treasury" when a capitalised word follows."""
    k = j
    while k < len(toks) and toks[k].text in _CONNECTORS and k + 1 < len(toks) and _adjacent(toks[k], toks[k + 1], text, offset):
        k += 1
    if k > j and k < len(toks) and _capitalised(toks[k].text) and toks[k].text[0].isalpha():
        return k + 1
    return None


def _adjacent(a: Token, b: Token, text: str, offset: int) -> bool:
    gap = text[a.end - offset : b.start - offset]
    return gap == " " and (not _strip_possessive(a)[1] or b.text in _lex()["heads"])


def _plural_possessive_name(toks: list[Token], k: int) -> bool:
    """"Metalworkers' Union", "Information Commissioner's Office": a possessive inside an organisation's name."""
    return k + 1 < len(toks) and toks[k + 1].text in _lex()["heads"]


@lru_cache(maxsize=8192)
def find_mentions(text: str, offset: int = 0) -> tuple[Mention, ...]:
    """Mentions in ``text`` (a sentence or clause) with absolute offsets."""
    lex = _lex()
    toks = list(tokens(text, offset))
    mentions: list[Mention] = []
    used: set[int] = set()
    for i, j in _runs(toks, text, offset):
        mention = _classify_run(toks, i, j, text, offset)
        if mention:
            mentions.append(mention)
            used.update(range(i, j))
    lowered = [t.text.lower() for t in toks]
    for k, word in enumerate(lowered):
        if k in used:
            continue
        if word in lex["pronouns"]:
            mentions.append(Mention(toks[k].start, toks[k].end, "pronoun", word, plural=word in lex["plural"]))
        for pair in lex["pair"] if word in lex["pair_starts"] else ():
            if tuple(lowered[k : k + len(pair)]) == pair:
                mentions.append(Mention(toks[k].start, toks[k + len(pair) - 1].end, "pair", " ".join(pair), plural=True))
                break
        group = _lowercase_group(toks, lowered, k, used) or _title_reference(toks, lowered, k, used) or _organisation_reference(toks, lowered, k, used)
        if group:
            mentions.append(group)
    mentions.sort(key=lambda m: (m.start, -m.end))
    out, last_end = [], -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return tuple(_titled_appositions(out, text, offset))


def _titled_appositions(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"The judge, Amanda Reyes, said": the bare title and the name after it are one person."""
    out: list[Mention] = []
    for m in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None and previous.kind == "title" and m.kind == "person" and not m.title
            and text[previous.end - offset : m.start - offset] == ", " and text[m.end - offset : m.end - offset + 1] == ","
        ):
            out[-1] = Mention(previous.start, m.end, "person", m.name, title=previous.title, place=previous.place)
        else:
            out.append(m)
    return out


def _classify_run(toks: list[Token], i: int, j: int, text: str, offset: int) -> Mention | None:
    lex = _lex()
    run = [_strip_possessive(t) if k == j - 1 else (t, False) for k, t in enumerate(toks[i:j], start=i)]
    possessive = run[-1][1]
    words = [t.text for t, _ in run]
    while words and words[0] in lex["stop"]:
        words, i = words[1:], i + 1
    if not words or (len(words) == 1 and words[0].lower() in words_of_modifiers()):
        return None
    start, end = toks[i].start, run[-1][0].end
    head = words[-1].lower()
    if head in lex["group"] and len(words) <= 3:  # "Officials said", "Senior Officials", "Police said"
        qualifier = words[:-1]
        place = place_of(qualifier) if qualifier else None
        if head in lex["institutional"]:
            return Mention(start, end, "organisation", place or " ".join(words), place=place or " ".join(words))
        return Mention(start, end, "group", " ".join(words), place=place, plural=head.endswith("s"))
    lowered_after = [t.text.lower() for t in toks[j : j + 4]]
    group = _group_after(lowered_after) if not possessive else None
    if group and j + group[0] < len(toks) and _capitalised(toks[j + group[0]].text) and toks[j + group[0]].text[0].isalpha():
        group = None  # "Kremlin spokesman Dmitry Peskov": the noun is a title before a name
    if group is not None:
        n, noun = group
        place = place_of(words) or " ".join(words)
        first = _determiner_start(toks, i)
        lead = [t.text.lower() for t in toks[:i] if t.start >= first and t.text.lower() not in lex["determiners"]]
        phrase = " ".join(lead + words + [t.text for t in toks[j : j + n]])
        kind = "organisation" if noun in lex["institutional"] else "group"
        if kind == "organisation":
            return Mention(start, toks[j + n - 1].end, kind, place, place=place)
        return Mention(first, toks[j + n - 1].end, kind, phrase, place=place, plural=noun.endswith("s"))
    if all(w.isupper() and len(w) > 1 for w in words):  # acronyms name organisations; capitals runs are datelines
        if len(words) > 1 or _in_dateline(text, start - offset):
            return None
        key = place_of(words) or words[0]
        return Mention(start, end, "organisation", key, place=key, possessive=possessive)
    found = match_title(words)
    if found:
        a, b, title = found
        name = [w for w in words[b:]]
        prefix = words[:a]
        place = place_of(prefix) if prefix else None
        if not place and prefix:
            place = " ".join(prefix)
        if not name:
            return Mention(start, end, "title", title, title=title, place=place, possessive=possessive)
        if "of" in name and name[0] != "of":  # "Petros Doukas of the National Observatory": the name ends before "of"
            cut = name.index("of")
            end = _end_of(toks, i, b + cut)
            name = name[:cut]
        return Mention(start, end, "person", " ".join(name), title=title, place=place, possessive=possessive)
    before = _lowercase_title_before(toks, i)
    place = place_of(words)
    if before and not place:
        title, org, title_start = before
        return Mention(title_start, end, "person", " ".join(words), title=title, place=org, possessive=possessive)
    if place or "&" in words or any(w in lex["heads"] for w in words):  # "Acme Corp", "Bank of Valdoria", "Harrow & Vale"
        return Mention(start, end, "organisation", " ".join(words), place=place or " ".join(words), possessive=possessive)
    if "of" in words[1:]:  # "Petros Doukas of the National Observatory"
        words = words[: words.index("of")]
        end = _end_of(toks, i, len(words))
    if len(words) <= 4 and all(w[:1].isupper() for w in words):
        return Mention(start, end, "person", " ".join(words), possessive=possessive)
    return None


def _in_dateline(text: str, index: int) -> bool:
    """"(AP) —", "LONDON (Reuters) -": the agency credit before a dateline dash."""
    return index < 40 and _DATELINE.match(text) is not None


def words_of_modifiers() -> frozenset[str]:
    return words("title_modifiers")


def _end_of(toks: list[Token], first: int, count: int) -> int:
    """End offset of the ``count`` tokens from ``first``."""
    return toks[first + count - 1].end


def _group_after(lowered: list[str]) -> tuple[int, str] | None:
    """The last group noun in a chain right after a capitalised run ("administration officials")."""
    lex, found = _lex(), None
    for n, word in enumerate(lowered, start=1):
        if word in lex["group"]:
            found = (n, word)
        elif word not in lex["modifiers"]:
            break
    return found


def _determiner_start(toks: list[Token], i: int) -> int:
    lex = _lex()
    k = i
    while k > 0 and toks[k - 1].text.lower() in lex["modifiers"] | lex["determiners"]:
        k -= 1
    return toks[k].start


def _lowercase_title_before(toks: list[Token], i: int) -> tuple[str, str | None, int] | None:
    """A lower-case title right before a name ("North Korean leader Kim"), with its place prefix."""
    table = lowercase_titles()
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = tuple(t.text.lower() for t in toks[i - size : i])
        if phrase in table:
            k, prefix = i - size, []
            while k > 0 and toks[k - 1].text.lower() in words("title_modifiers"):
                k -= 1  # "Deputy governor Marta Kovac"
            title_start = toks[k].start
            title = " ".join(t.text for t in toks[k:i]).lower() if k < i - size else table[phrase]
            while k > 0 and (_capitalised(toks[k - 1].text) and toks[k - 1].text[0].isalpha() or toks[k - 1].text == "&"):
                word = _strip_possessive(toks[k - 1])[0].text
                if word.lower() in words("title_modifiers") or word in _lex()["stop"]:
                    break
                prefix.insert(0, word)
                k -= 1
            return title, (place_of(prefix) or " ".join(prefix) if prefix else None), title_start
    return None


def _lowercase_group(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """Groups written without a capitalised qualifier: "officials said", "a senior official"."""
    lex = _lex()
    if lowered[k] not in lex["group"] or k in used:
        return None
    if (k > 0 and (k - 1) in used) or (k + 1) in used:
        return None  # part of a name run, or a title before a name ("spokesperson Ruth Adler")
    first = k
    while first > 0 and lowered[first - 1] in lex["modifiers"] | lex["determiners"] and (first - 1) not in used:
        first -= 1
    if first == k and k >= 2 and lowered[k - 2] in ("the", "a", "an") and lowered[k - 1].isalpha() and (k - 1) not in used:
        first = k - 2  # "the rebel army": one free modifier after a determiner
    words = [t.text for t in toks[first : k + 1] if t.text.lower() not in lex["determiners"]]
    if lowered[k] in lex["institutional"]:
        if len(words) < 2:
            return None  # a bare "the army" names nobody in particular
        return Mention(toks[first].start, toks[k].end, "organisation", " ".join(words), place=" ".join(words))
    return Mention(toks[first].start, toks[k].end, "group", " ".join(toks[i].text for i in range(first, k + 1)), plural=lowered[k].endswith("s"))


def _title_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the defence secretary said": a bare title pointing back to the person who holds it."""
    if k == 0 or lowered[k - 1] != "the":
        return None
    for size in (3, 2, 1):
        phrase = tuple(lowered[k : k + size])
        if len(phrase) == size and phrase in lowercase_titles() and not any(i in used for i in range(k, k + size + 1)):
            return Mention(toks[k - 1].start, toks[k + size - 1].end, "title", " ".join(phrase), title=" ".join(phrase))
    return None


def _organisation_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the company said": a definite organisation noun, resolved later to an organisation named nearby."""
    if lowered[k] not in _lex()["orgref"] or (k + 1) in used:
        return None
    if k >= 1 and lowered[k - 1] == "the":
        return Mention(toks[k - 1].start, toks[k].end, "orgref", lowered[k])
    if k >= 2 and lowered[k - 2] == "the" and toks[k - 1].text.isalpha() and toks[k - 1].text.islower():
        return Mention(toks[k - 2].start, toks[k].end, "orgref", lowered[k])  # "the central bank"
    return None
