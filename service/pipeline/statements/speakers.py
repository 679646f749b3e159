"""Who a reporting verb's subject names: people, organisations and the groups that speak for them.

A pronoun or "both leaders" points back to people already named; "the museum" or "it" to the
organisation named with that head word or that spoke last; "analysts at X" and "a spokesperson for
X" speak for X; "X and Y said" is a joint statement of both.
"""

from __future__ import annotations

import re

from service.pipeline.model import Actor
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.lexicon import load, match_title, place_key, words
from service.pipeline.statements.mentions import Mention, Token
from service.pipeline.statements.subjects import bracketed, clause_opening, sentence_subject
from service.pipeline.statements.tokens import lex, slug

_PREPOSITIONS = words("prepositions")
_PRONOUN_SEX = {"he": "male", "him": "male", "she": "female", "her": "female"}
_BE = words("be")
_SPOKESPERSON = re.compile(r"(?:an?\s+)?(?:([a-z]+)\s+)?spokes(?:man|woman|person)", re.IGNORECASE)  # "a council spokesperson"
_JOINED_TITLE = re.compile(r",?\s*and\s+(?:(?:the|his|her|their|its)\s+)?((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*),?")  # "and the regional president,"
_DETERMINER_END = re.compile(r"\s+(?:the|his|her|their|its)$", re.IGNORECASE)
_OWN_VOICES = frozenset(load("actors")["groups"]["own_voices"])
_AFFILIATION = re.compile(r"\s+(at|from|of|for|with)\s+((?:the\s+)?)")


def actors_of(subject, mentions, resolved, text, offset, cast, last, found) -> tuple[tuple[Actor, ...], int]:
    """The subject's actors and where the (possibly joint) subject starts."""
    if subject.kind == "pronoun":
        if subject.plural:
            return (last if len(last) > 1 else ()), subject.start
        if subject.name.startswith("the ") and not subject.name[4:5].isupper():  # "the 24-year-old", "the veteran": the
            return cast.named_last(subject.start), subject.start  # person named last, often an object ("signed X")
        # "he", "she", and "the Briton" or "the Democrat", which go on from the subject as "he" does
        sex = _PRONOUN_SEX.get(subject.name)  # "she" is not the man named last
        same = [s.actors for s in found if len(s.actors) == 1 and s.actors[0].kind == "person" and cast.fits(s.actors[0], sex)]
        if same:
            chosen = same[-1]
        elif len(last) == 1 and last[0].kind == "person" and cast.fits(last[0], sex):
            chosen = last
        else:
            chosen = tuple(cast.recent(1, sex))
        cast.learn_sex(chosen, sex)  # "He said ... She said": once "he" is the coach, "she" is someone else
        return chosen, subject.start
    if subject.kind == "orgref":  # the organisation this sentence opens with, else the article's main one
        named = [resolved[m.start][0] for m in mentions if m.kind == "organisation" and m.start < subject.start
                 and m.start in resolved and not bracketed(text, m.start - offset)]
        return cast.refer(subject.name, named, subject.place), subject.start
    if subject.kind == "pair":
        pair = cast.recent(2)
        return (tuple(pair) if len(pair) == 2 else ()), subject.start
    actors = list(affiliated(subject, mentions, resolved, text, offset, cast) or _spoken_for(subject, mentions, resolved, text, offset, cast, last)
                  or resolved.get(subject.start, ()))
    for m in reversed([m for m in mentions if m.end <= subject.start]):  # "X and Y said", "X, Y and Z said"
        joined = _DETERMINER_END.sub("", text[m.end - offset : subject.start - offset].strip())  # "X and her counterpart, Y,"
        allowed = {"and", ", and"} if len(actors) == 1 else {"and", ",", ", and"}
        joined = "and" if len(actors) == 1 and _titled_partner(joined, subject) else joined  # "X and regional president Y said"
        lead = text[: m.start - offset].split()[-2:]
        governed = any(w.lower() in _PREPOSITIONS for w in lead) and not lead[-1].endswith((",", ":"))  # not "on Friday, X and Y said"
        if joined not in allowed or governed or m.start not in resolved or m.kind not in {"person", "organisation", "group"}:
            break
        actors.insert(0, resolved[m.start][0])
        subject = m
    return tuple(dict.fromkeys(actors)), subject.start


def _titled_partner(joined: str, subject: Mention) -> bool:
    """"and regional president", "and the regional president,": the second of a joint subject with its
    title in lower case before the name (the title's first words, or all of it, left outside the mention)."""
    found = _JOINED_TITLE.fullmatch(joined)
    if found is None:
        return False
    words = found.group(1).split()
    title = match_title(words)
    return title is not None and title[1] == len(words) or bool(subject.title) and subject.title[:1].islower() and len(words) <= 2


def head_reference(text: str, offset: int, toks: list[Token], j: int, cast: Cast) -> tuple[Mention, Actor] | None:
    """"The museum said" after "the Van Roost Museum": a definite noun opening the clause stands for the
    organisation the article names with that head word, whether or not the lexicon knows the noun."""
    if j < 1 or toks[j - 1].text.lower() != "the" or not toks[j].text.isalpha() or not toks[j].text.islower():
        return None
    if not clause_opening(text[: toks[j - 1].start - offset].rstrip()):
        return None  # "visitors to the museum said": governed, not the subject
    noun = toks[j].text
    bearers = [*reversed(cast.organisations), *cast.ahead, *(p.actor() for p in sorted(cast.people, key=lambda p: -p.seen))]
    named = next((o for o in bearers if len(o.name.split()) > 1 and o.name.split()[-1].lower() == noun), None)
    if named is None:
        return None  # a name ending in a common noun ("Halden Symphony Orchestra") is no person's
    return Mention(toks[j - 1].start, toks[j].end, "organisation", named.name), Actor(named.id, named.name, None, "organisation")


def it_reference(text: str, offset: int, toks: list[Token], j: int, k: int, last: tuple[Actor, ...]) -> tuple[Mention, Actor] | None:
    """"The company denied any wrongdoing. It said it would appeal": "it" opening the clause is the
    organisation that spoke last (not in the impersonal passive: "It was reported that ...")."""
    if j < 0 or toks[j].text.lower() != "it" or len(last) != 1 or last[0].kind != "organisation":
        return None
    if any(t.text.lower() in _BE for t in toks[j + 1 : k]):
        return None
    if not clause_opening(text[: toks[j].start - offset].rstrip()):
        return None
    return Mention(toks[j].start, toks[j].end, "organisation", last[0].name), last[0]


def _spoken_for(subject, mentions, resolved, text, offset, cast, last) -> tuple[Actor, ...]:
    """"The company will appeal, a spokesman said": a spokesperson nobody is named for speaks for the
    organisation the sentence opens with, else for the one that spoke last."""
    spokes = _SPOKESPERSON.fullmatch(subject.name) if subject.kind == "group" else None
    if spokes is None or affiliation(subject, mentions, resolved, text, offset):
        return ()
    tail = _AFFILIATION.match(text[subject.end - offset :])
    person = next((m for m in mentions if tail and tail.group(1) == "for" and m.start == subject.end + tail.end() and m.kind == "person"), None)
    if person is not None and person.start in resolved:  # "a spokeswoman for Mayor Tom Reed": his side, as "Reed's spokeswoman" is
        noun = spokes.group().split()[-1].lower()
        return (Actor(slug(noun), noun, None, "group", resolved[person.start][0].name),)
    body = (spokes.group(1) or "").lower()
    if body in lex()["orgref"] and body != "company":  # "a council spokesperson": the council named nearby or in the article
        named = [resolved[m.start][0] for m in mentions if m.kind == "organisation" and m.start in resolved]
        found = cast.refer(body, named)
        return found if found and not found[0].id.startswith("the-") else ()
    if body not in ("", "company", "official"):
        return ()  # "a government spokesperson" with no government named: a source of its own
    opener = sentence_subject(text, offset, [m for m in mentions if m.start < subject.start])
    if opener is not None and opener.kind == "orgref":
        return cast.refer(opener.name, [])
    if opener is not None and opener.start in resolved and resolved[opener.start][0].kind == "organisation":
        return resolved[opener.start]
    return last if len(last) == 1 and last[0].kind == "organisation" else ()


def affiliation(subject: Mention, mentions, resolved, text: str, offset: int) -> Mention | None:
    """The organisation a group speaks for: "economists at Marenburg Capital", "a spokesperson for Acme"
    (not a person named in full: "a spokesman for Senator Hale" speaks for a person, not a firm)."""
    if subject.kind != "group" or subject.place:
        return None
    tail = _AFFILIATION.match(text[subject.end - offset :])
    if tail is None:
        return None
    org = next((m for m in mentions if m.start in (subject.end + tail.start(2), subject.end + tail.end())), None)
    if org is not None and org.kind == "title" and tail.group(1) == "for" and org.start in resolved:
        return org  # "a spokeswoman for the mayor": the mayor's
    if org is None or org.kind not in ("organisation", "person", "orgref") or org.title:
        return None
    if org.kind == "person" and tail.group(1) in ("of", "for") and (org.start not in resolved or " " in resolved[org.start][0].name):
        return None  # a person the article names in full; a lone unknown name ("for Ryanair") is a firm
    return org if org.kind == "orgref" or org.start in resolved else None


def affiliated(subject: Mention, mentions, resolved, text: str, offset: int, cast: Cast) -> tuple[Actor, ...] | None:
    """The organisation that speaks through a group (see _affiliation)."""
    org = affiliation(subject, mentions, resolved, text, offset)
    if org is None:
        return None
    if org.kind == "orgref":  # "a spokeswoman for the airline"
        named = [resolved[m.start][0] for m in mentions if m.kind == "organisation" and m.start < org.start and m.start in resolved]
        body = cast.refer(org.name, named, org.place)  # "a spokesman for the regional health authority"
        return _own_voice(subject, body[0], resolved) if body and _speaks_for_self(subject) else body
    actor = resolved[org.start][0]  # a bare unknown name after "analysts at" is a firm, not a person
    if org.kind == "title":
        return (actor,)
    if _from_place(subject, org, actor, text, offset, cast) or _speaks_for_self(subject):  # "researchers from Oslo"
        return _own_voice(subject, actor, resolved)
    return (Actor(actor.id, actor.name, None, "organisation", actor.organisation),)


def _speaks_for_self(subject: Mention) -> bool:
    return subject.name.split()[-1].lower() in _OWN_VOICES


def _own_voice(subject: Mention, body: Actor, resolved) -> tuple[Actor, ...]:
    """"Nurses at the hospital said", "researchers from Oslo": people speaking for themselves, a group of
    the body or place, not the body or place."""
    group = resolved.get(subject.start, (Actor(slug(subject.name), subject.name, None, "group"),))[0]
    return (Actor(group.id, group.name, group.title, "group", body.name),)


def _from_place(subject: Mention, org: Mention, actor: Actor, text: str, offset: int, cast: Cast) -> bool:
    """"researchers from Oslo", "doctors in Lagos": people of a place speak as a group, not as the city;
    a place is a name the text writes as one, a country, or a lone word with no body's head after "from"."""
    preposition = _AFFILIATION.match(text[subject.end - offset :])
    if org.kind not in ("person", "organisation") or org.title or org.business or preposition and preposition.group(1) == "for" and _SPOKESPERSON.fullmatch(subject.name):
        return False  # "a spokesperson for the UN" speaks for it
    if actor.name in cast.places or actor.name in place_key():
        return True
    return org.kind == "person" and " " not in actor.name and preposition is not None and preposition.group(1) == "from"
