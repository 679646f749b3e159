"""Happenings told in other words: "a tunnel collapsed" ~ "the roof of a gallery caved in".

Two reports of one day are the same happening when their acts fall in one class of the lexicon
(resources/event_classes.toml) and they name the same object or place (an anchor: "museum",
"river", "tunnel"); a passive act's subject is its object ("Ian Moss sacked by the club" ~ "the
club sacked manager Ian Moss"). An outlet telling a happening without its actor joins one that names
it, when its words name the actor or the act's object ("the collapse of Harwick Bank" ~ "Harwick Bank
collapsed"); and a person's act of a class done once a day is one happening however each outlet tells
it ("withdrew from the championship" ~ "his withdrawal from the tournament"). Dates are checked by the
merger; this only compares the wording and the actors (``happening_bonus``).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path

from service.pipeline.merge.claim_words import HELD, TOKEN, UNSET, actor_names, content_words, name_words, traits
from service.pipeline.model import Statement
from service.pipeline.statements.lexicon import event_forms

_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "(", ")", "and", "but", "while", "as", "when", "after", "before"})
_OPENING_NAME = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+(?= )")  # a text opening on two to four capitalised words
_PASSIVE = frozenset({"was", "were", "been", "be", "being", "is", "are", "got"})
SAME_HAPPENING = 30.0  # one class of act about one object on one day ("caved in" ~ "collapsed"): one event
TOLD_HAPPENING = 15.0  # the same, told by one speaker: a statement is more than its act, so only a hint
_TEXT_WORD = re.compile(r"[\w'’-]+")
CARRIED = 3  # a carrier verb names its act within this many words: "began an indefinite strike"


@cache
def _lexicon() -> dict:
    """Forms as word tuples -> class, the longest form's length, the words of all forms, carrier
    verbs, classes whose object follows the act, and the generic words that are no anchor."""
    with open(Path(__file__).parent / "resources" / "event_classes.toml", "rb") as handle:
        data = tomllib.load(handle)
    forms: dict[tuple[str, ...], frozenset[str]] = {}
    for name, words in data["classes"].items():
        for form in words:
            forms[tuple(form.split())] = frozenset({name})
    for form, names in data["either"].items():  # "suspended" a player (a ban) or a service (a halt)
        forms[tuple(form.split())] = frozenset(names)
    generic = data["anchors"]["generic"]
    return {
        "forms": forms,
        "longest": max(map(len, forms)),
        "form_words": content_words(" ".join(" ".join(f) for f in forms)),
        "carriers": frozenset(data["acts"]["carriers"]),
        "agentive": frozenset(data["acts"]["agentive"]),
        "once": frozenset(data["acts"]["once"]),
        "generic": content_words(" ".join(generic)) | frozenset(generic),
        "no_act": frozenset(tuple(r.split()) for r in data["acts"]["no_act"]),
    }


def event_classes(statement: Statement) -> frozenset[str]:
    """The classes the first act the statement tells after its actors' names may be of ("Flood Agency
    engineers said ..." is no flood), if the lexicon knows it: one, or two for a word of either."""
    held = HELD.get(id(statement)) or traits(statement)
    found = held.classes
    if found is UNSET:
        act = _act_after(statement.text, held.names)
        found = held.classes = act[0] if act else frozenset()
    return found


@lru_cache(maxsize=65536)
def _act_after(text: str, names: tuple[str, ...]) -> tuple[frozenset[str], str] | None:
    """The first act of the text past its actors' names, cached: each event meets many candidates."""
    for name in names:
        if name and text.startswith(name):
            text = text[len(name) :]
    return _first_act(text)


def _first_act(text: str) -> tuple[frozenset[str], str] | None:
    """The classes of the first act word of ``text`` and the rest of its clause; None when that act is of
    no class ("police released images of men suspected of stealing ..." is a release, not a theft).
    Verbs that carry the act named after them ("began a strike", "made an emergency landing") are
    passed over."""
    lexicon, acts = _lexicon(), event_forms()
    words, carried = TOKEN.findall(re.sub(r"(?<=\d)[,.](?=\d)", "", text.lower())), None  # "40,000 jars": no clause end
    passed = 0  # past two words that tell no act ("an investigating judge charged ...")
    for i, word in enumerate(words):
        if tuple(words[i : i + 2]) in lexicon["no_act"]:
            passed = i + 2
        if i < passed:
            continue
        if carried is not None and i - carried > CARRIED:
            return None  # "launched a review of the rail strike": the act is the review
        for size in range(min(lexicon["longest"], len(words) - i), 0, -1):  # the longest form first: "passed away"
            if (found := lexicon["forms"].get(tuple(words[i : i + size]))) is not None:
                rest = words[i + size :]
                rest = rest[: next((j for j, w in enumerate(rest) if w in _CLAUSE_ENDS), len(rest))]
                return found, " ".join([*_passive_subject(words[:i], rest), *rest])
        if word in acts:
            if word not in lexicon["carriers"]:
                return None
            carried = i if carried is None else carried
    return None


def _passive_subject(before: list[str], rest: list[str]) -> list[str]:
    """The words of the clause before a passive act ("Ian Moss [was] sacked by the club"): what it
    was done to, which the active report names after its act ("the club sacked manager Ian Moss")."""
    if not (before and before[-1] in _PASSIVE) and not (rest and rest[0] == "by"):
        return []
    start = max((j + 1 for j, w in enumerate(before) if w in _CLAUSE_ENDS), default=0)
    return before[start:]


def agentive() -> frozenset[str]:
    """Classes of acts done to others ("arrested", "signed", "appointed"), not befalling their actor."""
    return _lexicon()["agentive"]


def once_a_day(statement: Statement) -> frozenset[str]:
    """The classes of the event's act that a person does once ("resigned", "withdrew")."""
    return event_classes(statement) & _lexicon()["once"]


def other_acts(a: Statement, b: Statement) -> bool:
    """Two events that tell acts of two known classes ("walked out" v "ruled ... unlawful")."""
    x, y = event_classes(a), event_classes(b)
    return bool(x) and bool(y) and not x & y


def anchors(statement: Statement) -> frozenset[str]:
    """Content words that may name the happening's object or place: not act words, times or actors.
    An act done by someone ("the council approved the budget") has its object after the act; a
    happening ("the main tunnel caved in") anywhere in its sentence, even past a clause told short
    ("the collapse occurred at 11pm, when a section of the main tunnel gave way")."""
    held = traits(statement)
    found = held.anchors
    if found is UNSET:
        found = held.anchors = _anchors(statement.text, statement.evidence, held.names)
    return found


@lru_cache(maxsize=65536)
def _anchors(text: str, evidence: str, actors: tuple[str, ...]) -> frozenset[str]:
    found, lexicon, names = _act_after(text, actors), _lexicon(), name_words(actors)
    if found and found[0] & lexicon["agentive"]:
        words = content_words(found[1], names)
    else:
        words = content_words(text, names) | content_words(evidence, names)
    return words - lexicon["form_words"] - lexicon["generic"]


def same_happening(a: Statement, b: Statement) -> bool:
    """One class of act about one shared object or place."""
    return bool(event_classes(a) & event_classes(b)) and bool(anchors(a) & anchors(b))


def named_object(a: Statement, b: Statement) -> bool:
    """One outlet tells what a body did to a person ("the club appointed coach Ada Penn as interim
    manager"), the other without an actor, opening on the person's name ("Ada Penn put in interim
    charge on Monday"): one act. The name must be what the act is done to, not a bystander."""
    for x, y in ((a, b), (b, a)):
        if not x.actors and y.actors:
            opening = _OPENING_NAME.match(x.text)
            if not opening:
                return False
            name = content_words(opening.group())  # every word a name word: not "The Slovak city ..."
            return len(name) == opening.group().count(" ") + 1 and name <= anchors(y)
    return False


UNDERGOER_WORDS = 12  # "The collapse of Harwick Savings Bank on Monday ...": the actor is named this early


def named_undergoer(a: Statement, b: Statement) -> bool:
    """One outlet tells a happening with its actor ("Harwick Savings Bank collapsed on Monday"), the
    other without one, as a noun of the same class naming that actor early on ("The collapse of
    Harwick Savings Bank on Monday left 80,000 savers ...", "Harwick Savings Bank's collapse"): one
    happening. Only for acts that befall their actor (a collapse, a resignation, a crash): "the arrest
    of the police chief" is not the police chief arresting someone."""
    for x, y in ((a, b), (b, a)):
        if not x.actors and y.actors:
            shared = event_classes(x) & event_classes(y)
            if not shared or shared & agentive():
                return False
            opening = frozenset(re.sub(r"['’]s$", "", w) for w in TOKEN.findall(x.text.lower())[:UNDERGOER_WORDS])
            return name_words(actor_names(y)) <= opening
    return False


def happening_bonus(a: Statement, b: Statement) -> float:
    """Two reports of one kind that tell one class of act about one object (dates checked apart)."""
    if a.kind == b.kind == "event" and event_classes(a) & event_classes(b) and (names_actor(a, b) or _befell(a, b)):
        return SAME_HAPPENING
    if once_told(a, b):
        return SAME_HAPPENING  # "Ana Ruiz announced her resignation" (told as her statement) ~ "Ana Ruiz has stepped down"
    if a.kind != b.kind or not same_happening(a, b):
        return 0.0
    return SAME_HAPPENING if a.kind == "event" else TOLD_HAPPENING


def _befell(a: Statement, b: Statement) -> bool:
    """One person's act of a class a person does once, told twice on one day ("Tomas Berg withdrew
    from the championship" ~ "Berg's withdrawal from the tournament", "resigned" ~ "stepped down"),
    whatever else each report names. Not acts done many times a day ("visited Lorca" v "travelled to Murcia")."""
    if len(a.actors) != 1 or a.actors != b.actors or a.actors[0].kind != "person":
        return False
    return bool(once_a_day(a) & once_a_day(b))


def once_told(a: Statement, b: Statement) -> bool:
    """A person's act of a class done once, told once as an event and once as the person's statement
    ("announced her resignation"): one happening."""
    return a.kind != b.kind and _befell(a, b)


def names_actor(a: Statement, b: Statement) -> bool:
    """One event told without an actor, opening on the name of the person the other names as its actor,
    or, in one class of act, as its object, or as what befell the actor ("the collapse of X" ~ "X collapsed")."""
    return _named_person(a, b) or bool(event_classes(a) & event_classes(b)) and named_object(a, b) or named_undergoer(a, b) or _named_patient(a, b)


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]+")


def _named_patient(a: Statement, b: Statement) -> bool:
    """One outlet tells what someone did to a person ("President Ana Ruiz pardoned the former minister
    Tomas Keel", "police arrested Ivo Marsh"), the other without an actor, as the act's noun naming that
    person early on ("The pardon granted to Keel freed ..."): one act. Not the doer named there ("the
    arrest of Sergeant Adeyemi" is not Adeyemi arresting two men): an actor's name is no anchor."""
    for x, y in ((a, b), (b, a)):
        if not x.actors and y.actors:
            if not event_classes(x) & event_classes(y) & agentive():
                return False
            opening = " ".join(x.text.split()[:UNDERGOER_WORDS])
            return bool(content_words(" ".join(_CAPITALISED.findall(opening))) & anchors(y))
    return False


def _named_person(a: Statement, b: Statement) -> bool:
    """One outlet tells a person's happening with the person as its actor ("Owen Grady found guilty of
    stealing ..."), the other without an actor but opening on the person's name ("Owen Grady convicted
    of theft at the district court", told in the passive): one person takes part in few acts of one
    class a day. Not a person named further on ("doctors brought Jens Vermeulen out of the coma he was
    placed in after Tuesday's crash"): the act told there is another."""
    for x, y in ((a, b), (b, a)):
        if not x.actors and y.actors and all(actor.kind == "person" for actor in y.actors):
            names = name_words(actor_names(y))
            return frozenset(_TEXT_WORD.findall(x.text.lower())[: len(names)]) == names
    return False
