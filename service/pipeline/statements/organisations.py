"""Mentions their context makes an organisation, read over a sentence's mentions.

The words around a name say it is a body: a state's or a place's department after a possessive
("Russia's defence ministry", "the Lyon public prosecutor's office"), an apposition or noun that calls
it a firm ("Arvent, the Californian chip firm,", "an Orbis spokesman"), or an unnamed spokesperson
who speaks for it ("Northwind Airlines' spokesperson said").
"""

from __future__ import annotations

import re
from functools import cache

from service.pipeline.statements.lexicon import auxiliaries, event_forms, load, place_key, reporting_forms, words
from service.pipeline.statements.names import is_descriptor, name_words
from service.pipeline.statements.tokens import Mention, lex

_SPOKESPERSON = re.compile(r"(?:’s|'s|’|')?\s+(?:chief\s+|official\s+|senior\s+)?spokes(?:man|woman|person|people)\b(?!,?\s+[A-Z])")  # "Acme's spokesperson said"; not "Acme's spokesman, Ana Ruiz,"
_INSTITUTION = re.compile(r"(?:’s|'s|’|')?\s+((?:[a-z]+\s+){0,2}(?:department|ministry|agency|office|council|board|authority|commission|police|government|military|army|navy|armed forces|embassy|presidency|cabinet|central bank))\b")
_OFFICE = re.compile(r"\s+(?:[a-z]+\s+){0,2}[a-z]+(?:’s|'s)\s+office\b|\s+(?:[a-z]+\s+){1,2}(?:office|department|ministry|agency|council|board|authority|commission)\b")
_ORG_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their)|’s|'s)\s+(?:[a-z-]+\s+)?([a-z]+),\s+$")  # "the museum's insurer, "
_GOVERNED = re.compile(r"\b(?:of|for|at|with|from|by|to|in)\s*$")  # "governor of the central bank, X,": X is no name of the bank
_HELD_BY = re.compile(r"\b[a-z]+\s+of\s*$")  # "the governor of" before "the central bank, X,"
_WHICH = re.compile(r",\s+which\s")  # a name people write "which" after is no person's ("who")
_NOUN_AFTER = re.compile(r"\s[a-z][a-z-]+\b")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'-]+,?\s+){0,4}?([a-z][\w-]*)(?:\s*[,.;]|\s+(?:that|which|whose|based)\s)")  # ", the Californian
# chip firm,", ", the San Jose, California, company that operates the car,"


def possessed_institutions(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Lakeland County's health department" is the Lakeland County Health Department: one organisation,
    named the way it names itself."""
    out, inside = [], set()
    for m in mentions:
        if id(m) in inside:
            continue
        held = _INSTITUTION.match(text, m.end - offset) if m.possessive and m.kind in ("person", "organisation") else None
        within = [o for o in mentions if o.start > m.end and o.end <= held.end() + offset] if held else []
        if held and not any(o.start < held.end() + offset and o.end > m.end and o not in within for o in mentions):
            inside.update(map(id, within))
            if m.kind == "person" and held.group(1).lower() == "office":  # "Governor Luis Ruiz's office said": his, as "his office said"
                m = Mention(m.start, held.end() + offset, "person", m.name, title=m.title, place=m.place)
            else:
                name = _possessed_name(m, held.group(1))
                m = Mention(m.start, held.end() + offset, "organisation", name, place=name)
        office = _office_after(m, text, offset) if not m.possessive and not m.title and m.kind in ("person", "organisation") else None
        if office and not any(o.start < office.end() + offset and o.end > m.end for o in mentions):
            name = text[m.start - offset : office.end()]  # "the Lyon public prosecutor's office": the office, not the city
            m = Mention(m.start, office.end() + offset, "organisation", name, place=name)
        out.append(m)
    return out


def _office_after(m: Mention, text: str, offset: int) -> re.Match | None:
    """"Lyon public prosecutor's office"; after a name of several words only an office held by a title
    ("the Minas Gerais public prosecutor's office"), never a verb's object ("Ana Ruiz told the council")."""
    if " " not in m.name:
        return _OFFICE.match(text, m.end - offset)
    held = _HELD_OFFICE.match(text, m.end - offset)
    if held and not set(held.group(1).split()) & _not_in_office():
        return held
    return None


_HELD_OFFICE = re.compile(r"\s+((?:[a-z]+\s+){0,2}[a-z]+)(?:’s|'s)\s+office\b")


@cache
def _not_in_office() -> frozenset[str]:
    return frozenset(reporting_forms()) | event_forms() | auxiliaries() | words("prepositions") | lex()["determiners"] | {"to", "and", "or"}


def _possessed_name(owner: Mention, body: str) -> str:
    """"Russia's defence ministry" is Russia, as "Russian Defence Ministry" is: a state's own body;
    "Acme's board" is Acme; "Lakeland County's health department" is the Lakeland County Health Department."""
    bodies = set(load("actors")["places"]["state_bodies"])
    if owner.name in place_key() and all(w.title() in bodies for w in body.split()):
        return place_key()[owner.name]
    if body == "board" and owner.name not in place_key():
        return owner.name  # "Corvane's board approved": a firm's board acts for the firm
    return f"{owner.name} {body.title()}"


def described_organisations(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Arvent, the Californian chip firm, ...": a bare name that the next words call a firm is an organisation."""
    out = []
    for m in mentions:
        if m.kind == "person" and not m.title and _after_indefinite(text, m.start - offset) and _thing_after(text, m.end - offset):
            continue  # "If you bought a Kiyomura Airbook between 2009 and 2011": a product, no one
        described = _APPOSITION.match(text, m.end - offset) if not m.title and m.kind == "person" else None
        if m.kind == "person" and not m.title and (described and is_descriptor(described.group(1)) or _modifies_noun(m, text, offset) or _named_after_noun(m, text, offset)):
            m = Mention(m.start, m.end, "organisation", m.name, place=m.name, possessive=m.possessive, business=True)
        elif m.kind == "person" and not m.title and not m.plural and _WHICH.match(text, m.end - offset):
            m = Mention(m.start, m.end, "organisation", m.name, place=m.name, possessive=m.possessive)  # "Ardent Motors, which runs ..."
        out.append(m)
    return out


def _thing_after(text: str, index: int) -> bool:
    """A function word or the end of the clause after "a Name": nothing for the name to qualify."""
    after = _NOUN_AFTER.match(text, index)
    return (after is None and text[index : index + 1] in (",", ".", ";", "")) or (after is not None and after.group().strip() in name_words("function_words"))


def _named_after_noun(m: Mention, text: str, offset: int) -> bool:
    """"The museum's insurer, Zeeland Re, offered": a name set after an organisation noun is that organisation."""
    if not text[: m.start - offset].rstrip().endswith(","):
        return False  # the noun and its comma come right before the name
    noun = _ORG_NOUN_BEFORE.search(text, 0, m.start - offset)
    if noun is not None and _HELD_BY.search(text, 0, noun.start()):
        return False  # "the governor of the central bank, Lucía Ferreyra,": the name is the title's holder
    return noun is not None and (noun.group(1) in lex()["orgref"] or is_descriptor(noun.group(1))) and text[m.end - offset : m.end - offset + 1] == ","


def _modifies_noun(m: Mention, text: str, offset: int) -> bool:
    """"a Nordvik Air jet", "an Orbis spokesman": a name between an indefinite article and a common
    noun is a brand or firm, not a person."""
    return _after_indefinite(text, m.start - offset) and _NOUN_AFTER.match(text, m.end - offset) is not None


def _after_indefinite(text: str, index: int) -> bool:
    """"a" or "an" as the word before ``index`` (read from the end: no scan of the whole sentence)."""
    lead = text[:index].rstrip()
    if len(lead) == index:
        return False
    for article in ("a", "an", "A", "An"):
        if lead.endswith(article) and (len(lead) == len(article) or lead[-len(article) - 1].isspace()):
            return True
    return False


def named_references(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"the UN refugee agency, UNHCR, said": a definite organisation noun and the name set beside it are
    one organisation, the name's."""
    if not any(m.kind == "orgref" for m in mentions):
        return mentions  # the common case: no "the agency" to name
    out: list[Mention] = []
    for n in mentions:
        m = out[-1] if out else None
        if m is not None and m.kind == "orgref" and n.kind == "organisation" and text[m.end - offset : n.start - offset] == ", " \
                and text[n.end - offset : n.end - offset + 1] == "," and not _GOVERNED.search(text, 0, m.start - offset):
            out[-1] = Mention(m.start, n.end, "organisation", n.name, place=n.place, business=n.business)
            continue
        out.append(n)
    return out


def employers(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Ardent Motors chief executive Jane Doe": a name right before a title only a firm's people
    hold is the firm (not "Trump adviser X": an adviser may be a person's)."""
    out = list(mentions)
    for k in range(len(out) - 1):
        m, n = out[k], out[k + 1]
        if n.place is not None and n.place == m.name and m.kind == "person" and not m.title and not m.plural and n.kind == "person" \
                and (n.title or "").lower() in _corporate() and not text[m.end - offset : n.start - offset].strip():
            out[k] = Mention(m.start, m.end, "organisation", m.name, place=m.name, possessive=m.possessive, business=True)
    return out


@cache
def _corporate() -> frozenset[str]:
    return frozenset(load("actors")["titles"]["corporate"])


def spoken_for(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Northwind Airlines' spokesperson said": a named organisation's unnamed spokesperson speaks for it;
    a named one ("Acme's spokesperson Ruth Adler") is a person of their own; a person's ("Sunak's
    spokesman", "Okafor's lawyer") is a group source of that person's side, as "a spokesman for Mr Sunak" is."""
    out = []
    for m in mentions:
        noun = _SPOKESPERSON.match(text, m.end - offset) if m.kind in ("organisation", "person") and m.possessive else None
        if noun is None and m.kind == "person" and m.possessive:
            noun = _REPRESENTATIVE.match(text, m.end - offset)  # "Okafor's lawyer said": his side, not Okafor
        if noun and m.kind == "person":
            m = Mention(m.start, noun.end() + offset, "group", noun.group().split()[-1], place=m.name)
        elif noun:
            m = Mention(m.start, noun.end() + offset, "organisation", m.name, place=m.place, business=m.business)
        out.append(m)
    return out


_REPRESENTATIVE = re.compile(r"(?:’s|'s|’|')?\s+(?:defen[cs]e\s+)?(?:lawyers?|attorneys?|solicitors?|barristers?|agent|family|relatives|aides?|representatives?|campaign)\b(?!,?\s+[A-Z])")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}|[A-Z][a-z]?[A-Z][A-Za-z]?")  # "NTSB", "BoE", "MoD", "DfE"


def bracketed_acronyms(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"the National Transport Safety Board (NTSB)": initials in brackets right after a name stand for
    it, whatever their letters ("the Kurdistan Workers' Party (PKK)"), and make a bare name of no
    known kind an organisation; the acronym's mention carries the full name as its key."""
    out = list(mentions)
    for k in range(len(out) - 1):
        m, n = out[k], out[k + 1]
        if n.kind not in ("organisation", "person") or n.title or not _ACRONYM.fullmatch(n.name) or m.kind not in ("organisation", "person") or m.title or m.plural:
            continue
        if text[m.end - offset : n.start - offset] not in (" (", "(") or text[n.end - offset : n.end - offset + 1] != ")":
            continue
        if m.kind == "person":  # "Tarvin Labs (TL)": people are not known by bracketed initials
            m = out[k] = Mention(m.start, m.end, "organisation", m.name, place=m.name, possessive=m.possessive, business=m.business)
        out[k + 1] = Mention(n.start, n.end, "organisation", n.name, place=m.place or m.name, possessive=n.possessive, business=m.business)
    return out
