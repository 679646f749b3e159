"""The people an article names in full, whether or not they speak in it.

News gives a person's fullest name once, often in an article where that person says nothing
("Maria T. Alvarez" in a profile, "Alvarez" in the reports of what she said): the story's canonical
person takes the fullest name any article writes, so the story needs every full name, not only
its speakers'.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.model import Actor, Sentence
from service.pipeline.statements.actors import Cast
from service.pipeline.statements.mentions import find_mentions
from service.pipeline.statements.tokens import name_parts


def named_people(sentences: Sequence[Sentence]) -> tuple[Actor, ...]:
    """Each person named with two name words or more, in the fullest form the article writes, in
    order of first mention; furniture is not read."""
    cast = Cast()
    for sentence in sentences:
        if sentence.furniture:
            continue
        for mention in find_mentions(sentence.text, sentence.start):
            if mention.kind == "person" and not mention.plural and len(name_parts(mention.name)) > 1:
                cast.resolve(mention)
    return tuple(person.actor() for person in cast.people)
