"""Sentence splitting tuned for press-release English (abbreviated ranks, initials, datelines)."""

from __future__ import annotations

from dataclasses import dataclass

from transforms.knowledge import Knowledge, knowledge


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article text
    index: int


def split_sentences(text: str, k: Knowledge | None = None) -> list[Sentence]:
    """Sentences with their offsets: a stop then space then a capital, or a stop glued to the next
    sentence ("defence.The"); abbreviations (word_sets.toml) and initials do not end one."""
    k = k or knowledge()
    p, abbreviations = k.patterns, k.words.sentence_abbreviations
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
            # "Dr." "Lt." "U.S." or a single initial "V." do not end a sentence.
            if w in abbreviations or (len(w) == 1 and w.isalpha()) or p.dotted_initials.fullmatch(w):
                continue
            seg = para[last:m.end(2)]
            if seg.strip():
                out.append(Sentence(seg.strip(), pstart + last + (len(seg) - len(seg.lstrip())), len(out)))
            last = m.end()
        seg = para[last:]
        if seg.strip():
            out.append(Sentence(seg.strip(), pstart + last + (len(seg) - len(seg.lstrip())), len(out)))
    return out
