"""Actors of one article: mentions resolved to one person, organisation or group each.

A person is keyed by the name without middle initials and suffixes ("Lloyd J. Austin III" ->
"lloyd-austin"); a bare surname or a bare title refers back to the most recently mentioned person
who carries it, so "Kim" after "Kim Yong-hyun" is Kim Yong-hyun, not Kim Jong Un.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from service.pipeline.model import Actor
from service.pipeline.statements.lexicon import load, norm_title, place_key, words
from service.pipeline.statements.mentions import Mention
from service.pipeline.statements.names import name_words, people_noun as _people_noun
from service.pipeline.statements.organisation_kinds import all_kind_names, bare_heads, business_nouns, kind_names, private_organisation
from service.pipeline.statements.tokens import ends_name, name_parts, particles, same_given, slug, surname, surname_key

_BARE_KINDS = frozenset({"person", "people", "persons", "individual", "individuals", "someone"})  # a kind is no one's id
_COMMON_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ship", "ism")  # "Production", "Inflation"; not names


@dataclass(slots=True)
class _Person:
    parts: tuple[str, ...]
    name: str
    title: str | None
    place: str | None
    seen: int = 0
    sex: str | None = None  # from an honorific: "male" | "female"

    def actor(self) -> Actor:
        return Actor(slug(" ".join(self.parts)), self.name, self.title, "person", self.place)


@dataclass(slots=True)
class Cast:
    """The people an article has named so far, in order of last mention."""

    people: list[_Person] = field(default_factory=list)
    clock: int = 0
    organisations: dict[Actor, int] = field(default_factory=dict)  # named so far, with counts
    common: frozenset[str] = frozenset()  # words the article also writes in lower case
    ahead: tuple[Actor, ...] = ()  # organisations the whole article names, for a reference before the name
    businesses: set[Actor] = field(default_factory=set)  # organisations the text calls a firm
    firms: frozenset[str] = frozenset()  # names written like a firm's, never cut to a surname
    uncut: frozenset[str] = frozenset()  # full names never cut to a surname: a firm "the company" may mean
    written: dict[Actor, set[str]] = field(default_factory=dict)  # words the text names each by ("Defence Ministry" for Russia)

    def is_name(self, mention: Mention) -> bool:
        """False for a capitalised common word taken for a name ("Production at the plant was halted")."""
        if mention.kind != "person" or mention.title or " " in mention.name or mention.plural and _people_noun(mention.name):
            return True
        word = mention.name.lower()
        if mention.plural and self._by_single(mention.name):
            return True
        if word in name_words("plural_things"):
            return False  # "Talks collapsed", "Shares fell": things, not people  # "Powers said" after "Jerome Powers", though "power" is a word
        forms = _singulars(word) if mention.plural else {word}  # "Wards" after "ward"
        return not forms & self.common and not (len(word) > 6 and word.endswith(_COMMON_SUFFIXES))

    def resolve(self, mention: Mention) -> Actor | None:
        """The actor a mention names, registering new people; None for pronouns and pairs."""
        if mention.kind == "person" and mention.name in self.firms and not mention.title:
            mention = replace(mention, kind="organisation", place=mention.name, business=True)
        if mention.kind == "organisation":
            named = self._named_by_head(mention.name)
            if named:
                self._mention_organisation(named)
                return named
            actor = Actor(slug(mention.place or mention.name), mention.place or mention.name, None, "organisation")
            self._mention_organisation(actor)
            self.written.setdefault(actor, set()).update(mention.name.lower().split())
            if mention.business:
                self.businesses.add(actor)
            return actor
        if mention.kind == "group":  # "a senior official" keeps its article in the name, not in the id
            kept = [w for w in mention.name.split() if w.lower() not in _determiners()]
            phrase, lead = " ".join(kept), mention.name.split()[0].lower()
            key = slug(phrase) if slug(phrase) not in _BARE_KINDS else f"anonymous-{slug(phrase)}"  # "a person familiar with ..."
            return Actor(key, f"{lead} {phrase}" if lead in ("a", "an") else phrase, None, "group", mention.place)
        if mention.kind == "title":  # no recency bump: a bare surname goes to the latest person *named*
            person = self._by_title(mention.title or "") or self._titled_surname(mention)
            if person is None and (mention.title or "").split()[-1] in load("actors")["groups"]["unnamed_voices"]:
                return Actor(slug(mention.title or ""), mention.title or "", None, "group")  # "the spokesman" no one was named as
            return person.actor() if person else self._office(mention.title or "")
        if mention.kind != "person":
            return None
        if mention.business and mention.place:  # "the president of Acme Corp, Ana Ruiz": Acme Corp is named too
            self.resolve(Mention(mention.start, mention.start, "organisation", mention.place, place=mention.place, business=True))
        if " " not in mention.name and not mention.title:  # "Northwind" after "Northwind Airlines"
            named = next((o for o in self.organisations if o.name.split()[0] == mention.name and " " in o.name), None)
            if named and not self._by_single(mention.name):
                self._mention_organisation(named)
                return named
        if mention.plural and not self._by_single(mention.name) and _people_noun(mention.name):
            place = place_key().get(mention.name[:-1])  # "Israelis said": the people of a country
            return Actor(slug(mention.name), mention.name, None, "group", place)  # "Patients said", "Homeowners said"
        return self._touch(self._person(mention)).actor()

    def _office(self, title: str) -> Actor:
        """"the chief executive said" with no one named so here: the office, for the story to resolve."""
        organisation = self.main_organisation()
        return Actor(f"office-{slug(norm_title(title))}", f"the {title}", title, "person", organisation[0].name if organisation else None)

    def refer(self, noun: str, nearby: list[Actor]) -> tuple[Actor, ...]:
        """What "the bank" or "the carrier" names: the latest organisation of its kind named nearby, else
        in the article so far, else later ("the central bank" before "Bank of Valdoria"); a firm for a
        business noun; a noun of a kind nobody fits stays the unnamed "the carrier"."""
        kind = kind_names(noun)
        for pool in (nearby, list(reversed(self.organisations)), self.ahead):
            fitting = [o for o in pool if noun in (words := self._words(o)) or kind.intersection(words)]
            if fitting:
                return (fitting[0],)
        if noun in business_nouns():  # "the company" is a firm, not the regulator named as often
            latest = [*nearby, *reversed(self.organisations)]
            firms = [o for o in latest if o in self.businesses] or [o for o in latest if private_organisation(o)]
            if firms:
                return (firms[0],)
            uncut = [p for p in sorted(self.people, key=lambda p: -p.seen) if p.name in self.uncut and not p.title]
            if uncut:
                return (Actor(slug(uncut[0].name), uncut[0].name, None, "organisation"),)
        unnamed = (Actor(f"the-{slug(noun)}", f"the {noun}", None, "organisation"),)
        if noun in business_nouns() and not kind:
            return unnamed  # "the insurer" with no firm named yet is not the country of the dateline
        if kind:  # "Nordvik said ... the airline said": a firm whose name shows no kind at all
            kindless = [o for o in [*nearby, *reversed(self.organisations)] if o in self.businesses and not self._kinded(o)]
            return kindless[:1] or unnamed
        if nearby:
            return (nearby[0],)
        return self.main_organisation() or unnamed

    def _named_by_head(self, word: str) -> Actor | None:
        """"the Commission" after "the European Commission": a bare head names the latest organisation ending in it."""
        if " " in word or word not in bare_heads():
            return None
        return next((o for o in reversed(self.organisations) if " " in o.name and o.name.split()[-1] == word), None)

    def _kinded(self, organisation: Actor) -> bool:
        return bool(self._words(organisation) & all_kind_names())

    def _words(self, organisation: Actor) -> set[str]:
        return set(organisation.name.lower().split()) | self.written.get(organisation, set())

    def _mention_organisation(self, actor: Actor) -> None:
        """Count a mention and move the organisation to the end: the dict runs from least to most recent."""
        self.organisations[actor] = self.organisations.pop(actor, 0) + 1

    def main_organisation(self) -> tuple[Actor, ...]:
        """The organisation named most often so far (latest on ties): what "the company" means."""
        if not self.organisations:
            return ()
        ranked = list(self.organisations.items())
        return (max(reversed(ranked), key=lambda item: item[1])[0],)

    def recent(self, count: int = 1) -> list[Actor]:
        """The ``count`` most recently mentioned people, latest first."""
        ranked = sorted(self.people, key=lambda p: -p.seen)
        return [p.actor() for p in ranked[:count]]

    def _touch(self, person: _Person) -> _Person:
        self.clock += 1
        person.seen = self.clock
        return person

    def _person(self, mention: Mention) -> _Person:
        parts = name_parts(mention.name) or tuple(mention.name.split())
        if len(parts) == 1 or parts[0] in particles():
            known = self._by_surname(parts, _sex(mention))
            if known:
                return self._update(known, mention)
        for person in self.people:
            if person.parts == parts or _compatible(person.parts, parts) or ends_name(parts, person.parts):
                return self._update(person, mention)
        person = _Person(parts, mention.name, _title(mention), mention.place, sex=_sex(mention))
        self.people.append(person)
        return person

    def _by_single(self, word: str, sex: str | None = None) -> _Person | None:
        return self._by_surname((word,), sex)

    def _by_surname(self, parts: tuple[str, ...], sex: str | None = None) -> _Person | None:
        """The latest person with this surname (else first name), never one of the other sex."""
        ranked = [p for p in sorted(self.people, key=lambda p: -p.seen) if not (sex and p.sex and p.sex != sex)]
        key = surname_key(parts)
        for person in ranked:
            if len(person.parts) > len(parts) and surname_key(surname(person.parts)) == key:
                return person
        for person in ranked:
            if len(parts) == 1 and person.parts[0] == parts[0]:
                return person
        inner = [p for p in ranked if len(parts) == 1 and parts[0] in p.parts[1:-1]]  # "Lula" in "Luiz Inácio Lula da Silva"
        return inner[0] if len(inner) == 1 else None

    def _titled_surname(self, mention: Mention) -> _Person | None:
        """"King added" after "Martin Luther King Jr.": a surname that is also a title word."""
        word = mention.title or ""
        return self._by_surname((word,)) if " " not in word and word[:1].isupper() and mention.name == word else None

    def _by_title(self, title: str) -> _Person | None:
        key = norm_title(title)
        for person in sorted(self.people, key=lambda p: -p.seen):
            if person.title and holds(person.title, key):
                return person
        return None

    @staticmethod
    def _update(person: _Person, mention: Mention) -> _Person:
        if len(mention.name) > len(person.name) and len(name_parts(mention.name)) >= len(person.parts):
            person.name = mention.name
            person.parts = name_parts(mention.name) or person.parts
        person.title = person.title or _title(mention)
        person.place = person.place or mention.place
        person.sex = person.sex or _sex(mention)
        return person


def _singulars(word: str) -> set[str]:
    """A plural and the singulars it may come from: "wards" -> "ward", "cities" -> "city"."""
    forms = {word, word[:-1]}
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def holds(title: str, key: str) -> bool:
    """Whether a person's title answers a bare title (``key``, normalised): "the minister" is the
    "Health Minister" and the "Minister for Health"; "the chief executive" the "Chief Executive"."""
    held = norm_title(title)
    qualified = key.endswith(" " + held) and not set(key[: -len(held)].split()) & _RANKS_APART  # "the county health officer"
    narrower = held.endswith(" " + key) and not set(held[: -len(key)].split()) & _RANKS_APART  # not "the former president"
    return held == key or narrower or re.split(r" (?:for|of) ", held)[0] == key or qualified


_RANKS_APART = words("title_modifiers") | {"assistant", "vice", "associate", "under", "junior"}  # "deputy chief executive" is another person


def _title(mention: Mention) -> str | None:
    """The mention's title, unless it is only an honorific ("Mr", "Mrs")."""
    honorifics = set(load("actors")["titles"]["honorifics"])
    return mention.title if mention.title and mention.title not in honorifics else None


def _sex(mention: Mention) -> str | None:
    honorifics = load("actors")["titles"]
    return next((sex for sex in ("male", "female") if mention.title in honorifics[sex]), None)


def _compatible(known: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Same person written more or less fully: same last word and the same first name, or one the
    short form of the other ("Tony" for "Antony", "Alex" for "Alexander")."""
    if len(known) < 2 or len(new) < 2 or surname_key(known[-1:]) != surname_key(new[-1:]):
        return False
    return same_given(known[0], new[0])


@cache
def _determiners() -> frozenset[str]:
    return frozenset(load("actors")["groups"]["determiners"])
