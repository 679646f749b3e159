"""Mentions of people, organisations and groups in a stretch of text, before coreference.

A mention is found from how news writes names: a run of capitalised words (runs.py), read as an
organisation or nationality prefix, a title and a personal name (names.py); or a group noun
("officials", "sources") with its modifiers, a bare title or "the company" (references.py); or a
pronoun. Appositions then join titles to names (appositions.py) and context makes some mentions
organisations (organisations.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

from service.pipeline.statements.appositions import named_members, titled_appositions
from service.pipeline.statements.names import classify_run
from service.pipeline.statements.organisations import described_organisations, possessed_institutions, spoken_for
from service.pipeline.statements.references import place_owner, definite_title, group_adjective, lowercase_group, modified_title, organisation_reference, title_reference
from service.pipeline.statements.runs import capitalised_runs
from service.pipeline.statements.tokens import Mention, Token, lex, tokens

__all__ = ["Mention", "Token", "find_mentions", "tokens"]


@cache
def _triggers() -> frozenset[str]:
    """Lower-case words that may open or head a mention outside a capitalised run; any other word
    needs "the" before it (a bare title, "the company")."""
    lexicon = lex()
    return lexicon["pronouns"] | lexicon["group"] | lexicon["orgref"] | lexicon["pair_starts"] | {"his", "her", "the"}


@lru_cache(maxsize=8192)
def find_mentions(text: str, offset: int = 0) -> tuple[Mention, ...]:
    """Mentions in ``text`` (a sentence or clause) with absolute offsets."""
    lexicon, triggers = lex(), _triggers()
    toks = list(tokens(text, offset))
    mentions: list[Mention] = []
    used: set[int] = set()
    for i, j in capitalised_runs(toks, text, offset):
        mention = classify_run(toks, i, j, text, offset)
        if mention:
            mentions.append(mention)
            used.update(range(i, j))
    lowered = [t.text.lower() for t in toks]
    candidates = [k for k, word in enumerate(lowered) if word in triggers or k and (lowered[k - 1] == "the" or place_owner(toks, k))]
    for k in candidates:
        if k in used:
            continue
        word = lowered[k]
        if word in lexicon["pronouns"]:
            mentions.append(Mention(toks[k].start, toks[k].end, "pronoun", word, plural=word in lexicon["plural"]))
        elif word in ("his", "her") and k + 1 < len(toks) and lowered[k + 1] == "office" and k + 1 not in used:  # "her office said": hers
            mentions.append(Mention(toks[k].start, toks[k + 1].end, "pronoun", "he" if word == "his" else "she"))
            used.add(k + 1)
        elif word == "the" and lowered[k + 2 : k + 4] == ["-", "year-old"] and lowered[k + 1].isdigit():
            mentions.append(Mention(toks[k].start, toks[k + 3].end, "pronoun", "the " + "".join(lowered[k + 1 : k + 4])))  # "the 27-year-old"
        for pair in lexicon["pair"] if word in lexicon["pair_starts"] else ():
            if tuple(lowered[k : k + len(pair)]) == pair:
                mentions.append(Mention(toks[k].start, toks[k + len(pair) - 1].end, "pair", " ".join(pair), plural=True))
                break
        if word == "the" and (not k or lowered[k - 1] != "the"):
            continue  # "the" itself opens no group, title or organisation reference: the word after it does
        group = lowercase_group(toks, lowered, k, used) or title_reference(toks, lowered, k, used) or organisation_reference(toks, lowered, k, used) or modified_title(toks, lowered, k, used)
        if group and group.kind == "group" and group.start == toks[k].start and k and k - 1 not in used and group_adjective(lowered[k - 1]):
            group = Mention(toks[k - 1].start, group.end, "group", f"{lowered[k - 1]} {group.name}", place=group.place, plural=group.plural)  # "environmental groups said"
        if group:
            mentions.append(group)
    mentions.sort(key=lambda m: (m.start, -m.end))
    out, last_end = [], -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    out = named_members([definite_title(m) for m in out], text, offset)
    return tuple(spoken_for(described_organisations(titled_appositions(possessed_institutions(out, text, offset), text, offset), text, offset), text, offset))
