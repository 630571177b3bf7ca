"""One person across title changes: type 2 versions of an official, from every sighting of them.

A person is a normalised name. Each titled sighting (in publication order) starts
a version where its title differs from the last one's; the version's id is the
hash of person and title, so a title seen again is the same version, and ids
never depend on which articles came first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from transforms.names import stable_id

NO_DATE = dt.date(1900, 1, 1)  # an article with no publication date sorts first and dates nothing


class Sighting(NamedTuple):  # a tuple: modelling's state keeps one per person per article
    published: dt.date
    article_id: str
    title: str | None
    title_key: str
    rank: str | None
    organisation_id: str | None  # the organisation named with the title, as resolved when it was read


@dataclass
class Person:
    sightings: list[Sighting] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    chain: list[dict[str, Any]] = field(default_factory=list)  # versions, oldest first

    def add(self, name: str, s: Sighting) -> None:
        self.names[name] += 1
        self.sightings.append(s)


def versions(pkey: str, person: Person) -> list[dict[str, Any]]:
    """The person's versions, oldest first, each valid until the day before the next begins."""
    person_id = stable_id("person", pkey)
    name = sorted(person.names, key=lambda n: (-person.names[n], n))[0]
    seen = sorted(person.sightings, key=lambda s: (s.published, s.article_id))
    chain: list[dict[str, Any]] = []
    ids: set[str] = set()
    for s in seen:
        if not s.title:
            continue
        if chain and chain[-1]["_key"] == s.title_key:
            if not chain[-1]["organisation_id"] and s.organisation_id:
                chain[-1]["organisation_id"] = s.organisation_id
            continue
        vid = stable_id("official", person_id, s.title_key)
        if vid in ids:
            continue  # a title seen again after a change is the version it was before
        ids.add(vid)
        chain.append({"official_id": vid, "person_id": person_id, "name": name, "title": s.title, "rank": s.rank,
                      "organisation_id": s.organisation_id, "valid_from": s.published if s.published > NO_DATE
                      else None, "valid_to": None, "is_current": False, "_key": s.title_key})
    if not chain:
        first = seen[0]
        chain = [{"official_id": stable_id("official", person_id, ""), "person_id": person_id, "name": name,
                  "title": None, "rank": next((s.rank for s in seen if s.rank), None), "organisation_id": None,
                  "valid_from": first.published if first.published > NO_DATE else None, "valid_to": None,
                  "is_current": False, "_key": ""}]
    for a, b in zip(chain, chain[1:], strict=False):
        if b["valid_from"]:
            a["valid_to"] = b["valid_from"] - dt.timedelta(days=1)
    chain[-1]["is_current"] = True
    return chain


def version_on(chain: list[dict[str, Any]], when: dt.date) -> str | None:
    """The version valid on a day (the first one where none had begun yet)."""
    valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= when]
    return (valid[-1] if valid else chain[0])["official_id"] if chain else None


def dated_shape(chain: list[dict[str, Any]]) -> tuple[tuple[str, dt.date | None], ...]:
    """What a version lookup by date depends on: another person's rows that used the chain change only
    when this does."""
    return tuple((v["official_id"], v["valid_from"]) for v in chain)
