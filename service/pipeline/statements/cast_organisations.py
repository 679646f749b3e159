"""The organisations a Cast has met, and what a bare reference to one names.

"the bank", "the Commission", "the NTSB": news names a body in full once, then by its kind, its head
noun or its initials; kept apart from the people a Cast tracks, whose surnames resolve otherwise.
"""

from __future__ import annotations

from service.pipeline.model import Actor
from service.pipeline.statements.mentions import Mention
from service.pipeline.statements.organisation_names import initials
from service.pipeline.statements.organisation_kinds import all_kind_names, bare_heads, business_nouns, distinct_words, kind_names, private_organisation
from service.pipeline.statements.tokens import slug

_GENERIC = frozenset({"company", "firm", "group", "business"})  # nouns for any business, not one of a kind ("the bank")


class OrganisationMemory:
    """Cast's organisation half: the fields it reads (organisations, businesses, written, acronyms, ahead,
    people, uncut) are Cast's own."""

    __slots__ = ()

    def refer(self, noun: str, nearby: list[Actor], described: str | None = None) -> tuple[Actor, ...]:
        """What "the bank" or "the carrier" names: the latest organisation of its kind named nearby, else
        in the article so far, else later ("the central bank" before "Bank of Valdoria"); a firm for a
        business noun; a noun of a kind nobody fits stays the unnamed "the carrier", and one the text
        describes ("the state weather service") is that body, not another one named nearby."""
        kind, marks = kind_names(noun), distinct_words(described, noun)
        for pool in (nearby, list(reversed(self.organisations)), self.ahead):
            fitting = [o for o in pool if (noun in (words := self._words(o)) or kind.intersection(words)) and marks <= words]
            if fitting:
                return (fitting[0],)
        if noun in business_nouns():  # "the company" is a firm, not the regulator named as often
            latest = [*nearby, *reversed(self.organisations)]
            firms = [o for o in latest if o in self.businesses] or [o for o in latest if private_organisation(o)]
            if firms:
                return (firms[0],)
            uncut = [p for p in sorted(self.people, key=lambda p: -p.seen) if (p.name in self.uncut or noun in _GENERIC and self._lone(p)) and not p.title
                     and private_organisation(Actor(slug(p.name), p.name, None, "organisation"))]  # not "Elm Park Hospital"
            if uncut:  # "Apple reported record sales. The company said": a lone name no one was introduced by
                return (Actor(slug(uncut[0].name), uncut[0].name, None, "organisation"),)
        unnamed = (Actor(f"the-{slug(described or noun)}", f"the {described or noun}", None, "organisation"),)
        if described and noun not in business_nouns():
            return unnamed
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

    def _named_by_start(self, words: str) -> Actor | None:
        """The organisation named so far (else later) whose name is or begins with ``words``."""
        for o in [*reversed(self.organisations), *self.ahead]:
            if o.name == words or o.name.startswith(words + " "):
                return o
        return None

    def _named_by_initials(self, mention: Mention) -> Actor | None:
        """"the NTSB" after "the National Transportation Safety Board": a bare acronym names the body the
        article gave it to in brackets, else the one named so far whose initials it is."""
        if not initialism(mention.name) or (mention.place or mention.name) != mention.name:
            return None
        return self.acronyms.get(mention.name) or next((o for o in reversed(self.organisations) if initials(o.name) == mention.name), None)

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


def initialism(word: str) -> bool:
    """"NTSB", "BoE", "MoD": capitals, perhaps with a small letter between them."""
    return word.isupper() or 3 <= len(word) <= 4 and word.isalpha() and sum(c.isupper() for c in word) >= 2 and word[-1].isupper()
