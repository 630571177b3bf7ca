"""Labels for the role model, from hand-written gold: which candidates really fill an event's role.

A predicted event is paired with the gold event it reports (most shared fillers, then type and
date, one to one, as the scorer pairs them); each of its candidates is then labelled by whether the
gold event lists it (by any of its spellings). Gold marked uncertain or optional is left out: it is
free either way, so it teaches nothing. Pure functions: gold rows and extracted documents in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from transforms.organisations import Org
from transforms.record import EventRecord

# Where the gold (GUIDELINE.md's answer format) keeps each event kind and the fillers of each role.
GOLD_EVENTS = {"agreement": "agreements", "meeting": "meetings"}
GOLD_ROLES = {"party": ("parties", "optional_parties"), "participant": ("participants", "optional_participants")}
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def norm(name: str | None) -> str:
    """A name as the scorer compares it: lower case, '&' as 'and', no punctuation, no leading 'the'."""
    s = _SPACE.sub(" ", _PUNCT.sub(" ", (name or "").lower().replace("&", " and "))).strip()
    return s.removeprefix("the ")


@dataclass(frozen=True)
class GoldEvent:
    fillers: tuple[frozenset[str], ...]  # each filler's spellings, normalised
    optional: tuple[frozenset[str], ...]
    type: str
    date: str | None
    uncertain: bool


def gold_events(gold: dict[str, Any], spec: str, role: str) -> list[GoldEvent]:
    """The gold events of one kind in an article, each role filler with every spelling the gold gives it."""
    spellings = {norm(o["name"]): frozenset(n for n in map(norm, [o["name"], *(o.get("aliases") or [])]) if n)
                 for o in gold.get("organisations", [])}
    named = lambda n: spellings.get(norm(n), frozenset({norm(n)}))  # noqa: E731
    sure, optional = GOLD_ROLES[role]
    return [GoldEvent(tuple(named(n) for n in e.get(sure, [])), tuple(named(n) for n in e.get(optional, [])),
                      norm(e.get("type")), e.get("date") or e.get("start_date"), bool(e.get("uncertain")))
            for e in gold.get(GOLD_EVENTS[spec], [])]


def spellings_of(name: str, orgs: Iterable[Org]) -> frozenset[str]:
    for o in orgs:
        if o.name == name:
            return frozenset(n for n in map(norm, o.forms()) if n)
    return frozenset({norm(name)})


def _similarity(g: GoldEvent, e: EventRecord, role: str, orgs: list[Org]) -> float:
    mine = [spellings_of(n, orgs) for n in e.filled(role)]
    shared = sum(any(f & m for m in mine) for f in (*g.fillers, *g.optional))
    dated = 0.5 if g.date and e.start and g.date[:7] == e.start[:7] else 0.0
    typed = 0.5 if g.type == norm(e.type) else 0.0
    return shared + dated + typed


def pair_events(golds: list[GoldEvent], events: list[EventRecord], role: str, orgs: list[Org]
                ) -> dict[int, GoldEvent]:
    """Predicted event index -> the gold event it reports, best pairs first, one to one."""
    scored = sorted(((_similarity(g, e, role, orgs), i, j) for i, g in enumerate(golds)
                     for j, e in enumerate(events)), key=lambda t: (-t[0], t[1], t[2]))
    taken_g: set[int] = set()
    out: dict[int, GoldEvent] = {}
    for s, i, j in scored:
        need = 1.0 if golds[i].fillers or golds[i].optional else 0.5
        if s >= need and i not in taken_g and j not in out:
            taken_g.add(i)
            out[j] = golds[i]
    return out


def label(name: str, gold: GoldEvent, orgs: list[Org]) -> bool | None:
    """True if the gold event lists the candidate, None if only as optional (no lesson), else False."""
    mine = spellings_of(name, orgs)
    if any(f & mine for f in gold.fillers):
        return True
    if any(f & mine for f in gold.optional):
        return None
    return False
