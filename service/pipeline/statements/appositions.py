"""Appositions that join a title and a name into one person, read over a sentence's mentions.

News sets a title beside a name with commas: "The judge, Amanda Reyes, said", "Anna Berg, the
company's chief executive,", "her lawyer, Tom Baines,", "the mayor of Lyon, Paul Roux,"; and a
plural group beside the people it lists ("The two Liberal members, Guy Thibodeau and Ron Gallant,").
"""

from __future__ import annotations

import re

from service.pipeline.statements.lexicon import honorifics, kin_nouns, place_key
from service.pipeline.statements.references import OF_TITLES, lower_title
from service.pipeline.statements.tokens import Mention, lex

_OWNED_TITLE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+((?:[a-z-]+\s+)?([a-z]+)),\s+$")  # "her defence lawyer, ", "its chief executive, "
_HELD_TITLE = re.compile(r"(?:’s|'s)\s+((?:[a-z-]+\s+){0,2}[a-z-]+),\s+$")  # "the hospital's chief executive, "
_TRAILING_TITLE = re.compile(r",\s+(?:\d+,\s+)?(?:(?:the|a|an|(?:the\s+)?[\w-]+(?:’s|'s))\s+)?((?:(?!(?:of|at|for|with|from|the|a|an)\s)[a-z-]+\s+){0,3}[a-z-]+)(?:\s+(?:of|at|for|with|from)\s+(?:the\s+)?([^,;.“”\"]{1,60}))?\s*[,;.]")  # ", the company's chief executive,", ", chief executive of Acme,"
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_FOR_GAP = re.compile(r"\s+(?:for|at|of)\s+(?:the\s+)?")
_OF_BODY = re.compile(r"\s+(?:of|for)\s+(?:the|a|an|its|their|his|her)\s+[a-z][\w'’ -]{0,60},\s")  # "the president of the residents' association, ", "the lawyer for the stewards, "
_FOR_PARTY = re.compile(r"\s+(?:for|of)\s+(?:(?:the|a|an|its|their|his|her)\s+)?")  # "the lawyer for the (victims), "
_BODY_REST = re.compile(r"(?:’s|'s)?(?:\s+[a-z][\w'’-]*){1,4},\s")  # "(of the Ardal) fishermen's association, "
_PORTFOLIO_HELD = re.compile(r",\s+who\s+(?:has\s+held|holds|held|took\s+over)\s+the\s+([a-z]+)\s+portfolio\b")
_COUNTERPART = re.compile(r"\s+(?:counterpart|colleague|successor|predecessor),\s")


def named_members(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"The two Liberal members, Guy Thibodeau and Ron Gallant, said": the people the apposition names
    are the group; the group's own mention goes."""
    out = list(mentions)
    for k in range(len(mentions) - 2, -1, -1):
        m = mentions[k]
        if m.kind != "group" or not m.plural or text[m.end - offset : m.end - offset + 2] != ", ":
            continue
        n = k + 1
        while n < len(mentions) and mentions[n].kind == "person" and _LISTED.fullmatch(text, mentions[n - 1].end - offset, mentions[n].start - offset):
            n += 1
        if n - k > 2 and text[mentions[n - 1].end - offset : mentions[n - 1].end - offset + 1] == "," and any(
            text[a.end - offset : b.start - offset] in (" and ", ", and ") for a, b in zip(mentions[k + 1 : n], mentions[k + 2 : n])
        ):
            del out[k]
    return out


_LISTED = re.compile(r",\s|\s+and\s|,\s+and\s")


def titled_appositions(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """"The judge, Amanda Reyes, said", "the mayor of Lyon, Paul Roux,", "a company spokesman, Ana Ruiz,",
    "her Chilean counterpart, Ana Ruiz,": the title (with its place) and the name after it are one person."""
    out: list[Mention] = []
    address = honorifics()
    for m in mentions:
        if m.kind == "person" and m.title in address and (trailing := _trailing_title(m, text, offset)):
            out.append(trailing)  # "Dr. Helen Park, the chief medical officer, said"
            continue
        m = _kin_led(m, text, offset)
        portfolio = _PORTFOLIO_HELD.match(text, m.end - offset) if m.kind == "person" and not m.title else None
        if portfolio:  # "Felix Kabwe, who has held the finance portfolio since 2019,": the finance minister
            m = Mention(m.start, m.end, "person", m.name, title=f"{portfolio.group(1)} minister", place=m.place, possessive=m.possessive)
        if m.kind == "person" and (not m.title or m.title in address) and text[m.end - offset : m.end - offset + 1] in (",", ")"):
            merged = _apposed(out, m, text, offset)  # "The hospital's chief executive, Dr Ian Abbs,": the title is his
            if merged:
                del out[len(out) - merged[0] :]
                out.append(merged[1])
                continue
        out.append(m)
    return out


_KIN_LEAD = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+([a-z]+)\s+$")


def _kin_led(m: Mention, text: str, offset: int) -> Mention:
    """"His brother Paul Ferris, a director of the bank, resigned": the kin noun before the name opens
    the person's mention, so the subject before an apposition still opens the clause."""
    if m.kind != "person" or m.possessive:
        return m
    kin = _KIN_LEAD.search(text, max(0, m.start - offset - 20), m.start - offset)
    if kin is None or kin.group(1) not in kin_nouns():
        return m
    return Mention(kin.start() + offset, m.end, "person", m.name, title=m.title or kin.group(1), place=m.place, plural=m.plural, business=m.business)


def _apposed(out: list[Mention], m: Mention, text: str, offset: int) -> tuple[int, Mention] | None:
    """How many mentions before ``m`` its title apposition spans, and the titled person."""
    gap = lambda a, b: text[a.end - offset : b.start - offset]  # noqa: E731
    previous = out[-1] if out else None
    owned = _OWNED_TITLE.search(text, 0 if previous is None else previous.end - offset, m.start - offset)
    if owned and owned.group(2) in lex()["lower_titles"]:  # "her lawyer, Tom Baines,", "its chief executive, Sara Lind,"
        return 0, Mention(owned.start() + offset, m.end, "person", m.name, title=lower_title(owned.group(1)) or owned.group(2))
    if owned and owned.group(2) in kin_nouns():  # "his wife, Anna Lowe,": kin of the person named before, of a known sex
        return 0, Mention(m.start, m.end, "person", m.name, title=owned.group(2), place=m.place)
    owner = out[-2] if previous is not None and previous.kind == "group" and len(out) >= 2 and out[-2].possessive else previous
    held = _HELD_TITLE.search(text, 0 if owner is None else owner.end - offset, m.start - offset)
    if held and held.group(1).split()[-1] in kin_nouns():  # "the boy's mother, Anna Berg,": of a known sex
        return 0, Mention(m.start, m.end, "person", m.name, title=held.group(1).split()[-1], place=m.place, possessive=m.possessive)
    title = lower_title(held.group(1)) if held else None
    if title:  # "the company's chief executive, Anna Berg,": the title is hers, the owner stays a mention
        return (1 if owner is not previous else 0), Mention(m.start, m.end, "person", m.name, title=title, place=m.place, possessive=m.possessive)
    trailing = _trailing_title(m, text, offset)
    if trailing:  # "Anna Berg, the company's chief executive, said"
        return 0, trailing
    if previous is None:
        return None
    if gap(previous, m) == ", ":
        if previous.kind == "title":
            return 1, Mention(previous.start, m.end, "person", m.name, title=previous.title, place=previous.place)
        noun = previous.name.split()[-1]
        if previous.kind == "group" and not previous.plural and noun.lower() in lex()["lower_titles"]:
            return 1, Mention(previous.start, m.end, "person", m.name, title=noun)  # "a company spokesman, Ana Ruiz,"
    if len(out) >= 2 and out[-2].kind == "title" and _OF_GAP.fullmatch(gap(out[-2], previous)) and gap(previous, m) == ", ":
        title = out[-2]  # "the mayor of Lyon, Paul Roux,"; "the president of Acme Corp, Ana Ruiz," also names Acme Corp
        held = previous.name not in place_key() and (previous.kind == "organisation" and previous.place == previous.name or (
            previous.kind == "person" and " " in previous.name and (title.title or "").lower() not in lex()["territorial"]))
        return 2, Mention(title.start, m.end, "person", m.name, title=title.title, place=previous.place or previous.name, business=held)
    # "a spokesman for Harlow District Council, Tom Reeve,": the group's noun is his title, the body his
    if len(out) >= 2 and out[-2].kind == "group" and not out[-2].plural and (noun := out[-2].name.split()[-1].lower()) in lex()["lower_titles"] \
            and (previous.kind in ("organisation", "place") or previous.kind == "person" and " " not in previous.name) \
            and _FOR_GAP.fullmatch(gap(out[-2], previous)) and gap(previous, m) == ", ":
        body = previous.place or previous.name if previous.kind == "organisation" else None  # "a resident of Leeds, Ana Ruiz,": no body
        return 2, Mention(out[-2].start, m.end, "person", m.name, title=noun, place=body)
    if previous.kind == "title" and _OF_BODY.fullmatch(gap(previous, m)):  # "the president of the residents' association, Maria Lopes,"
        return 1, Mention(previous.start, m.end, "person", m.name, title=previous.title, place=previous.place)
    if len(out) >= 2 and out[-2].kind == "title" and previous.kind in ("group", "orgref") and _FOR_PARTY.fullmatch(gap(out[-2], previous)) \
            and gap(previous, m) == ", ":  # "the lawyer for the victims, Ana Ruiz,", "the spokeswoman for the airline, Ana Ruiz,"
        return 2, Mention(out[-2].start, m.end, "person", m.name, title=out[-2].title)
    if len(out) >= 2 and out[-2].kind == "title" and _OF_GAP.fullmatch(gap(out[-2], previous)) and _BODY_REST.fullmatch(gap(previous, m)):
        return 2, Mention(out[-2].start, m.end, "person", m.name, title=out[-2].title)  # "the head of the Lisbon dockers' union, Ana Ruiz,"
    counterpart = _COUNTERPART.fullmatch(gap(previous, m))
    if counterpart and previous.kind == "organisation":  # "her Chilean counterpart, Ana Ruiz,"
        return 1, Mention(previous.start, m.end, "person", m.name, place=previous.place)
    return None


def _trailing_title(m: Mention, text: str, offset: int) -> Mention | None:
    """The person with the title an apposition after the name gives ("X, the county's health officer,")."""
    trailing = _TRAILING_TITLE.match(text, m.end - offset)
    title = (lower_title(trailing.group(1)) or _of_title(trailing)) if trailing and not m.possessive else None
    body = trailing.group(2) if title else None  # "X, director of Aguas de San Isidro,": the body she serves
    place = m.place or (body if body and body[:1].isupper() and " " not in body[:1] and body.split()[-1][:1].isupper() else None)
    return Mention(m.start, m.end, "person", m.name, title=title, place=place) if title else None


def _of_title(trailing: re.Match[str]) -> str | None:
    """"X, head of the weather service,": a post named only with its body after it."""
    return trailing.group(1) if trailing.group(2) and trailing.group(1) in OF_TITLES else None
