"""Mentions of people, organisations and groups in a stretch of text, before coreference.

A mention is found from how news writes names: a run of capitalised words, split into an
organisation or nationality prefix, a title from the lexicon and a personal name (names.py); or a
group noun ("officials", "sources") with its modifiers, a bare title or "the company"
(references.py); or a pronoun.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from service.pipeline.statements.lexicon import auxiliaries, event_forms, load, match_title, place_key, reporting_forms, words
from service.pipeline.statements.names import classify_run, is_descriptor, name_words, people_noun
from service.pipeline.statements.references import lowercase_group, organisation_reference, title_reference
from service.pipeline.statements.tokens import Mention, Token, capitalised, group_adjective, lex, lower_title, modified_title, particles, prefixed_name, strip_possessive, tokens

__all__ = ["Mention", "Token", "find_mentions", "tokens"]
_CONNECTORS = words("connectors")
_JOINERS = _CONNECTORS | particles()  # "Secretary of the Treasury", "Pieter van den Berg"
_SPOKESPERSON = re.compile(r"(?:’s|'s|’|')?\s+(?:chief\s+|official\s+|senior\s+)?spokes(?:man|woman|person|people)\b(?!\s+[A-Z])")  # "Acme's spokesperson said"
_INSTITUTION = re.compile(r"(?:’s|'s|’|')?\s+((?:[a-z]+\s+){0,2}(?:department|ministry|agency|office|council|board|authority|commission|police|government|military|army|navy|armed forces|embassy|presidency|cabinet|central bank))\b")
_OFFICE = re.compile(r"\s+(?:[a-z]+\s+){0,2}[a-z]+(?:’s|'s)\s+office\b|\s+(?:[a-z]+\s+){1,2}(?:office|department|ministry|agency|council|board|authority|commission)\b")
_ORG_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their)|’s|'s)\s+(?:[a-z-]+\s+)?([a-z]+),\s+$")  # "the museum's insurer, "
_OWNED_TITLE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+)?([a-z]+),\s+$")  # "her defence lawyer, "
_HELD_TITLE = re.compile(r"(?:’s|'s)\s+((?:[a-z-]+\s+){0,2}[a-z-]+),\s+$")  # "the hospital's chief executive, "
_TRAILING_TITLE = re.compile(r",\s+(?:\d+,\s+)?(?:(?:the|a|an|(?:the\s+)?[\w-]+(?:’s|'s))\s+)?((?:(?!(?:of|at|for|with|from)\s)[a-z-]+\s+){0,3}[a-z-]+)(?:\s+(?:of|at|for|with|from)\s+[^,;.“”\"]{1,60})?\s*[,;.]")  # ", the company's chief executive,", ", chief executive of Acme,"
_NOUN_AFTER = re.compile(r"\s[a-z][a-z-]+\b")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_COUNTERPART = re.compile(r"\s+(?:counterpart|colleague|successor|predecessor),\s")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?([a-z][\w-]*)\s*[,.;]")  # ", the Californian chip firm,"


@cache
def _descriptor_suffixes() -> tuple[str, ...]:
    return tuple(load("actors")["names"]["descriptor_suffixes"])


def _descriptor(word: str) -> bool:
    return word.lower().endswith(_descriptor_suffixes())


def _runs(toks: list[Token], text: str, offset: int) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised-word runs joined by single spaces."""
    runs, n = [], len(toks)
    starts = [k for k, t in enumerate(toks) if t.text[:1].isupper() and t.text[0].isalpha()]  # capitalised, not "$"
    for i in starts:
        if runs and i < runs[-1][1] or _descriptor(toks[i].text):
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
    for i, j in _runs(toks, text, offset):
        mention = classify_run(toks, i, j, text, offset)
        if mention:
            mentions.append(mention)
            used.update(range(i, j))
    lowered = [t.text.lower() for t in toks]
    candidates = [k for k, word in enumerate(lowered) if word in triggers or k and lowered[k - 1] == "the"]
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
    out = _named_members([_definite_title(m) for m in out], text, offset)
    return tuple(_spoken_for(_described_organisations(_titled_appositions(_possessed_institutions(out, text, offset), text, offset), text, offset), text, offset))


def _named_members(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"The two Liberal members, Guy Thibodeau and Ron Gallant, said": the people the apposition names
    are the group; the group's own mention goes."""
    out = list(mentions)
    for k in range(len(mentions) - 2, -1, -1):
        m = mentions[k]
        if m.kind != "group" or not m.plural or text[m.end - offset : m.end - offset + 2] != ", ":
            continue
        n = k + 1
        while n < len(mentions) and mentions[n].kind == "person" and _LISTED.fullmatch(text, mentions[n - 1].end - offset, mentions[n].start - offset):
            n += 1
        if n - k > 2 and text[mentions[n - 1].end - offset : mentions[n - 1].end - offset + 1] == "," and any(
            text[a.end - offset : b.start - offset] in (" and ", ", and ") for a, b in zip(mentions[k + 1 : n], mentions[k + 2 : n])
        ):
            del out[k]
    return out


_LISTED = re.compile(r",\s|\s+and\s|,\s+and\s")


def _definite_title(m: Mention) -> Mention:
    """"the county health officer said": one known person's title, not an anonymous group as "a
    senior police officer" is."""
    words = m.name.split()
    if m.kind != "group" or m.plural or words[0].lower() != "the" or len(words) < 2:
        return m
    title = lower_title(" ".join(words[1:]))
    return Mention(m.start, m.end, "title", title, title=title) if title else m


def _possessed_institutions(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
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
    "Lakeland County's health department" is the Lakeland County Health Department."""
    bodies = set(load("actors")["places"]["state_bodies"])
    if owner.name in place_key() and all(w.title() in bodies for w in body.split()):
        return place_key()[owner.name]
    return f"{owner.name} {body.title()}"


def _described_organisations(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Arvent, the Californian chip firm, ...": a bare name that the next words call a firm is an organisation."""
    out = []
    for m in mentions:
        if m.kind == "person" and not m.title and _after_indefinite(text, m.start - offset) and _thing_after(text, m.end - offset):
            continue  # "If you bought a Kiyomura Airbook between 2009 and 2011": a product, no one
        described = _APPOSITION.match(text, m.end - offset) if " " not in m.name else None
        if m.kind == "person" and not m.title and (described and is_descriptor(described.group(1)) or _modifies_noun(m, text, offset) or _named_after_noun(m, text, offset)):
            m = Mention(m.start, m.end, "organisation", m.name, place=m.name, possessive=m.possessive, business=True)
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


def _titled_appositions(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"The judge, Amanda Reyes, said", "the mayor of Lyon, Paul Roux,", "a company spokesman, Ana Ruiz,",
    "her Chilean counterpart, Ana Ruiz,": the title (with its place) and the name after it are one person."""
    out: list[Mention] = []
    honorifics = set(load("actors")["titles"]["honorifics"])
    for m in mentions:
        if m.kind == "person" and m.title in honorifics and (trailing := _trailing_title(m, text, offset)):
            out.append(trailing)  # "Dr. Helen Park, the chief medical officer, said"
            continue
        if m.kind == "person" and not m.title and text[m.end - offset : m.end - offset + 1] in (",", ")"):
            merged = _apposed(out, m, text, offset)
            if merged:
                del out[len(out) - merged[0] :]
                out.append(merged[1])
                continue
        out.append(m)
    return out


def _apposed(out: list[Mention], m: Mention, text: str, offset: int) -> tuple[int, Mention] | None:
    """How many mentions before ``m`` its title apposition spans, and the titled person."""
    gap = lambda a, b: text[a.end - offset : b.start - offset]  # noqa: E731
    previous = out[-1] if out else None
    owned = _OWNED_TITLE.search(text, 0 if previous is None else previous.end - offset, m.start - offset)
    if owned and owned.group(1) in lex()["lower_titles"]:  # "her lawyer, Tom Baines,"
        return 0, Mention(owned.start() + offset, m.end, "person", m.name, title=owned.group(1))
    held = _HELD_TITLE.search(text, 0 if previous is None else previous.end - offset, m.start - offset)
    title = lower_title(held.group(1)) if held else None
    if title:  # "the company's chief executive, Anna Berg,": the title is hers, the owner stays a mention
        return 0, Mention(m.start, m.end, "person", m.name, title=title, place=m.place, possessive=m.possessive)
    trailing = _trailing_title(m, text, offset)
    if trailing:  # "Anna Berg, the company's chief executive, said"
        return 0, trailing
    if previous is None:
        return None
    if gap(previous, m) == ", ":
        if previous.kind == "title":
            return 1, Mention(previous.start, m.end, "person", m.name, title=previous.title, place=previous.place)
        noun = previous.name.split()[-1]
        if previous.kind == "group" and not previous.plural and noun.lower() in lex()["lower_titles"]:
            return 1, Mention(previous.start, m.end, "person", m.name, title=noun)  # "a company spokesman, Ana Ruiz,"
    if len(out) >= 2 and out[-2].kind == "title" and _OF_GAP.fullmatch(gap(out[-2], previous)) and gap(previous, m) == ", ":
        title = out[-2]  # "the mayor of Lyon, Paul Roux,"; "the president of Acme Corp, Ana Ruiz," also names Acme Corp
        held = previous.name not in place_key() and (previous.kind == "organisation" and previous.place == previous.name or (
            previous.kind == "person" and " " in previous.name and (title.title or "").lower() not in lex()["territorial"]))
        return 2, Mention(title.start, m.end, "person", m.name, title=title.title, place=previous.place or previous.name, business=held)
    counterpart = _COUNTERPART.fullmatch(gap(previous, m))
    if counterpart and previous.kind == "organisation":  # "her Chilean counterpart, Ana Ruiz,"
        return 1, Mention(previous.start, m.end, "person", m.name, place=previous.place)
    return None


def _trailing_title(m: Mention, text: str, offset: int) -> Mention | None:
    """The person with the title an apposition after the name gives ("X, the county's health officer,")."""
    trailing = _TRAILING_TITLE.match(text, m.end - offset)
    title = lower_title(trailing.group(1)) if trailing and not m.possessive else None
    return Mention(m.start, m.end, "person", m.name, title=title, place=m.place) if title else None


def _spoken_for(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"Northwind Airlines' spokesperson said": a named organisation's unnamed spokesperson speaks for it;
    a named one ("Acme's spokesperson Ruth Adler") is a person of their own; a person's ("Sunak's
    spokesman") is a group source of that person's side, as "a spokesman for Mr Sunak" is."""
    out = []
    for m in mentions:
        noun = _SPOKESPERSON.match(text, m.end - offset) if m.kind in ("organisation", "person") and m.possessive else None
        if noun and m.kind == "person":
            m = Mention(m.start, noun.end() + offset, "group", noun.group().split()[-1], place=m.name)
        elif noun:
            m = Mention(m.start, noun.end() + offset, "organisation", m.name, place=m.place, business=m.business)
        out.append(m)
    return out
