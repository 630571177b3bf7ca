"""Word classes shared by the organisation and official rules, compiled once from the knowledge files."""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field

from transforms.knowledge import Knowledge
from transforms.patterns import Patterns, WordSets

MONTHS = frozenset({m for m in calendar.month_name if m} | {m for m in calendar.month_abbr if m} | {"Sept"})
DAYS = frozenset(calendar.day_name)
_MISS = object()


@dataclass(frozen=True, eq=False)
class Lexicon:
    honorifics: dict[str, str]  # normal form (lower, no dots) -> "civil" or "rank"
    max_rank_tokens: int
    rank_openers: frozenset[str]  # the first words of `honorifics`: most tokens open none, and are let go at once
    vocab: frozenset[str]  # capitalised words that are never part of a person's name
    titles: frozenset[str]
    p: Patterns  # the knowledge's named patterns, for the rules that read the lexicon
    words: WordSets
    knowledge: Knowledge

    # Word tests are asked about the same few thousand words over and over: memoised per lexicon.
    _memo: dict[tuple[str, str], object] = field(default_factory=dict, repr=False)

    def _remember(self, key: tuple[str, str], value: object) -> object:
        if len(self._memo) > 500_000:  # a long run meets many names; keep memory flat
            self._memo.clear()
        self._memo[key] = value
        return value

    def rank_kind(self, phrase: str) -> str | None:
        key = ("r", phrase)
        hit = self._memo.get(key, _MISS)
        if hit is _MISS:
            hit = self._remember(key, self.honorifics.get(phrase.lower().replace(".", "").strip()))
        return hit  # type: ignore[return-value]

    def is_name_token(self, t: str) -> bool:
        key = ("n", t)
        hit = self._memo.get(key, _MISS)
        if hit is _MISS:
            hit = self._remember(key, t not in self.vocab and t not in self.words.connectors
                                 and bool(self.p.proper_word.match(t) or self.p.initial.match(t)))
        return hit  # type: ignore[return-value]

    def is_title_word(self, t: str) -> bool:
        """'Secretary', 'Under-Secretary', 'Commanders', 'Vice-chairman' (a part of a compound, capitalised or not)."""
        key = ("t", t)
        hit = self._memo.get(key, _MISS)
        if hit is _MISS:
            parts = [p[:1].upper() + p[1:] for p in t.split("-")] if "-" in t else []
            hit = self._remember(key, any(p in self.titles or (p.endswith("s") and p[:-1] in self.titles)
                                          for p in (t, *parts)))
        return hit  # type: ignore[return-value]


def is_proper(t: str, lex: Lexicon) -> bool:
    return bool(lex.p.proper_word.match(t))


def _hyphenations(phrase: str) -> list[str]:
    """The phrase with each of its spaces kept or written as a hyphen (British ranks: "Vice-Admiral")."""
    forms = [""]
    for i, word in enumerate(phrase.split()):
        forms = [f + word for f in forms] if i == 0 else [f + sep + word for f in forms for sep in (" ", "-")]
    return forms


@functools.lru_cache(maxsize=4)
def lexicon(k: Knowledge) -> Lexicon:
    hon: dict[str, str] = {}
    for h in k.honorifics:
        hon[h.lower().replace(".", "")] = "civil"
    for r in k.ranks:
        for form in _hyphenations(r.lower().replace(".", "")):
            hon[form] = "rank"  # "Air Vice Marshal", "Air Vice-Marshal", "Lieutenant-General"
    vocab = set(k.title_words) | set(k.titles) | set(k.org_heads) | set(k.countries) | set(k.country_words)
    vocab |= MONTHS | DAYS
    for p in k.places:
        vocab.update(w for w in p.split() if w not in k.words.place_words_also_names)
    for d in k.domains:
        vocab.update(w.capitalize() for w in d.name.replace("&", " ").split())
    vocab.update(k.words.sentence_openers)
    # "Defence Ministers Conclave", "Joint Working Group": the words naming events are no one's name.
    vocab.update(w.capitalize() for spec in k.events for phrase, _ in spec.types for w in phrase.split()
                 if w.isalpha() and w.islower())
    vocab.update(k.words.sets["world_regions"])
    vocab.update(w for portfolio in k.words.portfolios for w in portfolio.split())
    return Lexicon(hon, max(len(h.split()) for h in hon), frozenset(h.split()[0] for h in hon), frozenset(vocab),
                   frozenset(k.titles), k.patterns, k.words, k)
