"""Incremental merge: each statement joins the one entry that reports the same thing, or starts one.

Candidates come from an index on (kind, actor affiliation, day or month: entry_index.py) so that the
cost of adding a statement does not grow with the story; each candidate is compared with its
representative, on its claim (claims.py) and on what one speaker's two reports share, and, failing
that, with the first report of a few other outlets, on their words alone. Events told in other words
join when they tell one class of act about one object ("caved in" ~ "collapsed"), and never when they
tell acts of two classes (event_classes.py) or a body's one act done to two things (event_acts.py).
One outlet may tell a person's happening without an actor, in the passive ("Owen Grady convicted of
theft"): opening on the person's name, it joins that person's act of the same class, or a body's act
of that class done to the person ("the club appointed Ada Penn" ~ "Ada Penn put in interim charge").
A count risen to a new level ("the toll rose to nine") is a later happening than the first count.

An estimate or count is one claim across outlets whatever figure each gives (a figure discrepancy),
but one article giving two counts of one thing tells two claims ("800 near the coast" and "1,000
in the country"). A quoted claim that several outlets give to one speaker and another outlet to
someone else is one entry with its speaker in dispute; so is a count told in the same words that
several outlets give to one body and another outlet to another ("US officials" v "Biden officials").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from service.pipeline.merge.claim_words import Weights, actor_names, name_words, seen_words, words_of
from service.pipeline.merge.claims import QUOTE_FLOOR, SAME_CLAIM, claim_score, opposite, quote_score, same_claim
from service.pipeline.merge.counts import other_count, other_figure, updated_count
from service.pipeline.merge.days import dates_agree, retold
from service.pipeline.merge.entry_index import NO_ACTOR, EntryIndex, named
from service.pipeline.merge.event_acts import other_objects, spoken
from service.pipeline.merge.event_classes import happening_bonus, names_actor, once_told, other_acts, same_happening
from service.pipeline.merge.people import affiliations
from service.pipeline.model import Statement

SAME_EVENT = 30.0  # one actor's dated happenings on one day are few: a looser match joins them
SELF_REPORT = 80.0  # an event and its actor's statement of it: one entry only when nearly the same words
SAME_QUOTE = 95.0  # a quote this close given to other speakers is one statement, disputed
QUOTE_PARAPHRASE = 80.0  # or a quoted claim this close, told by another outlet (quotes are trimmed and reworded)
CORROBORATED = 2  # outlets agreeing on a speaker, against which one other attribution is a dispute
SAME_ARTICLE = 8.0  # an article tells a claim once or restates it closely: another outlet's paraphrase wins a near tie
SAME_WORDING, RENAMED_WORDS, NAME_STEM = 90.0, 4, 6  # an act told nearly word for word, its actor named two ways
OTHER_OUTLETS = 2  # besides the representative, the first reports of this many other outlets are compared
SHARED_WITH_OTHER = 3  # ... when they share this many content words with the statement


@dataclass(slots=True)
class Group:
    """An entry under construction."""

    members: list[Statement]
    affiliations: set[str]
    disputed: bool = False  # joined by quote across disjoint speakers
    outlets: dict[str, list[Statement]] = field(default_factory=dict)  # its members by article

    @property
    def representative(self) -> Statement:
        return self.members[0]


@dataclass(slots=True)
class Merger:
    """The entries of a story (or one partition of it) as statements are added one by one."""

    groups: list[Group] = field(default_factory=list)
    index: EntryIndex = field(default_factory=EntryIndex)
    weights: Weights = field(default_factory=Weights)
    primed: bool = False  # word rarity already counted over the whole story

    def prime(self, statements: list[Statement]) -> None:
        """Count word rarity over a known batch first, so early comparisons see the story's vocabulary."""
        for statement in statements:
            self.weights.see(seen_words(statement))
        self.primed = True

    def add(self, statement: Statement) -> None:
        keys = {k for a in statement.actors for k in affiliations(a)} or {NO_ACTOR}
        if not self.primed:
            self.weights.see(seen_words(statement))
        threshold = SAME_CLAIM if statement.kind == "statement" else SAME_EVENT
        best, best_score = None, threshold
        elsewhere = None  # the best fit among entries other outlets also carry
        for g in self.index.candidates(statement, keys):
            group = self.groups[g]
            own = statement.article_id in group.outlets
            if own and statement.figures and any(other_figure(m, statement) for m in group.outlets[statement.article_id]):
                continue  # one article giving two counts of one thing ("800 in Lyon", "1,000 in France"): two claims
            score = self._fit(group.representative, statement, keys, group.affiliations, True)
            if score is not None and score < threshold and len(group.outlets) > 1:
                for report in self._other_reports(group, statement):
                    fit = self._fit(report, statement, keys, group.affiliations, False)
                    score = max(score, fit or 0.0)
            if score is None:
                continue
            if own and statement.kind == "statement":
                score -= SAME_ARTICLE  # an article retells a happening in many clauses, a claim seldom
            if (len(group.outlets) > 1 or not own) and score >= threshold:
                elsewhere = max(elsewhere or 0.0, score)
            if score >= best_score and (score > best_score or best is None):
                best, best_score = g, score
        if statement.kind == "statement":
            disputed = self._disputed(statement, keys, best is not None, elsewhere)
            best = disputed if disputed is not None else self._recounted(statement, keys, elsewhere, best)
        elif best is None and NO_ACTOR not in keys:
            best = self._renamed(statement, keys)
        if best is None:
            self.groups.append(Group([statement], set(keys), outlets={statement.article_id: [statement]}))
            best = len(self.groups) - 1
            self.index.register(best, statement, keys, representative=True)
        else:
            group = self.groups[best]
            group.members.append(statement)
            group.outlets.setdefault(statement.article_id, []).append(statement)
            if NO_ACTOR in keys or NO_ACTOR in group.affiliations:
                return  # a happening told without its actor adds no speaker and disputes none
            if not keys & group.affiliations:
                group.disputed = True
            else:
                new = keys - group.affiliations
                group.affiliations |= keys
                self.index.register(best, statement, new, statement is group.representative)

    def _other_reports(self, group: Group, statement: Statement) -> list[Statement]:
        """Besides the representative, the first report of a few other outlets: a third outlet's wording
        may be nearer the second's than the first's ("agreed to merge ... valuing it at 1.2 billion" ~
        "announced a merger that values it at 1.4 billion"). Only on the representative's own date
        (another report's coarser date does not widen the entry's day), and only reports that share a
        few words with the statement, one of them telling and not in the representative (else the
        representative told as much). A claim must share one of them with the representative too: an
        outlet telling two claims of a speaker in one sentence ("the line would open in May and cost 40
        million euros") does not chain the second into the first's entry; a happening told in pieces
        ("killed five people") is one happening, and so is one class of act told about one object
        ("a day after the grid broke down" ~ "when its grid collapsed"), however few words they share."""
        rep = group.representative
        if not dates_agree(rep.date, statement.date):
            return []
        words, told = words_of(statement), words_of(rep)
        out = []
        for first, *_ in islice(group.outlets.values(), 1, 1 + OTHER_OUTLETS):
            if first.article_id == statement.article_id:
                continue
            if statement.kind == first.kind == "event" and same_happening(first, statement):
                out.append(first)  # "the grid broke down" ~ "the grid collapsed", whatever the first outlet told
                continue
            shared = words & words_of(first)
            if len(shared) < SHARED_WITH_OTHER:
                continue
            if (statement.kind == "event" or shared & told) and self.weights.any_telling(shared - told):
                out.append(first)
        return out

    def _fit(self, rep: Statement, statement: Statement, keys: set[str], affiliations: set[str], first: bool) -> float | None:
        """How well a statement tells what one report of an entry tells, or None when it cannot be the same.
        Another outlet's report than the ``first`` counts on its words alone: one speaker's bonuses would
        chain his other claims of the day into the entry."""
        if not dates_agree(rep.date, statement.date) and not retold(rep, statement):
            return None
        if statement.kind == rep.kind == "event" and (other_acts(rep, statement) or other_objects(rep, statement)):
            return None  # "walked out" v "a court ruled the strike unlawful", "approved the plan" v "approved the budget"
        if opposite(rep, statement):
            return None  # "the order would not be lifted before the weekend" v "would be lifted on Friday"
        if other_count(rep, statement) or updated_count(rep, statement):
            return None  # "40,000 marched in Lyon" v "45,000 in Marseille", "2,300 killed" v "2,000 injured", "seven killed" v "the toll rose to nine"
        crossing = statement.kind == "event" and (NO_ACTOR in keys) != (NO_ACTOR in affiliations) and not names_actor(rep, statement)
        score = same_claim(rep, statement, self.weights) + happening_bonus(rep, statement)
        if rep.kind != statement.kind and (score < _self_report(rep, statement) or NO_ACTOR in keys or not keys & affiliations):
            return None  # an actor's act told as its statement ("X has been banned, the union said"): a close match
        if crossing and score < SAME_CLAIM:
            return None  # "the bill cleared the Commons" joins "lawmakers approved the bill" only on a close match
        return claim_score(rep, statement, self.weights, score) if first else score

    def _disputed(self, statement: Statement, keys: set[str], fits: bool, elsewhere: float | None) -> int | None:
        """Same words quoted on the same day but given to other speakers by another outlet: one entry, actor in
        dispute. A quote nearly word for word always; a quoted claim told closely ("we've not yet seen these
        troops deploy" ~ "we have not yet seen these soldiers deploy") only when it fits better than the
        speaker's own entries from other outlets (``elsewhere``: the best fit among them; ``fits``: some
        entry of the speaker fits at all) and the entry's speaker is corroborated by several outlets: two
        people often say much the same on one day, but one outlet alone against several misattributes.
        An article's own restatement (lede, then quote) does not compete."""
        if not statement.quotes:
            return None
        for g in self.index.quoting(statement):
            group = self.groups[g]
            rep = group.representative
            if keys & group.affiliations or not dates_agree(rep.date, statement.date):
                continue
            quoted = quote_score(rep, statement)
            if quoted >= SAME_QUOTE and not fits:
                return g
            if statement.article_id in group.outlets or len(group.outlets) < CORROBORATED:
                continue  # one article quoting two people alike, or one outlet against one: two statements
            close = same_claim(rep, statement, self.weights) if quoted >= QUOTE_FLOOR else 0.0
            if close >= QUOTE_PARAPHRASE and close > (elsewhere or 0.0):
                return g
        return None

    def _renamed(self, statement: Statement, keys: set[str]) -> int | None:
        """An act another outlet tells in nearly its words on its day, its actor named otherwise: a
        description ("the regulator suspended the licence of the plant at Medak" ~ "S K Venkatraman
        suspended the manufacturing licence of the Medak plant") or another form of one name ("Gendarmes
        arrested ..." ~ "National Gendarmerie arrested ..."): one entry, its actor in dispute. Two named
        actors doing one act ("France recalled its ambassador" v "Germany recalled ...") stay apart."""
        for g in self.index.acting(statement):
            group = self.groups[g]
            rep = group.representative
            if keys & group.affiliations or statement.article_id in group.outlets or not renamed(rep, statement):
                continue
            if len(words_of(rep) & words_of(statement)) >= RENAMED_WORDS and (self._fit(rep, statement, keys, group.affiliations, False) or 0.0) >= SAME_WORDING:
                return g
        return None

    def _recounted(self, statement: Statement, keys: set[str], elsewhere: float | None, best: int | None) -> int | None:
        """The same count told in the same words on the same day, which several outlets give to one
        source and another outlet to another ("US officials" v "Biden officials": about 8,000 troops
        near the border): one entry, its source in dispute. Only between bodies, never named people."""
        if named(statement):
            return best
        for g in self.index.counting(statement):
            group = self.groups[g]
            rep = group.representative
            if keys & group.affiliations or statement.article_id in group.outlets or len(group.outlets) < CORROBORATED:
                continue
            close = same_claim(rep, statement, self.weights)
            if dates_agree(rep.date, statement.date) and close >= QUOTE_PARAPHRASE and close > (elsewhere or 0.0):
                return g
        return best


def _self_report(a: Statement, b: Statement) -> float:
    """The score an event and a statement of one actor need to be one entry: a close match, or a claim's
    when the event is an act of saying ("X asked the firm to disclose its costs" ~ "X wrote to the firm
    asking it to disclose ...")."""
    return SAME_CLAIM if spoken(a) or spoken(b) or once_told(a, b) else SELF_REPORT


def renamed(a: Statement, b: Statement) -> bool:
    """The two events' actors may be one named two ways: one side only descriptions ("the regulator",
    "the insurer"), or names that share a stem ("Gendarmes" ~ "National Gendarmerie")."""
    if any(not actor.name[:1].isupper() for actor in a.actors) or any(not actor.name[:1].isupper() for actor in b.actors):
        return all(not x.name[:1].isupper() for x in a.actors) or all(not x.name[:1].isupper() for x in b.actors)
    return bool(_name_stems(a) & _name_stems(b))


def _name_stems(statement: Statement) -> set[str]:
    return {w[:NAME_STEM] for w in name_words(actor_names(statement)) if len(w) >= NAME_STEM}
