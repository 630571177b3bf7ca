"""Alternations of many phrases as prefix trees, so Python's regex engine stays fast on them.

`(?i)(?:will hold|will sign|plans to ...)` with hundreds of branches makes the engine enter every
branch at every word: its quick first-character skip works only for case-sensitive literals. The
same phrases as a tree (`will(?:\\s+(?:hold|sign))|plans\\s+to`) cost a few steps per word. The tree
matches exactly what the longest-first alternation matches: at any position the phrases that can
match there are prefixes of one another, and the tree tries the longer continuation first.

A phrase is a sequence of regex fragments (one escaped character, `\\s+` for a space, or an
inserted group such as an optional adverb); fragments are the tree's edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

Fragments = Sequence[str]
_END = ""


def phrase_fragments(phrase: str, exact: bool = False, insert_after_first_word: str = "") -> list[str]:
    """A phrase's fragments: characters escaped as written (`exact` letters matching only as written even
    under `(?i)`), spaces as any run of white space, `insert_after_first_word` right after the first word
    ("will" + optional adverb + " hold")."""
    out: list[str] = []
    for ch in phrase:
        if ch == " ":
            if insert_after_first_word and r"\s+" not in out:
                out.append(insert_after_first_word)
            out.append(r"\s+")
        elif exact and ch.lower() != ch.upper():
            out.append(f"(?-i:{ch})")
        else:
            out.append(re.escape(ch))
    return out


def trie_alternation(alternatives: Iterable[Fragments]) -> str:
    """One pattern (no group of its own around the whole) matching any of the alternatives, longest
    first where one is a prefix of another."""
    trie: dict = {}
    for fragments in alternatives:
        if not fragments:
            continue
        node = trie
        for fragment in fragments:
            node = node.setdefault(fragment, {})
        node[_END] = {}
    return _walk(trie)


def phrases_alternation(phrases: Iterable[str]) -> str:
    """Plain phrases as one tree; the flags of the pattern around it decide case."""
    return trie_alternation(phrase_fragments(p) for p in phrases)


def _walk(node: dict) -> str:
    branches = [edge + _walk(node[edge]) for edge in sorted(e for e in node if e != _END)]
    if not branches:
        return ""
    if _END in node:  # the longer continuation first, then ending here
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
