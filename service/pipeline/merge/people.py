"""One actor per person across the story.

Articles name people differently ("Maria T. Lopez Jr.", "Finance Minister Maria Lopez",
"Lopez"): people with the same first and last name are one; a bare surname is the unique
full-named person with that surname in the story (ambiguous surnames stay apart).
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from service.pipeline.model import Actor
from service.pipeline.statements.actors import business_nouns, holds, kind_names, private_organisation
from service.pipeline.statements.lexicon import load, norm_title, place_of
from service.pipeline.statements.organisation_kinds import distinct_words
from service.pipeline.statements.organisation_names import initials
from service.pipeline.statements.tokens import ends_name, inner_name, name_parts, particles, same_given, slug, surname, surname_key


def _parts(name: str) -> tuple[str, ...]:
    return name_parts(name) or tuple(name.split())


def unify(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Actor id -> the story's canonical actor for it."""
    people = [a for a in actors if a.kind == "person"]
    by_id: dict[str, list[Actor]] = defaultdict(list)
    for actor in people:
        by_id[actor.id].append(actor)
    full = {i: _parts(max(group, key=lambda a: (len(a.name), a.name)).name) for i, group in by_id.items()}
    clusters: dict[tuple[str, str], list[str]] = defaultdict(list)
    singles: list[str] = []
    offices = [i for i in full if i.startswith("office-")]
    for actor_id, parts in sorted(full.items()):
        if actor_id in offices:
            continue
        if len(parts) > 1 and parts[0] not in particles():
            clusters[(parts[0], parts[-1])].append(actor_id)
        else:
            singles.append(actor_id)  # "Ohl", "von der Leyen": a surname alone
    canonical: dict[str, str] = {}
    for members in _join_variants(_join_compound(clusters, full)).values():
        head = min(members, key=lambda i: (len(full[i]), i))
        for member in members:
            canonical[member] = head
    named = dict(canonical)
    for actor_id in offices:
        canonical[actor_id] = _holder(by_id[actor_id][0], people, named) or actor_id
    for actor_id in singles:
        key, word = surname_key(full[actor_id]), full[actor_id][0]
        owners = {named[i] for i in named if surname_key(surname(full[i])) == key}
        owners = owners or {named[i] for i in named if full[i][0] == word and len(key) == 1}
        owners = owners or {named[i] for i in named if word in full[i][1:-1] and len(key) == 1}  # "Lula"
        owners = _titled(owners, by_id[actor_id], people, named) if len(owners) > 1 else owners
        canonical[actor_id] = owners.pop() if len(owners) == 1 else actor_id
    out: dict[str, Actor] = {}
    groups: dict[str, list[Actor]] = defaultdict(list)
    for actor in people:
        groups[canonical[actor.id]].append(actor)
    for members in groups.values():
        merged = _merge(members)
        for member in members:
            out[member.id] = merged
    return out


def organisations(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Other names of one organisation: "the bank" -> the one "Bank of Valdoria" of the story; "FDA" ->
    "Food and Drug Administration" (its initials); "Velora" -> "Velora Inc" (the name without its suffix)."""
    named = {a.id: a for a in actors if a.kind == "organisation" and not a.id.startswith("the-")}
    out: dict[str, Actor] = {}
    for actor in {a.id: a for a in actors if a.kind == "organisation" and a.id.startswith("the-")}.values():
        noun = actor.name.split()[-1]
        marks = distinct_words(" ".join(actor.name.lower().split()[1:]), noun)  # "the bid committee" is no other committee
        fitting = [o for o in named.values() if (noun in (words := o.name.lower().split()) or kind_names(noun).intersection(words)) and marks <= set(words)]
        if not fitting and noun in business_nouns():  # "the Japanese firm": the story's one possible business
            fitting = [o for o in named.values() if private_organisation(o)]
        described = set(actor.name.lower().split()[1:-1])  # "the state weather service": "National Weather Service"
        if len(fitting) > 1 and described:
            fitting = [o for o in fitting if described & set(o.name.lower().split())] or fitting
        if len(fitting) == 1:
            out[actor.id] = fitting[0]
    for actor in named.values():
        fitting = [o for o in named.values() if o.id != actor.id and (_initials(o.name) == actor.name or _shortened(actor.name, o.name))]
        if len(fitting) == 1:
            out[actor.id] = fitting[0]
    return out


_initials = initials  # "FDA" for "Food and Drug Administration" (actor_links keys organisations by it too)


def _shortened(short: str, full: str) -> bool:
    """"Velora" for "Velora Inc": the full name is the short one plus a company-form suffix; "Accident
    Investigation Board" for "Danish Accident Investigation Board": a place adjective before it;
    "Commission" for "European Commission": a bare head that ends it."""
    rest = full.split()[len(short.split()) :]
    if full.endswith(" " + short) and " " not in short:  # "Commission" for "European Commission"
        return short in load("actors")["references"]["bare_heads"]
    if full.endswith(" " + short):
        return place_of(full[: -len(short)].split()) is not None and place_of(short.split()) is None
    return full.startswith(short + " ") and len(rest) == 1 and rest[0].rstrip(".").lower() in _COMPANY_FORMS


# company forms, and the trade words a firm's name ends with and its short name drops ("Corvane
# Pharmaceuticals" -> "Corvane", "Straits Airways" -> "Straits")
_COMPANY_FORMS = frozenset({"inc", "corp", "corporation", "ltd", "plc", "llc", "ag", "sa", "se", "nv", "group", "holdings", "co",
                            "pharmaceuticals", "pharma", "airlines", "airways", "motors", "industries", "technologies",
                            "systems", "foods", "mining", "shipping", "logistics", "energy", "biologics", "therapeutics"})


def _titled(owners: set[str], single: list[Actor], people: list[Actor], named: dict[str, str]) -> set[str]:
    """"Mayor Smith" when the story has two Smiths: the one who holds that title, if only one does."""
    keys = {norm_title(a.title) for a in single if a.title}
    fitting = {named[p.id] for p in people if named.get(p.id) in owners and p.title and any(holds(p.title, k) for k in keys)}
    return fitting or owners


def _holder(office: Actor, people: list[Actor], named: dict[str, str]) -> str | None:
    """The one person of the story who holds an office ("the chief executive" -> Karin Holm)."""
    key = norm_title(office.title or "")
    holders = {named[a.id] for a in people if a.id in named and a.title and holds(a.title, key)}
    return holders.pop() if len(holders) == 1 else None


def _join_variants(clusters: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """Spelling variants are one person: "Zelensky"/"Zelenskyy", "Tony"/"Antony" with the same surname."""
    keys = sorted(clusters)
    parent = {k: k for k in keys}

    def root(k):
        while parent[k] != k:
            k = parent[k]
        return k

    by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in keys:
        by_initial[surname_key((key[1],))[0][:1]].append(key)
    for group in by_initial.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _same_person(a, b):
                    parent[root(b)] = root(a)
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in keys:
        out[root(key)].extend(clusters[key])
    return out


def _join_compound(clusters: dict[tuple[str, str], list[str]], full: dict[str, tuple[str, ...]]) -> dict[tuple[str, str], list[str]]:
    """"López Obrador" is "Andrés Manuel López Obrador", "Rosa Delgado" is "Rosa María Delgado Ibáñez", when
    no other name of the story holds it so."""
    out = {key: list(members) for key, members in clusters.items()}
    for key, members in clusters.items():
        owners = {k for k, others in clusters.items() if k != key and any(ends_name(full[m], full[o]) or inner_name(full[m], full[o]) for m in members for o in others)}
        owner = owners.pop() if len(owners) == 1 else None
        if owner in out and key in out:  # the owner holds more words, so it is never itself joined away
            out[owner].extend(out.pop(key))
    return out


def _same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One name in two spellings: the same surname, or one within a letter or two of it
    ("Zelensky"/"Zelenskyy", "Gaddafi"/"Gadhafi"), and a given name the same, shortened ("Alex")
    or transliterated another way ("Sergei"/"Sergey", "Muammar"/"Moammar")."""
    (first_a, last_a), (first_b, last_b) = [(f, surname_key((l,))[0]) for f, l in (a, b)]  # "al-Assad" = "Assad"
    surname = last_a == last_b or (min(len(last_a), len(last_b)) >= 5 and fuzz.ratio(last_a, last_b) >= 85)
    return surname and same_given(first_a, first_b)


def _merge(members: list[Actor]) -> Actor:
    named = [a for a in members if not a.id.startswith("office-")]
    if not named:  # an office no one in the story is named to
        return min(members, key=lambda a: (a.id, a.organisation or ""))
    name = max((a.name for a in named), key=lambda n: (len(_parts(n)), len(n), n))
    titles = Counter(a.title for a in members if a.title)
    organisations = Counter(a.organisation for a in members if a.organisation)
    title = min(titles, key=lambda t: (-titles[t], -len(t), t)) if titles else None
    organisation = min(organisations, key=lambda o: (-organisations[o], o)) if organisations else None
    return Actor(slug(" ".join(_parts(name))), name, title, "person", organisation)


def affiliations(actor: Actor) -> tuple[str, ...]:
    """Keys under which an actor can match another: its id, and for a group its organisation."""
    keys = [actor.id]
    if actor.kind == "group" and actor.organisation:
        keys.append(slug(actor.organisation))
    body = _bodies().get(actor.name.lower().split()[-1]) if actor.kind == "group" and actor.name else None
    if body:
        keys.append(f"body-{body}")  # "British lawmakers" ~ "MPs": one body, whatever the outlet calls it
    return tuple(keys)


@cache
def _bodies() -> dict[str, str]:
    """Group noun -> the body it names (lawmakers, MPs, legislators -> legislature)."""
    with open(Path(__file__).parent / "resources" / "claims.toml", "rb") as handle:
        bodies = tomllib.load(handle)["bodies"]
    return {noun: body for body, nouns in bodies.items() for noun in nouns}
