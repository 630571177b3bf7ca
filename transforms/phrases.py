"""Fast whole-word matching of many phrases at once (registry names, domain synonyms, trigger words).

A plain alternation of hundreds of phrases makes Python's regex engine try
every alternative at every position; a trie-shaped pattern shares prefixes so
each position costs a few steps. Phrases in capitals or starting with a capital
("MoU", "Army") match only as written; the others ignore case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from transforms.regex_trie import phrase_fragments, phrases_alternation, trie_alternation


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def case_sensitive(phrase: str) -> bool:
    return phrase.isupper() or phrase[:1].isupper()


class PhraseMatcher:
    """Leftmost-longest, non-overlapping whole-word matches of a fixed set of phrases."""

    def __init__(self, phrases: Iterable[str], boundary: str = r"\w-", *, exact: bool = False,
                 left: str | None = None, right: str | None = None):
        """`exact` matches every phrase as written (the names one article uses: a plain longest-first
        alternation, which compiles faster than a trie for a few dozen names); `left`/`right` replace
        the word-boundary lookarounds."""
        items = {p for p in phrases if p}
        exact_items = [p for p in items if exact or case_sensitive(p)]
        loose = [p.lower() for p in items if not (exact or case_sensitive(p))]
        lb = left if left is not None else f"(?<![{boundary}])"
        rb = right if right is not None else f"(?![{boundary}])"
        body = _alternation if exact else phrases_alternation
        self._rx = [re.compile(lb + "(" + body(ps) + ")" + rb, flags)
                    for ps, flags in ((exact_items, 0), (loose, re.I)) if ps]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        if len(self._rx) == 1:  # one pattern's matches are already leftmost-longest and apart
            for m in self._rx[0].finditer(text):
                yield m.start(1), m.end(1), m.group(1)
            return
        found = sorted((m.start(1), -len(m.group(1)), m.group(1)) for rx in self._rx for m in rx.finditer(text))
        last = -1
        for start, neg, s in found:
            if start >= last:
                last = start - neg
                yield start, last, s


def phrase_pattern(phrases: Iterable[str], ignore_case_min_len: int = 0) -> re.Pattern[str]:
    """The same matching as `PhraseMatcher`, as one compiled pattern for rules that need match objects
    (a verb's position, `match` at an offset): whole-word phrases, longest first; capitalised and
    all-capital phrases match only as written."""
    # All-capital and capitalised entries ("MOU", "Meet") match only as written.
    body = trie_alternation(phrase_fragments(p, exact=p.isupper() or p[:1].isupper() or len(p) < ignore_case_min_len)
                            for p in set(phrases))
    return re.compile(r"(?i)(?<![\w-])(?:" + body + r")(?![\w-])")


# Where a known name ends: not inside a longer word, and "ISRO's" still names ISRO (not "ISRO'd").
_NAME_BEFORE = re.compile(r"[\w&-]")
_NAME_AFTER = re.compile(r"[\w&-]|'(?!s\b)[a-z]")
_NAME_AFTER_STRICT = re.compile(r"[\w&-]")


class NamesMatcher:
    """Leftmost-longest, non-overlapping whole-word matches of the few dozen names one article uses, as
    written. Found with `str.find` and boundary checks by patterns compiled once: compiling a pattern per
    article's set of names cost a fifth of extraction (each article has its own set)."""

    def __init__(self, forms: frozenset[str], possessive: bool = True):
        self._forms = sorted((f for f in forms if f), key=len, reverse=True)
        self._after = _NAME_AFTER if possessive else _NAME_AFTER_STRICT

    def _bounded(self, text: str, start: int, end: int) -> bool:
        return not (start and _NAME_BEFORE.match(text, start - 1)) and not self._after.match(text, end)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for form in self._forms:
            at = text.find(form)
            while at >= 0:
                found.append((at, -len(form), form))
                at = text.find(form, at + 1)
        found.sort()
        last = 0
        for start, neg, form in found:
            if start >= last and self._bounded(text, start, start - neg):
                last = start - neg
                yield start, last, form


@functools.lru_cache(maxsize=512)
def names_matcher(forms: frozenset[str], possessive: bool = True) -> NamesMatcher:
    """The matcher for the names one article uses (organisations, people), cached per set of names:
    the engine every rule uses to find known names in a clause, a title or the whole text."""
    return NamesMatcher(forms, possessive)
