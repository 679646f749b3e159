"""Mentions written in lower case: anonymous groups ("a senior official"), a bare title pointing
back to its holder ("the defence secretary") and a definite organisation noun ("the company")."""

from __future__ import annotations

from service.pipeline.statements.lexicon import lowercase_titles, place_key
from service.pipeline.statements.tokens import Mention, Token, lex, strip_possessive


def lowercase_group(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """Groups written without a capitalised qualifier: "officials said", "a senior official"."""
    lexicon = lex()
    if lowered[k] not in lexicon["group"] or k in used:
        return None
    if (k > 0 and (k - 1) in used) or (k + 1) in used:
        return None  # part of a name run, or a title before a name ("spokesperson Ruth Adler")
    first = k
    while first > 0 and lowered[first - 1] in lexicon["modifiers"] | lexicon["determiners"] and (first - 1) not in used:
        first -= 1
    if first == k and k >= 2 and lowered[k - 2] in ("the", "a", "an") and lowered[k - 1].isalpha() and (k - 1) not in used:
        first = k - 2  # "the rebel army": one free modifier after a determiner
    words = [t.text for t in toks[first : k + 1] if t.text.lower() not in lexicon["determiners"]]
    if lowered[k] in lexicon["institutional"]:
        if len(words) < 2:  # a bare "the army" names nobody in particular; "police said" does, as a group
            return Mention(toks[k].start, toks[k].end, "group", lowered[k]) if lowered[k] in lexicon["bare"] else None
        return Mention(toks[first].start, toks[k].end, "organisation", " ".join(words), place=" ".join(words))
    return Mention(toks[first].start, toks[k].end, "group", " ".join(toks[i].text for i in range(first, k + 1)), plural=lowered[k].endswith("s"))


def title_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the defence secretary said": a bare title pointing back to the person who holds it."""
    if k == 0 or lowered[k - 1] != "the":
        return None
    for size in (3, 2, 1):
        phrase = tuple(lowered[k : k + size])
        if len(phrase) == size and phrase in lowercase_titles() and not any(i in used for i in range(k, k + size + 1)):
            return Mention(toks[k - 1].start, toks[k + size - 1].end, "title", " ".join(phrase), title=" ".join(phrase))
    return None


def organisation_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the company said": a definite organisation noun, resolved later to an organisation named nearby;
    "the company's spokesman" speaks for it too."""
    noun, possessive = strip_possessive(toks[k])
    if possessive and k >= 1 and lowered[k - 1] == "the" and noun.text in lex()["orgref"] and k + 1 < len(toks) and lowered[k + 1].startswith("spokes"):
        return Mention(toks[k - 1].start, toks[k + 1].end, "orgref", noun.text)
    if lowered[k] not in lex()["orgref"] or (k + 1) in used:
        return None
    if k >= 1 and lowered[k - 1] == "the":
        return Mention(toks[k - 1].start, toks[k].end, "orgref", lowered[k])
    for size in (1, 2):  # "the central bank", "the county health department", "the German carmaker"
        words = toks[k - size : k]
        if k > size and lowered[k - size - 1] == "the" and all(t.text.isalpha() and (t.text.islower() or t.text in place_key() and lowered[k] not in lex()["institutional"]) for t in words):
            return Mention(toks[k - size - 1].start, toks[k].end, "orgref", lowered[k])
    return None

