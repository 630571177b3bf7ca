"""Named patterns and word sets: the rule components' vocabulary and shapes, read from data files.

`patterns.toml` holds every regular expression the rules use, each under a name with a line saying
what it finds; `word_sets.toml` holds the small closed word classes (abbreviations that do not end a
sentence, number words, modal verbs ...). A pattern may embed a word set as `<<set_name>>`, which
becomes a longest-first alternation of the set's words, so a word is written once. Both files are
validated when loaded: a pattern that does not compile, an unknown flag or word set, or a duplicate
name stops the load with a message naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from transforms.errors import KnowledgeError
from transforms.regex_trie import phrases_alternation

_FLAGS = {"i": re.I, "s": re.S, "m": re.M, "x": re.X}
_EMBED = re.compile(r"<<(\w+)>>")


class PatternError(KnowledgeError):
    """A pattern or word-set file that cannot be used."""


def _toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise PatternError(f"{path}: missing; copy it from transforms/knowledge/ into PARLEY_KNOWLEDGE_DIR")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # TOML itself refuses duplicate names
        raise PatternError(f"{path}: not valid TOML ({exc})") from None


class WordSets:
    """Closed word classes by name: `words.modals` is a frozenset (membership tests are what rules
    do with them); `words.sets[name]` keeps the written order."""

    def __init__(self, sets: dict[str, tuple[str, ...]], maps: dict[str, dict[str, str]]):
        self.sets, self.maps = sets, maps
        for name, words in sets.items():
            setattr(self, name, frozenset(words))  # plain attributes: rules read them in tight loops

    def __getattr__(self, name: str) -> frozenset[str]:
        raise AttributeError(f"word_sets.toml has no set {name!r}")

    def map(self, name: str) -> dict[str, str]:
        return self.maps[name]


def load_word_sets(path: Path) -> WordSets:
    data = _toml(path)
    sets: dict[str, tuple[str, ...]] = {}
    maps: dict[str, dict[str, str]] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            maps[name] = {str(k): str(v) for k, v in value.items()}
            continue
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise PatternError(f"{path}: {name} must be a list of strings or a table of strings")
        dupes = sorted({w for w in value if value.count(w) > 1})
        if dupes:
            raise PatternError(f"{path}: {name} lists {', '.join(dupes)} more than once")
        sets[name] = tuple(value)
    return WordSets(sets, maps)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """Words as one regex alternation, longest first, spaces matching any run of white space (as a
    prefix tree: see regex_trie)."""
    return phrases_alternation(words)


class Patterns:
    """Compiled patterns by name: `patterns.signed_by.search(text)`."""

    def __init__(self, compiled: dict[str, re.Pattern[str]]):
        self.compiled = compiled
        for name, rx in compiled.items():
            setattr(self, name, rx)  # plain attributes: rules read them in tight loops

    def __getattr__(self, name: str) -> re.Pattern[str]:
        raise AttributeError(f"patterns.toml has no pattern {name!r}")


def load_patterns(path: Path, words: WordSets | None = None, lists: dict[str, tuple[str, ...]] | None = None
                  ) -> Patterns:
    """`lists` are the knowledge folder's phrase lists a pattern may embed like a word set (<<org_cues>>)."""
    words = words or load_word_sets(path.with_name("word_sets.toml"))
    embeddable = {**(lists or {}), **words.sets, **{name: tuple(m) for name, m in words.maps.items()}}
    compiled: dict[str, re.Pattern[str]] = {}
    for name, entry in _toml(path).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise PatternError(f"{path}: [{name}] needs a `pattern` string")
        flags = 0
        for f in entry.get("flags", ""):
            if f not in _FLAGS:
                raise PatternError(f"{path}: [{name}] has unknown flag {f!r}; use i, s, m or x")
            flags |= _FLAGS[f]

        def embed(m: re.Match[str], name: str = name) -> str:
            if m.group(1) not in embeddable:
                raise PatternError(f"{path}: [{name}] embeds unknown word set <<{m.group(1)}>>")
            return alternation(embeddable[m.group(1)])

        try:
            compiled[name] = re.compile(_EMBED.sub(embed, entry["pattern"]), flags)
        except re.error as exc:
            raise PatternError(f"{path}: [{name}] does not compile: {exc}") from None
    return Patterns(compiled)
