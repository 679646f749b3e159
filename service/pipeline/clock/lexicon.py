"""The clock's word lists (lexicon.toml) and the patterns built from them, compiled once at import."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_LEX = tomllib.loads(Path(__file__).with_name("lexicon.toml").read_text(encoding="utf-8"))

MONTHS: dict[str, int] = _LEX["months"]
WEEKDAYS: dict[str, int] = _LEX["weekdays"]
NUMBERS: dict[str, int] = _LEX["numbers"]
PAST_WORDS = frozenset(_LEX["tense"]["past"])
NOT_PAST = frozenset(_LEX["tense"]["not_past"])
REPORTING = frozenset(_LEX["tense"]["reporting"])
AUXILIARIES = frozenset(_LEX["tense"]["auxiliaries"])
FUTURE = tuple(re.compile(p) for p in _LEX["tense"]["future"])
ABBREVIATIONS = frozenset(_LEX["text"]["abbreviations"])
NAME_STOP = frozenset(_LEX["text"]["name_stop"])
DURATION_STOP = tuple(_LEX["text"]["duration_stop"])

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def _alternation(words) -> str:
    """Capitalised alternatives, longest first so "Sept" wins over "Sep"; full names also in capitals,
    as page stamps write them ("OCTOBER 31, 2024"); abbreviations not ("SUN", "WED" are words)."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join([w.capitalize() for w in ordered] + [w.upper() for w in ordered if len(w) > 4])


_MON = rf"(?P<mon>{_alternation(MONTHS)})(?![a-z])\.?"
_WD = (rf"(?:(?P<wd>{_alternation(WEEKDAYS)})(?![a-z])\.?(?:\s+(?P<part>morning|afternoon|evening|night))?"
       r"(?:\s*,\s*|\s+|\s*\(\s*))?")
_DAY = r"(?<![\d,.$£€])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|,\d)"
_YEAR = r"(?:\s*\))?(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d|,\d))?(?:\s*\))?"

# "Tuesday (March 12)", "on Tuesday, Mar. 12", "March 12, 2019"
MONTH_DAY = re.compile(rf"(?=[A-Z]){_WD}{_MON}\s+{_DAY}{_YEAR}")  # the lookahead only saves time
# "Friday 3 May", "31 October 2024", "the 3rd of May"
DAY_MONTH = re.compile(rf"(?=[A-Zt0-9]){_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}")
NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)([/.])(?P<b>[0-3]?\d)\2(?P<year>(?:19|20)\d\d|\d\d)(?![\d/.])")
ISO_DATE = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
# "on Thursday the 31st", "Friday 13th": the month is left to the text around it
WEEKDAY_ORDINAL = re.compile(
    rf"\b(?P<wd>{'|'.join(WEEKDAY_NAMES)})(?:,?\s+|\s*\(\s*)(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b\)?"
    r"(?!\s+(?:of\s+)?[A-Z])"
)
# "July 1997", "March 3, 1997", "3 March 1997": a year written with its month
MONTH_YEAR = re.compile(
    rf"\b(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?(?:{_alternation(MONTHS)})\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?,?)?"
    r"\s+(?P<year>(?:19|20)\d\d)(?!\d)"
)
# Named days, shared with the normaliser: "MM-DD", "MM-weekday-n" (n = L: last), "EASTER+days"
HOLIDAYS: dict[str, str] = tomllib.loads(
    (Path(__file__).parents[1] / "temporal" / "resources" / "lexicon.toml").read_text(encoding="utf-8")
)["lexicon"]["HOLIDAY"]["entries"]
HOLIDAY = re.compile(
    r"\b(?P<name>" + "|".join(
        re.escape(" ".join(w[:1].upper() + w[1:] for w in name.split())).replace("'", "['’]")
        for name in sorted(HOLIDAYS, key=len, reverse=True)
    ) + r")(?![\w-])(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
)
MONTH_NAME = re.compile(rf"\b(?P<mon>{'|'.join(MONTH_NAMES)})\b")
BARE_WEEKDAY = re.compile(rf"\b(?P<wd>{'|'.join(WEEKDAY_NAMES)})(?P<plural>s\b)?")
# After "the" and a weekday, a capitalised word other than a month makes a title: "the Sunday Ledger"
WEEKDAY_TITLE = re.compile(rf" (?!(?:{'|'.join(MONTH_NAMES)})\b)[A-Z][a-z]")
# A round-up walks through its week under weekday headings: "MONDAY: The trial opened ...", "Tuesday -"
WEEKDAY_HEADING = re.compile(rf"^[ \t]*(?P<wd>{'|'.join(WEEKDAY_NAMES + tuple(w.upper() for w in WEEKDAY_NAMES))})"
                             r"[ \t]*(?::|—|–|-)[ \t]+(?=\S)", re.MULTILINE)
EVENING = re.compile(r"(?:['’]s)?\s+(?:night|evening)\b", re.IGNORECASE)  # after a weekday: "Tuesday night"
DAY_PART = re.compile(r"(?:['’]s)?\s+(?P<part>morning|afternoon|evening|night)\b", re.IGNORECASE)  # "Wednesday morning"
DAY_EDGE = re.compile(r"\b(?P<edge>late|early)\s+(?:on\s+)?$", re.IGNORECASE)  # before a weekday: "late on Tuesday"
WEEKDAY_MOD = re.compile(r"\b(?P<mod>last|next|this|on|every|each|by|until|since|from|late|early)\s+$", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d,.$£€#-])(?P<year>(?:19|20)\d\d)(?!\d|,\d|%|s\b|\s*(?:per\s?cent|percent))")
# A page's copyright notice, kept in its furniture: "© 2020 KXYZ", "Copyright 2018-2020 by ..."
COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<year>(?:19|20)\d\d)(?!\d)",
                       re.IGNORECASE)
FUTURE_YEAR = re.compile(r"\b(?:by|until|till|through|before|ahead of)\s+(?:the\s+)?(?:end of\s+)?$")
# A year naming a maturity or a goal, not the present: "the 2012 global bonds", "notes due 2030"
AHEAD_AFTER = re.compile(rf"(?:\s+(?!(?:{'|'.join(_LEX['ahead']['not_modifiers'])})\b)[a-z][a-z-]*)?"
                         rf"\s+(?:{'|'.join(_LEX['ahead']['nouns'])})\b", re.IGNORECASE)
_AHEAD_BEFORE = "|".join(w.replace(" ", r"\s+") for w in _LEX["ahead"]["before"])
AHEAD_BEFORE = re.compile(rf"\b(?:{_AHEAD_BEFORE})\s+(?:(?:\d{{1,2}}\s+)?(?:{'|'.join(MONTHS)})\.?(?:\s+\d{{1,2}})?,?\s+)?$",
                          re.IGNORECASE)
SINCE = re.compile(
    r"\b(?:since|started|began|begun|launched|erupted|broke out|beginning)\b[^.;!?]{0,60}?"
    r"(?<![\d,.$])(?P<year>(?:19|20)\d\d)(?!\d|,\d)"
)
# A start year right after "since": "since 2012", "since the 2014 review", "since early 2019", "since March 2020"
SINCE_YEAR = re.compile(r"since\s+(?:the\s+)?(?:(?:early|late|mid|the end of|the start of)[\s-]+)?(?:[A-Z][a-z]+\.?\s+)?"
                        r"(?:19|20)\d\d")
_COUNT = "|".join(sorted(NUMBERS, key=len, reverse=True))
YEARS_WORD = re.compile(r"years?\b", re.IGNORECASE)
DURATION = re.compile(
    rf"\b(?P<q>more than|over|at least|nearly|almost|about|some|for|in)?\s*(?:the\s+(?:past|last)\s+)?"
    rf"(?P<n>\d{{1,2}}|{_COUNT})(?:\s+full)?\s+years?\b(?P<tail>[ \w-]{{0,14}})",
    re.IGNORECASE,
)
# A quotation ends at its closing mark, or at a paragraph end when the next paragraph goes on quoting.
QUOTE = re.compile(r"[“\"]([^”“\"\n]{3,800})(?:[”\"]|(?=\n))")
# British single quotes: 'Rates rose yesterday,' he said (an apostrophe inside runs on: "don't").
SINGLE_QUOTE = re.compile(r"(?<![\w’'])[‘'](?:[^‘’'\n]|[’'](?=\w)){3,800}?[’'](?!\w)")
# Names in any Latin script: "Bríd", "Ólafur" (a capital, then letters of any script).
NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:-[^\W\d_]+)*(?:[’']s\b)?\.?")
FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:million|billion|trillion|percent|per cent|%))"
)
# Scraped text often loses the space after a full stop: "Norway.Berg said", "Thursday.”I think".
SENTENCE_END = re.compile(
    r"[.!?…][”\"’']?(?=\s+[“\"‘'(]?[A-Z0-9])"
    r"|(?<=[a-z]{2})[.!?](?:[”\"](?=[“\"]?[A-Z])|(?=[A-Z][a-z]))"
    r"|\n|;"
)
DATELINE_PLACE = re.compile(
    r"^[A-Z][A-Za-z.'’ -]{1,40}(?:\([A-Za-z .-]{2,25}\))?(?:,\s*[A-Z][\w.'’ -]{1,30})*,\s*$"
)
# A wire story's dateline, dated or not: "HAVANA (AP) --", "NEW YORK _", "NAIROBI, March 14 (Reuters) -".
# Wire copy is filed the day it tells ("declared Wednesday night" in a Wednesday story).
WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{2,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,30})*[ \t]*(?:\([A-Za-z .-]{2,25}\)[ \t]*)?(?:—|–|-{1,2}|_)\s"
    r"|^[ \t]*[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[\w.'’ -]{1,30})*[ \t]*\((?:AP|Reuters|AFP|UPI|Xinhua|dpa|EFE|ANSA|Bloomberg)\)",
    re.MULTILINE,
)
_CLOCK_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?-i:[A-Z]{2,5})?"
# After a dateline's date: a filing time, an agency, a dash ("March 14, 2023, 9:41 PM (AP) —")
DATELINE_END = re.compile(rf"^(?:,?\s*(?:at\s+)?(?i:{_CLOCK_TIME}))?\s*(?:\([A-Za-z .-]{{2,25}}\)|/[A-Za-z .-]{{2,25}}/)?"
                          r"\s*(?:—|–|-{1,2}|:)\s")
SHORT_LINE = re.compile(r"^[^\n]{6,100}$", re.MULTILINE)
# Before a stamp's date: a by-line or fields ("By Ann Lee, Reuters |", "Source: Xinhua |"), a label,
# a time ("Updated 9:40 PM ET,"); after it: a time, a second stamp, more fields ("| Editor: Liu").
STAMP_HEAD = re.compile(
    r"^[\s|•·,:–—-]*(?:by\s+[A-Z][\w.'’ -]{1,40}?\s*[|•·,–—-]\s*)?"
    r"(?:[^|•·/\n]{1,40}[|•·/]\s*){0,2}"
    r"(?:(?:this (?:article|story|report) (?:was|is) (?:originally |first )?)?"
    r"(?P<label>published|posted|updated|last updated|last modified|modified|first published|date|dated"
    r"|(?:for\s+the\s+)?week\s+(?:ending|ended))\b"
    rf"[\s:,]*(?:(?:on|at)[\s:]+)?)?(?:{_CLOCK_TIME}\s*,?\s*(?:on\s+)?)?$",
    re.IGNORECASE,
)
# A page's rights line dated in full dates the page: "Correio de Ardal, 20.11.2003 - all rights reserved"
RIGHTS_LINE = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
UPDATE_LABELS = frozenset({"updated", "last updated", "last modified", "modified"})  # a stamp of a later edit
# A clock time between midnight and 6 a.m.: "1:12 AM", "01.40", "5:05 a.m." (not "11:12 AM", "17:40")
SMALL_HOURS = re.compile(r"[\s,|•·/–—-]*(?:at\s+|T)?(?<![\d:.])(?:0?[0-5][:.][0-5]\d(?::[0-5]\d)?(?![\d:]|\.\d)(?:\s*a\.?m\.?|(?!\s*p\.?m))"
                         r"|12[:.][0-5]\d\s*a\.?m\.?)", re.IGNORECASE)
UTC_TIME = re.compile(r"\d[:.]\d\d(?::\d\d)?(?:\.\d+)?\s*(?:Z\b|UTC\b|\+00:?00\b)|\bUTC\b")  # "01:15:00Z", "1:15 UTC"
STAMP_TAIL = re.compile(
    rf"^[\s,|•·/–—-]*(?:(?:at\s+|T)?{_CLOCK_TIME}"
    r"(?:[+-]\d{1,2}(?::?\d{2})?|Z)?)?[\s|•·.,]*(?:(?:[|•·/]|(?:last\s+)?(?:updated|modified)\b)[^\n]{0,60})?$",
    re.IGNORECASE,
)
# Days from the named day to the day of writing: "yesterday (Tuesday)", "last night (Tuesday 9 April)"
DEICTIC = {"today": 0, "tonight": 0, "yesterday": 1, "last night": 1, "tomorrow": -1}
_DEICTIC_WORDS = "|".join(w.replace(" ", r"\s+") for w in DEICTIC)
DEICTIC_BEFORE = re.compile(rf"\b(?P<word>{_DEICTIC_WORDS})\b\s*[,(]?\s*$", re.IGNORECASE)
DEICTIC_VOICE = re.compile(rf"\b(?:{'|'.join(map(re.escape, _LEX['deictic']['voice']))})\b", re.IGNORECASE)
SAME_DAY_AHEAD = frozenset(_LEX["deictic"]["ahead"])
SAME_DAY_VOICE = re.compile(rf"\b(?:{'|'.join(map(re.escape, _LEX['deictic']['same_day']))})\b", re.IGNORECASE)
TODAY_VOICE = re.compile(r"\btoday\b(?!['’]s)", re.IGNORECASE)
DEICTIC_AFTER = re.compile(rf"[\s,]*\(\s*(?P<word>{_DEICTIC_WORDS})\s*\)", re.IGNORECASE)
_ZONED = r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?-i:%s)\b"
DAY_FIRST = re.compile(rf"\b(?:{'|'.join(_LEX['locale']['day_first'])})\b|\b(?:1[3-9]|2[0-3]):[0-5]\d\b(?!\s*[ap]\.?m)|"
                       + _ZONED % "|".join(_LEX["locale"]["day_first_zones"]), re.IGNORECASE)
MONTH_FIRST = re.compile(rf"\b(?:{'|'.join(_LEX['locale']['month_first'])})\b|\b\d{{1,2}}:\d\d\s*[ap]\.m\.|"
                         + _ZONED % "|".join(_LEX["locale"]["month_first_zones"]), re.IGNORECASE)
LAG_COUNTS: dict[str, int] = _LEX["lag"]["counts"]
LAG_STOP = frozenset(_LEX["lag"]["stop"])
EVENT_STOP = (frozenset(WEEKDAYS) | frozenset(_LEX["event"]["day_words"]) | frozenset(_LEX["event"]["function_words"])
              | frozenset(_LEX["event"]["title_words"]))
