"""Sentence splitting tuned for press-release English (abbreviated ranks, initials, datelines)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {
    "dr", "mr", "mrs", "ms", "prof", "lt", "gen", "col", "maj", "capt", "cdr", "adm", "brig", "cmde", "sqn",
    "wg", "gp", "no", "nos", "vs", "st", "sr", "jr", "co", "ltd", "inc", "corp", "dept", "govt", "hon",
    "u.s", "u.k", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "fig", "rs", "sh", "smt", "retd", "ret",
}
# A stop then space then a capital; or a stop glued to the next sentence ("defence.The").
_BOUNDARY = re.compile(r"([.!?])([\"'”’)]*)(?:\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=[a-z]\.)(?=[A-Z][a-z]))")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article text
    index: int


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for para in re.split(r"\n\s*\n|\n", text):
        pstart = text.find(para, offset) if para else offset
        offset = pstart + len(para)
        last = 0
        for m in _BOUNDARY.finditer(para):
            before = para[last:m.start(1)]
            word = re.findall(r"[\w.]+$", before)
            w = word[0].lower() if word else ""
            # "Dr." "Lt." "U.S." or a single initial "V." do not end a sentence.
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w?", w):
                continue
            seg = para[last:m.end(2)]
            if seg.strip():
                out.append(Sentence(seg.strip(), pstart + last + (len(seg) - len(seg.lstrip())), len(out)))
            last = m.end()
        seg = para[last:]
        if seg.strip():
            out.append(Sentence(seg.strip(), pstart + last + (len(seg) - len(seg.lstrip())), len(out)))
    return out
