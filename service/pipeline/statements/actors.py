"""Actors of one article: mentions resolved to one person, organisation or group each.

A person is keyed by the name without middle initials and suffixes ("Maria T. Lopez Jr." ->
"maria-lopez"); a bare title refers back to the most recently mentioned person who holds it; a bare
surname to the one person who carries it, and of two to the one not named as the other's kin ("Lachlan
Lowe ... his wife, Anna Lowe"), else to the one named most, else the latest; an honorific or
title says which ("Mr Ashby", "Dr Doukas": the latest of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from service.pipeline.model import Actor
from service.pipeline.statements.cast_organisations import OrganisationMemory, initialism
from service.pipeline.statements.lexicon import holds, honorifics, kin_nouns, load, norm_title, place_key
from service.pipeline.statements.mentions import Mention
from service.pipeline.statements.name_shapes import feature_core, name_words, people_noun as _people_noun
from service.pipeline.statements.organisation_names import common_name
from service.pipeline.statements.organisation_kinds import business_nouns as business_nouns, kind_names as kind_names, private_organisation as private_organisation
from service.pipeline.statements.tokens import compatible, ends_name, name_parts, particles, singulars, slug, surname, surname_key

_BARE_KINDS = frozenset({"person", "people", "persons", "individual", "individuals", "someone"})  # a kind is no one's id
_COMMON_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ship", "ism")  # "Production", "Inflation"; not names
# endings of a noun for an act or a state, whose plural opens a sentence as a thing ("Withdrawals", "Closures")
_ACT_SUFFIXES = _COMMON_SUFFIXES + ("wal", "val", "sal", "ing", "ure", "ance", "ence")


@dataclass(slots=True)
class _Person:
    parts: tuple[str, ...]
    name: str
    title: str | None
    place: str | None
    seen: int = 0
    at: int = -1  # where the text last names the person
    sex: str | None = None  # from an honorific: "male" | "female"
    count: int = 0  # how often the text has named the person so far

    def actor(self) -> Actor:
        return Actor(slug(" ".join(self.parts)), self.name, self.title, "person", self.place)


@dataclass(slots=True)
class Cast(OrganisationMemory):
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
    acronyms: dict[str, Actor] = field(default_factory=dict)  # "NTSB" -> the body named in full with "(NTSB)"
    places: set[str] = field(default_factory=set)  # names the text writes as places ("in Minas Gerais")
    features: set[str] = field(default_factory=set)  # a river's or lake's bare name ("Lyle" of "the River Lyle")

    def is_name(self, mention: Mention) -> bool:
        """False for a capitalised common word taken for a name ("Production at the plant was halted")."""
        if mention.kind != "person" or mention.title or " " in mention.name or mention.plural and _people_noun(mention.name):
            return True
        word = mention.name.lower()
        if mention.plural and self._by_single(mention.name):
            return True
        if word in name_words("plural_things"):
            return False  # "Talks collapsed", "Shares fell": things, not people  # "Powers said" after "Jerome Powers", though "power" is a word
        forms = singulars(word) if mention.plural else {word}  # "Wards" after "ward"
        if mention.plural and any(len(f) > 5 and f.endswith(_ACT_SUFFIXES) and not f.endswith("ling") for f in forms):
            return False  # "Withdrawals began", "Evacuations continued", "Warnings were issued": acts, not people
        return not forms & self.common and not (len(word) > 6 and word.endswith(_COMMON_SUFFIXES))

    def resolve(self, mention: Mention) -> Actor | None:
        """The actor a mention names, registering new people; None for pronouns, pairs and places."""
        if mention.kind == "place" and (core := feature_core(mention.name)):
            self.features.add(core)
            return None
        if mention.kind == "place" and not self._by_surname(name_parts(mention.name) or tuple(mention.name.split())):
            self.places.add(mention.name)
            return None
        if mention.kind == "person" and mention.name in self.features and not mention.title:
            return None  # "the Lyle treatment works" after "the River Lyle": the river, no one
        if mention.kind == "place":  # "faith in Marsh" after "Tom Marsh": the person
            mention = replace(mention, kind="person")
        if mention.kind == "person" and mention.name in self.places and not mention.title and not mention.place:
            mention = replace(mention, kind="organisation", place=mention.name)  # "Minas Gerais declared an emergency": the state
        if mention.kind == "person" and mention.name in self.acronyms and not mention.title:  # "BoE said" after "(BoE)"
            mention = replace(mention, kind="organisation", place=mention.name)
        if mention.kind == "person" and mention.name in self.firms and not mention.title and not self._kin(mention.name):
            mention = replace(mention, kind="organisation", place=mention.name, business=True)
        if mention.kind == "organisation":
            named = self._named_by_head(mention.name) or self._named_by_initials(mention)
            if named:
                self._mention_organisation(named)
                return named
            name = common_name(mention.place or mention.name)
            actor = Actor(slug(name), _full_names().get(name, name), None, "organisation")  # "EU": keyed short, named in full
            self._mention_organisation(actor)
            if mention.place and " " in mention.place and initialism(mention.name):  # "(NTSB)", "(BoE)" after the full name
                self.acronyms[mention.name] = actor
            self.written.setdefault(actor, set()).update(mention.name.lower().split())
            if mention.business:
                self.businesses.add(actor)
            return actor
        if mention.kind == "group" and mention.place and mention.name.split()[-1].startswith("spokes"):
            named = self._named_by_start(mention.place)  # "a Tallis spokesman" after "Tallis Mining": the firm's word
            if named:
                self._mention_organisation(named)
                return named
        if mention.kind == "group":  # "a senior official" keeps its article in the name, not in the id
            kept = [w for w in mention.name.split() if w.lower() not in _determiners()]
            phrase, lead = " ".join(kept), mention.name.split()[0].lower()
            key = slug(phrase) if slug(phrase) not in _BARE_KINDS else f"anonymous-{slug(phrase)}"  # "a person familiar with ..."
            return Actor(key, f"{lead} {phrase}" if lead in ("a", "an") else phrase, None, "group", mention.place)
        if mention.kind == "title":  # no recency bump: a bare surname goes to the latest person *named*
            person = self._by_title(mention.title or "", mention.place) or self._titled_surname(mention)
            if person is None and (mention.title or "").split()[-1] in load("actors")["groups"]["unnamed_voices"]:
                return Actor(slug(mention.title or ""), mention.title or "", None, "group")  # "the spokesman" no one was named as
            return person.actor() if person else self._office(mention.title or "", mention.place)
        if mention.kind != "person":
            return None
        if mention.business and mention.place:  # "the president of Acme Corp, Ana Ruiz": Acme Corp is named too
            self.resolve(Mention(mention.start, mention.start, "organisation", mention.place, place=mention.place, business=True))
        if not mention.title and " " in mention.name:  # "Ardent Motors began ..." after "Ardent Motors, the ... company,"
            named = next((o for o in self.organisations if o.name == mention.name), None)
            if named:
                self._mention_organisation(named)
                return named
        if " " not in mention.name and not mention.title:  # "Northwind" after "Northwind Airlines", "the Fed" after "the Federal Reserve"
            named = next((o for o in self.organisations if " " in o.name and _short_for(mention.name, o.name.split()[0])), None)
            if named and not self._by_single(mention.name):
                self._mention_organisation(named)
                return named
        if mention.plural and not self._by_single(mention.name) and _people_noun(mention.name):
            place = place_key().get(mention.name[:-1])  # "Israelis said": the people of a country
            return Actor(slug(mention.name), mention.name, None, "group", place)  # "Patients said", "Homeowners said"
        person = self._touch(self._person(mention))
        person.at = max(person.at, mention.start)
        return person.actor()

    def _office(self, title: str, place: str | None = None) -> Actor:
        """"the chief executive said" with no one named so here: the office, for the story to resolve; held
        in the place its mention names ("the Mayor of Lyon"), else in the article's main organisation."""
        organisation = self.main_organisation()
        place = place or (organisation[0].name if organisation else None)
        return Actor(f"office-{slug(norm_title(title))}", f"the {title}", title, "person", place)

    def recent(self, count: int = 1, sex: str | None = None) -> list[Actor]:
        """The ``count`` most recently mentioned people, latest first; none known to be of another sex."""
        ranked = [p for p in sorted(self.people, key=lambda p: -p.seen) if not (sex and p.sex and p.sex != sex)]
        return [p.actor() for p in ranked[:count]]

    def named_last(self, position: int) -> tuple[Actor, ...]:
        """The person the text names last before ``position`` ("jailed Tom Hale. The 34-year-old said": Hale)."""
        before = [p for p in self.people if 0 <= p.at < position]
        return (max(before, key=lambda p: p.at).actor(),) if before else tuple(self.recent(1))

    def fits(self, actor: Actor, sex: str | None) -> bool:
        """Whether ``he``/``she`` (``sex``) may be this actor: not a person known to be of the other sex."""
        person = next((p for p in self.people if slug(" ".join(p.parts)) == actor.id), None) if sex else None
        return person is None or person.sex in (None, sex)

    def learn_sex(self, actors: tuple[Actor, ...], sex: str | None) -> None:
        """A person "he" or "she" has named is of that sex from then on, when nothing else said so."""
        if sex and len(actors) == 1:
            person = next((p for p in self.people if slug(" ".join(p.parts)) == actors[0].id), None)
            if person is not None and person.sex is None:
                person.sex = sex

    def _touch(self, person: _Person) -> _Person:
        self.clock += 1
        person.seen = self.clock
        person.count += 1
        return person

    def _person(self, mention: Mention) -> _Person:
        parts = name_parts(mention.name) or tuple(mention.name.split())
        if len(parts) == 1 or parts[0] in particles():
            known = self._by_surname(parts, _sex(mention), _title(mention), bool(mention.title))
            if known:
                return self._update(known, mention)
        for person in self.people:
            if person.parts == parts or compatible(person.parts, parts) or ends_name(parts, person.parts):
                return self._update(person, mention)
        person = _Person(parts, mention.name, _title(mention), mention.place, sex=_sex(mention))
        self.people.append(person)
        return person

    def _lone(self, person: _Person) -> bool:
        """A one-word name of no known sex that is no one's surname or first name here: news names a
        person in full first, so "Apple" or "Nasa" is likelier a body."""
        word = person.name if len(person.parts) == 1 and person.name.isalpha() and len(person.name) > 2 else None
        return word is not None and person.sex is None and not any(person.parts[0] in p.parts for p in self.people if len(p.parts) > 1)

    def _kin(self, name: str) -> bool:
        """Another person of the same surname is named: "Tom Smith" written in full to tell him from
        Mayor Jane Smith is a person, not a firm named twice."""
        parts = name_parts(name) or tuple(name.split())
        if len(parts) < 2:
            return False
        key = surname_key(parts[-1:])
        named = [p.parts for p in self.people] + [name_parts(n) or tuple(n.split()) for n in self.uncut | self.firms if n != name]
        return any(other != parts and len(other) > 1 and surname_key(other[-1:]) == key for other in named)

    def _by_single(self, word: str, sex: str | None = None) -> _Person | None:
        return self._by_surname((word,), sex)

    def _by_surname(self, parts: tuple[str, ...], sex: str | None = None, title: str | None = None, titled: bool = False) -> _Person | None:
        """The person with this surname (else first name), never one of the other sex; "Mayor Smith" is
        first the Smith who is mayor, "Mr Ashby" the latest man of that surname. Of two people of one
        surname, a bare surname is not the one named as kin ("his wife, Anna Lowe": news tells her
        apart by the full or given name), else the one the text names most, else the latest."""
        ranked = [p for p in sorted(self.people, key=lambda p: -p.seen) if not (sex and p.sex and p.sex != sex)]
        if title:
            key = norm_title(title)
            ranked.sort(key=lambda p: not (p.title and holds(p.title, key)))  # stable: latest first within each
        key = surname_key(parts)
        fuller = [p for p in ranked if len(p.parts) > len(parts) and surname_key(surname(p.parts)) == key]
        if fuller and titled:
            return fuller[0]  # "Mr Ashby", "Dr Doukas" just after the second Ashby or Doukas is named: that one
        if fuller:  # kin named beside the principal is told apart by the full name; else the one named most, latest on ties
            return max(fuller, key=lambda p: (p.title not in kin_nouns(), p.count, p.seen))
        for person in ranked:
            if len(parts) == 1 and person.parts[0] == parts[0]:
                return person
        inner = [p for p in ranked if len(parts) == 1 and parts[0] in p.parts[1:-1]]  # "Lula" in "Luiz Inácio Lula da Silva"
        return inner[0] if len(inner) == 1 else None

    def _titled_surname(self, mention: Mention) -> _Person | None:
        """"King added" after "Martin Luther King Jr.": a surname that is also a title word."""
        word = mention.title or ""
        return self._by_surname((word,)) if " " not in word and word[:1].isupper() and mention.name == word else None

    def _by_title(self, title: str, place: str | None = None) -> _Person | None:
        """The latest holder of the title; of the place the title names, if any ("the French president")."""
        key = norm_title(title)
        for person in sorted(self.people, key=lambda p: -p.seen):
            if person.title and holds(person.title, key) and not (place and person.place and person.place != place):
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


def _short_for(word: str, first: str) -> bool:
    """The first word of a body's name, or its clipped form ("Fed" for "Federal", "Met" for "Metropolitan")."""
    return word == first or len(word) >= 3 and first.startswith(word) and first[len(word) : len(word) + 1].islower()


def _title(mention: Mention) -> str | None:
    """The mention's title, unless it is only an honorific ("Mr", "Mrs")."""
    return mention.title if mention.title and mention.title not in honorifics() else None


@cache
def _full_names() -> dict[str, str]:
    return load("actors")["places"]["full_names"]


def _sex(mention: Mention) -> str | None:
    """"male" | "female" from an honorific ("Ms Marsh") or a gendered title word ("the chairwoman")."""
    if not mention.title:
        return None
    word = mention.title.split()[-1].lower()
    return next((sex for sex, (honorifics, words) in _sexed().items() if mention.title in honorifics or word in words), None)


@cache
def _sexed() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    titles = load("actors")["titles"]
    return {sex: (frozenset(titles[sex]), frozenset(titles[f"{sex}_words"] + titles[f"{sex}_kin"])) for sex in ("male", "female")}




@cache
def _determiners() -> frozenset[str]:
    return frozenset(load("actors")["groups"]["determiners"])
