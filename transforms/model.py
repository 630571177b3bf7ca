"""Per-article extraction records in, star-schema rows out, as a fold.

`ModelState` takes articles in one fixed order (publication date, then the run
that read them, then id: `fold_key`) and resolves entities across them: one
organisation however many articles spell it, one person across title changes
(type 2 versions), one agreement or meeting however many articles report it.
Folding a run's new articles onto the state the last run left gives the state
one pass over all articles gives, so a run costs what is new: `fold` returns
only the rows that changed (a `Delta`), and a full build is the delta of every
article from an empty state. Ids are hashes of natural keys, fixed when an
entity is first seen.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from schemas import Table
from transforms.event_resolution import RESOLUTIONS, Clusterer, Event, Mention, event_days
from transforms.knowledge import Knowledge, knowledge
from transforms.names import norm, stable_id
from transforms.official_versions import NO_DATE, Person, Sighting, dated_shape, version_on, versions
from transforms.org_resolution import Organisations, Owner
from transforms.record import ArticleRecord
from transforms.specs import EventSpec
from transforms.state_store import StateStore, StoredSet, Touched

FoldKey = tuple[dt.date, str, str]


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
    ingest_run: str = ""  # the run that first read it: runs sort by their start


def fold_key(meta: ArticleMeta) -> FoldKey:
    """Where an article stands in the fold: by publication date, so the order sources are read in does not
    change the warehouse; articles of one day in the order of the runs that read them, so a run's news of
    the last day still goes on top of the state the last run left."""
    return (meta.published_date or dt.date.min, meta.ingest_run, meta.article_id)


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def fiscal_year(d: dt.date) -> str:
    start = d.year if d.month >= 4 else d.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


class _Entities(NamedTuple):
    """What an article's entity bridges are made of, kept to write them again when an id they use
    changes: organisation ids (as resolved when read) with mentions; (person, title key, mentions)."""

    published: dt.date
    orgs: dict[str, int]
    officials: list[tuple[str, str | None, int]]


Rows = dict[str, list[dict[str, Any]]]
RowMaker = Callable[[], Iterable[Rows]]  # a group of tables' rows, a chunk of owners at a time
CHUNK = 2_000  # owners whose rows are made together
T = TypeVar("T")


@dataclass
class Delta:
    """Rows that changed: for each table, the owner column and the owners whose rows are replaced
    (`replace`), and their new rows; tables in `whole` are replaced whole. The rows of a group of tables
    are made when the first of them is taken (`take`), from the state as the fold left it: a full build's
    rows (a million dicts at 100,000 articles) are never all in memory at once."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    replace: dict[str, tuple[str, set[str]]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)
    pending: list[tuple[frozenset[str], RowMaker]] = field(default_factory=list)
    # A fold from an empty state: its rows are every table whole, and no owners are kept (at 100,000
    # articles they would be sets of every id, for nothing).
    everything: bool = False

    def owners(self, table: str, column: str, values: Iterable[str]) -> None:
        if not self.everything:
            self.replace.setdefault(table, (column, set()))[1].update(values)

    def later(self, tables: Iterable[str], make: RowMaker) -> None:
        """Rows of these tables, made by `make` when one of them is first taken."""
        self.pending.append((frozenset(tables), make))

    def take(self, table: str) -> list[dict[str, Any]]:
        """A table's rows, given up by the delta (each table is taken once)."""
        for group in [g for g in self.pending if table in g[0]]:
            self.pending.remove(group)
            for chunk in group[1]():
                for name, rows in chunk.items():
                    self.rows[name] += rows
        return self.rows.pop(table, [])

    def drain(self, sink: Callable[[str, list[dict[str, Any]]], None]) -> None:
        """Every table's rows, handed to `sink` a chunk at a time (to be written out as typed Arrow), so no
        more than a chunk of rows is ever held as Python objects."""
        for name in list(self.rows):
            sink(name, self.rows.pop(name))
        while self.pending:
            _, make = self.pending.pop(0)
            for chunk in make():
                for name, rows in chunk.items():
                    if rows:
                        sink(name, rows)


class OutOfOrder(ValueError):
    """Articles that sort before what the state already holds: the state cannot take them."""


TITLE_KEYS_CACHED = 50_000  # titles whose key (`ModelState._title_key`) is remembered


class ModelState:
    """Everything modelling knows after folding articles in `fold_key` order. What grows with the corpus
    (per-article entities, users of ids, events, people, organisations and their spellings, the ids a fold
    touched) is in its `StateStore`, behind bounded caches; a few scalars are in memory and written into the
    store by `settle`. The run keeps the store's file beside the version it published and the next run goes on
    from it (`resume`)."""

    def __init__(self, k: Knowledge | None = None, key: str = "", store: StateStore | None = None):
        self.key = key  # what made it (extractor and model versions): another key starts from empty
        self.k = k or knowledge()
        self.store = store or StateStore()
        self.store.event_days, self.store.person_days = event_days, person_days
        self.last: FoldKey | None = None
        self.published: tuple[dt.date, dt.date] | None = None
        registry: dict[str, str] = {}
        for o in self.k.organisations:
            for f in (o.name, o.acronym, *o.aliases):
                # "Army" alone is the Indian Army only where the story names India, and then the extractor
                # writes the registry's name: a bare "Army" of another story is no registry body's.
                if f and not (o.country and o.name.lower().endswith(" " + f.lower())):
                    registry.setdefault(norm(f), o.name)
        self.orgs = Organisations(registry, self.store)
        self.clusterers = {s.name: Clusterer(RESOLUTIONS[s.resolution], s.name, self.store) for s in self.k.events}
        # Honorifics in front of a title ("Hon'ble Raksha Mantri") do not make another title.
        self._title_honorifics = tuple(sorted({norm(h) + " " for h in self.k.honorifics}, key=len, reverse=True))
        self._title_keys: dict[str, str] = {}

    def settle(self) -> None:
        """Writes what is in memory into the store: its file is then the whole state. What the last fold
        touched is dropped (the next fold starts its own), so its delta's rows are taken before this."""
        self.store.touched.clear()
        self.store.put_meta("key", self.key)
        self.store.put_meta("state", {"last": self.last, "published": self.published, "orgs_made": self.orgs.made})
        self.store.commit()

    @classmethod
    def resume(cls, store: StateStore, key: str, k: Knowledge) -> ModelState | None:
        """The state a closed store holds, if it was made with this key (else None: model from empty)."""
        if store.meta("key") != key:
            return None
        saved = store.meta("state")
        made = cls(k, key, store)
        made.last, made.published, made.orgs.made = saved["last"], saved["published"], saved["orgs_made"]
        return made

    def hashes(self) -> set[str]:
        """The content hashes of the articles folded."""
        return set(self.store.hashes())

    def sources(self) -> set[str]:
        return set(self.store.sources())

    def sorted_hashes(self) -> Iterator[str]:
        """The content hashes of the articles folded, in order, one at a time (the store sorts them)."""
        return self.store.sorted_hashes()

    # ---- the fold -------------------------------------------------------------------------------
    def fold(self, articles: Iterable[tuple[ArticleMeta, dict[str, Any]]]) -> Delta:
        """Takes articles (in `fold_key` order, all after what the state holds) and returns the rows
        they change."""
        touched = self.store.touched  # "a": articles, "p": people, (spec,): events, "read": those folded
        touched.clear()
        delta = Delta(everything=self.last is None)
        folded = touched["read"]
        for meta, rec in articles:
            key = fold_key(meta)
            if self.last is not None and key <= self.last:
                raise OutOfOrder(f"article {meta.article_id} sorts before the state's last ({self.last})")
            self.last = key
            self._fold_article(meta, rec, touched)
            folded.add(meta.article_id)
            self.store.trim()  # between articles: the fold holds none of the cache's objects
        self._rows(touched, delta, folded)
        return delta

    def _fold_article(self, meta: ArticleMeta, rec: dict[str, Any], touched: Touched) -> None:
        aid, pub = meta.article_id, meta.published_date
        for owners in self.orgs.add_article(rec["organisations"]):
            self._rename(owners, touched)
        if pub:
            lo, hi = self.published or (pub, pub)
            self.published = (min(lo, pub), max(hi, pub))
        domains = [(d["name"], d["mentions"]) for d in rec["domains"]]
        self.store.add_article(aid, meta.content_hash, meta.source_uri,
                               self._fold_entities(aid, pub or NO_DATE, rec, touched), (meta, domains))
        known_people = {norm(p["name"]) for p in rec["officials"]}
        for spec in self.k.events:
            for i, e in enumerate(rec["events"].get(spec.name, [])):
                self._fold_mention(spec, _mention(spec, aid, i, pub, e, self.orgs.resolve, known_people), touched)

    def _fold_entities(self, aid: str, pub: dt.date, rec: dict[str, Any], touched: Touched
                       ) -> _Entities:
        """The article's organisations (as ids) and officials (as sightings of a person), kept so its
        bridges can be written again when an id they use changes."""
        orgs: Counter[str] = Counter()
        for o in rec["organisations"]:
            orgs[self.orgs.resolve(o["name"])] += max(1, o.get("mentions") or 1)  # type: ignore[index]
        for oid in orgs:
            self.orgs.use(oid, ("a", aid))
        officials = []
        for p in rec["officials"]:
            pkey, title = norm(p["name"]), p.get("title")
            tk = self._title_key(title) if title else None
            org = self.orgs.use(self.orgs.resolve(p.get("organisation")), ("p", pkey))
            person = self.store.people.get(pkey) or Person()
            person.add(p["name"], Sighting(pub, aid, title, tk or "", p.get("rank"), org))
            self.store.people.put(pkey, person)
            officials.append((pkey, tk, max(1, p.get("mentions") or 1)))
            if tk is None:
                self.store.person_users.add(pkey, ("a", aid))  # its version is looked up by date: see `_rows`
            touched["p"].add(pkey)
        touched["a"].add(aid)
        return _Entities(pub, dict(orgs), officials)

    def _fold_mention(self, spec: EventSpec, m: Mention, touched: Touched) -> None:
        ev = self.clusterers[spec.name].add(m)
        owner = ("e", spec.name, ev.id)
        for oid in m.parties:
            self.orgs.use(oid, owner)
        for pk in m.people:
            self.store.person_users.add(pk, owner)
        touched[spec.name].add(ev.id)

    def _rename(self, change: tuple[str, str, set[Owner]], touched: Touched) -> None:
        """Two organisations found to be one: the rows that used the id given up are written again, and
        events naming it compare with the id that stands from now on."""
        gone, keep, owners = change
        for owner in owners:
            if owner[0] == "e":
                _, spec, eid = owner
                c = self.clusterers[spec]  # type: ignore[index]
                c.rename_party(c.by_id(eid), gone, keep)  # type: ignore[arg-type]
                touched[str(spec)].add(str(eid))
            elif owner[0] == "a":
                touched["a"].add(str(owner[1]))
            elif owner[0] == "p":
                touched["p"].add(str(owner[1]))  # organisations it names are touched by `Organisations`

    def _title_key(self, title: str) -> str:
        """A title as versions compare it: normalised, without the honorifics in front of it, so a person
        titled "Hon'ble Raksha Mantri" and "Raksha Mantri" has one version, not two."""
        found = self._title_keys.get(title)
        if found is not None:
            return found
        key = norm(title)
        while stripped := next((key[len(h):] for h in self._title_honorifics if key.startswith(h)), None):
            key = stripped
        if len(self._title_keys) >= TITLE_KEYS_CACHED:
            self._title_keys.clear()  # a cache, bounded: titles grow with the corpus
        self._title_keys[title] = key
        return key

    # ---- rows -----------------------------------------------------------------------------------
    def _article_rows(self, articles: list[str]) -> Rows:
        """The rows an article alone decides, made once, for the fold that read it."""
        domain_ids = self._domain_ids()
        out: Rows = {"dim_articles": [], "bridge_article_domains": []}
        for aid in articles:
            meta, domains = self.store.article_facts(aid)
            out["dim_articles"].append({
                "article_id": aid, "source_uri": meta.source_uri, "url": meta.url, "title": meta.title,
                "published_date": meta.published_date, "content_hash": meta.content_hash,
                "word_count": meta.word_count, "read_at": meta.read_at, "repairs": list(meta.repairs)})
            out["bridge_article_domains"] += [{"article_id": aid, "domain_id": domain_ids[name], "mentions": n}
                                              for name, n in domains if name in domain_ids]
        return out

    def _domain_ids(self) -> dict[str, str]:
        return {d.name: stable_id("domain", d.name) for d in self.k.domains}

    def _rows(self, touched: Touched, delta: Delta, folded: StoredSet) -> None:
        """The rows of everything the fold touched: the articles it read, organisations, people (whose
        changed chains touch the rows that looked versions up), articles' entity bridges, events; dates
        and domains whole. The state is settled now; the rows are made as the delta's tables are taken,
        a chunk of owners at a time, the owners read from the store in order (a full build's are every id)."""
        for table in ("dim_articles", "bridge_article_domains"):
            delta.owners(table, "article_id", folded)
        delta.later(["dim_articles", "bridge_article_domains"], lambda: _in_chunks(folded, self._article_rows))
        delta.owners("dim_organisations", "organisation_id", self.orgs.changed())
        delta.later(["dim_organisations"], lambda: _in_chunks(
            self.orgs.changed_live(), lambda part: {"dim_organisations": [self.orgs.row(o) for o in part]}))
        for part in touched["p"].chunks(CHUNK):
            for pkey in part:
                self._settle_person(pkey, touched, delta)
        delta.later(["dim_officials"], lambda: _in_chunks(touched["p"], self._official_rows))
        for table in ("bridge_article_organisations", "bridge_article_officials"):
            delta.owners(table, "article_id", touched["a"])
        delta.later(["bridge_article_organisations", "bridge_article_officials"],
                    lambda: _in_chunks(touched["a"], self._entity_rows))
        for spec in self.k.events:
            for table in _tables_of(spec):
                delta.owners(table, spec.id_column, touched[spec.name])
            event_rows = functools.partial(self._event_rows, spec)
            delta.later(_tables_of(spec), functools.partial(_in_chunks, touched[spec.name], event_rows))
        delta.whole |= {"dim_dates", "dim_domains"}
        delta.rows["dim_dates"] = _calendar(self._dates())
        delta.rows["dim_domains"] = [
            {"domain_id": stable_id("domain", d.name), "name": d.name, "parent": d.parent, "synonyms": list(d.synonyms)}
            for d in self.k.domains]

    def _settle_person(self, pkey: str, touched: Touched, delta: Delta) -> None:
        """A touched person's chain of versions made again: where its dated shape changed, the rows that
        looked a version up by date are touched too."""
        person = self._person(pkey)
        chain = versions(pkey, person)
        if dated_shape(chain) != dated_shape(person.chain):
            for owner in self.store.person_users.of(pkey):
                touched["a" if owner[0] == "a" else str(owner[1])].add(str(owner[-1]))
        person.chain = chain
        self.store.people.put(pkey, person)
        self.store.trim()
        delta.owners("dim_officials", "person_id", [stable_id("person", pkey)])

    def _official_rows(self, people: list[str]) -> Rows:
        rows = []
        for pkey in people:
            rows += [self._official_row(v) for v in self._person(pkey).chain]
            self.store.trim()
        return {"dim_officials": rows}

    def _official_row(self, v: dict[str, Any]) -> dict[str, Any]:
        row = {k: x for k, x in v.items() if k != "_key"}
        row["organisation_id"] = self.orgs.current(v["organisation_id"]) if v["organisation_id"] else None
        return row

    def _entity_rows(self, articles: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The articles' bridges to organisations and officials, by the ids that stand now."""
        orgs_rows: list[dict[str, Any]] = []
        officials_rows: list[dict[str, Any]] = []
        for aid in articles:
            self.store.trim()
            ent = self.store.entities(aid)
            orgs: Counter[str] = Counter()
            for oid, n in ent.orgs.items():
                orgs[self.orgs.current(oid)] += n
            offs: Counter[str] = Counter()
            for pkey, tk, n in ent.officials:
                offs[self._official_id(pkey, tk, ent.published)] += n
            orgs_rows += [{"article_id": aid, "organisation_id": o, "mentions": n} for o, n in sorted(orgs.items())]
            officials_rows += [{"article_id": aid, "official_id": v, "mentions": n} for v, n in sorted(offs.items())]
        return {"bridge_article_organisations": orgs_rows, "bridge_article_officials": officials_rows}

    def _official_id(self, pkey: str, title_key: str | None, published: dt.date) -> str:
        """The version an article shows: its title's, else the one valid when it was published."""
        if title_key is not None:
            return stable_id("official", stable_id("person", pkey), title_key)
        return version_on(self._person(pkey).chain, published)  # type: ignore[return-value]

    def _version(self, pkey: str, aid: str, when: dt.date | None) -> str | None:
        """The person's version valid on the event's date, else the one the article shows."""
        person = self.store.people.get(pkey)
        chain = person.chain if person else None
        if chain and when:
            valid = [v for v in chain if v["valid_from"] is None or v["valid_from"] <= when]
            if valid:
                return valid[-1]["official_id"]
        ent = self.store.entities(aid)
        found = next(((pk, tk) for pk, tk, _ in ent.officials if pk == pkey), None) if ent else None
        return self._official_id(pkey, found[1], ent.published) if found and ent else None

    def _event_rows(self, spec: EventSpec, eids: list[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for eid in eids:
            self.store.trim()  # rows are made after the fold: no object of the cache is held between events
            for table, rows in _event_tables(spec, self.clusterers[spec.name].by_id(eid), self.orgs.current,
                                             self._version, self.k.tables).items():
                out[table] += rows
        return out

    def _person(self, pkey: str) -> Person:
        found = self.store.people.get(pkey)
        if found is None:
            raise KeyError(f"no person {pkey!r} in the model state")
        return found

    def _dates(self) -> set[dt.date]:
        """The first and last dates anything is dated (the calendar spans them)."""
        dates: set[dt.date] = set(self.published or ())
        dates.update(dt.date.fromordinal(d) for d in self.store.days() if d is not None)
        return dates


def person_days(person: Person) -> tuple[int | None, int | None]:
    """The first and last day (ordinals) a person's versions are dated, for the calendar (`StateStore.days`)."""
    days = [x.toordinal() for v in person.chain for x in (v["valid_from"], v["valid_to"]) if x]
    return (min(days), max(days)) if days else (None, None)


class StarBuilder:
    """Accumulates articles in any order; `tables()` folds them in `fold_key` order from an empty state
    and returns the rows of every published table, each sorted by its key."""

    def __init__(self, k: Knowledge | None = None):
        self.k = k or knowledge()
        self.articles: dict[str, tuple[ArticleMeta, dict[str, Any] | str]] = {}

    def add(self, meta: ArticleMeta, record: ArticleRecord) -> None:
        self.add_stored(meta, record.to_dict())

    def add_stored(self, meta: ArticleMeta, record: dict[str, Any] | str) -> None:
        """An article with its record as the extraction store keeps it (`ArticleRecord.to_dict()`, or that
        as JSON text). The same text under two names is one article: the first source (by URI) keeps it."""
        prev = self.articles.get(meta.article_id)
        if prev is None or meta.source_uri < prev[0].source_uri:
            self.articles[meta.article_id] = (meta, record)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        state = ModelState(self.k)
        delta = state.fold(parsed(sorted(self.articles.values(), key=lambda a: fold_key(a[0]))))
        out: dict[str, list[dict[str, Any]]] = {}
        for name, table in self.k.tables.items():
            key = table.key
            out[name] = sorted(delta.take(name), key=lambda r: tuple(str(r[c]) for c in key))
        return out


def parsed(items: Iterable[tuple[ArticleMeta, dict[str, Any] | str]]
           ) -> Iterator[tuple[ArticleMeta, dict[str, Any]]]:
    """Records read from their stored text one at a time, never all held parsed at once; a list given
    is emptied as it is read, so each record's text is freed once folded."""
    import orjson

    if isinstance(items, list):
        items.reverse()
        while items:
            meta, rec = items.pop()
            yield meta, (orjson.loads(rec) if isinstance(rec, str) else rec)
        return
    for meta, rec in items:
        yield meta, (orjson.loads(rec) if isinstance(rec, str) else rec)


def _in_chunks(owners: Iterable[T], make: Callable[[list[T]], Rows]) -> Iterator[Rows]:
    """The rows of a few thousand owners at a time."""
    part: list[T] = []
    for owner in owners:
        part.append(owner)
        if len(part) == CHUNK:
            yield make(part)
            part = []
    if part:
        yield make(part)


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
             resolve: Callable[[str], str | None], known_people: set[str]) -> Mention:
    """One article's report of an event, with its organisations as ids and its officials as person keys."""
    orgs, people = _role_names(spec, "organisation"), _role_names(spec, "official")
    parties = frozenset(x for x in (resolve(r["name"]) for r in e["roles"] if r["role"] in orgs) if x)
    persons = frozenset(norm(r["name"]) for r in e["roles"] if r["role"] in people and norm(r["name"]) in known_people)
    return Mention(aid, index, published, e["type"], parties, persons, _date(e["start"]), _date(e["end"]),
                   e["precision"], e["location"], e["name"], e["evidence"],
                   tuple((r["role"], r["name"]) for r in e["roles"]))


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


def _event_tables(spec: EventSpec, e: Event, current: Callable[[str], str],
                  version: Callable[[str, str, dt.date | None], str | None],
                  tables: Mapping[str, Table]) -> dict[str, list[dict[str, Any]]]:
    """One real event's rows: its fact row, one bridge row per role filler and per reporting article."""
    out: dict[str, dict[tuple, dict[str, Any]]] = defaultdict(dict)
    id_col = spec.id_column
    people_roles = {r.role: r for r in spec.roles_of("official")}
    d = e.dated
    values = {"id": e.id, "type": e.kind, "name": e.best("name"), "start": d.start if d else None,
              "end": d.end if d else None, "precision": d.precision if d else None,
              "location": e.best("location"), "summary": _summary(spec, max(e.mentions, key=lambda m: m.order))}
    out[spec.fact_table][(e.id,)] = {col: values[f] for f, col in spec.fact_columns.items()}

    def add(table: str, vals: dict[str, Any]) -> None:
        row = _bridge_row(tables[table], id_col, e.id, vals)
        out[table].setdefault(tuple(row[c] for c in tables[table].key), row)

    parties = sorted({current(p) for m in e.mentions for p in m.parties})
    for role in spec.roles_of("organisation"):
        for oid in parties:
            add(role.table, {"organisation_id": oid, "role": role.role})
    for m in e.mentions:
        for role_name, filler in m.roles:
            pk = norm(filler)
            if role_name in people_roles and pk in m.people:
                vid = version(pk, m.article_id, d.start if d else m.published)
                if vid:
                    add(people_roles[role_name].table, {"official_id": vid, "role": role_name})
    evidence: dict[str, list[str]] = defaultdict(list)
    for m in e.mentions:
        evidence[m.article_id].append(m.evidence)
    for aid in sorted(evidence):
        add(spec.articles_table, {"article_id": aid, "evidence": " ".join(evidence[aid])})
    return {table: list(rows.values()) for table, rows in out.items()}


def _summary(spec: EventSpec, m: Mention) -> str:
    """One line from a report's own fields, styled by the spec ('MoU between A and B signed 2024-03')."""
    style = spec.summary
    orgs = _role_names(spec, "organisation")
    parties = [name for role, name in m.roles if role in orgs]
    parts = [(m.name or m.kind) if style["head"] == "name_or_type" else m.kind]
    if parties and style["parties"] == "between":
        parts.append("between " + " and ".join(parties) if len(parties) > 1 else "with " + parties[0])
    elif parties:
        parts.append("with " + ", ".join(parties[:4]))
    start = m.start.isoformat() if m.start else None
    if start and style["date"] == "signed":
        parts.append(f"signed {start[: {'year': 4, 'month': 7}.get(m.precision or 'day', 10)]}")
    elif start:
        end = m.end.isoformat() if m.end else None
        parts.append(f"on {start}" + (f" to {end}" if end and end != start else ""))
    if m.location:
        parts.append(f"in {m.location}")
    return " ".join(parts)
