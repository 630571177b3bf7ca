"""The typed record of one article: what the extraction store keeps and modelling reads.

A record is written as JSON by the extraction store and read back with `from_dict`, which refuses
keys it does not know: a record from another shape fails loudly instead of silently losing fields.
Events of every kind share one shape (`EventRecord`); which roles an event has, and which bridge
table each role fills, is said by the event's spec (`knowledge/events/*.toml`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

T = TypeVar("T")


class RecordError(ValueError):
    """A stored record does not have the shape this extractor writes."""


def _build(cls: type[T], data: dict[str, Any], where: str) -> T:
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - known)
    if unknown:
        raise RecordError(f"{where}: unknown key(s) {', '.join(unknown)}; re-extract with `parley reprocess --force`")
    return cls(**data)


@dataclass(frozen=True)
class OrganisationRecord:
    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    org_type: str | None = None
    country: str | None = None
    parent: str | None = None
    mentions: int = 1


@dataclass(frozen=True)
class OfficialRecord:
    name: str
    title: str | None = None
    rank: str | None = None
    organisation: str | None = None
    mentions: int = 1


@dataclass(frozen=True)
class DomainRecord:
    name: str
    mentions: int = 1


@dataclass(frozen=True)
class RoleFiller:
    """Who fills a role of an event: `role` is one of the spec's roles, `name` an organisation's or an
    official's name in this record."""

    role: str
    name: str


@dataclass(frozen=True)
class EventRecord:
    type: str
    name: str | None = None
    start: str | None = None  # ISO date
    end: str | None = None
    precision: str | None = None  # day, month or year
    location: str | None = None
    roles: list[RoleFiller] = field(default_factory=list)
    evidence: str = ""

    def filled(self, role: str) -> list[str]:
        return [r.name for r in self.roles if r.role == role]

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "event") -> EventRecord:
        data = dict(data)
        data["roles"] = [_build(RoleFiller, r, f"{where}.roles") for r in data.get("roles", [])]
        return _build(cls, data, where)


@dataclass(frozen=True)
class ArticleRecord:
    organisations: list[OrganisationRecord] = field(default_factory=list)
    officials: list[OfficialRecord] = field(default_factory=list)
    domains: list[DomainRecord] = field(default_factory=list)
    events: dict[str, list[EventRecord]] = field(default_factory=dict)  # spec name -> events
    word_count: int = 0  # words of the text as the extractor read it (markup and boilerplate out)
    # Why this article could not be read (an extraction that failed): it is held back from the
    # warehouse and listed in quarantine, and not tried again until the extractor changes.
    failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        data = dict(data)
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown:
            raise RecordError(f"record: unknown key(s) {', '.join(unknown)}; re-extract with "
                              "`parley reprocess --force`")
        return cls(
            organisations=[_build(OrganisationRecord, o, "organisation") for o in data.get("organisations", [])],
            officials=[_build(OfficialRecord, o, "official") for o in data.get("officials", [])],
            domains=[_build(DomainRecord, d, "domain") for d in data.get("domains", [])],
            events={kind: [EventRecord.from_dict(e, kind) for e in evs]
                    for kind, evs in data.get("events", {}).items()},
            word_count=data.get("word_count", 0),
            failure=data.get("failure"),
        )
