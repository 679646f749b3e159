"""A capitalised run of words read as a name: a person (with title and affiliation), an
organisation, a group with its qualifier ("Biden administration officials"), or nothing.

News writes "Finance Minister Maria Lopez", "club spokesman Tom Reid", "Acme Corp",
"Petros Doukas of the National Observatory", "consumer group Which?": the lexicon of titles, group
nouns, organisation heads and organisation descriptors splits the run. The words beside the run are
read in qualifiers.py, an organisation's key in organisation_names.py; here, which reading wins and
whether the words are a personal name at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.pipeline.statements.lexicon import load, match_title, place_key, place_of, words
from service.pipeline.statements.name_shapes import (
    CONTESTS, DOCUMENTS, POST_NOMINALS, THING_PREPOSITIONS, demonym, feature, gerund_noun, modifies_next, name_words, opens_clause,
    people_noun, personal_name, plural_noun, product, qualifies_next, thing,
)
from service.pipeline.statements.organisation_names import company_forms, describes_next, identity, institution, is_descriptor, organisation_endings
from service.pipeline.statements.references import PORTFOLIO_HEADS, modifies_thing, place_title
from service.pipeline.statements.qualifiers import determiner_start, group_after, lowercase_title_before, portfolio_end
from service.pipeline.statements.tokens import Mention, Token, capitalised, lex, particles, strip_possessive

_WEEKDAYS = words("weekdays")
_RANKS = words("title_modifiers")  # "Senior", "Former": a rank word alone names no one
_STATE_WORDS = frozenset(load("actors")["places"]["state_bodies"])  # "State Media" is no one's own name
_DIGIT_CODE = re.compile(r"-\d")  # "COVID-19", "MH-17"; not "G7"
_DATED_CREDIT = re.compile(r"\s*[A-Z][\w.'’ -]*(?:\([^)]*\))?,?\s+(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,})\s*\(\s*[A-Z]{2,}\s*\)")  # "Pune (Maharashtra), March 6 (PTI)"
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,?(?:\s+(?:[A-Z][\w.]*|\d{1,2}),?)*\s*(?:\([^)]*\))?\s*[—–-]")  # "KASTRINOS, Greece (AP) —", "PUNE, March 6 (Wire) -"


def classify_run(toks: list[Token], i: int, j: int, text: str, offset: int) -> Mention | None:
    mention = _classify(toks, i, j, text, offset)
    if mention and any(t.text == "," for t in toks[i:j]):  # "Department for Environment, Food and Rural Affairs"
        mention = replace(mention, name=mention.name.replace(" ,", ","), place=mention.place and mention.place.replace(" ,", ","))
    return mention


def _classify(toks: list[Token], i: int, j: int, text: str, offset: int) -> Mention | None:
    lexicon = lex()
    if j == i + 1 and toks[i].text in lexicon["stop"]:
        return None  # "The", "But": a capitalised function word alone, the commonest run
    last, possessive = strip_possessive(toks[j - 1])
    words, end = [t.text for t in toks[i : j - 1]], last.end
    words.append(last.text)
    while words and words[0] in lexicon["stop"] and not (len(words) > 1 and words[0].lower() in particles()):  # "Ten Hag"
        words, i = words[1:], i + 1
    if len(words) >= 3 and words[0].endswith(("'s", "’s")) and place_of([words[0][:-2]]) and any(w in lexicon["heads"] for w in words[1:]):
        words, i = words[1:], i + 1  # "Italy's Rail Transport Authority": the country's body, named without it
    if len(words) >= 3 and words[0].endswith("ing") and opens_clause(text, toks[i].start - offset):
        words, i = words[1:], i + 1  # "Making Juan Miguel Gonzalez his representative ...": a participle opens the clause
    weekday = next((k for k, w in enumerate(words) if k and w in _WEEKDAYS), None) if len(words) > 1 and not _WEEKDAYS.isdisjoint(words) else None
    if weekday is not None and not possessive:  # "President Bill Clinton Thursday condemned ...": the day is not in the name
        words, j = words[:weekday], i + weekday
        end = toks[j - 1].end
    if len(words) >= 3 and words[-1] in POST_NOMINALS and not possessive and personal_name(words[-3:-1]):
        words, j = words[:-1], j - 1  # "Tom Galloway SC said": the letters after the name are not in it
        end = toks[j - 1].end
    if j < len(toks) and toks[j].text in _LOWER_FORMS and not possessive and personal_name(words):  # "Harlow Water plc said"
        return Mention(toks[i].start, toks[j].end, "organisation", " ".join(words), place=" ".join(words), business=True)
    if len(words) >= 2 and is_descriptor(words[0]) and words[0] not in lexicon["heads"] and words[1][:1].isupper() and not possessive:  # "Drugmaker Velora is recalling ..."
        return Mention(toks[i + 1].start, end, "organisation", " ".join(words[1:]), place=" ".join(words[1:]), business=True)
    if not words or (len(words) == 1 and words[0].lower() in _RANKS) or not possessive and product(toks, j, words) or thing(toks, i, words):
        return None
    if len(words) >= 2 and (words[-1] in DOCUMENTS or words[-1] in CONTESTS):
        return None  # "the Freedom of Access to Clinic Entrances Act", "the World Rapid Championship": a law, a contest
    if feature(words):  # "the River Aln burst its banks": a river, not a person or a body
        return Mention(toks[i].start, end, "place", " ".join(words), possessive=possessive)
    if len(words) == 1 and gerund_noun(toks, i, j, text, offset):
        return None  # "Flooding on the coast closed roads": a noun made of a verb opens the sentence
    start = toks[i].start
    head = words[-1].lower()
    if head in lexicon["group"] and len(words) <= 3 and modifies_thing(head, [t.text for t in toks[j : j + 1]]):
        return None  # "Official results showed ...": the word qualifies a thing
    if head in lexicon["group"] and len(words) <= 2 and not head.endswith("s") and j < len(toks) and toks[j].text in lexicon["group"] and toks[j].text.endswith("s"):
        return Mention(start, toks[j].end, "group", " ".join([*words, toks[j].text]), plural=True)  # "Official sources said"
    if head in lexicon["group"] and len(words) <= 3:  # "Officials said", "Senior Officials", "Police said"
        qualifier = words[:-1]
        place = place_of(qualifier) if qualifier else None
        if qualifier and not place and words[-1] in lexicon["heads"] and all(w[:1].isupper() and w.lower() not in _RANKS and w not in _STATE_WORDS for w in qualifier):
            return Mention(start, end, "organisation", " ".join(words), place=" ".join(words), possessive=possessive)  # "Harbourside Media"
        if head in lexicon["institutional"]:  # "Russian Military" is Russia; "Korea Meteorological Administration" a body of its own
            own = place and any(place_of([w]) is None and w not in load("actors")["places"]["state_bodies"] for w in qualifier)
            return Mention(start, end, "organisation", " ".join(words), place=identity(words, place) if own else place or " ".join(words))
        return Mention(start, end, "group", " ".join(words), place=place, plural=head.endswith("s"))
    if describes_next(toks, j):
        return None  # "Consumer group Which?": the run qualifies the descriptor of the name after it
    if j < len(toks) and toks[j].text in lexicon["orgref"] and len(words) <= 3 and not possessive and not place_of(words):
        if i and toks[i - 1].text.lower() in ("a", "an"):
            return None  # "a Ghent museum": a body of the place, unnamed
        if toks[j].text in load("actors")["groups"]["bare_sources"]:
            force = f"{' '.join(words)} {toks[j].text}"  # "Kheralpur police": the town's force, not the town
            return Mention(start, toks[j].end, "organisation", force, place=force)
        return Mention(start, toks[j].end, "organisation", " ".join(words), place=" ".join(words))  # "the Unite union said"
    lowered_after = [t.text.lower() for t in toks[j : j + 4]]
    group = group_after(lowered_after) if not possessive else None
    if group and j + group[0] < len(toks) and capitalised(toks[j + group[0]].text) and toks[j + group[0]].text[0].isalpha():
        group = None  # "club spokesman Tom Reid": the noun is a title before a name
    if group is not None:
        n, noun = group
        place = place_of(words) or " ".join(words)
        first = determiner_start(toks, i)
        lead = [t.text.lower() for t in toks[:i] if t.start >= first and (t.text.lower() not in lexicon["determiners"] or t.text.lower() in ("a", "an"))]
        phrase = " ".join(lead + words + [t.text for t in toks[j : j + n]])
        acronym = all(w.isupper() and len(w) > 1 for w in words)  # "an FDA spokeswoman" speaks for the FDA
        if noun.startswith("spokes") and not possessive and (any(w in lexicon["heads"] for w in words) or institution(words) or acronym):
            return Mention(start, toks[j + n - 1].end, "organisation", " ".join(words), place=identity(words, place_of(words)))  # "a Canoe Union spokesman"
        kind = "organisation" if noun in lexicon["institutional"] else "group"
        if kind == "organisation" and noun in name_words("armed_forces") and place in place_key().values():
            forces = f"{demonym(place)} forces"  # "Rwandan forces", "the Rwandan military": the army, not the state
            return Mention(start, toks[j + n - 1].end, kind, forces, place=forces)
        if kind == "organisation":
            return Mention(start, toks[j + n - 1].end, kind, place, place=place)
        return Mention(first, toks[j + n - 1].end, kind, phrase, place=place, plural=noun.endswith("s"))
    held = place_title(toks, i, j, words) if not possessive else None
    if held:  # "the German chancellor said", "the IEBC chairman": a title held in a country or body
        size, title = held
        if j + size < len(toks) and toks[j + size].text == "office" and strip_possessive(toks[j + size - 1])[1]:  # "the Pentagon inspector
            return Mention(start, toks[j + size].end, "organisation", text[start - offset : toks[j + size].end - offset])  # general's office"
        return Mention(toks[i - 1].start, toks[j + size - 1].end, "title", title, title=title, place=identity(words, place_of(words)))
    if all(w.isupper() and len(w) > 1 for w in words):  # acronyms name organisations; capitals runs are datelines
        if len(words) > 1 or _in_dateline(text, start - offset) or words[0] in name_words("time_zones") or _DIGIT_CODE.search(words[0]):
            return None  # "COVID-19", "F-35": a disease or a model, not a body
        key = place_of(words) or words[0]
        return Mention(start, end, "organisation", key, place=key, possessive=possessive)
    found = match_title(words)
    if found and found[0] > 0 and words[found[0] - 1] in ("of", "for", "and") or found and found[1] < len(words) and all(
            w in lexicon["suffixes"] for w in words[found[1] :]):
        found = None  # "Department of Justice and Equality": a portfolio inside a body's name; "Martin Luther King Jr.": a surname
    if found and _surname_title(toks, i, words, found):
        found = None  # "Rafiq Sheikh", "Anna King": a first name, then a surname that is also a title word
    if found:
        a, b, title = found
        b = portfolio_end(words, b)
        while b < len(words) - 1 and match_title([words[b]]):  # "Lt. Col. James Hart", "Det. Chief Supt. Moss"
            b = portfolio_end(words, b + 1)
        title = " ".join(words[a:b])
        name = [w for w in words[b:]]
        prefix = words[:a]
        if prefix and len(prefix) <= 2 and title.split()[-1].lower() in PORTFOLIO_HEADS and place_of(prefix) is None \
                and not any(w in lexicon["heads"] for w in prefix):
            title, prefix = " ".join([*prefix, title]), []  # "Infrastructure Minister X": a portfolio, not a body
        place = identity(prefix, place_of(prefix)) if prefix else None
        if not name and any(w in lexicon["heads"] for w in prefix) or _office_of_title(name):  # "the Health Service Executive
            return Mention(start, end, "organisation", " ".join(words), place=" ".join(words), possessive=possessive)  # said", "the Attorney General's Office"
        if not name:
            return Mention(start, end, "title", title, title=title, place=place, possessive=possessive)
        if name[0] == "of" and len(name) > 1:
            return _title_of(name, title, start, end, possessive)
        if "of" in name and name[0] != "of":  # "Petros Doukas of the National Observatory": the name ends before "of"
            cut = name.index("of")
            end = _end_of(toks, i, b + cut)
            name = name[:cut]
        return Mention(start, end, "person", " ".join(name), title=title, place=place, possessive=possessive)
    before = lowercase_title_before(toks, i)
    place = place_of(words)
    if before and not place:
        title, org, title_start = before
        if "of" in words[1:]:  # "opposition leader Alberto Núñez Feijóo of the People's Party"
            cut = words.index("of")
            org = org or " ".join(w for w in words[cut + 1 :] if w.lower() != "the") or None
            words, end = words[:cut], _end_of(toks, i, cut)
        return Mention(title_start, end, "person", " ".join(words), title=title, place=org, possessive=possessive)
    if len(words) == 1 and words[0] in lexicon["heads"] and (plural_noun(words[0]) or modifies_next(toks, j) and opens_clause(text, start - offset)) and not place:
        return None  # "Services were suspended", "Line managers said": a company word alone names no company
    cut = words.index("of") if "of" in words else 0
    if cut >= 2 and personal_name(words[:cut]) and not any(w in lexicon["heads"] for w in words[:cut]) and not place_of(words[:cut]):
        body = [w for w in words[cut + 1 :] if w != "the"]  # "Ana Ruiz of the Ministry of Health": hers, not its name
        return Mention(start, _end_of(toks, i, cut), "person", " ".join(words[:cut]), place=identity(body, place_of(body)) if body else None)
    named_firm = len(words) >= 2 and words[-1].lower().endswith(organisation_endings())  # "Nordic Skyways"
    if place or "&" in words or named_firm or any(w in lexicon["heads"] for w in words):  # "Acme Corp", "Bank of Valdoria", "Harrow & Vale"
        business = not place and (named_firm or words[-1].rstrip(".").lower() in company_forms())
        if not place and not possessive and (country := _country_in_name(toks, j, words)):  # "Council of Churches in Malawi"
            name = f"{' '.join(words)} in {country}"
            return Mention(start, toks[j + 1].end, "organisation", name, place=name)
        return Mention(start, end, "organisation", " ".join(words), place=identity(words, place), possessive=possessive, business=business)
    if "of" in words[1:]:  # "Petros Doukas of the National Observatory"; "Freedom of Access" names no one
        words = words[: words.index("of")]
        end = _end_of(toks, i, len(words))
        if len(words) < 2:
            return None
    if i > 0 and is_descriptor(toks[i - 1].text) and toks[i - 1].text.islower():  # "industry group TechUK", "consumer watchdog Which?"
        return Mention(start, end, "organisation", " ".join(words), place=" ".join(words), possessive=possessive, business=True)
    if len(words) == 1 and opens_clause(text, start - offset):
        if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[0]) and j < len(toks) and toks[j].text.isalpha() and toks[j].text.islower():
            return None  # "Night-time rationing began", "Cross-border trade resumed": a compound adjective, not a name
        if j < len(toks) and toks[j].text in _RANKINGS:
            return None  # "World number three Tomas Berg": the ranking's scope, not a name
        if modifies_next(toks, j) or not possessive and qualifies_next(toks, j):
            return None  # "Flood warnings were issued", "Heavy rain fell": the word qualifies the noun after it
        if plural_noun(words[0]) and not possessive:  # "Patients were moved": a group unless a known surname
            if j < len(toks) and toks[j].text in THING_PREPOSITIONS and not people_noun(words[0]):
                return None  # "Talks to end the strike", "Shares in Acme": a thing with its complement
            return Mention(start, end, "person", words[0], plural=True)
    if i and (toks[i - 1].text.isdigit() or toks[i - 1].text.lower() in _COUNTS) and j < len(toks) and toks[j].text.isalpha() and toks[j].text.islower() \
            and not (i > 1 and toks[i - 2].text.lower() in _RANKINGS):
        return None  # "two Flemish Old Master paintings": a count before the run makes it a modifier, not a name
    if personal_name(words) and _plural_agreement(toks, i, j) and not possessive:
        return Mention(start, end, "organisation", " ".join(words), place=" ".join(words))  # "Arsenal have signed": a team, not one person
    if personal_name(words):
        return Mention(start, end, "person", " ".join(words), possessive=possessive)
    return None


def _country_in_name(toks: list[Token], j: int, words: list[str]) -> str | None:
    """The country after "in" that ends a body's generic name: "Council of Churches in Malawi",
    "Federation of Trade Unions in Malawi"; a name with a proper word of its own ("Bank of Valdoria
    in London") ends before "in"."""
    if "of" not in words[1:-1] or not words[-1].endswith("s") or j + 1 >= len(toks) or toks[j].text != "in":
        return None
    country = toks[j + 1].text
    generic = all(w in lex()["heads"] or w in ("of", "and", "the") or plural_noun(w) for w in words)
    return country if generic and country in place_key() and place_key()[country] == country and (j + 2 >= len(toks) or not capitalised(toks[j + 2].text)) else None


def _surname_title(toks: list[Token], i: int, words: list[str], found: tuple[int, int, str]) -> bool:
    """A two-word run "First Title" with no determiner before it names a person whose surname is a title
    word; "the Saudi King", "Police Chief" and "Senior Judge" stay titles."""
    first, (a, b, title) = words[0], found
    if len(words) != 2 or (a, b) != (1, 2) or title not in name_words("title_surnames") or not first.isalpha():
        return False
    if i and toks[i - 1].text.lower() in lex()["determiners"] or first.lower() in _RANKS or place_of([first]) or match_title([first]):
        return False
    return first not in lex()["heads"] and first not in lex()["stop"] and first not in load("actors")["titles"]["portfolios"]


def _plural_agreement(toks: list[Token], i: int, j: int) -> bool:
    """"Arsenal have signed", "Ardent are to appeal": a singular name with a plural verb names a team or
    a firm (not the second of a pair: "Smith and Jones have")."""
    return j < len(toks) and toks[j].text in _PLURAL_VERBS and not (i and toks[i - 1].text.lower() in ("and", "&", ",")) \
        and not plural_noun(toks[j - 1].text)


_PLURAL_VERBS = frozenset({"have", "are", "were"})
_LOWER_FORMS = frozenset({"plc", "ltd", "inc", "llc"})  # a company form written in lower case after the name
_RANKINGS = frozenset({"number", "no.", "no", "seed", "seeded"})  # "World number three Tomas Berg withdrew": a rank, not a count
_COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "many"})




def _title_of(name: list[str], title: str, start: int, end: int, possessive: bool) -> Mention:
    """"Mayor of Lyon", "Governor of Texas Greg Abbott", "Residents of Ashby": the place or body a
    title is held in, then the holder's name if one follows; a plural title names the people of the place."""
    rest = [w for w in name[1:] if w != "the"]
    if title[-1:] == "s" and match_title([title[:-1]]):  # "Residents of Ashby": a group of the place
        return Mention(start, end, "group", title, place=place_of(rest) or " ".join(rest), plural=True)
    holder = rest[-2:]
    if len(rest) >= 3 and all(w[:1].isupper() for w in holder) and personal_name(holder) and not set(holder) & lex()["heads"]:
        return Mention(start, end, "person", " ".join(holder), title=title, place=identity(rest[:-2], place_of(rest[:-2])), possessive=possessive)
    return Mention(start, end, "title", title, title=title, place=identity(rest, place_of(rest)), possessive=possessive)


def _office_of_title(name: list[str]) -> bool:
    """"General's Office" after "Attorney": the office of the title's holder, not a person's name."""
    return len(name) >= 2 and name[-1] in lex()["heads"] and name[-2].endswith(("’s", "'s")) and "of" not in name


def _in_dateline(text: str, index: int) -> bool:
    """"(AP) —", "LONDON (Reuters) -": the agency credit before a dateline dash."""
    return index < 40 and _DATELINE.match(text) is not None or index < 80 and _DATED_CREDIT.match(text) is not None


def _end_of(toks: list[Token], first: int, count: int) -> int:
    """End offset of the ``count`` tokens from ``first``."""
    return toks[first + count - 1].end
