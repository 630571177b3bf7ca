"""Normalising names and finding capitalised runs: shared by the organisation and official rules."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from typing import NamedTuple

CONNECTORS = {"of", "for", "and", "&", "the", "de", "du", "la", "on", "und"}
# A capitalised run: capitalised words, acronyms, ordinals and parenthesised groups joined by connectors.
_TOKEN = re.compile(
    r"\((?:[A-Z][\w&.'’-]*)(?:[ ,&]+[\w&.'’-]+)*\)"  # (DP) / (Defence Production)
    r"|(?<![@#\w])[A-ZÀ-ÖØ-Þ][\w'’.&/-]*[\w]"  # Capitalised word, acronym, R&D, US-India, CEO/DIO (not @handles)
    r"|[A-Z]"  # single initial
    r"|[a-z]+[A-Z][\w-]*"  # iDEX, eSIM
    r"|\d+(?:st|nd|rd|th)\b"
    r"|&|of|for|and|the|de|du|la|on|und"
)


_POSSESSIVE = re.compile(r"'s\b")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def norm(s: str | None) -> str:
    """Lower case, '&' as 'and', punctuation to spaces, no leading 'the' (as scoring and users compare)."""
    if not s:
        return ""
    s = s.lower().replace("&", " and ").replace("’", "'")
    s = _POSSESSIVE.sub("", s)
    s = _SPACES.sub(" ", _PUNCT.sub(" ", s)).strip()
    return s[4:] if s.startswith("the ") else s


def stable_id(*parts: object) -> str:
    """Deterministic id from natural keys."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Tok(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Run:
    """A maximal sequence of capitalised tokens and connectors, e.g. 'Department of Science and Technology'."""

    tokens: tuple[Tok, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def capitalised_runs(text: str) -> list[Run]:
    """Runs are broken by anything but single spaces between tokens (commas, lowercase words, line ends)."""
    runs: list[Run] = []
    cur: list[Tok] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        tok = Tok(m.group(), m.start(), m.end())
        gap = text[last_end:tok.start] if cur else ""
        is_conn = tok.text in CONNECTORS
        # "Lt. Gen. V. K. Singh": a full stop after a short abbreviation or initial does not break a run.
        abbrev_gap = gap.strip() == "." and len(cur[-1].text) <= 3 if cur else False
        if cur and ((gap.strip() and not abbrev_gap) or "\n" in gap or len(gap) > 2):
            runs.append(Run(tuple(cur)))
            cur = []
        if not cur and is_conn:
            last_end = tok.end
            continue
        cur.append(tok)
        last_end = tok.end
    if cur:
        runs.append(Run(tuple(cur)))
    out = []
    for r in runs:
        toks = list(r.tokens)
        while toks and toks[-1].text in CONNECTORS:
            toks.pop()
        if toks:
            out.append(Run(tuple(toks)))
    return out


def initials_hits(acronym: str, words: list[str]) -> tuple[int, int]:
    """(letters of the acronym read, in order, from the words' initials; letters in all)."""
    letters = [c for c in acronym if c.isalpha() and (c.isupper() or acronym.islower())]
    letters = [c.upper() for c in letters] or [c.upper() for c in acronym if c.isalpha()]
    content = [w for w in words if w.lower() not in CONNECTORS] or words
    if not letters or not content or letters[0] != content[0][0].upper():
        return 0, len(letters)
    wi, hits = 0, 0
    for ch in letters:
        for j in range(wi, len(content)):
            if content[j][0].upper() == ch:
                hits += 1
                wi = j + 1
                break
    return hits, len(letters)


def initials_match(acronym: str, words: list[str]) -> bool:
    """True when the acronym's capitals can be read from the words' initials (in order, most of them)."""
    hits, n = initials_hits(acronym, words)
    content = [w for w in words if w.lower() not in CONNECTORS] or words
    return hits >= max(1, round(0.6 * n)) and len(content) <= n + 3


def runs_by_sentence(runs: list[Run], bounds: list[tuple[int, int]]) -> list[list[Run]]:
    """The text's runs cut at sentence bounds (start, end) and shifted to offsets within each sentence,
    so the runs are found once per article, not once per sentence."""
    out: list[list[Run]] = [[] for _ in bounds]
    j = 0
    for run in runs:
        toks = list(run.tokens)
        while toks:
            while j < len(bounds) and bounds[j][1] <= toks[0].start:
                j += 1
            if j == len(bounds):
                return out
            start, end = bounds[j]
            inside = [t for t in toks if start <= t.start and t.end <= end]
            rest = [t for t in toks if t.start >= end]
            while inside and inside[-1].text in CONNECTORS:
                inside.pop()
            while inside and inside[0].text in CONNECTORS:
                inside.pop(0)
            if inside:
                out[j].append(Run(tuple(Tok(t.text, t.start - start, t.end - start) for t in inside)))
            toks = rest if len(rest) < len(toks) else toks[1:]
    return out
