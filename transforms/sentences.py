"""Sentence splitting tuned for press-release English (abbreviated ranks, initials, datelines)."""

from __future__ import annotations

from dataclasses import dataclass

from transforms.knowledge import Knowledge, knowledge
from transforms.patterns import Patterns


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article text
    index: int


def split_sentences(text: str, k: Knowledge | None = None) -> list[Sentence]:
    """Sentences with their offsets: a stop then space then a capital, or a stop glued to the next
    sentence ("defence.The"); abbreviations (word_sets.toml) and initials do not end one."""
    k = k or knowledge()
    p, abbreviations, months = k.patterns, k.words.sentence_abbreviations, k.words.month_abbreviations
    out: list[Sentence] = []
    offset = 0
    for para in p.paragraph_break.split(text):
        pstart = text.find(para, offset) if para else offset
        offset = pstart + len(para)
        last = 0
        for m in p.sentence_boundary.finditer(para):
            before = para[last:m.start(1)]
            word = p.last_word.findall(before)
            w = word[0].lower() if word else ""
            # "Dr." "Lt." "U.S." or a single initial "V." do not end a sentence, nor "Oct." before a day.
            if w in abbreviations or (len(w) == 1 and w.isalpha()) or p.dotted_initials.fullmatch(w):
                continue
            if p.list_enumerator.fullmatch(before.strip()):
                continue  # "1. Memorandum of Understanding between ...": an item's number, not a sentence
            if w in months and para[m.end():m.end() + 1].isdigit():
                continue
            _add(out, para[last:m.end(2)], pstart + last)
            last = m.end()
        _add(out, para[last:], pstart + last)
    return out


# No real sentence is this long; a longer run of text without a full stop (a table, a pasted list, a
# hostile input) is read in pieces of at most this many characters, so every rule stays linear in the text.
MAX_SENTENCE_CHARS = 2000


def _add(out: list[Sentence], seg: str, at: int) -> None:
    """The segment as a sentence (offset `at` in the text), cut at white space into pieces no longer than
    MAX_SENTENCE_CHARS."""
    while seg.strip():
        lead = len(seg) - len(seg.lstrip())
        seg, at = seg[lead:], at + lead
        if len(seg.rstrip()) <= MAX_SENTENCE_CHARS:
            out.append(Sentence(seg.rstrip(), at, len(out)))
            return
        cut = seg.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        out.append(Sentence(seg[:cut].rstrip(), at, len(out)))
        seg, at = seg[cut:], at + cut


def headline_lines(p: Patterns, sentences: list[Sentence]) -> set[int]:
    """The opening lines that end without a full stop: headline, kicker, byline."""
    out: set[int] = set()
    for s in sentences[:4]:
        if p.full_stop_end.search(s.text):
            break
        out.add(s.index)
    return out


# A headline is among the first lines of a story; no later line is read as one.
HEADING_LINES = 3


def title_case_headings(text: str, k: Knowledge) -> list[tuple[int, int]]:
    """The spans of the opening lines written in title case ("Vexlar Wins Navy Contract for Radars"): there
    every word is capitalised, so a capital marks no name, and a run of them is no body's name."""
    out: list[tuple[int, int]] = []
    at, seen, small = 0, 0, k.words.title_case_small_words
    for line in text.split("\n", HEADING_LINES * 4)[:HEADING_LINES * 4]:
        start, at = at, at + len(line) + 1
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        if not words:
            continue
        seen += 1
        if seen > HEADING_LINES or line.rstrip().endswith("."):
            break
        if len(words) >= 4 and all(w[:1].isupper() or not w[:1].isalpha() or w in small for w in words) \
                and sum(w[:1].isupper() for w in words) >= 3:
            out.append((start, start + len(line)))
    return out
