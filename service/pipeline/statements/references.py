"""Mentions written in lower case: anonymous groups ("a senior official", "environmental groups"), a
bare title pointing back to its holder ("the defence secretary", "the deputy chief executive") and a
definite organisation noun ("the company")."""

from __future__ import annotations

from functools import cache

from service.pipeline.statements.lexicon import auxiliaries, load, lowercase_titles, place_key, place_of, reporting_forms, words
from service.pipeline.statements.tokens import Mention, Token, capitalised, lex, strip_possessive


def lowercase_group(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """Groups written without a capitalised qualifier: "officials said", "a senior official"."""
    lexicon = lex()
    if lowered[k] not in lexicon["group"] or k in used:
        return None
    if (k > 0 and (k - 1) in used) or (k + 1) in used:
        return None  # part of a name run, or a title before a name ("spokesperson Ruth Adler")
    if modifies_thing(lowered[k], lowered[k + 1 : k + 2]) or _before_group(lowered[k], lowered[k + 1 : k + 2]):
        return None  # "according to official results": the word qualifies a thing; "official sources": the group after it
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


def modifies_thing(noun: str, after: list[str]) -> bool:
    """"official results", "official figures": a singular group noun (not a body: "police records" are the
    police's) qualifying the plural noun after it, which is no group of people ("official sources" is)."""
    lexicon = lex()
    if not after or noun.endswith("s") or noun in lexicon["institutional"]:
        return False
    word = after[0]
    return word.isalpha() and word.islower() and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")) \
        and word not in lexicon["group"] and word not in reporting_forms() and word not in auxiliaries()


def _before_group(noun: str, after: list[str]) -> bool:
    """"official sources", "expert witnesses": a singular group noun qualifying the plural group after it."""
    return bool(after) and not noun.endswith("s") and after[0] in lex()["group"] and after[0].endswith("s")


def title_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the defence secretary said", "Italy's infrastructure minister said": a bare title pointing back
    to the person who holds it; a portfolio word may come before a minister or secretary."""
    if lowered[k] not in _title_starts() and lowered[k] not in OF_TITLES and lowered[k + 1 : k + 2] not in _PORTFOLIO_NEXT and (
            lowered[k][-1:] not in OWNED_ENDS or strip_possessive(toks[k])[0].text.lower() not in _title_starts()):
        return _qualified_title(toks, lowered, k, used)  # the commonest case: no title opens here ("the council", "the report")
    owner = place_owner(toks, k)
    opener = k - 1 if k and lowered[k - 1] == "the" else noun_owner(toks, lowered, k)
    if opener is None and owner is None:
        return None
    if owner is None and opener != k - 1 and "," in lowered[k + 1 : k + 4]:
        return None  # "the ship's owner, Tern Shipping,": the apposition names the holder
    if lowered[k] in OF_TITLES and lowered[k + 1 : k + 2] == ["of"] and k not in used:  # "the head of the weather service"
        return Mention(toks[opener].start if opener is not None else toks[k].start, toks[k].end, "title", lowered[k], title=lowered[k], place=owner)
    for size in (3, 2, 1):
        phrase = tuple(lowered[k : k + size])
        if len(phrase) < size:
            continue
        spokes = _spoken_for_title(toks, lowered, k + size)
        if spokes:
            phrase = (*phrase[:-1], strip_possessive(toks[k + size - 1])[0].text.lower())
        titled = phrase in lowercase_titles() or size == 2 and phrase[1] in PORTFOLIO_HEADS and phrase[0].isalpha()
        if titled and any(i in used for i in range(k, k + size + 1 + spokes)):
            return None  # "the chief executive Karin Holm said": the title is the name's
        if titled:
            start = toks[k].start if owner else toks[opener].start
            return Mention(start, toks[k + size - 1 + spokes].end, "title", " ".join(phrase), title=" ".join(phrase), place=owner)
    return None


def _qualified_title(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the port director said", "the regional governor said": a bare title after one lower-case word that
    says which post it is (a place, a field, a level); no name follows it (then the title is the name's)."""
    word = toks[k].text
    if not k or lowered[k - 1] != "the" or not word.isalpha() or not word.islower() or word in _NOT_QUALIFIER or word in lex()["orgref"] \
            or word in lex()["group"] or word in lex()["determiners"] or word in words("title_modifiers") or word in _PLAIN_ADJECTIVES or word in reporting_forms() or word in auxiliaries():
        return None
    for size in (2, 1):
        phrase = tuple(lowered[k + 1 : k + 1 + size])
        end = k + size
        if len(phrase) == size and phrase in lowercase_titles() and not used & set(range(k, end + 2)) and toks[end].text.isalpha() \
                and not (end + 1 < len(toks) and capitalised(toks[end + 1].text)):
            title = " ".join((word, *phrase))
            return Mention(toks[k - 1].start, toks[end].end, "title", title, title=title)
    return None


_PLAIN_ADJECTIVES = frozenset({"new", "old", "same", "other", "first", "last", "previous", "next", "local", "own", "top", "said", "young"})


def _spoken_for_title(toks: list[Token], lowered: list[str], j: int) -> int:
    """1 when "the minister's spokesman said", "the mayor's office said": the spokesperson or office speaks
    for the holder of the title (the minister named before, else the office); 0 when a name follows ("the
    minister's spokesman, Ana Ruiz,")."""
    if j >= len(toks) or not (lowered[j].startswith("spokes") or lowered[j] == "office") or not strip_possessive(toks[j - 1])[1]:
        return 0
    return 0 if j + 2 < len(toks) and toks[j + 1].text == "," and capitalised(toks[j + 2].text) else 1


PORTFOLIO_HEADS = frozenset({"minister", "secretary"})  # "the infrastructure minister", "the energy secretary"
_PORTFOLIO_NEXT = [[w + end] for w in PORTFOLIO_HEADS for end in ("", "'s", "’s")]
OWNED_ENDS = frozenset("s’'")  # a possessive's last character: "Italy's", "Kenyans'"


@cache
def _title_starts() -> frozenset[str]:
    """The first words of the lower-case titles: where a bare title may open."""
    return frozenset(phrase[0] for phrase in lowercase_titles())


def noun_owner(toks: list[Token], lowered: list[str], k: int) -> int | None:
    """Where "the hospital's" or "the central bank's" opens before the title at ``k``: the post of a body
    named by its common noun ("the hospital's chief executive said")."""
    if k < 2 or not lowered[k - 1].endswith(_NOUN_POSSESSIVES) or not toks[k - 1].text[:1].islower():
        return None
    for j in range(k - 2, max(k - 5, -1), -1):
        if lowered[j] == "the":
            return j
        if not lowered[j].isalpha() or not toks[j].text.islower() or lowered[j] in _LINKING:
            return None
    return None


_NOUN_POSSESSIVES = ("'s", "’s")
OF_TITLES = frozenset(load("actors")["titles"]["of_titles"])  # "the head of ...": a post only with its body


def place_owner(toks: list[Token], k: int) -> str | None:
    """The country whose title follows: "Italy's" before "infrastructure minister"."""
    if k == 0:
        return None
    owner, possessive = strip_possessive(toks[k - 1])
    return place_key().get(owner.text) if possessive else None


def modified_title(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the deputy chief executive said", "the former minister": a bare title with its rank words."""
    if k == 0 or lowered[k - 1] != "the" or lowered[k] not in words("title_modifiers"):
        return None
    j = k
    while j < len(toks) and lowered[j] in words("title_modifiers"):
        j += 1
    for size in (3, 2, 1):
        if j + size <= len(toks) and tuple(lowered[j : j + size]) in lowercase_titles() and not used & set(range(k, j + size)):
            return Mention(toks[k - 1].start, toks[j + size - 1].end, "title", " ".join(lowered[k : j + size]), title=" ".join(lowered[k : j + size]))
    return None


def definite_title(m: Mention) -> Mention:
    """"the county health officer said": one known person's title, not an anonymous group as "a
    senior police officer" is."""
    words = m.name.split()
    if m.kind != "group" or m.plural or words[0].lower() != "the" or len(words) < 2:
        return m
    title = lower_title(" ".join(words[1:]))
    return Mention(m.start, m.end, "title", title, title=title) if title else m


def organisation_reference(toks: list[Token], lowered: list[str], k: int, used: set[int]) -> Mention | None:
    """"the company said": a definite organisation noun, resolved later to an organisation named nearby;
    "the company's spokesman" speaks for it too."""
    noun, possessive = strip_possessive(toks[k])
    if possessive and k >= 1 and lowered[k - 1] == "the" and noun.text in lex()["orgref"] and k + 1 < len(toks) and lowered[k + 1].startswith("spokes"):
        if k + 3 < len(toks) and toks[k + 2].text == "," and toks[k + 3].text[:1].isupper():
            return Mention(toks[k - 1].start, noun.end, "orgref", noun.text, possessive=True)  # "the agency's spokeswoman, Jane Doe,": hers
        return Mention(toks[k - 1].start, toks[k + 1].end, "orgref", noun.text)
    if lowered[k] not in lex()["orgref"] or (k + 1) in used:
        return None
    if k >= 1 and lowered[k - 1] == "the":
        for size in (2, 1):  # "the committee chairwoman", "the company spokesman": the body's officer
            phrase = tuple(lowered[k + 1 : k + 1 + size])
            if len(phrase) == size and phrase in lowercase_titles() and not used & set(range(k + 1, k + 2 + size)):
                title = " ".join([lowered[k], *phrase])
                return Mention(toks[k - 1].start, toks[k + size].end, "title", title, title=title)
        return Mention(toks[k - 1].start, toks[k].end, "orgref", lowered[k])
    for size in (1, 2, 3):  # "the central bank", "the county health department", "the German carmaker"
        words = toks[k - size : k]
        if k > size and lowered[k - size - 1] == "the" and all(_plain(t.text) and (t.text.islower() or t.text in place_key() and lowered[k] not in lex()["institutional"]) for t in words) \
                and not _LINKING.intersection(lowered[k - size : k]) and (all(t.text.isalpha() for t in words) or all(t.text.islower() for t in words)):
            described = " ".join(lowered[k - size : k + 1]) if all(t.text.islower() for t in words) else None
            end = toks[k].end
            if described and _seated(toks, k + 1):  # "the public prosecutor's office in Faro": one office among many
                described, end = f"{described} in {toks[k + 2].text}", toks[k + 2].end
            return Mention(toks[k - size - 1].start, end, "orgref", lowered[k], place=described)  # "the state weather service"
    return None


def _plain(word: str) -> bool:
    """A word of letters, or a possessive whose holder owns the body after it ("the bakers' union", "the
    public prosecutor's office")."""
    if word.isalpha():
        return True
    bare = word[:-2] if word[-2:] in ("'s", "’s") else word[:-1] if word[-1:] in ("'", "’") and word[-2:-1] == "s" else ""
    return len(bare) > 2 and bare.isalpha() and bare.lower() not in lex()["orgref"]  # not "the company's office": the company's


def _seated(toks: list[Token], j: int) -> bool:
    """"in Faro" after a body's common noun: the one place it sits, a single capitalised word ending the phrase."""
    return j + 1 < len(toks) and toks[j].text == "in" and toks[j + 1].text.isalpha() and toks[j + 1].text[:1].isupper() \
        and not (j + 2 < len(toks) and toks[j + 2].text[:1].isupper())


def lower_title(phrase: str) -> str | None:
    """The title a lower-case phrase ends in ("general secretary", "chief executive"), with the
    words that qualify it; None when it ends in no title ("a former nurse")."""
    words = phrase.split()
    table = lex()["lower_titles"]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in table:
            return " ".join(words[-3:]) if size < 3 and len(words) > size and words[-size - 1] not in _NOT_QUALIFIER else " ".join(words[-size:])
    return None


def group_adjective(word: str) -> bool:
    """A lower-case word with an adjective's ending that qualifies a group ("environmental groups",
    "medical experts", "conservative lawmakers"); not a determiner ("several") or a verb ("said")."""
    return word.isalpha() and len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS) and word not in lex()["determiners"] and word not in _NOT_ADJECTIVES


_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ish", "ese", "ian")
_NOT_ADJECTIVES = frozenset({"several", "arrival", "approval", "proposal", "survival", "trial", "rival", "denial", "refusal", "removal", "renewal", "withdrawal", "disposal", "dismissal", "perhaps", "logic", "music", "traffic", "topic", "public", "clinic"})


_LINKING = frozenset({"to", "of", "and", "or", "for", "in", "on", "at", "by", "with", "from", "that", "who", "which", "a", "an", "the"})
_NOT_QUALIFIER = frozenset({"the", "a", "an", "its", "his", "her", "their"})


def place_title(toks: list[Token], i: int, j: int, words: list[str]) -> tuple[int, str] | None:
    """"the German chancellor", "the French foreign minister", "the IEBC chairman": a definite lower-case
    title after a place word or a body's name and before no name (then it is the name's title: "German
    chancellor Olaf Scholz")."""
    if not i or j >= len(toks) or toks[i - 1].text not in ("the", "The") or not toks[j].text.islower():
        return None
    if not (place_of(words) or all(w.isupper() and len(w) > 1 for w in words) or any(w in lex()["heads"] for w in words)):
        return None
    table = lowercase_titles()
    for size in (3, 2, 1):
        phrase = tuple(strip_possessive(t)[0].text if n == size - 1 else t.text for n, t in enumerate(toks[j : j + size]))  # "inspector general's office"
        if len(phrase) == size and phrase in table and not (j + size < len(toks) and capitalised(toks[j + size].text)):
            return size, table[phrase]
    return None
