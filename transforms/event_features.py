"""Features of an event the rules read, for the decision whether the article reports it.

The rules read an agreement wherever a concluding verb meets an agreement's name, and a meeting
wherever something is held; on new text most of their false events are mentions (an earlier deal
recalled, one planned, one signed by others) and most are told apart by shape: how old its date is
beside the story's, whether it has fillers, whether its clause has a verb, where in the story it
stands, and the tense and time words around it. Never the event's names, so nothing is learnt by
heart. `transforms/decision_model.py` scores the vectors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from transforms.document import Doc
from transforms.events.engine import SpecPatterns
from transforms.record import EventRecord
from transforms.specs import EventSpec


def event_features(doc: Doc, spec: EventSpec, event: EventRecord, rx: SpecPatterns,
                   events: list[EventRecord]) -> dict[str, float]:
    return dict(_features(doc, spec, event, rx, events))


def _features(doc: Doc, spec: EventSpec, e: EventRecord, rx: SpecPatterns, events: list[EventRecord]
              ) -> Iterator[tuple[str, float]]:
    yield "bias", 1.0
    yield f"type:{e.type}", 1.0
    fillers = [n for r in spec.roles_of("organisation") for n in e.filled(r.role)]
    people = [n for r in spec.roles_of("official") for n in e.filled(r.role)]
    yield ("no_filler" if not fillers else "one_filler" if len(fillers) == 1 else "fillers"), 1.0
    if people:
        yield "people", 1.0
    yield from _date_features(doc, e)
    if e.location:
        yield "located", 1.0
    if e.name:
        yield "named", 1.0
    if rx.verb.search(e.evidence):
        yield "verb", 1.0
    yield "clauses", min(e.evidence.count(". ") + 1, 4) / 4
    yield from _position_features(doc, e)
    yield "events", min(len(events), 6) / 6
    yield "same_type_events", min(sum(x.type == e.type for x in events), 4) / 4
    words = rx.words.sets["event_context_words"]
    tokens = {t.lower() for t in rx.p.context_token.findall(e.evidence)}
    for w in words:
        if w in tokens:
            yield f"word:{w}", 1.0


def _date_features(doc: Doc, e: EventRecord) -> Iterator[tuple[str, float]]:
    """How old the event's date is beside the story's: a report is of the last days; a recalled
    event is months or years old."""
    if e.start is None:
        return
    yield "dated", 1.0
    yield f"precision:{e.precision or 'day'}", 1.0
    if doc.published is None:
        return
    start = dt.date.fromisoformat(e.start)
    age = (doc.published - start).days
    yield ("age_week" if age <= 7 else "age_quarter" if age <= 92 else "age_older"), 1.0
    if start.year != doc.published.year:
        yield "other_year", 1.0


def _position_features(doc: Doc, e: EventRecord) -> Iterator[tuple[str, float]]:
    """Where the story first gives the evidence: a lede reports, a late paragraph often recalls."""
    at = doc.text.find(e.evidence[:60]) if e.evidence else -1
    if at < 0:
        return
    yield "position", at / max(len(doc.text), 1)
    lede = doc.sentences[min(2, len(doc.sentences) - 1)] if doc.sentences else None
    if lede is not None and at < lede.start + len(lede.text):
        yield "in_lede", 1.0
