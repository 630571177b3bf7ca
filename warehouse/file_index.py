"""The files a local source has read: (path, size, modification time) kept in one Parquet file per source.

A folder of a million articles must not cost a million Python objects to find the ten files new since the
last run. The run's listing (paths and marks, a stat each) goes to DuckDB in Arrow batches, is joined there
with the files read before and comes back sorted by path, a batch at a time, each file flagged unchanged or
not; the files read now are added to DuckDB as they are read. Memory stays at DuckDB's bound (it spills)
whatever the folder's size (bench/RESULTS.md, stop 39: the index as a JSON dictionary cost 0.6 KB an
article in every run).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.table_files import ScratchDatabase

BATCH = 8192  # paths handed to DuckDB, or back, at a time
MEMORY = "128MB"  # DuckDB's bound for the listing, its sort and its join

Mark = tuple[int, int]  # a file's size and modification time (ns): changed when either changes
SCHEMA = pa.schema([("path", pa.string()), ("size", pa.int64()), ("mtime_ns", pa.int64())])
# The files read before, with the marks of files read in this run taking their place. The listing is compared
# with them as two sorted streams: sorts and anti joins spill, a join of both in one query did not (under
# MEMORY, at 1,000,000 files).
_KNOWN = "(select * from read_now union all select * from before anti join read_now using (path))"


def _literal(path: Path) -> str:
    """A path as an SQL string literal (DuckDB takes no parameter for a view's or a COPY's file)."""
    return "'" + str(path).replace("'", "''") + "'"


def listing_batches(files: Iterable[tuple[str, Mark | None]]) -> Iterator[pa.RecordBatch]:
    """(path, mark) pairs as Arrow batches of `BATCH` rows: the form DuckDB takes them in, and a listing
    of a million files held in tens of MB rather than a million Python tuples."""
    paths: list[str] = []
    sizes: list[int | None] = []
    mtimes: list[int | None] = []
    for path, mark in files:
        paths.append(path)
        sizes.append(mark[0] if mark else None)
        mtimes.append(mark[1] if mark else None)
        if len(paths) == BATCH:
            yield pa.record_batch([paths, sizes, mtimes], schema=SCHEMA)
            paths, sizes, mtimes = [], [], []
    if paths:
        yield pa.record_batch([paths, sizes, mtimes], schema=SCHEMA)


def _as_batches(listing: Iterable[tuple[str, Mark | None]] | Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    rows = iter(listing)
    first = next(rows, None)
    if first is None:
        return
    rest = itertools.chain([first], rows)
    yield from (rest if isinstance(first, pa.RecordBatch) else listing_batches(rest))  # type: ignore[arg-type]


class FileIndex:
    """A source's files read before (`saved`, a Parquet file; absent: none) and those read in this run."""

    def __init__(self, saved: Path | None = None, legacy: dict[str, list[int]] | None = None):
        self.saved = saved if saved is not None and saved.is_file() else None
        self._legacy = legacy or {}  # an index kept in the state's JSON by versions before this one
        self._pending: list[tuple[str, int, int]] = []
        self._db = ScratchDatabase("parley-files-", MEMORY)

    @property
    def touched(self) -> bool:
        """Whether there is anything to save: files listed or read, or an index to take over."""
        return self._db.opened or bool(self._legacy) or bool(self._pending)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if not self._db.opened:
            con = self._db.connect()
            con.execute("create table read_now (path varchar, size bigint, mtime_ns bigint)")
            if self.saved is not None:
                saved = _literal(self.saved)
                con.execute(f"create view before as select path, size, mtime_ns from read_parquet({saved})")
            else:
                con.execute("create table before (path varchar, size bigint, mtime_ns bigint)")
            if self._legacy:
                self._insert("before", listing_batches((p, (m[0], m[1])) for p, m in self._legacy.items()
                                                       if len(m) == 2))
                self._legacy = {}
        return self._db.connect()

    def _insert(self, table: str, batches: Iterable[pa.RecordBatch]) -> None:
        con = self._db.connect()
        for batch in batches:
            con.register("_rows", batch)
            con.execute(f"insert into {table} select * from _rows")  # noqa: S608 (our names)
            con.unregister("_rows")

    def mark_read(self, path: str, mark: Mark) -> None:
        """`path` was read whole with this mark: unchanged from now on while its mark stays."""
        self._pending.append((path, *mark))
        if len(self._pending) >= BATCH:
            self._flush_read()

    def _flush_read(self) -> None:
        self._connection()
        self._insert("read_now", listing_batches((p, (s, m)) for p, s, m in self._pending))
        self._pending = []

    def compare(self, listing: Iterable[tuple[str, Mark | None]] | Iterable[pa.RecordBatch]
                ) -> Iterator[tuple[str, Mark | None, bool]]:
        """The listed files sorted by path, each with its mark (None: it could not be looked at) and whether
        it is unchanged since it was read (the same size and modification time). `listing`: (path, mark)
        pairs, or the Arrow batches `listing_batches` makes of them."""
        self._list(listing)
        known = self._rows(f"select * from {_KNOWN} order by path")
        before = next(known, None)
        for path, size, mtime in self._rows("select * from listing order by path"):
            while before is not None and before[0] < path:
                before = next(known, None)
            mark = (size, mtime) if size is not None else None
            yield path, mark, mark is not None and before == (path, size, mtime)

    def unchanged_count(self, listing: Iterable[pa.RecordBatch]) -> tuple[int, int]:
        """(files listed, files unchanged since read): all that a check for anything new needs, counted in
        DuckDB without a row coming back."""
        self._list(listing)
        listed, unchanged = self._db.connect().execute(
            f"select (select count(*) from listing), (select count(*) from listing semi join {_KNOWN} k "
            "using (path, size, mtime_ns))").fetchone() or (0, 0)
        return int(listed), int(unchanged)

    def _list(self, listing: Iterable[tuple[str, Mark | None]] | Iterable[pa.RecordBatch]) -> None:
        con = self._connection()
        self._flush_read()
        con.execute("create or replace table listing (path varchar, size bigint, mtime_ns bigint)")
        self._insert("listing", _as_batches(listing))

    def _rows(self, query: str) -> Iterator[tuple[str, int, int]]:
        """A query's rows, a batch at a time, on a cursor of its own (two are merged at once)."""
        cur = self._db.connect().cursor()
        try:
            cur.execute(query)
            while rows := cur.fetchmany(BATCH):
                yield from rows
        finally:
            cur.close()

    def save(self, target: Path) -> None:
        """The files read before and now, written to `target` atomically (sorted by path)."""
        con = self._connection()
        self._flush_read()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        con.execute(f"copy (select * from {_KNOWN} order by path) to {_literal(tmp)} (format parquet)")
        os.replace(tmp, target)
        self.saved = target

    def close(self) -> None:
        self._db.close()
