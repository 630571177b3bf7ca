"""A version's tables as Parquet files, and DuckDB held to a fixed memory over them.

After modelling, no step holds a whole table in memory: the model's rows are written a chunk at a
time, and sorting, merging a run's changes into the live version's tables, the gate's whole-table
checks and the articles it holds back are DuckDB queries over the files, on one thread, spilling to
disk past QUERY_MEMORY. So a run's memory does not grow with the warehouse it keeps.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import Table

QUERY_MEMORY = "192MB"  # what one query over a zone or a version's tables may hold before DuckDB spills
# Building the warehouse file: its tables and then its marts, each on a connection of its own, spilling past
# this. Key constraints, whose indexes DuckDB holds in memory, are declared only for a warehouse they fit in
# (Settings.key_constraints_max_rows); the marts materialise their joined rows before grouping them, since a
# join and a grouping in one pass did not spill (bench/RESULTS.md, stop 38: under 128 MB at 1,000,000 articles).
FILE_MEMORY = "256MB"
ROWS_PER_BATCH = 65_536  # rows DuckDB hands back at a time; also the Parquet row group written


def bounded(con: duckdb.DuckDBPyConnection, spill_dir: str | Path, keep_order: bool = False,
            memory: str = QUERY_MEMORY) -> duckdb.DuckDBPyConnection:
    """`con` kept to `memory`, on one thread (each thread holds buffers of its own), spilling to
    `spill_dir`, timestamps in UTC; results stream unordered where the query asks no order, unless
    `keep_order` (a table filled from sorted Parquet keeps that order, which its min-max indexes like)."""
    for setting in (f"memory_limit = '{memory}'", f"temp_directory = '{spill_dir}'", "threads = 1",
                    f"preserve_insertion_order = {str(keep_order).lower()}", "TimeZone = 'UTC'"):
        con.execute(f"SET {setting}")
    return con


def session_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Another connection to `con`'s database (for a thread of its own), with `bounded`'s session settings: the
    time zone is a connection's own (memory, threads and the spill folder are the database's)."""
    cur = con.cursor()
    cur.execute("SET TimeZone = 'UTC'")
    return cur


@contextlib.contextmanager
def bounded_connection(database: str | Path = ":memory:", keep_order: bool = False, memory: str = QUERY_MEMORY
                       ) -> Iterator[duckdb.DuckDBPyConnection]:
    """A bounded DuckDB connection (see `bounded`) with a spill directory of its own, removed after."""
    with tempfile.TemporaryDirectory(prefix="parley-duck-") as spill:
        con = bounded(duckdb.connect(str(database)), spill, keep_order, memory)
        try:
            yield con
        finally:
            con.close()


class ScratchDatabase:
    """A DuckDB database in a file of its own, in a temporary folder removed on `close`, kept to `memory`:
    its tables leave memory as they grow (an in-memory database's did not, under the same bound). Opened on
    first use, so what never needs it costs nothing."""

    def __init__(self, prefix: str, memory: str):
        self.prefix, self.memory = prefix, memory
        self._con: duckdb.DuckDBPyConnection | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def opened(self) -> bool:
        return self._con is not None

    def connect(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._folder = tempfile.TemporaryDirectory(prefix=self.prefix)
            database = Path(self._folder.name) / "scratch.duckdb"
            self._con = bounded(duckdb.connect(str(database)), self._folder.name, memory=self.memory)
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def database_connection(path: Path) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A connection for building a warehouse file: bounded by FILE_MEMORY, rows kept in the order they are
    inserted (the tables come sorted by key, which their min-max indexes like)."""
    return bounded_connection(path, keep_order=True, memory=FILE_MEMORY)


def reference_levels(tables: Sequence[Table]) -> list[list[Table]]:
    """The tables in levels: a table references (foreign keys, other than to itself) only tables of earlier
    levels, so the tables of one level can be loaded at the same time once the levels before are in."""
    by_name = {t.name: t for t in tables}
    level: dict[str, int] = {}

    def of(t: Table) -> int:
        if t.name not in level:
            refs = [by_name[r] for _, r, _ in t.foreign_keys if r != t.name and r in by_name]
            level[t.name] = 1 + max((of(r) for r in refs), default=-1)
        return level[t.name]

    out: list[list[Table]] = [[] for _ in range(1 + max((of(t) for t in tables), default=-1))]
    for t in tables:
        out[of(t)].append(t)
    return out


def parquet_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.parquet"


def num_rows(path: Path) -> int:
    return pq.read_metadata(path).num_rows


@contextlib.contextmanager
def table_writer(path: Path, table: Table) -> Iterator[pq.ParquetWriter]:
    """A Parquet writer of the declared schema, written under a temporary name and renamed into place
    when done: a crash leaves the old file or none, never half of one."""
    tmp = path.with_name(f".{path.name}.tmp")
    writer = pq.ParquetWriter(tmp, table.arrow_schema, compression="zstd")
    try:
        yield writer
    except BaseException:
        writer.close()
        tmp.unlink(missing_ok=True)
        raise
    writer.close()
    os.replace(tmp, path)


def write_batches(path: Path, table: Table, batches: Iterable[pa.RecordBatch | pa.Table]) -> int:
    """Batches (any column order, types castable to the declaration's) as one typed Parquet file; an
    empty iterable makes a file with no rows. Returns the rows written."""
    rows = 0
    with table_writer(path, table) as writer:
        for b in batches:
            piece = b if isinstance(b, pa.Table) else pa.Table.from_batches([b])
            writer.write_table(piece.select(table.column_names).cast(table.arrow_schema))
            rows += piece.num_rows
    return rows


def write_query(con: duckdb.DuckDBPyConnection, table: Table, sql: str, path: Path,
                params: Sequence[object] = ()) -> int:
    """A query's result (it selects the table's columns) streamed into `path` as the table's Parquet."""
    reader = con.execute(sql, list(params)).to_arrow_reader(ROWS_PER_BATCH)
    return write_batches(path, table, reader)


def sorted_select(table: Table, source: str) -> str:
    """The table's columns from `source` (a FROM clause), in key order: every version's Parquet is sorted
    so that one made by merging a run's changes is the same, row for row, as one made from empty."""
    return f"SELECT {', '.join(table.column_names)} FROM {source} ORDER BY {', '.join(table.key)}"


def create_views(con: duckdb.DuckDBPyConnection, files: dict[str, Path], prefix: str = "") -> None:
    """One view per table over its Parquet file, named `prefix` + the table's name."""
    for name, path in files.items():
        con.execute(f"CREATE OR REPLACE VIEW {prefix}{name} AS SELECT * FROM read_parquet('{quoted_path(path)}')")


def files_in(directory: Path, tables: Iterable[Table]) -> dict[str, Path]:
    """The tables' Parquet files that exist in `directory`, by table name."""
    out = {t.name: parquet_path(directory, t.name) for t in tables}
    return {n: p for n, p in out.items() if p.is_file()}


def quoted_path(path: Path) -> str:
    return str(path).replace("'", "''")
