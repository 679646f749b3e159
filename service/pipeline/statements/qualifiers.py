"""The words beside a capitalised run that say who it names: a lower-case title before it ("North
Korean leader Kim", "Deputy governor Marta Kovac"), a title's portfolio inside it ("Minister for
Health", "Secretary of State for Education"), a group noun after it ("administration officials",
"Chilean copper producers").
"""

from __future__ import annotations

from functools import cache

from service.pipeline.statements.lexicon import load, lowercase_titles, place_of, words
from service.pipeline.statements.organisation_names import identity
from service.pipeline.statements.tokens import Token, capitalised, lex, strip_possessive


def portfolio_end(words: list[str], b: int) -> int:
    """Past a title's portfolio ("Minister for Health", "Minister of Foreign Affairs", "Secretary of
    State for Education"), leaving at least one word for the name."""
    if b >= len(words) - 1 or words[b] not in ("for", "of"):
        return b
    k = b + 1
    while k < len(words) and (words[k] in lex()["portfolios"] or words[k] in _PORTFOLIO_WORDS):
        k += 1
    return k if k > b + 1 and words[k - 1] not in ("the", "and", "for") else b


_PORTFOLIO_WORDS = frozenset({"State", "the", "and", "for"})  # "Secretary of State for Education"


def group_after(lowered: list[str]) -> tuple[int, str] | None:
    """The last group noun in a chain right after a capitalised run ("administration officials")."""
    lexicon, found, free = lex(), None, 0
    for n, word in enumerate(lowered, start=1):
        if word in lexicon["group"] and (not free or word in _TRADES):
            found = (n, word)
        elif word in lexicon["modifiers"]:
            continue
        elif found is None and free < 2 and word.isalpha() and not word.endswith(("ed", "ing")) and word not in _CLOSED:
            free += 1  # "Chilean copper producers": a noun or two naming the trade before the group noun
        else:
            break
    return found


_TRADES = frozenset(load("actors")["groups"]["trades"])
_CLOSED = words("prepositions") | words("be") | words("not_before_verb") | {"and", "or", "but", "the", "a", "an", "to", "has", "have", "had", "will", "would", "says", "said", "is"}


def determiner_start(toks: list[Token], i: int) -> int:
    """Where the determiners and modifiers before the run begin ("a senior", "the")."""
    lexicon = lex()
    k = i
    while k > 0 and toks[k - 1].text.lower() in lexicon["modifiers"] | lexicon["determiners"]:
        k -= 1
    return toks[k].start


@cache
def _title_ends() -> frozenset[str]:
    return frozenset(phrase[-1] for phrase in lowercase_titles())


def lowercase_title_before(toks: list[Token], i: int) -> tuple[str, str | None, int] | None:
    """A lower-case title right before a name ("Brazilian president Lula"), with its place prefix."""
    table = lowercase_titles()
    if i == 0 or toks[i - 1].text.lower() not in _title_ends():
        return None  # the commonest case: no title word right before the name
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        phrase = tuple(t.text.lower() for t in toks[i - size : i])
        if phrase in table:
            k, prefix = i - size, []
            while k > 0 and toks[k - 1].text.lower() in words("title_modifiers"):
                k -= 1  # "Deputy governor Marta Kovac"
            title_start = toks[k].start
            title = " ".join(t.text for t in toks[k:i]).lower() if k < i - size else table[phrase]
            while k > 0 and (capitalised(toks[k - 1].text) and toks[k - 1].text[0].isalpha() or toks[k - 1].text == "&"):
                word = strip_possessive(toks[k - 1])[0].text
                if word.lower() in words("title_modifiers") or word in lex()["stop"]:
                    break
                prefix.insert(0, word)
                k -= 1
            return title, (identity(prefix, place_of(prefix)) if prefix else None), title_start
    return None
