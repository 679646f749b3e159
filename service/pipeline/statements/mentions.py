"""Mentions of people, organisations and groups in a stretch of text, before coreference.

A mention is found from how news writes names: a run of capitalised words (runs.py), read as an
organisation or nationality prefix, a title and a personal name (names.py); or a group noun
("officials", "sources") with its modifiers, a collective before it ("a group of scientists"), a bare
title or "the company" (references.py); or a pronoun, or an epithet standing for one ("the Briton",
"the veteran"). Appositions then join titles to names (appositions.py) and context makes some mentions
organisations (organisations.py).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from service.pipeline.statements.appositions import named_members, titled_appositions
from service.pipeline.statements.lexicon import auxiliaries, event_forms, load, reporting_forms
from service.pipeline.statements.names import classify_run
from service.pipeline.statements.organisations import bracketed_acronyms, described_organisations, employers, named_references, possessed_institutions, spoken_for
from service.pipeline.statements.references import OWNED_ENDS, noun_owner, place_owner, definite_title, group_adjective, lowercase_group, modified_title, organisation_reference, title_reference
from service.pipeline.statements.runs import capitalised_runs
from service.pipeline.statements.tokens import Mention, Token, lex, tokens

__all__ = ["Mention", "Token", "find_mentions", "tokens"]


@cache
def _triggers() -> frozenset[str]:
    """Lower-case words that may open or head a mention outside a capitalised run; any other word
    needs "the" before it (a bare title, "the company")."""
    lexicon = lex()
    return lexicon["pronouns"] | lexicon["group"] | lexicon["orgref"] | lexicon["pair_starts"] | {"his", "her", "the"}


@lru_cache(maxsize=8192)
def find_mentions(text: str, offset: int = 0) -> tuple[Mention, ...]:
    """Mentions in ``text`` (a sentence or clause) with absolute offsets."""
    lexicon, triggers = lex(), _triggers()
    toks = list(tokens(text, offset))
    mentions: list[Mention] = []
    used: set[int] = set()
    lowered = [t.text.lower() for t in toks]
    for i, j in capitalised_runs(toks, text, offset):
        mention = classify_run(toks, i, j, text, offset)
        first = i + 1 if lowered[i] == "the" else i  # "The Briton said": one run
        if mention and mention.kind in ("person", "organisation") and (first > i or i and lowered[i - 1] == "the") and _epithet(toks, lowered, first) == j - first:
            mention = Mention(toks[first - 1].start, toks[j - 1].end, "pronoun", " ".join(["the", *(t.text for t in toks[first:j])]))
        if mention:
            mentions.append(mention)
            used.update(range(i, j))
    candidates, previous = [], ""
    for k, word in enumerate(lowered):  # one pass: a trigger word, the word after "the" or after a possessive
        if word in triggers or previous == "the" or previous[-1:] in OWNED_ENDS and k and (
                place_owner(toks, k) if toks[k - 1].text[:1].isupper() else previous.endswith(("'s", "’s")) and noun_owner(toks, lowered, k) is not None):
            candidates.append(k)
        previous = word
    for k in candidates:
        if k in used:
            continue
        word = lowered[k]
        if word in lexicon["pronouns"]:
            mentions.append(Mention(toks[k].start, toks[k].end, "pronoun", word, plural=word in lexicon["plural"]))
        elif word in ("his", "her") and k + 1 < len(toks) and lowered[k + 1] == "office" and k + 1 not in used:  # "her office said": hers
            mentions.append(Mention(toks[k].start, toks[k + 1].end, "pronoun", "he" if word == "his" else "she"))
            used.add(k + 1)
        elif word == "the" and lowered[k + 2 : k + 4] == ["-", "year-old"] and lowered[k + 1].isdigit():
            mentions.append(Mention(toks[k].start, toks[k + 3].end, "pronoun", "the " + "".join(lowered[k + 1 : k + 4])))  # "the 27-year-old"
        elif word == "the" and k + 1 not in used and (size := _epithet(toks, lowered, k + 1)):
            mentions.append(Mention(toks[k].start, toks[k + size].end, "pronoun", " ".join(lowered[k : k + size + 1])))  # "The Briton said"
            used.update(range(k + 1, k + size + 1))
        for pair in _pairs().get(word, ()):
            if lowered[k : k + len(pair)] == pair:
                mentions.append(Mention(toks[k].start, toks[k + len(pair) - 1].end, "pair", " ".join(pair), plural=True))
                break
        if word == "the" and (not k or lowered[k - 1] != "the"):
            continue  # "the" itself opens no group, title or organisation reference: the word after it does
        group = lowercase_group(toks, lowered, k, used) or title_reference(toks, lowered, k, used) or organisation_reference(toks, lowered, k, used) or modified_title(toks, lowered, k, used)
        if group and group.kind == "group" and group.start == toks[k].start and k and k - 1 not in used and group_adjective(lowered[k - 1]):
            group = Mention(toks[k - 1].start, group.end, "group", f"{lowered[k - 1]} {group.name}", place=group.place, plural=group.plural)  # "environmental groups said"
        if group and group.kind == "group":
            group = _collective(group, text, offset)
        if group:
            mentions.append(group)
    mentions.sort(key=lambda m: (m.start, -m.end))
    out, last_end = [], -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    out = named_members([definite_title(m) for m in out], text, offset)
    out = described_organisations(titled_appositions(possessed_institutions(out, text, offset), text, offset), text, offset)
    out = named_references(employers(spoken_for(out, text, offset), text, offset), text, offset)
    out = bracketed_acronyms(out, text, offset) if "(" in text else out
    out = [_as_place(m, text, offset) for m in out]
    return tuple(m for m in out if not _outlet_told(m, text, offset)) if "told " in text else tuple(out)


@cache
def _pairs() -> dict[str, list[list[str]]]:
    """The pair phrases by their first word, in the lexicon's order ("the two leaders" before "the two")."""
    out: dict[str, list[list[str]]] = {}
    for pair in lex()["pair"]:
        out.setdefault(pair[0], []).append(list(pair))
    return out


def _epithet(toks: list[Token], lowered: list[str], k: int) -> int:
    """How many words from ``k`` make an epithet for a person named before ("the Briton", "the defending
    champion"), the clause's subject: a verb, a comma or the end follows, not a noun ("the Democrat leader")."""
    if k >= len(lowered) or lowered[k] not in _epithet_starts():
        return 0  # the commonest case
    for size in (2, 1):
        if tuple(lowered[k : k + size]) in _epithets() and (k + size >= len(toks) or _opens_predicate(lowered[k + size])):
            return size
    return 0


def _opens_predicate(word: str) -> bool:
    return word in (",", ".", ";", "who") or word in reporting_forms() or word in auxiliaries() or word in event_forms()


@cache
def _epithets() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(e.lower().split()) for e in load("actors")["pronouns"]["epithets"])


@cache
def _epithet_starts() -> frozenset[str]:
    return frozenset(e[0] for e in _epithets())


def _collective(m: Mention, text: str, offset: int) -> Mention:
    """"A group of scientists said", "Dozens of residents said": the collective before "of" opens the
    subject, so the group is not the object of a preposition."""
    found = _COLLECTIVE.search(text, max(0, m.start - offset - 40), m.start - offset)
    return Mention(found.start() + offset, m.end, m.kind, m.name, place=m.place, plural=m.plural) if found else m


_COLLECTIVE = re.compile(r"(?<![\w-])(?:(?:[Aa]n?|[Tt]he)\s+(?:\w+\s+)?)?(?:group|coalition|number|couple|handful|panel|alliance|crowd|majority|"
                         r"[Dd]ozens|[Hh]undreds|[Tt]housands|[Ss]cores|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost)\s+of\s+(?:the\s+)?$")


def _as_place(m: Mention, text: str, offset: int) -> Mention:
    """"in Minas Gerais", "near Ashby", "Minas Gerais state", "the storm hit Ashby": a name written where
    news writes places is a place, not a person ("She said" is not Ashby, and a region is no one)."""
    if m.kind != "person" or m.title or m.place or m.possessive or m.plural:
        return m
    lead = text[max(0, m.start - offset - 12) : m.start - offset].split()[-1:]
    tail = text[m.end - offset : m.end - offset + 12].split()[:1]
    if lead and (lead[0] in _LOCATIVE or lead[0] in _PLACE_VERBS and " " not in m.name) or tail and tail[0].rstrip(",.") in _REGION_NOUNS:
        return Mention(m.start, m.end, "place", m.name)
    return m


_LOCATIVE = frozenset({"in", "near", "across", "outside", "throughout", "around"})
_PLACE_VERBS = frozenset({"hit", "struck", "battered", "swept", "flooded", "reached", "evacuated", "toured", "shelled", "bombed", "entered"})  # "The storm hit Ashby"
_REGION_NOUNS = frozenset({"state", "province", "region", "county", "district", "prefecture", "municipality", "department", "governorate", "oblast"})
_TOLD = ("told ", "told the ", "told The ")


def _outlet_told(m: Mention, text: str, offset: int) -> bool:
    """"told NTV", "told the Courier": the outlet a speaker talks to is no actor of the story (a person
    named in full may be: "told Ana Ruiz")."""
    if m.kind not in ("organisation", "person") or m.title or m.kind == "person" and " " in m.name:
        return False
    lead = text[max(0, m.start - offset - 9) : m.start - offset]
    return lead.endswith(_TOLD)
