"""One organisation however many articles spell it, resolved as articles arrive.

Spellings are joined by a union-find over their normal forms: a name and the
registry's name for it, a name and the acronym an article gives it, an acronym
used alone. An organisation's id is fixed when it first appears (the hash of
the registry's name or of the first spelling seen), so later articles never
change it; when two organisations turn out to be one, the one seen first keeps
its id and the other's id points to it (`current`). Everything that used an id
is recorded (`refs`), so a run that joins two knows which rows to write again.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from transforms.names import norm, stable_id
from transforms.state_store import Owner, StateStore


@dataclass
class OrgCluster:
    seq: int  # when it was first seen: of two found to be one, the first keeps its id
    names: Counter[str] = field(default_factory=Counter)
    acronyms: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    parents: Counter[str] = field(default_factory=Counter)
    parent_ids: dict[str, str | None] = field(default_factory=dict)  # a parent's name -> its id when first named
    registry_name: str | None = None

    def absorb(self, other: OrgCluster) -> None:
        for mine, theirs in ((self.names, other.names), (self.acronyms, other.acronyms), (self.types, other.types),
                             (self.countries, other.countries), (self.parents, other.parents)):
            mine.update(theirs)
        self.aliases |= other.aliases
        for k, v in other.parent_ids.items():
            self.parent_ids.setdefault(k, v)
        self.registry_name = self.registry_name or other.registry_name


class Organisations:
    """The organisations seen so far; `add_article` takes one article's organisations."""

    def __init__(self, registry_forms: dict[str, str], store: StateStore, made: int = 0):
        self.registry_forms = registry_forms  # normal form of a registry name, acronym or alias -> its name
        forms = store.org_forms  # the union-find and its lookups, in the model state's store (see `StoredMap`)
        self.parent = forms["org_parent"]  # a spelling -> the spelling it joined
        self.oid_of_root = forms["org_root_id"]  # a root spelling -> its organisation's id
        self.other_forms = forms["org_other_form"]  # acronyms and aliases -> the id that claimed them first
        self.redirect = forms["org_redirect"]  # an id that joined another -> that one
        # Each organisation's spellings and counts: in the store, those in use cached.
        self.clusters = store.org_clusters
        self.made = made  # organisations made so far (joined ones included): the next one's `seq`
        self.refs = store.org_users  # who uses each id
        self.touched = store.touched["o"]  # ids whose rows changed in this fold
        self.retired = store.touched["o-retired"]  # ids that joined another in this fold
        self._joined: list[tuple[str, str, set[Owner]]] = []  # (gone, kept, its users) in this article

    def cluster(self, oid: str) -> OrgCluster:
        found = self.clusters.get(oid)
        assert found is not None, oid  # every id of oid_of_root has its cluster in the store
        return found

    def is_live(self, oid: str) -> bool:
        """An organisation that has not joined another (only joining removes a cluster)."""
        return oid not in self.redirect

    # ---- union-find over spellings --------------------------------------------------------------
    def _find(self, x: str) -> str:
        up = self.parent.setdefault(x, x)
        while up != x:
            above = self.parent[up]
            if above != up:
                self.parent[x] = above  # path halving
            x, up = above, self.parent[above]
        return x

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        oa, ob = self.oid_of_root.pop(ra, None), self.oid_of_root.pop(rb, None)
        root, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = root
        if oa and ob:
            keep, gone = (oa, ob) if self.cluster(oa).seq < self.cluster(ob).seq else (ob, oa)
            self._retire(gone, keep)
            self.oid_of_root[root] = keep
        elif oa or ob:
            self.oid_of_root[root] = oa or ob  # type: ignore[assignment]

    def _retire(self, gone: str, keep: str) -> None:
        kept = self.cluster(keep)
        kept.absorb(self.cluster(gone))
        self.clusters.put(keep, kept)
        self.clusters.discard(gone)
        self.redirect[gone] = keep
        self.retired.add(gone)
        users = self.refs.pop(gone)
        self.refs.add_all(keep, users)
        self.touched.add(keep)
        # Bodies that name the one gone as their parent (by the id that stands for them now).
        self.touched.update(self.current(str(o[1])) for o in users if o[0] == "o")
        self._joined.append((gone, keep, users))

    # ---- articles -------------------------------------------------------------------------------
    def add_article(self, orgs: Iterable[dict[str, Any]]) -> list[tuple[str, str, set[Owner]]]:
        """Joins the article's spellings first, then counts them: an acronym defined anywhere in the article
        already holds for its other mentions. Returns the ids it made give up (id, the id kept, who used
        it), for the caller to update what it holds."""
        orgs = list(orgs)
        for o in orgs:
            self._link(o)
        for o in orgs:
            self._count(o)
        joined, self._joined = self._joined, []
        return joined

    def _link(self, o: dict[str, Any]) -> None:
        base = "n:" + norm(o["name"])
        self._find(base)
        reg = self.registry_forms.get(norm(o["name"]))
        if reg:
            self._union(base, "n:" + norm(reg))
        acronym = o.get("acronym")
        if acronym and len(acronym) >= 3:
            self._union(base, "a:" + acronym)
            if self.registry_forms.get(norm(acronym)):
                self._union(base, "n:" + norm(self.registry_forms[norm(acronym)]))
        # A name that is only an acronym joins the organisation that acronym defines.
        if o["name"].isupper() and len(o["name"]) >= 3:
            self._union(base, "a:" + o["name"])
        root = self._find(base)
        if root not in self.oid_of_root:
            oid = stable_id("organisation", norm(reg or o["name"]))
            self.oid_of_root[root] = oid
            self.clusters.put(oid, OrgCluster(seq=self.made))
            self.made += 1

    def _count(self, o: dict[str, Any]) -> None:
        oid = self.oid_of_root[self._find("n:" + norm(o["name"]))]
        c = self.cluster(oid)
        if not o["name"].isupper() or not o.get("acronym"):
            c.names[o["name"]] += 1
        if o.get("acronym"):
            c.acronyms[o["acronym"]] += 1
            self.other_forms.setdefault(norm(o["acronym"]), oid)
        for alias in o.get("aliases") or ():
            c.aliases.add(alias)
            self.other_forms.setdefault(norm(alias), oid)
        if o.get("org_type"):
            c.types[o["org_type"]] += 1
        if o.get("country"):
            c.countries[o["country"]] += 1
        if o.get("parent"):
            c.parents[o["parent"]] += 1
            if o["parent"] not in c.parent_ids:
                c.parent_ids[o["parent"]] = self.resolve(o["parent"])
                if c.parent_ids[o["parent"]]:
                    self.refs.add(c.parent_ids[o["parent"]], ("o", oid))  # type: ignore[arg-type]
        reg = self.registry_forms.get(norm(o["name"]))
        if reg:
            c.registry_name = reg
        self.clusters.put(oid, c)
        self.touched.add(oid)

    # ---- lookups --------------------------------------------------------------------------------
    def resolve(self, name: str | None) -> str | None:
        """The id of an organisation named so now: by its spellings, else its acronyms and aliases."""
        if not name:
            return None
        key = "n:" + norm(name)
        if key in self.parent:
            return self.oid_of_root.get(self._find(key))
        oid = self.other_forms.get(norm(name))
        return self.current(oid) if oid else None

    def current(self, oid: str) -> str:
        """The id that stands for an id given out earlier (the same, unless it joined another)."""
        while oid in self.redirect:
            oid = self.redirect[oid]
        return oid

    def use(self, oid: str | None, owner: Owner) -> str | None:
        """Records that `owner`'s rows name `oid`, so they are written again if it joins another."""
        if oid:
            self.refs.add(oid, owner)
        return oid

    def changed(self) -> Iterator[str]:
        """The ids whose rows this fold changed or removed (in order): those touched, and those that joined
        another (their rows go)."""
        return heapq.merge(self.touched, self.retired)

    def changed_live(self) -> Iterator[str]:
        """The ids whose rows this fold changed, that still stand (in order)."""
        return (oid for oid in self.touched if self.is_live(oid))

    def row(self, oid: str) -> dict[str, Any]:
        """The dimension row: the registry's name, else the most used full name; the most used acronym,
        type and country; the parent most often named."""
        c = self.clusters.peek(oid)  # read, not kept: a full build reads every cluster once
        assert c is not None, oid
        full = [n for n in c.names if not n.isupper()] or list(c.names) or list(c.acronyms)
        name = c.registry_name or sorted(full, key=lambda n: (-c.names[n], -len(n), n))[0]
        acronym = sorted(c.acronyms, key=lambda a: (-c.acronyms[a], a))[0] if c.acronyms else None
        aliases = sorted(({*c.names, *c.aliases, *c.acronyms} - {name, acronym}) - {None})
        parent = sorted(c.parents, key=lambda p: (-c.parents[p], p))[0] if c.parents else None
        pid = c.parent_ids.get(parent) if parent else None
        pid = self.current(pid) if pid else None
        return {
            "organisation_id": oid, "name": name, "acronym": acronym, "aliases": aliases,
            "org_type": c.types.most_common(1)[0][0] if c.types else None,
            "country": c.countries.most_common(1)[0][0] if c.countries else None,
            "parent_organisation_id": pid if pid != oid else None,
        }
