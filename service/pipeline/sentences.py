"""Sentences: split an article into sentences without cutting a quotation from its attribution.

News paragraphs are lines. Inside a paragraph a sentence ends at ``.``, ``!`` or ``?`` (with any
closing quotes or brackets) before a capital, a digit or an opening quote — also when a scraper
glued the two together ("incursion.That"). It does not end after an abbreviation or an initial, nor
inside a quotation that closes later in the same paragraph, so that ``“First. Second,” he said``
stays whole. A quotation left open at the paragraph's end (it continues in the next paragraph) does
not hold back splitting.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from service.pipeline.clean import in_furniture
from service.pipeline.model import Furniture, Sentence

_RESOURCE = Path(__file__).parent / "resources" / "sentences.toml"
ABBREVIATIONS = frozenset(tomllib.loads(_RESOURCE.read_text(encoding="utf-8"))["abbreviations"])

_PARAGRAPH = re.compile(r"[^\n]+")
# A candidate end: terminal punctuation, then closing quotes/brackets, then the start of the next
# sentence after spaces, or a capital glued on ("3.5" and "U.S.-led" are no ends).
_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“(‘A-Z0-9]|[\"“”‘]?[A-Z])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")  # "j", "u.s"
OPENING_QUOTES = "“"
CLOSING_QUOTES = "”"
STRAIGHT_QUOTES = '"'
_QUOTE_MARK = re.compile(f"[{OPENING_QUOTES}{CLOSING_QUOTES}{STRAIGHT_QUOTES}]")


def quotation_depth(paragraph: str) -> list[int]:
    """Whether each character lies inside a double quotation (1) or not (0).

    Curly quotes are taken at their word, except a closing mark standing where no quotation is
    open and text follows at once (``Thursday.”I think``): scrapers turn openers into closers.
    Only the marks change the state, so the stretches between them are filled whole.
    """
    depth: list[int] = []
    open_, done = False, 0
    for mark in _QUOTE_MARK.finditer(paragraph):
        i, ch = mark.start(), mark.group()
        if ch in OPENING_QUOTES:
            now = True
        elif ch in CLOSING_QUOTES:
            nxt = paragraph[i + 1 : i + 2]
            now = not open_ and bool(nxt) and not nxt.isspace() and nxt not in ",.;:"
        else:
            now = not open_
        depth += [int(open_)] * (i - done)
        depth.append(int(now))
        open_, done = now, i + 1
    depth += [int(open_)] * (len(paragraph) - done)
    return depth


def _closes_later(depth: list[int], index: int) -> bool:
    """Whether the quotation open at ``index`` closes before the paragraph ends."""
    return 0 in depth[index:]


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials: "Maria T. Lopez", "U.S." style tokens of single letters.
    return bool(_INITIALS.fullmatch(word))


def _ends(paragraph: str) -> list[int]:
    """Offsets (within the paragraph) just after each sentence end."""
    depth = quotation_depth(paragraph)
    ends = []
    for match in _END.finditer(paragraph):
        stop, end = match.start(), match.end()
        if paragraph[stop] == "." and _is_abbreviation(paragraph[:stop]):
            continue
        while end > stop + 1 and paragraph[end - 1] in CLOSING_QUOTES and depth[end - 1]:
            end -= 1  # a closing mark that opens the next quotation belongs to the next sentence
        if depth[end - 1] and _closes_later(depth, end):
            continue
        ends.append(end)
    return ends


def split_sentences(text: str, furniture: Sequence[Furniture] = ()) -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order, with offsets into ``text`` and their paragraph index."""
    sentences = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        base, body = para.start(), para.group()
        cuts = [0, *_ends(body), len(body)]
        for a, b in zip(cuts, cuts[1:]):
            chunk = body[a:b]
            stripped = chunk.strip()
            if not stripped:
                continue
            start = base + a + (len(chunk) - len(chunk.lstrip()))
            end = start + len(stripped)
            sentences.append(
                Sentence(start, end, stripped, index, in_furniture(start, end, tuple(furniture)))
            )
    return tuple(sentences)
