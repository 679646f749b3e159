"""Mentions of people, organisations and groups in a stretch of text, before coreference.

A mention is found from how news writes names: a run of capitalised words (runs.py), read as an
organisation or nationality prefix, a title and a personal name (names.py); or a group noun
("officials", "sources") with its modifiers, a bare title or "the company" (references.py); or a
pronoun. Appositions then join titles to names (appositions.py) and context makes some mentions
organisations (organisations.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

from service.pipeline.statements.appositions import named_members, titled_appositions
from service.pipeline.statements.names import classify_run
from service.pipeline.statements.organisations import bracketed_acronyms, described_organisations, employers, named_references, possessed_institutions, spoken_for
from service.pipeline.statements.references import place_owner, definite_title, group_adjective, lowercase_group, modified_title, organisation_reference, title_reference
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
    for i, j in capitalised_runs(toks, text, offset):
        mention = classify_run(toks, i, j, text, offset)
        if mention:
            mentions.append(mention)
            used.update(range(i, j))
    lowered = [t.text.lower() for t in toks]
    candidates = [k for k, word in enumerate(lowered) if word in triggers or k and (lowered[k - 1] == "the" or lowered[k - 1][-1:] in _OWNED and toks[k - 1].text[:1].isupper() and place_owner(toks, k))]
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
        for pair in lexicon["pair"] if word in lexicon["pair_starts"] else ():
            if tuple(lowered[k : k + len(pair)]) == pair:
                mentions.append(Mention(toks[k].start, toks[k + len(pair) - 1].end, "pair", " ".join(pair), plural=True))
                break
        if word == "the" and (not k or lowered[k - 1] != "the"):
            continue  # "the" itself opens no group, title or organisation reference: the word after it does
        group = lowercase_group(toks, lowered, k, used) or title_reference(toks, lowered, k, used) or organisation_reference(toks, lowered, k, used) or modified_title(toks, lowered, k, used)
        if group and group.kind == "group" and group.start == toks[k].start and k and k - 1 not in used and group_adjective(lowered[k - 1]):
            group = Mention(toks[k - 1].start, group.end, "group", f"{lowered[k - 1]} {group.name}", place=group.place, plural=group.plural)  # "environmental groups said"
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
_OWNED = frozenset("s’'")  # a possessive's last character: "Italy's", "Kenyans'"
_TOLD = ("told ", "told the ", "told The ")


def _outlet_told(m: Mention, text: str, offset: int) -> bool:
    """"told NTV", "told the Courier": the outlet a speaker talks to is no actor of the story (a person
    named in full may be: "told Ana Ruiz")."""
    if m.kind not in ("organisation", "person") or m.title or m.kind == "person" and " " in m.name:
        return False
    lead = text[max(0, m.start - offset - 9) : m.start - offset]
    return lead.endswith(_TOLD)
