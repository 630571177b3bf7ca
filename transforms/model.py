"""Per-article extraction records in, star-schema rows out.

`StarBuilder` is fed one article at a time (so a run streams) and resolves
entities across articles: one organisation however many articles spell it,
one person across title changes (type 2 versions), one agreement or meeting
however many articles report it. Ids are hashes of natural keys, so the same
input always gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from schemas import Table
from transforms.event_resolution import RESOLUTIONS, Mention, cluster
from transforms.knowledge import Knowledge, knowledge
from transforms.names import norm, stable_id
from transforms.record import ArticleRecord
from transforms.specs import EventSpec


@dataclass(frozen=True)
class ArticleMeta:
    article_id: str
    content_hash: str
    source_uri: str
    url: str | None
    title: str | None
    published_date: dt.date | None
    word_count: int
    read_at: dt.datetime
    repairs: tuple[str, ...] = ()


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def fiscal_year(d: dt.date) -> str:
    start = d.year if d.month >= 4 else d.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _OrgCluster:
    names: Counter[str] = field(default_factory=Counter)
    acronyms: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    types: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    parents: Counter[str] = field(default_factory=Counter)
    registry_name: str | None = None


class StarBuilder:
    """Accumulates articles; `tables()` returns the rows of every published table."""

    def __init__(self, k: Knowledge | None = None):
        self.k = k or knowledge()
        self.articles: dict[str, ArticleMeta] = {}
        self.records: dict[str, dict[str, Any]] = {}
        self._registry_forms: dict[str, str] = {}
        # Honorifics in front of a title ("Hon'ble Raksha Mantri") do not make another title.
        self._title_honorifics = tuple(sorted({norm(h) + " " for h in self.k.honorifics}, key=len, reverse=True))
        self._title_keys: dict[str | None, str] = {}  # a few thousand titles, looked up for every sighting
        for o in self.k.organisations:
            for f in (o.name, o.acronym, *o.aliases):
                if f:
                    self._registry_forms.setdefault(norm(f), o.name)

    def add(self, meta: ArticleMeta, record: ArticleRecord) -> None:
        self.add_stored(meta, record.to_dict())

    def add_stored(self, meta: ArticleMeta, record: dict[str, Any] | str) -> None:
        """An article with its record as the extraction store keeps it (`ArticleRecord.to_dict()`, or that
        as JSON text: kept as text until read, so 100,000 records cost a tenth of the memory)."""
        # The same text under two names is one article: the first source seen (by URI order) keeps it.
        prev = self.articles.get(meta.article_id)
        if prev is not None and prev.source_uri <= meta.source_uri:
            return
        self.articles[meta.article_id] = meta
        self.records[meta.article_id] = record

    # ---- organisations -------------------------------------------------------------------------
    def _parsed(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every article's record, read (again) from its text in the order articles were added."""
        for aid, rec in self.records.items():
            yield aid, (orjson.loads(rec) if isinstance(rec, str) else rec)

    def _resolve_orgs(self, mentioned: list[list[dict[str, Any]]]
                      ) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
        """Maps every (normalised) spelling to an organisation_id; returns the dimension rows too.
        `mentioned`: each article's organisations, in the order articles were added."""
        uf = _UnionFind()
        for orgs in mentioned:
            for o in orgs:
                base = "n:" + norm(o["name"])
                reg = self._registry_forms.get(norm(o["name"]))
                if reg:
                    uf.union(base, "n:" + norm(reg))
                if o.get("acronym") and len(o["acronym"]) >= 3:
                    uf.union(base, "a:" + o["acronym"])
                    if self._registry_forms.get(norm(o["acronym"])):
                        uf.union(base, "n:" + norm(self._registry_forms[norm(o["acronym"])]))
                # A name that is only an acronym joins the organisation that acronym defines.
                if o["name"].isupper() and len(o["name"]) >= 3:
                    uf.union(base, "a:" + o["name"])
        clusters: dict[str, _OrgCluster] = defaultdict(_OrgCluster)
        for orgs in mentioned:
            for o in orgs:
                c = clusters[uf.find("n:" + norm(o["name"]))]
                if not o["name"].isupper() or not o.get("acronym"):
                    c.names[o["name"]] += 1
                if o.get("acronym"):
                    c.acronyms[o["acronym"]] += 1
                c.aliases.update(o.get("aliases") or [])
                if o.get("org_type"):
                    c.types[o["org_type"]] += 1
                if o.get("country"):
                    c.countries[o["country"]] += 1
                if o.get("parent"):
                    c.parents[o["parent"]] += 1
                reg = self._registry_forms.get(norm(o["name"]))
                if reg:
                    c.registry_name = reg
        by_form: dict[str, str] = {}
        rows: dict[str, dict[str, Any]] = {}
        for root, c in sorted(clusters.items()):
            full = [n for n in c.names if not n.isupper()] or list(c.names) or list(c.acronyms)
            name = c.registry_name or sorted(full, key=lambda n: (-c.names[n], -len(n), n))[0]
            acronym = sorted(c.acronyms, key=lambda a: (-c.acronyms[a], a))[0] if c.acronyms else None
            oid = stable_id("organisation", norm(name))
            aliases = sorted(({*c.names, *c.aliases, *c.acronyms} - {name, acronym}) - {None})
            rows[oid] = {
                "organisation_id": oid, "name": name, "acronym": acronym, "aliases": aliases,
                "org_type": c.types.most_common(1)[0][0] if c.types else None,
                "country": c.countries.most_common(1)[0][0] if c.countries else None,
                "_parent": c.parents.most_common(1)[0][0] if c.parents else None,
            }
            for f in (name, acronym, *aliases, *c.names):
                if f:
                    by_form.setdefault(norm(f), oid)
            by_form[norm(name)] = oid
            by_form["n:" + root] = oid
        # Parents named only in the registry still need a row for the foreign key to resolve.
        for row in list(rows.values()):
            parent = row.pop("_parent")
            pid = by_form.get(norm(parent)) if parent else None
            row["parent_organisation_id"] = pid if pid != row["organisation_id"] else None
        return by_form, rows

    # ---- officials -----------------------------------------------------------------------------
    def _title_key(self, title: str | None) -> str:
        """A title as versions compare it: normalised, without the honorifics in front of it, so a person
        titled "Hon'ble Raksha Mantri" and "Raksha Mantri" has one version, not two."""
        found = self._title_keys.get(title)
        if found is not None:
            return found
        key = norm(title)
        while stripped := next((key[len(h):] for h in self._title_honorifics if key.startswith(h)), None):
            key = stripped
        self._title_keys[title] = key
        return key

    def _resolve_officials(self, org_ids: dict[str, str], mentioned: dict[str, list[dict[str, Any]]]
                           ) -> tuple[dict[tuple[str, str], str], list[dict], dict[str, list[dict]]]:
        """Type 2 versions per person: (article_id, person name) -> official_id valid at publication.
        `mentioned`: each article's officials, in the order articles were added."""
        sightings: dict[str, list[tuple[dt.date, str, dict]]] = defaultdict(list)
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for aid, officials in mentioned.items():
            pub = self.articles[aid].published_date or dt.date(1900, 1, 1)
            for p in officials:
                pkey = norm(p["name"])
                names[pkey][p["name"]] += 1
                sightings[pkey].append((pub, aid, p))
        versions: list[dict[str, Any]] = []
        chains: dict[str, list[dict[str, Any]]] = {}
        lookup: dict[tuple[str, str], str] = {}
        for pkey, seen in sorted(sightings.items()):
            person_id = stable_id("person", pkey)
            name = sorted(names[pkey], key=lambda n: (-names[pkey][n], n))[0]
            seen.sort(key=lambda s: (s[0], s[1]))
            titled = [s for s in seen if s[2].get("title")]
            chain: list[dict[str, Any]] = []
            for pub, _aid, p in titled:
                if chain and self._title_key(chain[-1]["title"]) == self._title_key(p["title"]):
                    if not chain[-1]["organisation_id"] and p.get("organisation"):
                        chain[-1]["organisation_id"] = org_ids.get(norm(p["organisation"]))
                    continue
                chain.append({
                    "official_id": stable_id("official", person_id, self._title_key(p["title"])),
                    "person_id": person_id, "name": name, "title": p["title"], "rank": p.get("rank"),
                    "organisation_id": org_ids.get(norm(p["organisation"])) if p.get("organisation") else None,
                    "valid_from": pub if pub.year > 1900 else None, "valid_to": None, "is_current": False,
                })
            # A title seen again after a change is the same version as before (same id): keep the first.
            dedup: list[dict[str, Any]] = []
            for v in chain:
                if any(v["official_id"] == d["official_id"] for d in dedup):
                    continue
                dedup.append(v)
            chain = dedup
            if not chain:
                chain = [{
                    "official_id": stable_id("official", person_id, ""), "person_id": person_id, "name": name,
                    "title": None, "rank": next((p.get("rank") for _, _, p in seen if p.get("rank")), None),
                    "organisation_id": None, "valid_from": seen[0][0] if seen[0][0].year > 1900 else None,
                    "valid_to": None, "is_current": False,
                }]
            for a, b in zip(chain, chain[1:], strict=False):
                if b["valid_from"]:
                    a["valid_to"] = b["valid_from"] - dt.timedelta(days=1)
            chain[-1]["is_current"] = True
            versions.extend(chain)
            chains[pkey] = chain
            for pub, aid, p in seen:
                vid = None
                if p.get("title"):
                    vid = stable_id("official", person_id, self._title_key(p["title"]))
                else:
                    valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= pub]
                    vid = (valid[-1] if valid else chain[0])["official_id"]
                lookup[(aid, pkey)] = vid
        return lookup, versions, chains

    # ---- the star ------------------------------------------------------------------------------
    def tables(self) -> dict[str, list[dict[str, Any]]]:
        # Records are read twice (entities first, then the rest) and never all held parsed at once.
        orgs: list[list[dict[str, Any]]] = []
        officials: dict[str, list[dict[str, Any]]] = {}
        for aid, rec in self._parsed():
            orgs.append(rec["organisations"])
            officials[aid] = rec["officials"]
        org_ids, org_rows = self._resolve_orgs(orgs)
        off_ids, off_rows, chains = self._resolve_officials(org_ids, officials)
        del orgs, officials
        t: dict[str, list[dict[str, Any]]] = defaultdict(list)
        t["dim_organisations"] = sorted(org_rows.values(), key=lambda r: r["organisation_id"])
        t["dim_officials"] = sorted(off_rows, key=lambda r: r["official_id"])
        domain_ids = {d.name: stable_id("domain", d.name) for d in self.k.domains}
        t["dim_domains"] = [
            {"domain_id": domain_ids[d.name], "name": d.name, "parent": d.parent, "synonyms": list(d.synonyms)}
            for d in self.k.domains
        ]
        mentions: dict[str, list[Mention]] = defaultdict(list)
        dates: set[dt.date] = set()
        for aid in sorted(self.articles, key=lambda a: (self.articles[a].published_date or dt.date.min, a)):
            meta, stored = self.articles[aid], self.records[aid]
            rec = orjson.loads(stored) if isinstance(stored, str) else stored
            t["dim_articles"].append({
                "article_id": aid, "source_uri": meta.source_uri, "url": meta.url, "title": meta.title,
                "published_date": meta.published_date, "content_hash": meta.content_hash,
                "word_count": meta.word_count, "read_at": meta.read_at, "repairs": list(meta.repairs),
            })
            if meta.published_date:
                dates.add(meta.published_date)
            counts: Counter[str] = Counter()
            for o in rec["organisations"]:
                counts[org_ids[norm(o["name"])]] += max(1, o.get("mentions") or 1)
            t["bridge_article_organisations"] += [
                {"article_id": aid, "organisation_id": oid, "mentions": n} for oid, n in sorted(counts.items())]
            offs: Counter[str] = Counter()
            for p in rec["officials"]:
                offs[off_ids[(aid, norm(p["name"]))]] += max(1, p.get("mentions") or 1)
            t["bridge_article_officials"] += [
                {"article_id": aid, "official_id": oid, "mentions": n} for oid, n in sorted(offs.items())]
            t["bridge_article_domains"] += [
                {"article_id": aid, "domain_id": domain_ids[d["name"]], "mentions": d["mentions"]}
                for d in rec["domains"] if d["name"] in domain_ids]
            known_people = {norm(p["name"]) for p in rec["officials"]}
            for spec in self.k.events:
                for i, e in enumerate(rec["events"].get(spec.name, [])):
                    mentions[spec.name].append(_mention(spec, aid, i, meta.published_date, e, org_ids, known_people))

        def version(pkey: str, aid: str, when: dt.date | None) -> str | None:
            """The person's version valid on the event's date, else the one the article shows."""
            chain = chains.get(pkey)
            if chain and when:
                valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= when]
                if valid:
                    return valid[-1]["official_id"]
            return off_ids.get((aid, pkey))

        for spec in self.k.events:
            for name, rows in _event_tables(spec, mentions[spec.name], org_ids, version, dates, self.k.tables).items():
                t[name] += rows
        for table in {x for spec in self.k.events for x in _tables_of(spec)}:
            key = self.k.tables[table].key
            t[table].sort(key=lambda r, key=key: tuple(str(r[c]) for c in key))
        for v in off_rows:
            for d in (v["valid_from"], v["valid_to"]):
                if d:
                    dates.add(d)
        t["dim_dates"] = _calendar(dates)
        return dict(t)


def _calendar(dates: set[dt.date]) -> list[dict[str, Any]]:
    """Every day from the first to the last date used, so BI date joins never miss."""
    if not dates:
        return []
    lo, hi = min(dates), max(dates)
    out = []
    d = lo
    while d <= hi:
        out.append({"date": d, "year": d.year, "quarter": (d.month - 1) // 3 + 1, "month": d.month,
                    "fiscal_year": fiscal_year(d)})
        d += dt.timedelta(days=1)
    return out


def _mention(spec: EventSpec, aid: str, index: int, published: dt.date | None, e: dict[str, Any],
             org_ids: dict[str, str], known_people: set[str]) -> Mention:
    """One article's report of an event, with its organisations as ids and its officials as person keys."""
    orgs, people = _role_names(spec, "organisation"), _role_names(spec, "official")
    parties = frozenset(x for x in (org_ids.get(norm(r["name"])) for r in e["roles"] if r["role"] in orgs) if x)
    persons = frozenset(norm(r["name"]) for r in e["roles"] if r["role"] in people and norm(r["name"]) in known_people)
    return Mention(aid, index, published, e["type"], parties, persons, _date(e["start"]), _date(e["end"]),
                   e["precision"], e["location"], e["name"], e["evidence"], e)


@functools.lru_cache(maxsize=64)
def _role_names(spec: EventSpec, entity: str) -> frozenset[str]:
    """The spec's roles filled by organisations or officials (asked for each of 100,000 reports)."""
    return frozenset(r.role for r in spec.roles_of(entity))


def _tables_of(spec: EventSpec) -> set[str]:
    return {spec.fact_table, spec.articles_table, *(r.table for r in spec.roles)}


def _bridge_row(declared: Table, id_column: str, event_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """A bridge row shaped by its declaration: the event's id, the given values, and a surrogate key
    (hash of the event and the entity) where the table's key is a column of its own."""
    row = {c: values.get(c) for c in declared.column_names}
    row[id_column] = event_id
    if len(declared.key) == 1 and declared.key[0] not in values and declared.key[0] != id_column:
        prefix = declared.key[0].removesuffix("_id")
        row[declared.key[0]] = stable_id(prefix, event_id, values.get("organisation_id"), values.get("official_id"))
    return row


def _event_tables(spec: EventSpec, mentions: list[Mention], org_ids: dict[str, str],
                  version: Callable[[str, str, dt.date | None], str | None], dates: set[dt.date],
                  tables: Mapping[str, Table]) -> dict[str, list[dict[str, Any]]]:
    """The fact table and bridges of one event spec: one fact row per real event (clustered across
    articles by the spec's resolution rule), one bridge row per role filler and per reporting article."""
    out: dict[str, dict[tuple, dict[str, Any]]] = defaultdict(dict)
    id_col = spec.id_column
    org_roles = spec.roles_of("organisation")
    people_roles = {r.role: r for r in spec.roles_of("official")}
    for e in cluster(mentions, RESOLUTIONS[spec.resolution], spec.name):
        d = e.dated
        values = {"id": e.id, "type": e.kind, "name": e.best("name"), "start": d.start if d else None,
                  "end": d.end if d else None, "precision": d.precision if d else None,
                  "location": e.best("location"), "summary": _summary(spec, max(e.mentions, key=lambda m: m.order).raw)}
        out[spec.fact_table][(e.id,)] = {col: values[f] for f, col in spec.fact_columns.items()}
        dates.update(x for x in ((d.start, d.end) if d else ()) if x)

        def add(table: str, vals: dict[str, Any], event_id: str = e.id) -> None:
            row = _bridge_row(tables[table], id_col, event_id, vals)
            out[table].setdefault(tuple(row[c] for c in tables[table].key), row)

        for role in org_roles:
            for oid in sorted(frozenset().union(*(m.parties for m in e.mentions))):
                add(role.table, {"organisation_id": oid, "role": role.role})
        for m in e.mentions:
            for filler in m.raw["roles"]:
                pk = norm(filler["name"])
                if filler["role"] in people_roles and pk in m.people:
                    vid = version(pk, m.article_id, d.start if d else m.published)
                    if vid:
                        add(people_roles[filler["role"]].table, {"official_id": vid, "role": filler["role"]})
        evidence: dict[str, list[str]] = defaultdict(list)
        for m in e.mentions:
            evidence[m.article_id].append(m.evidence)
        for aid in sorted(evidence):
            add(spec.articles_table, {"article_id": aid, "evidence": " ".join(evidence[aid])})
    return {table: list(rows.values()) for table, rows in out.items()}


def _summary(spec: EventSpec, e: dict[str, Any]) -> str:
    """One line from the event's own fields, styled by the spec ('MoU between A and B signed 2024-03')."""
    style = spec.summary
    orgs = _role_names(spec, "organisation")
    parties = [r["name"] for r in e["roles"] if r["role"] in orgs]
    parts = [(e["name"] or e["type"]) if style["head"] == "name_or_type" else e["type"]]
    if parties and style["parties"] == "between":
        parts.append("between " + " and ".join(parties) if len(parties) > 1 else "with " + parties[0])
    elif parties:
        parts.append("with " + ", ".join(parties[:4]))
    if e["start"] and style["date"] == "signed":
        parts.append(f"signed {e['start'][: {'year': 4, 'month': 7}.get(e['precision'] or 'day', 10)]}")
    elif e["start"]:
        parts.append(f"on {e['start']}" + (f" to {e['end']}" if e["end"] and e["end"] != e["start"] else ""))
    if e["location"]:
        parts.append(f"in {e['location']}")
    return " ".join(parts)
