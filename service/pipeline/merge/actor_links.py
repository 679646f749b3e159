"""Which of a story's actors can change one another's canonical form, so a story's registry redoes
``canonical_actors`` only for the actors a new or lost one can reach, not for the whole story.

``people.unify`` and ``people.organisations`` relate two actors only through shared traits, each
named below by a link key: the same id; for people the surname key of the last word, a first or
middle name a bare name may be ("Lula"), the surname's first letter with the given name's first or
last three letters (spelling variants: ``same_given`` keeps one of them), a surname with the given
name's letters (one surname of a double one: ``inner_name``), and for an office ("the
minister") the title word every holder's title ends in; for organisations, a name word a
definite noun ("the bank") or its kind names may find, 'private' for a business noun, the full name
or its initials, the last word, the name without a company suffix. Actors joined by chains of
shared keys form a component, and the canonical forms of a component depend on it alone: the
whole-story ``canonical_actors`` is the union of the components' (tests/store/test_actor_links.py
checks it over the stories of tests/stories/data in random arrival orders).

A key has a role: '=' links the actors that share it; '?' (an office's title, a definite noun)
links only to the actors that offer the same key with '+', so two ministers are not linked merely
by both holding a ministry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from service.pipeline.merge.people import _initials
from service.pipeline.model import Actor
from service.pipeline.statements.actors import business_nouns, kind_names, private_organisation
from service.pipeline.statements.lexicon import norm_title
from service.pipeline.statements.tokens import name_parts, particles, slug, surname_key

LINKED_KINDS = frozenset({"person", "organisation"})  # the only kinds canonical forms are made for


def link_keys(actor: Actor) -> tuple[str, ...]:
    """The actor's link keys, each prefixed by its role ('=', '+' or '?')."""
    if actor.kind == "person":
        return _person(actor)
    if actor.kind == "organisation":
        return _organisation(actor)
    return ()


def partner(key: str) -> str:
    """The key an actor holding ``key`` is linked through: '=' to itself, '?' and '+' to each other."""
    role = {"=": "=", "?": "+", "+": "?"}[key[0]]
    return role + key[1:]


def component(seeds: Iterable[Actor], holders: Callable[[str], Iterable[Actor]]) -> set[Actor]:
    """The actors reachable from ``seeds`` through shared keys (``holders``: the actors holding a key)."""
    found, todo, seen = set(seeds), list(seeds), set()
    while todo:
        for key in link_keys(todo.pop()):
            wanted = partner(key)
            if wanted in seen:
                continue
            seen.add(wanted)
            for actor in holders(wanted):
                if actor not in found:
                    found.add(actor)
                    todo.append(actor)
    return found


def _person(actor: Actor) -> tuple[str, ...]:
    keys = [f"=id:{actor.id}"]
    if actor.id.startswith("office-"):  # an office is given to the one holder of its title
        title = norm_title(actor.title or "").split()
        return (*keys, f"?title:{title[-1]}") if title else tuple(keys)
    parts = name_parts(actor.name) or tuple(actor.name.split())
    if parts:
        last = surname_key(parts[-1:])[0]
        keys.append(f"=last:{last}")  # a compound or bare surname ("López Obrador", "Ohl")
    if len(parts) > 1 and parts[0] not in particles():  # a first and last name
        keys += [f"+word:{p}" for p in parts[:-1]]  # a bare "Lula" is the one person so named
        given = slug(parts[0])  # spelling variants: one surname initial, a given name alike
        keys += [f"=variant:{last[:1]}:{given[:1]}", f"=variant:{last[:1]}:-{given[-3:]}"]
        inner = surname_key(parts[1:-1]) if len(parts) > 2 else (last,) if len(parts) == 2 else ()
        keys += [f"=inner:{p}:{g}" for p in inner for g in (given[:1], "-" + given[-3:])]  # "Rosa Delgado" in "Rosa María Delgado Ibáñez"
    else:
        keys += [f"?word:{p}" for p in parts[:1]]
    if actor.title:  # the holder of "the minister": "Health Minister", "Minister for Health"
        held = norm_title(actor.title)
        head = re.split(" (?:for|of) ", held)[0]
        keys += sorted({f"+title:{t.split()[-1]}" for t in (held, head) if t.split()})
    return tuple(keys)


def _organisation(actor: Actor) -> tuple[str, ...]:
    keys = [f"=id:{actor.id}"]
    words = actor.name.split()
    if actor.id.startswith("the-"):
        noun = words[-1] if words else ""
        keys += [f"?org-word:{noun}", *(f"?org-word:{k}" for k in sorted(kind_names(noun)))]
        return (*keys, "?private") if noun in business_nouns() else tuple(keys)
    keys += sorted({f"+org-word:{w}" for w in actor.name.lower().split()})
    keys += ["+private"] if private_organisation(actor) else []
    keys += [f"=org-name:{n}" for n in dict.fromkeys((actor.name, _initials(actor.name))) if n]  # "FDA"
    if words:  # "Commission" / "European Commission"; "Velora" / "Velora Inc"
        keys += [f"=org-last:{words[-1]}", *(f"=org-stem:{' '.join(words[:k])}" for k in {len(words), max(1, len(words) - 1)})]
    return tuple(keys)
