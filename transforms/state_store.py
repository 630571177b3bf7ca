"""Modelling's memory of every article it has folded, kept in SQLite so that memory does not grow with the corpus.

A fold must remember, for each article, what it named (to write its bridges again when an id it used
changes), who used each organisation and person (to know which rows a change touches), and every event
reported so far (to compare new reports with). That is kilobytes an article: gigabytes at a million. Here
it lives in one SQLite file (or in memory, for a fold nobody keeps): rows written once per article, users
of ids as a table, the clusterers' blocking index as a table, events, people and organisations as pickled
rows behind a write-back cache of those in use, the organisations' union-find over spellings as a map behind
a cache of its own (`StoredMap`), and the ids a fold touched (a full build touches every one) as a table
read back in chunks (`StoredSet`). Memory then holds what the articles being folded touch, whatever the
corpus's size.

The store is a faithful map: a fold gives the same rows whatever the cache's size. Objects from the cache
are only pushed out (`trim`) between articles, when the fold holds no reference to them.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

Owner = tuple[Hashable, ...]  # whose rows use an id: ("a", article), ("e", spec, event), ("p", person), ("o", org)
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS articles(aid TEXT PRIMARY KEY, hash TEXT NOT NULL, source TEXT NOT NULL,
                                    entities BLOB NOT NULL, facts BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS users(kind TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL,
                                 PRIMARY KEY (kind, id, owner)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events(spec TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, body BLOB,
                                  first_day INTEGER, last_day INTEGER, PRIMARY KEY (spec, seq));
CREATE INDEX IF NOT EXISTS events_by_id ON events(spec, id);
CREATE TABLE IF NOT EXISTS event_keys(spec TEXT NOT NULL, key TEXT NOT NULL, dated INTEGER, bin INTEGER,
                                      seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS event_keys_by_key ON event_keys(spec, key, dated, bin);
CREATE INDEX IF NOT EXISTS event_keys_by_event ON event_keys(spec, seq);
CREATE TABLE IF NOT EXISTS people(pkey TEXT PRIMARY KEY, body BLOB NOT NULL, first_day INTEGER, last_day INTEGER);
CREATE TABLE IF NOT EXISTS org_clusters(oid TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS maps(name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                                PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS touched(kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
"""
EVENTS_CACHED = 20_000  # events in use kept as objects (a few KB each): the recent ones new reports compare with
PEOPLE_CACHED = 20_000
ORGS_CACHED = 20_000  # organisations in use (their spellings and counts); the rest grow only in the file
FORMS_CACHED = 50_000  # entries of each of the organisations' maps (spelling -> root, root -> id, ...) in use
TOUCHED_BUFFER = 10_000  # ids a fold touched, buffered before they are written
_SEP = "\x1f"  # joins an owner's parts in one text column


def _dumped(value: Any) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def _owner_text(owner: Owner) -> str:
    return _SEP.join(str(x) for x in owner)


def _owner(text: str) -> Owner:
    return tuple(text.split(_SEP))


class WriteBack(Generic[K, V]):
    """Objects in use, read from the store on first use and written back (if marked changed) when pushed
    out by `trim` or written by `flush`."""

    def __init__(self, load: Callable[[K], V | None], save: Callable[[list[tuple[K, V]]], None], size: int,
                 delete: Callable[[K], None] | None = None):
        self._load, self._save, self.size, self._delete = load, save, size, delete
        self.items: OrderedDict[K, V] = OrderedDict()
        self.changed: set[K] = set()

    def get(self, key: K) -> V | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
            return found
        found = self._load(key)
        if found is not None:
            self.items[key] = found
        return found

    def put(self, key: K, value: V) -> None:
        """A new object, or one changed in place: written back before it leaves."""
        self.items[key] = value
        self.items.move_to_end(key)
        self.changed.add(key)

    def peek(self, key: K) -> V | None:
        """The object, read without keeping it (for reading many once, as rows are made, in bounded memory)."""
        found = self.items.get(key)
        return found if found is not None else self._load(key)

    def discard(self, key: K) -> None:
        """An object gone for good: out of the cache and the store."""
        self.items.pop(key, None)
        self.changed.discard(key)
        if self._delete is not None:
            self._delete(key)

    def trim(self) -> None:
        """Pushes out the least recently used beyond the cache's size (only between articles)."""
        out: list[tuple[K, V]] = []
        while len(self.items) > self.size:
            key, value = self.items.popitem(last=False)
            if key in self.changed:
                self.changed.discard(key)
                out.append((key, value))
        if out:
            self._save(out)

    def flush(self) -> None:
        if self.changed:
            self._save([(k, self.items[k]) for k in self.changed])
            self.changed.clear()


_ABSENT = ""  # a `StoredMap`'s cached answer for a key it does not hold (its values are never empty)


class StoredMap:
    """A text-to-text map in the store's `maps` table under `name`, the entries in use in a `WriteBack` cache
    (which remembers keys the map does not hold too: most lookups of a name never seen are asked again). The
    organisations' union-find over spellings lives here: it grows with the organisations named, which grow with
    the corpus."""

    def __init__(self, db: sqlite3.Connection, name: str, size: int):
        self.db, self.name = db, name
        self._cache: WriteBack[str, str] = WriteBack(self._load, self._save, size)

    def get(self, key: str, default: str | None = None) -> str | None:
        return self._cache.get(key) or default

    def __contains__(self, key: str) -> bool:
        return bool(self._cache.get(key))

    def __getitem__(self, key: str) -> str:
        value = self._cache.get(key)
        if not value:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: str) -> None:
        self._cache.put(key, value)

    def __len__(self) -> int:
        self.flush()
        return self.db.execute("SELECT count(*) FROM maps WHERE name = ?", (self.name,)).fetchone()[0]

    def setdefault(self, key: str, value: str) -> str:
        found = self._cache.get(key)
        if not found:
            self._cache.put(key, value)
        return found or value

    def pop(self, key: str, default: str | None = None) -> str | None:
        found = self._cache.get(key)
        if found:
            self._cache.put(key, _ABSENT)  # removed from the table when written back
        return found or default

    def trim(self) -> None:
        self._cache.trim()

    def flush(self) -> None:
        self._cache.flush()

    def _load(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM maps WHERE name = ? AND key = ?", (self.name, key)).fetchone()
        return row[0] if row else _ABSENT

    def _save(self, entries: list[tuple[str, str]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO maps VALUES (?, ?, ?)",
                            [(self.name, k, v) for k, v in entries if v])
        self.db.executemany("DELETE FROM maps WHERE name = ? AND key = ?",
                            [(self.name, k) for k, v in entries if not v])


class StoredSet:
    """The ids of one kind a fold touched, in the store's `touched` table: a full build touches every article,
    person, event and organisation, and that many ids are not kept in memory. Additions are buffered."""

    def __init__(self, db: sqlite3.Connection, kind: str):
        self.db, self.kind = db, kind
        self._pending: set[str] = set()

    def add(self, key: str) -> None:
        self._pending.add(key)
        if len(self._pending) >= TOUCHED_BUFFER:
            self.flush()

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)

    def forget_pending(self) -> None:
        """Drops the ids not yet written (the table is emptied with them: `Touched.clear`)."""
        self._pending.clear()

    def flush(self) -> None:
        if self._pending:
            self.db.executemany("INSERT OR IGNORE INTO touched VALUES (?, ?)",
                                [(self.kind, k) for k in sorted(self._pending)])
            self._pending.clear()

    def chunks(self, size: int) -> Iterator[list[str]]:
        """The ids in order, `size` at a time, each chunk a query of its own (the caller may write to the
        store between chunks)."""
        self.flush()
        last = ""
        while chunk := [r[0] for r in self.db.execute(
                "SELECT id FROM touched WHERE kind = ? AND id > ? ORDER BY id LIMIT ?", (self.kind, last, size))]:
            yield chunk
            last = chunk[-1]

    def __iter__(self) -> Iterator[str]:
        for chunk in self.chunks(TOUCHED_BUFFER):
            yield from chunk


class Touched:
    """The ids a fold touched, a `StoredSet` for each kind, emptied when a fold starts."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.kinds: dict[str, StoredSet] = {}

    def __getitem__(self, kind: str) -> StoredSet:
        if kind not in self.kinds:
            self.kinds[kind] = StoredSet(self.db, kind)
        return self.kinds[kind]

    def clear(self) -> None:
        for kind in self.kinds.values():
            kind.forget_pending()
        self.db.execute("DELETE FROM touched")


class Users:
    """Who uses each id (an organisation's or a person's), so a change to it knows which rows to write again.
    Additions are buffered and written in batches."""

    def __init__(self, db: sqlite3.Connection, kind: str):
        self.db, self.kind = db, kind
        self._pending: list[tuple[str, str, str]] = []

    def add(self, key: str, owner: Owner) -> None:
        self._pending.append((self.kind, key, _owner_text(owner)))
        if len(self._pending) >= 10_000:
            self.flush()

    def add_all(self, key: str, owners: Iterable[Owner]) -> None:
        for owner in owners:
            self.add(key, owner)

    def of(self, key: str) -> set[Owner]:
        self.flush()
        rows = self.db.execute("SELECT owner FROM users WHERE kind = ? AND id = ?", (self.kind, key))
        return {_owner(r[0]) for r in rows}

    def pop(self, key: str) -> set[Owner]:
        found = self.of(key)
        self.db.execute("DELETE FROM users WHERE kind = ? AND id = ?", (self.kind, key))
        return found

    def flush(self) -> None:
        if self._pending:
            self.db.executemany("INSERT OR IGNORE INTO users VALUES (?, ?, ?)", self._pending)
            self._pending.clear()


class StateStore:
    """One fold's memory: in a file (`path`) that a run keeps beside its version, or in memory."""

    def __init__(self, path: Path | None = None, *, events_cached: int = EVENTS_CACHED,
                 people_cached: int = PEOPLE_CACHED, orgs_cached: int = ORGS_CACHED,
                 forms_cached: int = FORMS_CACHED):
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -32768", "temp_store = FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.org_users, self.person_users = Users(self.db, "o"), Users(self.db, "p")
        self.events: WriteBack[tuple[str, int], Any] = WriteBack(self._load_event, self._save_events, events_cached)
        self.people: WriteBack[str, Any] = WriteBack(self._load_person, self._save_people, people_cached)
        self.org_clusters: WriteBack[str, Any] = WriteBack(self._load_cluster, self._save_clusters, orgs_cached,
                                                           self._delete_cluster)
        self.org_forms = {name: StoredMap(self.db, name, forms_cached)
                          for name in ("org_parent", "org_root_id", "org_other_form", "org_redirect")}
        self.touched = Touched(self.db)
        self.event_days: Callable[[Any], tuple[int | None, int | None]] = lambda e: (None, None)
        self.person_days: Callable[[Any], tuple[int | None, int | None]] = lambda p: (None, None)

    # ---- articles ---------------------------------------------------------------------------------
    def add_article(self, aid: str, content_hash: str, source: str, entities: Any, facts: Any) -> None:
        """An article's entities (read whenever its bridges are written again) and its facts (read once,
        for its own rows)."""
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)",
                        (aid, content_hash, source, _dumped(entities), _dumped(facts)))

    def article_facts(self, aid: str) -> Any:
        return self._loaded("SELECT facts FROM articles WHERE aid = ?", (aid,))

    def entities(self, aid: str) -> Any:
        return self._loaded("SELECT entities FROM articles WHERE aid = ?", (aid,))

    def _loaded(self, sql: str, args: tuple[Any, ...]) -> Any:
        """The one pickled value a query selects, or None where there is none."""
        row = self.db.execute(sql, args).fetchone()
        return pickle.loads(row[0]) if row and row[0] is not None else None  # noqa: S301 (written by this store)

    def hashes(self) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT hash FROM articles"))

    def sorted_hashes(self) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT hash FROM articles ORDER BY hash"))

    def sources(self) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT DISTINCT source FROM articles"))

    # ---- events -----------------------------------------------------------------------------------
    def new_event(self, spec: str, seq: int, event_id: str, event: Any) -> None:
        self.db.execute("INSERT INTO events(spec, seq, id) VALUES (?, ?, ?)", (spec, seq, event_id))
        self.events.put((spec, seq), event)

    def event_count(self, spec: str) -> int:
        return self.db.execute("SELECT count(*) FROM events WHERE spec = ?", (spec,)).fetchone()[0]

    def event_seq(self, spec: str, event_id: str) -> int | None:
        row = self.db.execute("SELECT seq FROM events WHERE spec = ? AND id = ?", (spec, event_id)).fetchone()
        return row[0] if row else None

    def _load_event(self, key: tuple[str, int]) -> Any:
        return self._loaded("SELECT body FROM events WHERE spec = ? AND seq = ?", key)

    def _save_events(self, items: list[tuple[tuple[str, int], Any]]) -> None:
        self.db.executemany("UPDATE events SET body = ?, first_day = ?, last_day = ? WHERE spec = ? AND seq = ?", [
            (_dumped(e), *self.event_days(e), spec, seq) for (spec, seq), e in items])

    def file_keys(self, spec: str, seq: int, keys: Iterable[str], filed: tuple[bool, int] | None) -> None:
        dated, b = filed if filed else (None, None)
        self.db.executemany("INSERT INTO event_keys VALUES (?, ?, ?, ?, ?)",
                            [(spec, k, dated, b, seq) for k in keys])

    def move_event(self, spec: str, seq: int, filed: tuple[bool, int] | None) -> None:
        dated, b = filed if filed else (None, None)
        self.db.execute("UPDATE event_keys SET dated = ?, bin = ? WHERE spec = ? AND seq = ?", (dated, b, spec, seq))

    def filed_under(self, spec: str, keys: Iterable[str], windows: list[tuple[bool, int, int]] | None) -> set[int]:
        """Events filed under any of the keys: undated ones always; dated ones in a window's bins (`dated`,
        first bin, last bin); every one where there are no windows."""
        keys = sorted(keys)
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        # The key index, always: asked to deduplicate or order, SQLite walks every event instead (15 times slower).
        sql = f"SELECT seq FROM event_keys INDEXED BY event_keys_by_key WHERE spec = ? AND key IN ({marks})"
        args: list[Any] = [spec, *keys]
        if windows is not None:
            sql += " AND (bin IS NULL" + " OR (dated = ? AND bin BETWEEN ? AND ?)" * len(windows) + ")"
            args += [x for w in windows for x in w]
        return {r[0] for r in self.db.execute(sql, args)}

    # ---- people -----------------------------------------------------------------------------------
    def _load_person(self, pkey: str) -> Any:
        return self._loaded("SELECT body FROM people WHERE pkey = ?", (pkey,))

    def _save_people(self, items: list[tuple[str, Any]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO people VALUES (?, ?, ?, ?)", [
            (k, _dumped(p), *self.person_days(p)) for k, p in items])

    # ---- organisations ----------------------------------------------------------------------------
    def _load_cluster(self, oid: str) -> Any:
        return self._loaded("SELECT body FROM org_clusters WHERE oid = ?", (oid,))

    def _save_clusters(self, items: list[tuple[str, Any]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO org_clusters VALUES (?, ?)", [(k, _dumped(c)) for k, c in items])

    def _delete_cluster(self, oid: str) -> None:
        self.db.execute("DELETE FROM org_clusters WHERE oid = ?", (oid,))

    # ---- the whole --------------------------------------------------------------------------------
    def days(self) -> tuple[int | None, int | None]:
        """The first and last day (ordinals) any event or version is dated."""
        self.flush()
        return self.db.execute(
            "SELECT min(f), max(l) FROM (SELECT min(first_day) f, max(last_day) l FROM events "
            "UNION ALL SELECT min(first_day), max(last_day) FROM people)").fetchone()

    def trim(self) -> None:
        self.events.trim()
        self.people.trim()
        self.org_clusters.trim()
        for forms in self.org_forms.values():
            forms.trim()

    def flush(self) -> None:
        self.events.flush()
        self.people.flush()
        self.org_clusters.flush()
        self.org_users.flush()
        self.person_users.flush()
        for forms in self.org_forms.values():
            forms.flush()

    def put_meta(self, name: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, _dumped(value)))

    def meta(self, name: str) -> Any:
        return self._loaded("SELECT body FROM meta WHERE name = ?", (name,))

    def commit(self) -> None:
        """Writes everything held: the file is then the whole store."""
        self.flush()
        self.db.commit()

    def close(self) -> None:
        """Writes everything held and closes the file (a store in memory is gone)."""
        self.commit()
        self.db.close()
