"""The subject of a verb: adjacent to it (through auxiliaries and a parenthesis), before an
appositive, opening the clause, or after an inverted verb ("said the club's lawyer, X")."""

from __future__ import annotations

import re

from service.pipeline.statements.lexicon import auxiliaries, words
from service.pipeline.statements.mentions import Mention, Token
from service.pipeline.statements.names import is_descriptor

_APPOSITIVE = re.compile(r"\s*(?:(?:of|at|from|for|with)\s+[^,]+)?,")  # "X of the Observatory, ..., said"
_HOLDER_GAP = re.compile(r"(?:’s|'s)?\s*(?:[a-z][a-z-]*\s+){0,4}[a-z-]*,\s*")  # "'s chief medical officer, "
# "to a statement from X", "to a study by X", "to a survey published by X": the words or figures are X's
_OWN_STATEMENT = re.compile(
    r"\s*(?:a|an|the)?\s*(?:joint\s+|written\s+|new\s+|latest\s+|annual\s+)?(?:statements?|study|survey|analysis|poll|report|review|audit)\s+"
    r"(?:(?:published|released|issued|conducted|carried\s+out)\s+)?(?:from|by)\s+(?:the\s+)?", re.IGNORECASE)
# "A statement from X said", "a letter by X warned": the words are X's
_WRITTEN_BY = re.compile(r"(?:^|[,;:]\s*)(?:a|an|the)\s+(?:joint\s+|written\s+|brief\s+)?(?:statement|letter|notice|post|memo|press\s+release|message)\s+(?:from|by|issued\s+by)\s+(?:the\s+)?$", re.I)
_RELATIVE = re.compile(r",\s+(?:who|which)\b")  # "X, who said last week that hospitals were “ready”, visited ..."
_BASED_END = re.compile(r"\s*\b[\w’'-]+-(?:based|owned|run|listed|backed|registered)$")  # a modifier before the name
_DETERMINER_END = re.compile(r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?)$")
_ANONYMITY = re.compile(r"\s+(?:who|because|as|since)\s+[^,;“”\"]{0,80}?\b(?:anonymity|anonymously|named|identified|authori[sz]ed|permitted|allowed)\b[^,;“”\"]{0,50}?\s*")
SPEAKER_KINDS = frozenset({"person", "group", "organisation", "pronoun", "pair", "title", "orgref"})
_PREPOSITIONS = words("prepositions")
_GERUND_NEXT = re.compile(r"\s+[a-z]+ing\b")
_WEEKDAYS = words("weekdays")
_TIME_WORDS = words("time_words")
_PARTICIPLE_PHRASE = re.compile(r"\s+(?:[a-z]+ing|charged|tasked|hired|appointed|based)\s")
_PLACED_IN = re.compile(r"\s+in\s+")
_AFFILIATION = re.compile(r"\s+(?:at|from|of|for|with)\s+(?:the\s+)?")
_NOT_TITLE = words("not_before_verb") | words("be") | {"and", "but", "or", "as", "so"}
_UNKNOWN_TITLE = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,2}[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?")
_JOINT_LEAD = re.compile(r"\band\s+(?:his|her|their|its)$")  # "X and her counterpart, Y, said"
_JOINED = re.compile(r",?\s*and(?:\s+(?:the|his|her|their|its))?|,")
_OWNER_LEAD = re.compile(r"(?:The\s+|the\s+)?(?:[a-z][a-z-]+\s+)?(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*(?:’s|'s|’|')(?:\s+[a-z][a-z-]+)?")  # "The opposition Labour Party's digital"
_INVERTED_GAP = re.compile(r"\s*(?:[a-z][a-z-]*\s+){0,3}|\s*(?:[a-z][a-z’'-]*\s+){1,4}[a-z-]+,\s*")  # "said lawyer X", "said the club's lawyer, X"
_CLAUSE_BREAK = re.compile(r"[“”\";:–—]|\s-\s|\b(that|which|who|when|if)\b")  # a quote, a dash or a clause between subject and verb
_PHRASE_BREAK = re.compile(r"[,;:“”\"()—–]")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# "X on Thursday, March 23, granted": a weekday and its date between subject and verb, set off by commas
_DATED_ASIDE = re.compile(
    rf"\s(?:on\s+)?(?:{'|'.join(_WEEKDAYS)}),?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?,?$")


def subject_before(text: str, offset: int, toks: list[Token], k: int, mentions: list[Mention], reach: int = 5, strict: bool = False) -> Mention | None:
    """The subject of the verb ``toks[k]``: adjacent (through auxiliaries), before an appositive, or opening the clause."""
    j, set_off = k - 1, False
    while j >= 0:
        if toks[j].text.lower() in auxiliaries() or _time_word(toks, j):
            j -= 1
        elif toks[j].text == ")" and (opening := _dated_bracket(toks, j)) is not None:
            j = opening - 1  # "X on Saturday (July 14) declared"
        elif (aside := _DATED_ASIDE.search(text, 0, toks[j].end - offset)) is not None:
            j, set_off = max(i for i in range(j + 1) if toks[i].start - offset <= aside.start()), True  # "X on Thursday, March 23, granted"
        else:
            break
    if j >= 0 and toks[j].text == ")":  # "National Air Traffic Services (NATS) said"
        opening = next((i for i in range(j - 1, max(-1, j - 8), -1) if toks[i].text == "("), None)
        j = opening - 1 if opening else j
    left_end = toks[j].end if j >= 0 else offset
    phrase_start = toks[j + 1].start  # the verb with its auxiliaries: "..., had repeated"
    found = _adjacent_subject(text, offset, mentions, left_end) or _appositive_subject(text, offset, mentions, phrase_start)
    if found or strict:
        return found
    return clause_subject(text, offset, mentions, phrase_start if set_off else toks[k].start, reach)


def relative_subject(toks: list[Token], k: int, mentions: list[Mention]) -> Mention | None:
    """"X, who said on Monday that ..., admitted": the relative pronoun's antecedent says the verb
    ``toks[k]``; "which" for a body ("the group Rios Vivos, which said ..."); "who had said" too."""
    j = k - 1
    while j >= 0 and (_time_word(toks, j) or toks[j].text.lower() in auxiliaries()):
        j -= 1
    pronoun = toks[j].text.lower() if j >= 1 else ""
    if pronoun not in ("who", "which") or toks[j - 1].text != ",":
        return None
    kinds = ("person", "organisation") if pronoun == "who" else ("organisation",)
    return next((m for m in mentions if m.end == toks[j - 1].start and m.kind in kinds and not m.possessive), None)


def bracketed(text: str, index: int) -> bool:
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)


def _dated_bracket(toks: list[Token], j: int) -> int | None:
    """Where "(July 14)" opens when it follows a weekday: the date in brackets that news adds to a day."""
    opening = next((i for i in range(j - 1, max(-1, j - 5), -1) if toks[i].text == "("), None)
    return opening if opening and toks[opening - 1].text in _WEEKDAYS else None


def _time_word(toks: list[Token], j: int) -> bool:
    """"X on Tuesday said", "X yesterday warned": a time adverbial between subject and verb."""
    word = toks[j].text
    if word.lower() in _TIME_WORDS:
        return True
    return word in _WEEKDAYS or (word == "on" and j + 1 < len(toks) and toks[j + 1].text in _WEEKDAYS)


def _adjacent_subject(text: str, offset: int, mentions: list[Mention], left_end: int) -> Mention | None:
    """The mention right before the verb, unless a preposition governs it ("analysts at Barclays said",
    "talks with port operator X broke down")."""
    found = next((m for m in mentions if m.end == left_end and m.kind in SPEAKER_KINDS | {"place"} and not m.possessive), None)
    if found is not None and found.kind == "place":  # "the Council of Imams in Leicester said": the body the place locates
        return _group_holder(text, offset, mentions, found)
    if found:
        lead = text[: found.start - offset].split()
        placed = lead[:-1] if found.place and lead and lead[-1] == found.place else lead  # "of Dunmore mayor X"
        if _of_governed(placed):
            return None  # "The corruption trial of (former nurse) X opened": X is the trial's, not its subject
        absolute = _GERUND_NEXT.match(text, found.end - offset) is not None  # "with the White House releasing": its subject
        bare = lead[:-1] if lead and lead[-1].lower() in ("the", "a", "an") and not absolute else lead  # "on the LME rose"
        if bare and bare[-1].lower() in _PREPOSITIONS:
            return found if _WRITTEN_BY.search(text, 0, found.start - offset) else _group_holder(text, offset, mentions, found)
        if len(lead) >= 2 and lead[-1].islower() and is_descriptor(lead[-1]) and _PREPOSITIONS & {w.lower() for w in lead[-3:-1]}:
            return None
    return found


def _of_governed(lead: list[str]) -> bool:
    """A noun's "of" before the name, through up to three lower-case words ("the funeral of footballer")."""
    run = 0
    while run < 3 and len(lead) > run + 1 and lead[-1 - run] != "of" and lead[-1 - run].islower() and lead[-1 - run].isalpha():
        run += 1
    return len(lead) >= run + 2 and lead[-1 - run] == "of" and lead[-2 - run].isalpha() and lead[-2 - run].islower()


def _group_holder(text: str, offset: int, mentions: list[Mention], governed: Mention) -> Mention | None:
    """"a spokeswoman for the commission said": the group whose affiliation the governed name is;
    "the Council of Churches in Malawi said", "the embassy in Lima said": the body the place locates."""
    for m in mentions:
        if m.end >= governed.start:
            break
        gap = text[m.end - offset : governed.start - offset]
        if m.kind == "group" and _AFFILIATION.fullmatch(gap) or m.kind in ("organisation", "orgref") and _PLACED_IN.fullmatch(gap) and governed.kind in ("organisation", "place"):
            return m
    return None


def _appositive_subject(text: str, offset: int, mentions: list[Mention], verb_start: int) -> Mention | None:
    """"X, speaking alongside Y, warned": the first named subject followed by a comma."""
    before = text[: verb_start - offset].rstrip()
    if not before.endswith(","):
        return None
    for m in mentions:
        if m.end >= verb_start or m.kind not in SPEAKER_KINDS or m.possessive:
            continue
        tail = text[m.end - offset : verb_start - offset]
        lead = _DETERMINER_END.sub("", text[: m.start - offset].rstrip()).rstrip()  # "(Speaking on Monday,) the Secretary of State for Education, X,"
        lead = _BASED_END.sub("", lead)  # "The ship's owner, Piraeus-based X,"
        quoted = '"' in tail or "“" in tail  # a quote in an appositive is another's words, unless a relative clause holds it
        if _APPOSITIVE.match(tail) and (not quoted or _RELATIVE.match(tail)) and (clause_opening(lead) or _title_lead(lead) or _owner_lead(lead, m) or _JOINT_LEAD.search(lead) or _place_lead(lead, m)):
            return m
    return None


def _place_lead(lead: str, m: Mention) -> bool:
    """"Hospital chief X, who ..., told": the title's organisation opens the sentence before the titled name."""
    return bool(m.title and m.place and lead.endswith(m.place) and clause_opening(lead[: -len(m.place)].rstrip()))


def _owner_lead(lead: str, m: Mention) -> bool:
    """"The Labour Party's digital spokesman, X, said": a titled person owned by the organisation that opens the sentence."""
    return m.title is not None and _OWNER_LEAD.fullmatch(lead) is not None


def _title_lead(lead: str) -> bool:
    """A sentence opening with a title the lexicon lacks ("Council member X, who ..., said"): a
    short run of nouns ending in a lower-case one, with no preposition or article in it."""
    if not _UNKNOWN_TITLE.fullmatch(lead):
        return False
    return not {w.lower() for w in lead.split()} & (_PREPOSITIONS | _NOT_TITLE)


def clause_opening(lead: str) -> bool:
    """Text before a subject that leaves it in subject position: nothing, an adverbial ending in a
    comma, or a dateline ("PORTLAND, Ore. (AP) —")."""
    return not lead or lead.endswith((",", ":", ";", "”", "\"", "—", "–", " -")) or lead.split()[-1].lower() in {"and", "but"}


def sentence_subject(text: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The speaker-like mention the sentence opens with, if it does."""
    first = next((m for m in mentions if m.kind in SPEAKER_KINDS), None)
    return first if first and not first.possessive and clause_opening(text[: first.start - offset].rstrip()) else None


def named_holder(subject: Mention, mentions: list[Mention], text: str, offset: int) -> Mention:
    """"said Velora's chief medical officer, Dr. Helen Park,": the person named after the title, not the firm."""
    for m in mentions:
        if m.start > subject.end and m.kind == "person":
            return m if _HOLDER_GAP.fullmatch(text[subject.end - offset : m.start - offset]) else subject
    return subject


def inverted_gap(gap: str) -> bool:
    """Between an inverted verb and its subject: nothing, or a lower-case title ("said lawyer X")."""
    return _INVERTED_GAP.fullmatch(gap) is not None


def source_gap(gap: str) -> bool:
    """"according to company spokesperson X" or "to a statement from X", not "according to reports from X"
    (an outlet relaying)."""
    if _OWN_STATEMENT.fullmatch(gap):
        return True
    words = gap.split()
    return inverted_gap(gap) and not any(w in _PREPOSITIONS or w.startswith("report") for w in words)


def after_quote(text: str, offset: int, verb_start: int) -> bool:
    return text[: verb_start - offset].rstrip().endswith(("”", "\"", ",”", ",\""))


def clause_subject(text, offset, mentions, verb_start, reach) -> Mention | None:
    """Fallback: the first speaker-like mention opening the clause ("X and its allies assessed")."""
    for m in mentions:
        if m.start >= verb_start:
            return None
        if m.kind not in SPEAKER_KINDS or m.possessive:
            continue
        lead = text[: m.start - offset].rstrip()
        previous = lead.split()[-1].lower() if lead.split() else ""
        between = text[m.end - offset : verb_start - offset]
        if previous in _PREPOSITIONS or _CLAUSE_BREAK.search(between) and not _unnamed(m, between):
            continue
        if clause_opening(lead) and (len(between.split()) <= reach or _unnamed(m, between)) and "," not in between:
            return m
        return None
    return None


def _unnamed(m: Mention, between: str) -> bool:
    """"A diplomat who asked not to be named said": a group source and the clause that keeps it anonymous."""
    return m.kind == "group" and _ANONYMITY.fullmatch(between) is not None


def participle_subject(text: str, offset: int, mentions: list[Mention], verb_start: int) -> Mention | None:
    """"Investigators examining the engine of the jet that landed on Sunday said": the head noun
    opening the sentence, modified by a participle phrase with no break before the verb."""
    first = sentence_subject(text, offset, mentions)
    if first is None or first.kind not in ("person", "group", "organisation") or first.end >= verb_start:
        return None
    between = text[first.end - offset : verb_start - offset]
    if not _PARTICIPLE_PHRASE.match(between) or _PHRASE_BREAK.search(between) or len(between.split()) > 25:
        return None
    return first


def joint_partners(subject: Mention, mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """The named mentions joined to a subject before it: "X and Y signed", "X and her counterpart, Y, signed"."""
    partners: list[Mention] = []
    for m in reversed([m for m in mentions if m.end <= subject.start]):
        if m.kind not in ("person", "organisation") or m.possessive or not _JOINED.fullmatch(text[m.end - offset : subject.start - offset].strip()):
            break
        lead = text[: m.start - offset].split()[-1:]
        if lead and lead[0].lower() in _PREPOSITIONS:
            break
        partners.insert(0, m)
        subject = m
    return partners
