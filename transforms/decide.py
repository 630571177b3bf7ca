"""The learned decisions applied to the events the rules read (`transforms/decision_model.py`).

Two decisions per event spec, each made only where the model file has it: whether an event is one
the article reports (else it is dropped), and which candidate organisations fill its roles. The
rules' own choices are features of both, so the model overturns them only where the features say
the rules are usually wrong; without a model the rules' events stand unchanged. Both decisions read
the rules' events as they were, as in training.
"""

from __future__ import annotations

from dataclasses import replace

from transforms.decision_model import EVENT, DecisionModel
from transforms.document import Doc
from transforms.event_features import event_features
from transforms.events.engine import SpecPatterns, compile_spec
from transforms.knowledge import Knowledge
from transforms.record import EventRecord, RoleFiller
from transforms.role_features import candidates
from transforms.specs import EventSpec


def apply_decisions(doc: Doc, k: Knowledge) -> None:
    if k.decisions is None:
        return
    for spec in k.events:
        events = doc.events.get(spec.name, [])
        if events:
            doc.events[spec.name] = _decided(doc, spec, compile_spec(spec, k), events, k.decisions)


def _decided(doc: Doc, spec: EventSpec, rx: SpecPatterns, events: list[EventRecord], model: DecisionModel
             ) -> list[EventRecord]:
    keep = model.decision(spec.name, EVENT)
    out = []
    for e in events:
        if keep is not None and not keep.says_yes(event_features(doc, spec, e, rx, events)):
            continue
        out.append(_roles_chosen(doc, spec, rx, e, events, model))
    return out


def _roles_chosen(doc: Doc, spec: EventSpec, rx: SpecPatterns, event: EventRecord, events: list[EventRecord],
                  model: DecisionModel) -> EventRecord:
    roles = list(event.roles)
    for role in spec.roles_of("organisation"):
        fills = model.decision(spec.name, role.role)
        if fills is None:
            continue
        kept = [c.name for c in candidates(doc, event, role.role, rx, events) if fills.says_yes(c.features)]
        roles = [*(RoleFiller(role.role, n) for n in kept), *(r for r in roles if r.role != role.role)]
    return replace(event, roles=roles)
