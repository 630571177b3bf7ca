"""Per-article extraction records in, star-schema rows out.

`StarBuilder` is fed one article at a time (so a run streams) and resolves
entities across articles: one organisation however many articles spell it,
one person across title changes (type 2 versions), one agreement or meeting
however many articles report it. Ids are hashes of natural keys, so the same
input always gives the same ids.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from transforms.event_resolution import Mention, cluster, same_agreement, same_meeting
from transforms.knowledge import Knowledge, knowledge
from transforms.names import norm, stable_id


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
        for o in self.k.organisations:
            for f in (o.name, o.acronym, *o.aliases):
                if f:
                    self._registry_forms.setdefault(norm(f), o.name)

    def add(self, meta: ArticleMeta, record: dict[str, Any]) -> None:
        # The same text under two names is one article: the first source seen (by URI order) keeps it.
        prev = self.articles.get(meta.article_id)
        if prev is not None and prev.source_uri <= meta.source_uri:
            return
        self.articles[meta.article_id] = meta
        self.records[meta.article_id] = record

    # ---- organisations -------------------------------------------------------------------------
    def _resolve_orgs(self) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
        """Maps every (normalised) spelling to an organisation_id; returns the dimension rows too."""
        uf = _UnionFind()
        for rec in self.records.values():
            for o in rec["organisations"]:
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
        for rec in self.records.values():
            for o in rec["organisations"]:
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
    def _resolve_officials(self, org_ids: dict[str, str]
                           ) -> tuple[dict[tuple[str, str], str], list[dict], dict[str, list[dict]]]:
        """Type 2 versions per person: (article_id, person name) -> official_id valid at publication."""
        sightings: dict[str, list[tuple[dt.date, str, dict]]] = defaultdict(list)
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for aid, rec in self.records.items():
            pub = self.articles[aid].published_date or dt.date(1900, 1, 1)
            for p in rec["officials"]:
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
                if chain and norm(chain[-1]["title"]) == norm(p["title"]):
                    if not chain[-1]["organisation_id"] and p.get("organisation"):
                        chain[-1]["organisation_id"] = org_ids.get(norm(p["organisation"]))
                    continue
                chain.append({
                    "official_id": stable_id("official", person_id, norm(p["title"])),
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
                    vid = stable_id("official", person_id, norm(p["title"]))
                else:
                    valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= pub]
                    vid = (valid[-1] if valid else chain[0])["official_id"]
                lookup[(aid, pkey)] = vid
        return lookup, versions, chains

    # ---- the star ------------------------------------------------------------------------------
    def tables(self) -> dict[str, list[dict[str, Any]]]:
        org_ids, org_rows = self._resolve_orgs()
        off_ids, off_rows, chains = self._resolve_officials(org_ids)
        t: dict[str, list[dict[str, Any]]] = defaultdict(list)
        t["dim_organisations"] = sorted(org_rows.values(), key=lambda r: r["organisation_id"])
        t["dim_officials"] = sorted(off_rows, key=lambda r: r["official_id"])
        domain_ids = {d.name: stable_id("domain", d.name) for d in self.k.domains}
        t["dim_domains"] = [
            {"domain_id": domain_ids[d.name], "name": d.name, "parent": d.parent, "synonyms": list(d.synonyms)}
            for d in self.k.domains
        ]
        ag_mentions: list[Mention] = []
        mt_mentions: list[Mention] = []
        dates: set[dt.date] = set()
        for aid in sorted(self.articles, key=lambda a: (self.articles[a].published_date or dt.date.min, a)):
            meta, rec = self.articles[aid], self.records[aid]
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
            orgs_of = lambda names: frozenset(x for x in (org_ids.get(norm(n)) for n in names) if x)  # noqa: E731
            for i, a in enumerate(rec["agreements"]):
                ag_mentions.append(Mention(
                    aid, i, meta.published_date, a["type"], orgs_of(a["parties"]),
                    frozenset(norm(n) for n in a["signatories"] if norm(n) in known_people),
                    _date(a["date"]), _date(a["date"]), a["precision"], a["location"], None, a["evidence"], a))
            for i, m in enumerate(rec["meetings"]):
                mt_mentions.append(Mention(
                    aid, i, meta.published_date, m["type"], orgs_of(m["participants"]),
                    frozenset(norm(c["name"]) for c in m["chairs"] if norm(c["name"]) in known_people),
                    _date(m["start"]), _date(m["end"]), m["precision"], m["location"], m["name"], m["evidence"], m))

        def version(pkey: str, aid: str, when: dt.date | None) -> str | None:
            """The person's version valid on the event's date, else the one the article shows."""
            chain = chains.get(pkey)
            if chain and when:
                valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= when]
                if valid:
                    return valid[-1]["official_id"]
            return off_ids.get((aid, pkey))

        for e in cluster(ag_mentions, same_agreement, "agreement"):
            d = e.dated
            t["fact_agreements"].append({
                "agreement_id": e.id, "agreement_type": e.kind, "signed_date": d.start if d else None,
                "date_precision": d.precision if d else None, "location": e.best("location"),
                "summary": _agreement_summary(max(e.mentions, key=lambda m: m.order).raw),
            })
            if d:
                dates.add(d.start)
            for oid in sorted(frozenset().union(*(m.parties for m in e.mentions))):
                t["bridge_agreement_parties"].append({"agreement_id": e.id, "organisation_id": oid, "role": "party"})
            signs = {version(pk, m.article_id, d.start if d else m.published) for m in e.mentions for pk in m.people}
            t["bridge_agreement_signatories"] += [
                {"agreement_id": e.id, "official_id": v} for v in sorted(s for s in signs if s)]
            for aid in sorted({m.article_id for m in e.mentions}):
                ev = " ".join(m.evidence for m in e.mentions if m.article_id == aid)
                t["bridge_agreement_articles"].append({"agreement_id": e.id, "article_id": aid, "evidence": ev})
        participants: dict[str, dict[str, Any]] = {}
        for e in cluster(mt_mentions, same_meeting, "meeting"):
            d = e.dated
            t["fact_meetings"].append({
                "meeting_id": e.id, "meeting_type": e.kind, "name": e.best("name"),
                "start_date": d.start if d else None, "end_date": d.end if d else None,
                "date_precision": d.precision if d else None, "location": e.best("location"),
                "summary": _meeting_summary(max(e.mentions, key=lambda m: m.order).raw),
            })
            for x in (d.start, d.end) if d else ():
                if x:
                    dates.add(x)
            for oid in sorted(frozenset().union(*(m.parties for m in e.mentions))):
                _participant(participants, e.id, oid, None, "participant")
            for m in e.mentions:
                for c in m.raw["chairs"]:
                    pk = norm(c["name"])
                    if pk in m.people:
                        vid = version(pk, m.article_id, d.start if d else m.published)
                        if vid:
                            _participant(participants, e.id, None, vid, c["role"])
            for aid in sorted({m.article_id for m in e.mentions}):
                ev = " ".join(m.evidence for m in e.mentions if m.article_id == aid)
                t["bridge_meeting_articles"].append({"meeting_id": e.id, "article_id": aid, "evidence": ev})
        t["fact_agreements"].sort(key=lambda r: r["agreement_id"])
        t["fact_meetings"].sort(key=lambda r: r["meeting_id"])
        for name in ("bridge_agreement_parties", "bridge_agreement_signatories", "bridge_agreement_articles",
                     "bridge_meeting_articles"):
            t[name].sort(key=lambda r: tuple(str(v) for v in r.values()))
        t["bridge_meeting_participants"] = sorted(participants.values(), key=lambda r: r["participant_id"])
        for v in off_rows:
            for d in (v["valid_from"], v["valid_to"]):
                if d:
                    dates.add(d)
        t["dim_dates"] = _calendar(dates)
        return dict(t)


def _participant(rows: dict[str, dict[str, Any]], mid: str, oid: str | None, fid: str | None, role: str) -> None:
    pid = stable_id("participant", mid, oid, fid)
    rows.setdefault(pid, {"participant_id": pid, "meeting_id": mid, "organisation_id": oid, "official_id": fid,
                          "role": role})


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


def _agreement_summary(a: dict[str, Any]) -> str:
    parts = [a["type"]]
    if a["parties"]:
        parts.append("between " + " and ".join(a["parties"]) if len(a["parties"]) > 1 else "with " + a["parties"][0])
    if a["date"]:
        parts.append(f"signed {a['date'][: {'year': 4, 'month': 7}.get(a['precision'] or 'day', 10)]}")
    if a["location"]:
        parts.append(f"in {a['location']}")
    return " ".join(parts)


def _meeting_summary(m: dict[str, Any]) -> str:
    parts = [m["name"] or m["type"]]
    if m["participants"]:
        parts.append("with " + ", ".join(m["participants"][:4]))
    if m["start"]:
        parts.append(f"on {m['start']}" + (f" to {m['end']}" if m["end"] and m["end"] != m["start"] else ""))
    if m["location"]:
        parts.append(f"in {m['location']}")
    return " ".join(parts)
