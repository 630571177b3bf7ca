"""One engine for every event type: a spec (knowledge/events/*.toml) in, event records out.

The engine compiles a spec's vocabulary once (trigger nouns and their types, generated verb forms,
negation cues, role cues) and runs the reader the spec names over the document's layers. The two
readers are strategies, not event types: `signing` reads parties on both sides of a concluding verb
(agreements), `gathering` reads who took part in something held (meetings; joint exercises would use
it too). Every reader returns the same `EventRecord`, with roles named as in the spec.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from transforms.document import Doc
from transforms.inflect import inflect
from transforms.knowledge import Knowledge
from transforms.patterns import Patterns, WordSets, alternation
from transforms.phrases import phrase_pattern
from transforms.record import EventRecord
from transforms.regex_trie import phrase_fragments, trie_alternation
from transforms.specs import EventSpec


@dataclass(frozen=True)
class SpecPatterns:
    """A spec's vocabulary compiled for matching, with the knowledge's shared patterns beside it."""

    spec: EventSpec
    trigger: re.Pattern[str]
    types: dict[str, tuple[int, str]]
    verb: re.Pattern[str]
    negation: re.Pattern[str]
    met: re.Pattern[str] | None
    met_types: dict[str, tuple[int, str]]
    cues: tuple[tuple[re.Pattern[str], str, str], ...]  # (cue, role, side)
    any_cue: re.Pattern[str]  # finds something where any cue would: most sentences have none to look for
    not_for_other: re.Pattern[str] | None
    place: re.Pattern[str]
    places: frozenset[str]
    participation: re.Pattern[str]
    p: Patterns
    words: WordSets
    knowledge: Knowledge

    def special(self, name: str) -> str | None:
        """The type the spec gives a special part ('fallback', 'council' ...), if it has one."""
        return self.spec.special_types.get(name)


def typemap(rows: tuple[tuple[str, str], ...]) -> dict[str, tuple[int, str]]:
    """Phrase -> (rank, type): the first row for a phrase wins; lower-case phrases ignore case."""
    out: dict[str, tuple[int, str]] = {}
    for i, (phrase, typ) in enumerate(rows):
        key = phrase if phrase[:1].isupper() else phrase.lower()
        out.setdefault(key, (i, typ))
    return out


def negation_regex(phrases: tuple[str, ...], words: WordSets) -> re.Pattern[str]:
    """The negation phrases, letting an adverb stand after a modal: 'will also hold', 'to jointly sign'."""
    adverb = r"(?:\s+(?:" + alternation(words.sets["modal_adverbs"]) + r"|\w+ly))?"
    body = trie_alternation(phrase_fragments(" ".join(p.split()), insert_after_first_word=adverb
                                             if p.split()[0].lower() in words.modals else "")
                            for p in set(phrases))
    return re.compile(r"(?i)(?<![\w-])(?:" + body + r")(?![\w-])")


def verb_regex(verbs: tuple[str, ...], words: WordSets) -> re.Pattern[str]:
    """The verbs' forms, letting an adverb stand inside a verb of several words: 'entered today into', 'tied
    up formally'. Matching is otherwise `phrase_pattern`'s."""
    adverb = r"(?:\s+(?:" + alternation(words.sets["adverbs_inside_verbs"]) + r"|\w+ly))?"
    body = trie_alternation(phrase_fragments(" ".join(v.split()), insert_after_first_word=adverb) for v in set(verbs))
    return re.compile(r"(?i)(?<![\w-])(?:" + body + r")(?![\w-])")


def _any_of(phrases: list[str]) -> re.Pattern[str]:
    return phrase_pattern(phrases) if phrases else re.compile("(?!)")  # none: never found


@functools.lru_cache(maxsize=16)
def compile_spec(spec: EventSpec, k: Knowledge) -> SpecPatterns:
    nouns = [w for w in spec.not_for_other]
    nouns += [inflect(w, "s", {}) for w in spec.not_for_other]
    return SpecPatterns(
        spec=spec,
        trigger=phrase_pattern([p for p, _ in spec.types]),
        types=typemap(spec.types),
        verb=verb_regex(spec.verbs, k.words),
        negation=negation_regex(spec.negations, k.words),
        met=phrase_pattern([p for p, _ in spec.verb_types]) if spec.verb_types else None,
        met_types=typemap(spec.verb_types),
        cues=tuple((phrase_pattern([c]), r.role, side) for r in spec.roles for c, side in r.cues),
        any_cue=_any_of([c for r in spec.roles for c, _ in r.cues]),
        not_for_other=re.compile(r"(?i)\b(?:" + alternation(nouns) + r")\b") if nouns else None,
        place=k.patterns.event_place,
        places=k.event_places,
        participation=k.patterns.participation,
        p=k.patterns,
        words=k.words,
        knowledge=k,
    )


def kind(found: str, types: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    """The (rank, type) a matched trigger gives."""
    f = " ".join(found.split())
    return types.get(f) or types.get(f.lower())


TYPE_WORD_LEAD_REACH = 48  # characters before an event's word that may say it names no event here


def best_type(sentence: str, rx: re.Pattern[str], types: dict[str, tuple[int, str]],
              modifier: re.Pattern[str] | None = None, as_verb: re.Pattern[str] | None = None
              ) -> tuple[str, int] | None:
    """The most specific type named in the sentence, with the offset of its word; not a type word that only
    qualifies the noun after it (`modifier`: "the conference hall", "a summit venue"), nor one used as a verb
    (`as_verb`, what stands right before it: "held talks to review training")."""
    best: tuple[int, str, int] | None = None
    for m in rx.finditer(sentence):
        if modifier is not None and modifier.match(sentence, m.end()):
            continue
        if as_verb is not None and as_verb.search(sentence, max(0, m.start() - TYPE_WORD_LEAD_REACH), m.start()):
            continue
        k = kind(m.group(), types)
        if k and (best is None or k[0] < best[0]):
            best = (k[0], k[1], m.start())
    return (best[1], best[2]) if best else None


Reader = Callable[..., list]
_READERS: dict[str, Reader] = {}


def reader(name: str) -> Callable[[Reader], Reader]:
    """Registers a reading strategy under the name specs use for it."""
    def register(fn: Reader) -> Reader:
        _READERS[name] = fn
        return fn
    return register


def get_reader(name: str) -> Reader:
    return _READERS[name]


def find_events(doc: Doc, spec: EventSpec, k: Knowledge) -> list[EventRecord]:
    """The events of one spec in a document, read by the spec's reader; one-date events end when they start."""
    rx = compile_spec(spec, k)
    events = get_reader(spec.reader)(doc, rx, k)
    if spec.dates == "single":
        events = [replace(e, end=e.start) for e in events]
    return events
