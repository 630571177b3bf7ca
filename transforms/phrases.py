"""Fast whole-word matching of many phrases at once (registry names, domain synonyms, trigger words).

A plain alternation of hundreds of phrases makes Python's regex engine try
every alternative at every position; a trie-shaped pattern shares prefixes so
each position costs a few steps. Phrases in capitals or starting with a capital
("MoU", "Army") match only as written; the others ignore case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def _trie_pattern(phrases: Iterable[str]) -> str:
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = True

    def walk(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            esc = r"\s+" if ch == " " else re.escape(ch)
            branches.append(esc + walk(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Longest first: try the longer continuation, fall back to ending here.
        return f"(?:{body})?" if end else body

    return walk(trie)


def case_sensitive(phrase: str) -> bool:
    return phrase.isupper() or phrase[:1].isupper()


class PhraseMatcher:
    """Leftmost-longest, non-overlapping whole-word matches of a fixed set of phrases."""

    def __init__(self, phrases: Iterable[str], boundary: str = r"\w-", *, exact: bool = False,
                 left: str | None = None, right: str | None = None):
        """`exact` matches every phrase as written; `left`/`right` replace the word-boundary lookarounds."""
        items = {p for p in phrases if p}
        exact_items = [p for p in items if exact or case_sensitive(p)]
        loose = [p.lower() for p in items if not (exact or case_sensitive(p))]
        lb = left if left is not None else f"(?<![{boundary}])"
        rb = right if right is not None else f"(?![{boundary}])"
        self._rx = [re.compile(lb + "(" + _trie_pattern(ps) + ")" + rb, flags)
                    for ps, flags in ((exact_items, 0), (loose, re.I)) if ps]

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        found = sorted((m.start(1), -len(m.group(1)), m.group(1)) for rx in self._rx for m in rx.finditer(text))
        last = -1
        for start, neg, s in found:
            if start >= last:
                last = start - neg
                yield start, last, s
