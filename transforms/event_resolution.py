"""One real agreement or meeting reported by several articles becomes one fact row.

Mentions (one per event per article) are clustered in a fixed order (publication
date, article id, position), so the result does not depend on arrival order.
An event's id is that of its first report: later reports that add a date or a
signatory fill the same row and keep its id. Where reports conflict, the most
specific value wins (a day over a month), then the most recently published.
A report is compared with where an event is in time by its first dated report, which never moves, so
that reports a few days apart cannot chain one event across months; and only with events whose keys
it shares and whose dates could match (`_Index`), so resolution stays near-linear at any size.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from transforms.names import norm, stable_id
from transforms.state_store import StateStore

PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}
# Reports of one agreement may date it a few days apart (signed Monday, announced Thursday).
AGREEMENT_DAYS = 5
MEETING_DAYS = 3
# A report without a date of its own speaks of an event near its publication: where either side is
# undated, the dates that stand for them (the event's start, else its first report's publication; the
# report's date, else its publication) are at most this far apart. Without it a headline naming a
# yearly dialogue joined that dialogue's meeting of years before.
RECENT_DAYS = 31


@dataclass(slots=True)
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
    roles: tuple[tuple[str, str], ...] = ()  # (role, name) of every filler, as the article named them
    order: tuple[dt.date, str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Where reports stand in the fixed order; read millions of times when clustering 100,000 articles.
        self.order = (self.published or dt.date.min, self.article_id, self.index)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Kept by the hundred thousand in modelling's state: pickled as its constructor's arguments.
        return Mention, (self.article_id, self.index, self.published, self.kind, self.parties, self.people,
                         self.start, self.end, self.precision, self.location, self.name, self.evidence, self.roles)


def _specific(m: Mention) -> tuple[int, tuple[dt.date, str, int]]:
    return PRECISION_RANK[m.precision], m.order


@dataclass(eq=False, slots=True)
class Event:
    """One real event and its reports. What resolution compares (every report's parties, people and names,
    the best dates) is kept up to date as reports join, so comparing a mention costs the same however
    many reports the event has."""

    id: str
    seq: int = 0  # when it was started: events start in report order, so this orders them by first report
    mentions: list[Mention] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # normalised
    articles: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # blocking keys of its reports
    dated: Mention | None = None  # the report whose start date counts: most specific, then most recent
    _end: Mention | None = None
    # The first report with a date: where the event is in time when reports are compared. It never moves,
    # so a run of reports a few days apart cannot drag one event across months.
    first_dated: Mention | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Everything else follows from its reports, added again in their order; the parties are kept
        # as they stand (an organisation that took another's id, `Clusterer.rename_party`).
        return _restore_event, (self.id, self.seq, self.mentions, self.parties)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.parties |= m.parties
        self.people |= m.people
        if m.name:
            self.names.add(norm(m.name))
        self.articles.add(m.article_id)
        if m.start and (self.dated is None or _specific(m) > _specific(self.dated)):
            self.dated = m
        if m.start and self.first_dated is None:
            self.first_dated = m
        if m.end and (self._end is None or _specific(m) > _specific(self._end)):
            self._end = m

    def best(self, attr: str) -> Any:
        """The most specific, then most recent, non-empty value of a field across reports."""
        if attr == "start":
            return self.dated.start if self.dated else None
        if attr == "end":
            return self._end.end if self._end else None
        vals = [m for m in self.mentions if getattr(m, attr)]
        return getattr(max(vals, key=lambda m: m.order), attr) if vals else None

    @property
    def kind(self) -> str:
        kinds = [m.kind for m in sorted(self.mentions, key=lambda m: m.order, reverse=True) if m.kind != "other"]
        return kinds[0] if kinds else self.mentions[0].kind


def _restore_event(event_id: str, seq: int, mentions: list[Mention], parties: set[str]) -> Event:
    e = Event(event_id, seq)
    for m in mentions:
        e.add(m)
    e.parties = parties
    e.keys = set().union(*(_keys(m) for m in mentions)) | {f"o:{p}" for p in parties}
    return e


def _close(a: dt.date | None, b: dt.date | None, days: int) -> bool | None:
    """True/False when both dates are known, None when either is not."""
    if a is None or b is None:
        return None
    return abs((a - b).days) <= days


def anchor(e: Event) -> dt.date | None:
    """The date that stands for an event: its start, else its first report's publication."""
    return e.first_dated.start if e.first_dated else e.mentions[0].published


def near_in_time(e: Event, m: Mention) -> bool:
    """Where either side is undated, their standing dates are within RECENT_DAYS (both dated: the
    resolution's own window decides)."""
    if e.first_dated and m.start:
        return True
    a, b = anchor(e), m.start or m.published
    return a is None or b is None or abs((a - b).days) <= RECENT_DAYS


def same_agreement(e: Event, m: Mention) -> bool:
    """Same parties (after name resolution) and a signing date within a few days; without a date on one
    side, two shared parties or a shared signatory."""
    first = e.mentions[0]
    if m.article_id in e.articles or not near_in_time(e, m):
        return False  # within one article the extractor already merged what is one agreement
    if not ({first.kind, m.kind} & {"other"} or first.kind == m.kind):
        return False
    parties, people = e.parties, e.people
    if not m.parties and not parties:
        # Nobody named on either side: only the same kind, day and place make it the same agreement.
        return _same_day_and_place(e, m)
    shared = len(parties & m.parties)
    if not m.parties or not parties or shared == 0:
        return False
    if shared < min(len(parties), len(m.parties)) and shared < 2:
        return False
    close = _close(anchor(e) if e.first_dated else None, m.start, AGREEMENT_DAYS)
    if close is not None:
        return close
    return shared >= 2 or bool(people & m.people)


def same_meeting(e: Event, m: Mention) -> bool:
    """The same name, or the same participants or chairs, with overlapping dates."""
    if m.article_id in e.articles or not near_in_time(e, m):
        return False
    start = e.first_dated.start if e.first_dated else None
    end = e.first_dated.end if e.first_dated else None
    if start and m.start:
        lo, hi = start - dt.timedelta(days=MEETING_DAYS), (end or start) + dt.timedelta(days=MEETING_DAYS)
        if not (lo <= m.start <= hi):
            return False
    # with one side undated, name and people alone decide
    names, parties, people = e.names, e.parties, e.people
    if m.name and names:
        # Two named meetings are one only by their names: one official chairs many meetings in a week.
        return _name_overlap(norm(m.name), names)
    # One official chairs many meetings: a shared person alone makes one meeting only where both reports are
    # dated (the window above agreed); two shared people do wherever.
    shared = people & m.people
    if len(shared) >= 2 or (shared and start and m.start):
        return True
    if not (parties or people or names) and not (m.parties or m.people or m.name):
        return _same_day_and_place(e, m)
    return bool(start and m.start) and len(parties & m.parties) >= 2


def _same_day_and_place(e: Event, m: Mention) -> bool:
    first = e.mentions[0]
    return (first.kind == m.kind and first.start is not None and first.start == m.start
            and first.precision == "day" == m.precision and bool(first.location) and first.location == m.location)


def _name_overlap(name: str, names: set[str]) -> bool:
    """Names sharing three quarters of their words, unless each numbers its meeting differently (the 16th and
    the 17th meeting of one group are two meetings)."""
    a = set(name.split())
    for other in names:
        b = set(other.split())
        numbered, numbered_other = _numbers(name), _numbers(other)
        if numbered and numbered_other and numbered != numbered_other:
            continue
        if a and b and len(a & b) / min(len(a), len(b)) >= 0.75:
            return True
    return False


def _numbers(name: str) -> set[str]:
    """The numbers a name counts its meeting by ("16th", or "17" of a glued "17thmeeting")."""
    return {"".join(itertools.takewhile(str.isdigit, w)) for w in name.split() if w[:1].isdigit()}


def _keys(m: Mention) -> set[str]:
    """Blocking keys: only events sharing one of these are compared, so clustering stays near-linear."""
    keys = {f"o:{p}" for p in m.parties} | {f"p:{p}" for p in m.people}
    if m.name:
        keys.add("n:" + " ".join(w for w in norm(m.name).split() if not w[:1].isdigit()))
    if m.start and m.location:
        keys.add(f"d:{m.kind}:{m.start.isoformat()}:{norm(m.location)}")
    return keys


@dataclass(frozen=True)
class Resolution:
    """How reports of one event are recognised: `same` decides; `days` bounds how far apart the start
    dates of an event and a report it accepts can be when both are dated (counted from the event's end
    where events span days, `spans`), so only events near a report's date are compared with it."""

    same: Callable[[Event, Mention], bool]
    days: int
    spans: bool = False


BIN_DAYS = 16  # events are filed by their standing date in bins of this many days
Filed = tuple[bool, int] | None  # where an event is filed: (dated by a report?, bin of its standing date), or undated


def filed(e: Event) -> Filed:
    """Where an event stands in the index: by its standing date (`anchor`), dated by a report or not."""
    day = anchor(e)
    return (e.first_dated is not None, day.toordinal() // BIN_DAYS) if day else None


class _Index:
    """Events by blocking key and by the bin of their standing date: a report is compared only with the
    events sharing a key whose dates could match, not with every event of a party that appears in
    thousands. Events dated by a report and events standing at a publication date are filed apart: a
    dated report can only join the first within the resolution's few days, the second within
    RECENT_DAYS. Events sharing no key are never compared; undated ones always are. The index is a
    table of the store, so it costs no memory however many events there are."""

    def __init__(self, resolution: Resolution, store: StateStore, spec: str):
        self.r, self.store, self.spec = resolution, store, spec
        self.longest = store.meta(f"longest:{spec}") or 0  # days: the longest span of any event so far

    def _windows(self, m: Mention) -> list[tuple[bool, int, int]] | None:
        """(dated events?, first bin, last bin) where the report's events can stand; None: anywhere."""
        when = m.start or m.published
        if when is None:
            return None
        before = RECENT_DAYS if m.start is None else self.r.days + (self.longest if self.r.spans else 0)
        after = RECENT_DAYS if m.start is None else self.r.days
        day = when.toordinal()
        return [(True, (day - before) // BIN_DAYS, (day + after) // BIN_DAYS),
                (False, (day - RECENT_DAYS) // BIN_DAYS, (day + RECENT_DAYS) // BIN_DAYS)]

    def candidates(self, m: Mention) -> list[int]:
        """The events (by seq, in the order they started) a report is compared with."""
        return sorted(self.store.filed_under(self.spec, _keys(m), self._windows(m)))

    def file(self, e: Event, m: Mention, was: Filed | str) -> None:
        """Files the event under the report's new keys; an event whose bin the report changed (`was`,
        before the report joined; "new" for a new event) moves, under all its keys."""
        first = e.first_dated
        if self.r.spans and first and first.start and first.end:
            longest = max(self.longest, (first.end - first.start).days)
            if longest != self.longest:
                self.longest = longest
                self.store.put_meta(f"longest:{self.spec}", longest)
        now = filed(e)
        if was != "new" and was != now:
            self.store.move_event(self.spec, e.seq, now)
        self.file_keys(e, _keys(m), now)

    def file_keys(self, e: Event, keys: set[str], where: Filed) -> None:
        added = keys - e.keys
        e.keys |= added
        self.store.file_keys(self.spec, e.seq, sorted(added), where)


class Clusterer:
    """Resolution as a fold: each report, in the order it comes, joins the first earlier event (by its
    first report) that the resolution accepts, or starts a new one whose id is the report's. Its events
    and their index are kept in the store, so a run can go on from where the last stopped and give what
    one pass over all reports gives."""

    def __init__(self, resolution: Resolution, prefix: str, store: StateStore | None = None):
        self.resolution = resolution
        self.prefix = prefix
        self.store = store or StateStore()
        self.index = _Index(resolution, self.store, prefix)
        self.count = self.store.event_count(prefix)

    def event(self, seq: int) -> Event:
        found = self.store.events.get((self.prefix, seq))
        if found is None:
            raise KeyError(f"no {self.prefix} event {seq} in the model state")
        return found

    def by_id(self, event_id: str) -> Event:
        seq = self.store.event_seq(self.prefix, event_id)
        if seq is None:
            raise KeyError(f"no {self.prefix} event {event_id} in the model state")
        return self.event(seq)

    def add(self, m: Mention) -> Event:
        candidates = (self.event(seq) for seq in self.index.candidates(m))
        target = next((e for e in candidates if self.resolution.same(e, m)), None)
        was: Filed | str = filed(target) if target else "new"
        if target is None:
            target = Event(stable_id(self.prefix, m.article_id, m.index), seq=self.count)
            self.store.new_event(self.prefix, self.count, target.id, target)
            self.count += 1
        target.add(m)
        self.store.events.put((self.prefix, target.seq), target)
        self.index.file(target, m, was)
        return target

    def rename_party(self, e: Event, old: str, new: str) -> None:
        """An organisation the event names took another's id (two spellings found to be one): later
        reports compare with the id that stands."""
        if old in e.parties:
            e.parties.discard(old)
            e.parties.add(new)
            self.index.file_keys(e, {f"o:{new}"}, filed(e))
            self.store.events.put((self.prefix, e.seq), e)

    def events(self) -> Iterator[Event]:
        """Every event, in the order they started (read one at a time)."""
        for seq in range(self.count):
            yield self.event(seq)
            self.store.trim()


def event_days(e: Event) -> tuple[int | None, int | None]:
    """The first and last day (ordinals) an event is dated, for the calendar (`StateStore.days`)."""
    days = [x.toordinal() for x in (e.dated.start, e.dated.end) if x] if e.dated else []
    return (min(days), max(days)) if days else (None, None)


def cluster(mentions: list[Mention], resolution: Resolution, prefix: str, store: StateStore | None = None
            ) -> list[Event]:
    """Reports in their fixed order (publication date, article, position), clustered in one pass."""
    c = Clusterer(resolution, prefix, store)
    for m in sorted(mentions, key=lambda x: x.order):
        c.add(m)
        c.store.trim()
    return list(c.events())


# How reports of one event in several articles are recognised, by the name a spec's `resolution` uses.
RESOLUTIONS = {"signing": Resolution(same_agreement, AGREEMENT_DAYS),
               "gathering": Resolution(same_meeting, MEETING_DAYS, spans=True)}
