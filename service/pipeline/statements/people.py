"""The people and bodies an article names in full, whether or not they speak in it.

News gives a person's fullest name once, often in an article where that person says nothing
("Maria T. Alvarez" in a profile, "Alvarez" in the reports of what she said), and a body's full name
in one outlet, its initials in another ("Food and Drug Administration", "FDA"): the story's canonical
actor takes the fullest name any article writes, so the story needs every full name, not only its
speakers'.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.model import Actor, Sentence
from service.pipeline.statements.actors import Cast, slug
from service.pipeline.statements.mentions import find_mentions
from service.pipeline.statements.organisation_names import common_name
from service.pipeline.statements.tokens import name_parts


def named_people(sentences: Sequence[Sentence]) -> tuple[Actor, ...]:
    """Each person named with two name words or more, in the fullest form the article writes, in
    order of first mention, then each body named in three words or more (the full name that initials
    such as "FDA" in another article stand for); furniture is not read."""
    cast, bodies = Cast(), {}
    for sentence in sentences:
        if sentence.furniture:
            continue
        for mention in find_mentions(sentence.text, sentence.start):
            if mention.kind == "person" and not mention.plural and len(name_parts(mention.name)) > 1:
                cast.resolve(mention)
            elif mention.kind == "organisation" and len((mention.place or mention.name).split()) >= 3:
                name = common_name(mention.place or mention.name)
                bodies.setdefault(name, Actor(slug(name), name, None, "organisation"))
    return tuple(person.actor() for person in cast.people) + tuple(bodies.values())
