"""One real agreement or meeting reported by several articles becomes one fact row.

Mentions (one per event per article) are clustered in a fixed order (publication
date, article id, position), so the result does not depend on arrival order.
An event's id is that of its first report: later reports that add a date or a
signatory fill the same row and keep its id. Where reports conflict, the most
specific value wins (a day over a month), then the most recently published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from transforms.names import norm, stable_id

PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
# Reports of one agreement may date it a few days apart (signed Monday, announced Thursday).
AGREEMENT_DAYS = 5
MEETING_DAYS = 3


@dataclass
class Mention:
    article_id: str
    index: int
    published: dt.date | None
    kind: str  # agreement_type or meeting_type
    parties: frozenset[str]  # organisation ids (agreement parties or meeting participants)
    people: frozenset[str]  # person keys (signatories or chairs)
    start: dt.date | None
    end: dt.date | None
    precision: str | None
    location: str | None
    name: str | None
    evidence: str
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def order(self) -> tuple[dt.date, str, int]:
        return (self.published or dt.date.min, self.article_id, self.index)


@dataclass(eq=False)
class Event:
    id: str
    mentions: list[Mention]

    def best(self, attr: str) -> Any:
        """The most specific, then most recent, non-empty value of a field across reports."""
        vals = [m for m in self.mentions if getattr(m, attr)]
        if not vals:
            return None
        if attr in ("start", "end"):
            return getattr(max(vals, key=lambda m: (PRECISION_RANK[m.precision], m.order)), attr)
        return getattr(max(vals, key=lambda m: m.order), attr)

    @property
    def dated(self) -> Mention | None:
        vals = [m for m in self.mentions if m.start]
        return max(vals, key=lambda m: (PRECISION_RANK[m.precision], m.order)) if vals else None

    @property
    def kind(self) -> str:
        kinds = [m.kind for m in sorted(self.mentions, key=lambda m: m.order, reverse=True) if m.kind != "other"]
        return kinds[0] if kinds else self.mentions[0].kind


def _close(a: dt.date | None, b: dt.date | None, days: int) -> bool | None:
    """True/False when both dates are known, None when either is not."""
    if a is None or b is None:
        return None
    return abs((a - b).days) <= days


def same_agreement(e: Event, m: Mention) -> bool:
    """Same parties (after name resolution) and a signing date within a few days; without a date on one
    side, two shared parties or a shared signatory."""
    first = e.mentions[0]
    if m.article_id in {x.article_id for x in e.mentions}:
        return False  # within one article the extractor already merged what is one agreement
    if not ({first.kind, m.kind} & {"other"} or first.kind == m.kind):
        return False
    parties = frozenset().union(*(x.parties for x in e.mentions))
    people = frozenset().union(*(x.people for x in e.mentions))
    if not m.parties and not parties:
        # Nobody named on either side: only the same kind, day and place make it the same agreement.
        return _same_day_and_place(e, m)
    shared = len(parties & m.parties)
    if not m.parties or not parties or shared == 0:
        return False
    if shared < min(len(parties), len(m.parties)) and shared < 2:
        return False
    close = _close(e.best("start"), m.start, AGREEMENT_DAYS)
    if close is not None:
        return close
    return shared >= 2 or bool(people & m.people)


def same_meeting(e: Event, m: Mention) -> bool:
    """The same name, or the same participants or chairs, with overlapping dates."""
    if m.article_id in {x.article_id for x in e.mentions}:
        return False
    start, end = e.best("start"), e.best("end")
    if start and m.start:
        lo, hi = start - dt.timedelta(days=MEETING_DAYS), (end or start) + dt.timedelta(days=MEETING_DAYS)
        if not (lo <= m.start <= hi):
            return False
    # with one side undated, name and people alone decide
    names = {norm(x.name) for x in e.mentions if x.name}
    if m.name and names and _name_overlap(norm(m.name), names):
        return True
    parties = frozenset().union(*(x.parties for x in e.mentions))
    people = frozenset().union(*(x.people for x in e.mentions))
    if bool(people & m.people):
        return True
    if not (parties or people or names) and not (m.parties or m.people or m.name):
        return _same_day_and_place(e, m)
    return bool(start and m.start) and len(parties & m.parties) >= 2


def _same_day_and_place(e: Event, m: Mention) -> bool:
    first = e.mentions[0]
    return (first.kind == m.kind and first.start is not None and first.start == m.start
            and first.precision == "day" == m.precision and bool(first.location) and first.location == m.location)


def _name_overlap(name: str, names: set[str]) -> bool:
    a = set(name.split())
    for other in names:
        b = set(other.split())
        if a and b and len(a & b) / min(len(a), len(b)) >= 0.75:
            return True
    return False


def _keys(m: Mention) -> set[str]:
    """Blocking keys: only events sharing one of these are compared, so clustering stays near-linear."""
    keys = {f"o:{p}" for p in m.parties} | {f"p:{p}" for p in m.people}
    if m.name:
        keys.add("n:" + " ".join(w for w in norm(m.name).split() if not w[:1].isdigit()))
    if m.start and m.location:
        keys.add(f"d:{m.kind}:{m.start.isoformat()}:{norm(m.location)}")
    return keys


def cluster(mentions: list[Mention], same: Any, prefix: str) -> list[Event]:
    events: list[Event] = []
    index: dict[str, list[Event]] = {}
    for m in sorted(mentions, key=lambda x: x.order):
        seen: set[int] = set()
        candidates = []
        for key in sorted(_keys(m)):
            for e in index.get(key, []):
                if id(e) not in seen:
                    seen.add(id(e))
                    candidates.append(e)
        target = next((e for e in sorted(candidates, key=lambda e: e.mentions[0].order) if same(e, m)), None)
        if target is None:
            target = Event(stable_id(prefix, m.article_id, m.index), [])
            events.append(target)
        target.mentions.append(m)
        for key in _keys(m):
            bucket = index.setdefault(key, [])
            if target not in bucket:
                bucket.append(target)
    return events


# How reports of one event in several articles are recognised, by the name a spec's `resolution` uses.
RESOLUTIONS = {"signing": same_agreement, "gathering": same_meeting}
