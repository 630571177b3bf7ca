"""Features of an organisation as a candidate filler of an event's role (party, participant).

The rules name an event's parties from the clause's syntax; where they go wrong on new text, the
mistake is usually a choice among the organisations the clause or its story names (the ministry or
the government, the lab or its parent, a host or a party). Each candidate is described by what the
rules decided, where it stands in the evidence relative to the event's verb, the function words
around it, its kind and how much the story is about it: never by its own words, so nothing a model
learns from these is a name by heart. `transforms/role_model.py` scores the vectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from transforms.document import Doc
from transforms.events.common import (
    clause_end,
    forms_of_orgs,
    name_spans,
    named_only_within,
    places_seen,
    served_spans,
    signing_after_the_talks,
)
from transforms.events.engine import SpecPatterns
from transforms.events.gathering import is_the_meeting_itself
from transforms.events.signing import GOVERNMENT
from transforms.organisations import Org
from transforms.record import EventRecord


@dataclass(frozen=True)
class Candidate:
    """One organisation that might fill a role of one event, with its feature values by name."""

    name: str
    features: dict[str, float]


def candidates(doc: Doc, event: EventRecord, role: str, rx: SpecPatterns, others: list[EventRecord]
               ) -> list[Candidate]:
    """The rules' fillers of `role` and every other organisation the evidence names, described."""
    by_name = {o.name: o for o in doc.orgs}
    chosen = event.filled(role)
    spans = name_spans(event.evidence, forms_of_orgs(doc))
    # "met them at the Army Headquarters": a body named only as where it happened fills no role.
    # So does a body visited ("the delegation also visited the Vexa Shipyard").
    seen = places_seen(event.evidence, spans, rx)
    # "met in Paris, after which X and Y signed a contract": bodies named only in what was done next.
    then = rx.p.next_event_clause.search(event.evidence)
    # "signed MoUs with A and B at a seminar organised by X": the signing's sides are no part of the seminar.
    word = next((m for m in rx.trigger.finditer(event.evidence)
                 if rx.p.at_an_occasion.search(event.evidence, max(0, m.start() - 24), m.start())), None)
    if word is not None and rx.p.signing_told.search(event.evidence, 0, word.start()):
        seen |= {(a, e) for a, e, _ in spans if a < word.start()}
    # "After the talks, they witnessed the signing of an MoU between A and B": nor do the signing's sides.
    seen |= {(a, e) for a, e, _ in spans if any(x <= a < y for x, y in signing_after_the_talks(event.evidence, rx))}
    # Nor does the body reporting the event (", the Ministry of Defence said").
    seen |= {(a, e) for a, e, _ in spans if (then is not None and a > then.start())
             or (rx.p.reporting.match(event.evidence, e)
                 and rx.p.attribution_lead.search(event.evidence, max(0, a - 8), a))}
    venues = {n for a, e, n in spans if (a, e) in seen} - {n for a, e, n in spans if (a, e) not in seen}
    # "approved proposals for the Army and the Navy": nor does a body named only as one the event serves.
    # (Only "for the": "officials of the Navy" took part.)
    for_them = served_spans(event.evidence, spans, rx, rx.p.served_for)
    served = {n for a, e, n in spans if (a, e) in for_them}
    served_only = served - {n for a, e, n in spans if (a, e) not in for_them}
    verb = rx.verb.search(event.evidence) or rx.trigger.search(event.evidence)
    # "held talks with X on the sidelines of the ASEAN Summit": a body named only in the occasion held no talks.
    side = rx.p.sidelines.search(event.evidence, verb.end()) if verb else None
    occasion = named_only_within(spans, side.start(), clause_end(event.evidence, side.end())) if side else set()
    # "The Norway-Chile Cooperation Group met": the mechanism is the meeting itself (a council sits for itself).
    own_name = ({n for _, _, n in spans if is_the_meeting_itself(event.name, n, by_name.get(n), rx)}
                if event.type != rx.special("council") else set())
    names = list(dict.fromkeys([*(n for n in chosen if n not in own_name),
                                *(n for _, _, n in spans if n not in venues | served_only | occasion | own_name)]))
    elsewhere = {n for e in others if e is not event for n in e.filled(role)}
    context = _EventContext(doc, by_name, names, chosen, event.evidence, spans, verb.start() if verb else None,
                            elsewhere, rx, served)
    return [Candidate(n, dict(_features(context, n))) for n in names]


@dataclass(frozen=True)
class _EventContext:
    doc: Doc
    by_name: dict[str, Org]
    names: list[str]
    chosen: list[str]
    evidence: str
    spans: list[tuple[int, int, str]]
    verb_at: int | None
    elsewhere: set[str]
    rx: SpecPatterns
    served: set[str]  # "approved proposals for the Army, Navy and the Air Force": whom the event serves


def _features(s: _EventContext, name: str) -> Iterator[tuple[str, float]]:
    org = s.by_name.get(name)
    yield "bias", 1.0
    yield from _rule_features(s, name)
    yield from _position_features(s, name)
    yield from _story_features(s, name, org)
    yield from _kin_features(s, name, org)


def _rule_features(s: _EventContext, name: str) -> Iterator[tuple[str, float]]:
    if name in s.chosen:
        yield "rule", 1.0
        if s.chosen[0] == name:
            yield "rule_first", 1.0
    yield "rule_count", min(len(s.chosen), 4) / 4
    yield "candidates", min(len(s.names), 8) / 8
    if name in s.elsewhere:
        yield "in_other_event", 1.0


def _position_features(s: _EventContext, name: str) -> Iterator[tuple[str, float]]:
    """Where the evidence names the candidate: before or after the verb, how far, between which words."""
    mine = [(a, e) for a, e, n in s.spans if n == name]
    if s.verb_at is None:
        yield "no_verb", 1.0
    if not mine:
        return
    yield "in_evidence", 1.0
    if name in s.served:
        yield "served", 1.0
    a, e = min(mine, key=lambda sp: abs(sp[0] - (s.verb_at or 0)))
    if s.verb_at is not None:
        yield ("before_verb" if a < s.verb_at else "after_verb"), 1.0
        yield "verb_distance", min(abs(a - s.verb_at), 300) / 300
    token, context = s.rx.p.context_token, s.rx.words.sets["role_context_words"]
    before = token.findall(s.evidence[max(0, a - 30):a])
    after = token.findall(s.evidence[e:e + 30])
    if before and before[-1].lower() in context:
        yield f"prev:{before[-1].lower()}", 1.0
    if after and after[0].lower() in context:
        yield f"next:{after[0].lower()}", 1.0


def _story_features(s: _EventContext, name: str, org: Org | None) -> Iterator[tuple[str, float]]:
    if name.startswith(GOVERNMENT):
        yield "government", 1.0
    if org is None:
        return
    yield "mentions", math.log1p(org.mentions) / 3
    top = max(s.doc.orgs, key=lambda o: o.mentions)
    if top.name == name:
        yield "most_mentioned", 1.0
    lede = s.doc.sentences[min(2, len(s.doc.sentences) - 1)] if s.doc.sentences else None
    lede_end = lede.start + len(lede.text) if lede else 0
    if org.first < lede_end:
        yield "in_lede", 1.0
    if org.registry:
        yield "registry", 1.0
    # No feature of the kind of body (armed service, company ...): fitted on dev, such weights learnt which
    # kinds dev's stories list as participants and generalised worse across folds (bench/RESULTS.md).


def _kin_features(s: _EventContext, name: str, org: Org | None) -> Iterator[tuple[str, float]]:
    """Kin among the candidates: a lab and its parent, a ministry and its country's government."""
    others = [s.by_name[n] for n in s.names if n != name and n in s.by_name]
    if org is not None and org.parent and org.parent in s.names:
        yield "parent_is_candidate", 1.0
    if any(o.parent == name for o in others):
        yield "child_is_candidate", 1.0
    if name.startswith(GOVERNMENT):
        country = name.removeprefix(GOVERNMENT).removeprefix("the ")
        if any(o.country == country for o in others):
            yield "ministry_of_its_government", 1.0
    elif org is not None and org.country and any(n.startswith(GOVERNMENT) and n.endswith(org.country)
                                                 for n in s.names):
        yield "government_of_a_candidate", 1.0
