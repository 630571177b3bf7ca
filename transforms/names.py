"""Normalising names and finding capitalised runs: shared by the organisation and official rules."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from transforms.knowledge import Knowledge, knowledge

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


@functools.lru_cache(maxsize=4)
def _one_word_ranks(k: Knowledge) -> frozenset[str]:
    return frozenset(r.lower().rstrip(".") for r in k.ranks if " " not in r)


APOSTROPHES = ("'", "’")


def capitalised_runs(text: str, k: Knowledge | None = None) -> list[Run]:
    """Runs of capitalised tokens joined by connectors (patterns.toml `capitalised_token`, word_sets.toml
    `connectors`); broken by anything but single spaces between tokens (commas, lowercase words, line ends)."""
    k = k or knowledge()
    connectors = k.words.connectors | k.words.name_particles
    ranks = _one_word_ranks(k)  # "Brig. Gen." does not break a run
    honorifics = frozenset(k.honorifics)
    runs: list[Run] = []
    cur: list[Tok] = []
    last_end = -1
    for m in k.patterns.capitalised_token.finditer(text):
        tok = Tok(m.group(), m.start(), m.end())
        gap = text[last_end:tok.start] if cur else ""
        is_conn = tok.text in connectors
        # "Lt. Gen. V. K. Singh": a full stop after an abbreviation or initial does not break a run.
        abbrev_gap = gap.strip() == "." and (len(cur[-1].text) <= 3 or cur[-1].text.lower() in ranks) \
            if cur else False
        # "Dato' Seri X": an honorific written with an apostrophe does not break a run either.
        styled = bool(cur) and gap.strip() in APOSTROPHES and cur[-1].text + gap.strip() in honorifics
        if styled:
            cur[-1] = Tok(cur[-1].text + gap.strip(), cur[-1].start, cur[-1].end + 1)
        elif cur and ((gap.strip() and not abbrev_gap) or "\n" in gap or len(gap) > 2):
            runs.append(Run(tuple(cur)))
            cur = []
        elif abbrev_gap and k.patterns.dotted_initials.fullmatch(cur[-1].text):
            cur[-1] = Tok(cur[-1].text + ".", cur[-1].start, cur[-1].end + 1)  # "U.S." keeps its last stop
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
        while toks and toks[-1].text in connectors:
            toks.pop()
        if toks:
            out.append(Run(tuple(toks)))
    return out


def initials_hits(acronym: str, words: list[str], connectors: frozenset[str]) -> tuple[int, int]:
    """(letters of the acronym read, in order, from the words' initials; letters in all)."""
    letters = [c for c in acronym if c.isalpha() and (c.isupper() or acronym.islower())]
    letters = [c.upper() for c in letters] or [c.upper() for c in acronym if c.isalpha()]
    content = [w for w in words if w.lower() not in connectors] or words
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


def syllables_spell(acronym: str, words: list[str], connectors: frozenset[str]) -> bool:
    """"NORDEFCO" for Nordic Defence Cooperation, "CENTCOM" for Central Command: the acronym is every word's
    opening letters run together (one or more each, in order), at least one word giving more than one."""
    content = [w.lower() for w in words if w.lower() not in connectors]
    letters = acronym.lower()
    if len(content) < 2 or not letters.isalpha() or len(letters) <= len(content):
        return False

    def fits(i: int, j: int) -> bool:  # letters[i:] read from content[j:]
        if j == len(content):
            return i == len(letters)
        word = content[j]
        return any(fits(i + n, j + 1) for n in range(1, min(len(word), len(letters) - i) + 1)
                   if letters[i:i + n] == word[:n])

    return fits(0, 0)


def initials_match(acronym: str, words: list[str], connectors: frozenset[str]) -> bool:
    """True when the acronym's capitals can be read from the words' initials (in order, most of them)."""
    hits, n = initials_hits(acronym, words, connectors)
    content = [w for w in words if w.lower() not in connectors] or words
    return hits >= max(1, round(0.6 * n)) and len(content) <= n + 3


def runs_by_sentence(runs: list[Run], bounds: list[tuple[int, int]], connectors: frozenset[str]) -> list[list[Run]]:
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
            while inside and inside[-1].text in connectors:
                inside.pop()
            while inside and inside[0].text in connectors:
                inside.pop(0)
            if inside:
                out[j].append(Run(tuple(Tok(t.text, t.start - start, t.end - start) for t in inside)))
            toks = rest if len(rest) < len(toks) else toks[1:]
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def whole_word_count(text: str, phrase: str) -> int:
    """How often `phrase` stands in `text` as whole words (not inside a longer word), without building
    a pattern per phrase."""
    count, i = 0, text.find(phrase)
    while i >= 0:
        end = i + len(phrase)
        if (i == 0 or not _word_char(text[i - 1])) and (end == len(text) or not _word_char(text[end])):
            count += 1
            i = text.find(phrase, end)
        else:
            i = text.find(phrase, i + 1)
    return count


def stands_alone(text: str, word: str, not_before: str, not_after: re.Pattern[str] | None = None) -> bool:
    """`word` occurs as a word of its own (not inside a longer word or hyphenation) somewhere that is not
    followed by `not_before` (nor preceded by what `not_after` finds there): 'Kestrel' alone, not only in
    'Kestrel Aircraft' or in a person's name ('Ravi Kestrel')."""
    def joined(ch: str) -> bool:
        return _word_char(ch) or ch == "-"

    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        in_name = not_after is not None and bool(not_after.search(text, max(0, i - 40), i))
        if (i == 0 or not joined(text[i - 1])) and (end == len(text) or not joined(text[end])) and not in_name:
            rest = text[end:]
            after = rest.lstrip()
            if not (len(after) < len(rest) and after.startswith(not_before)):
                return True
        i = text.find(word, i + 1)
    return False


def opening_form(text: str, forms: Iterable[str]) -> str | None:
    """The longest of the forms a text opens with, as a whole word ("Vexlar Systems won ...": "Vexlar Systems")."""
    opens = [f for f in forms if text.startswith(f) and (len(text) == len(f) or not text[len(f)].isalnum())]
    return max(opens, key=len, default=None)


@functools.lru_cache(maxsize=4)
def first_words_of_countries(k: Knowledge) -> frozenset[str]:
    """The first word of every name a country goes by ("South" of "South Korea", "Israel"): a word that opens
    none of them opens no country, so no spelling of one need be tried."""
    return frozenset(c.split()[0] for c in k.countries)


def country_words(words: list[str], k: Knowledge) -> int:
    """How many words at the start name a country, possessive or not ("Saudi Arabia's", "UAE"), else 0."""
    plain = [k.patterns.possessive_end.sub("", " ".join(words[:n])) for n in (3, 2, 1)]
    return next((n for n, w in zip((3, 2, 1), plain, strict=True) if n <= len(words) and w in k.countries), 0)


def country_possessive_words(words: list[str], k: Knowledge) -> int:
    """How many words at the start are a country's possessive ("Chile's": 1, "South Korea's": 2), else 0."""
    p = k.patterns
    return next((n for n in (1, 2, 3) if n <= len(words) and words[n - 1][-1:] in "s'’"
                 and p.possessive_end.search(words[n - 1])
                 and p.possessive_end.sub("", " ".join(words[:n])) in k.countries), 0)


def inside_a_name(text: str, start: int, end: int) -> bool:
    """'The Basic Exchange and Cooperation Agreement was signed': a capitalised word between capitalised words,
    in a sentence of ordinary prose (not a headline in title case), is a word of a name, not a verb."""
    word = text[start:end]
    if not word[:1].isupper() or start == 0:
        return False
    before = text[:start].split()[-1:]
    after = text[end:].split()[:1]
    if not any(w[:1].isupper() for w in before + after):
        return False
    return any(w.islower() and len(w) > 3 for w in text.split())  # prose has long lower-case words

