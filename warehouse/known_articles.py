"""Which of a batch's articles the raw zone holds already: asked of DuckDB, a batch at a time.

The raw zone's content hashes are read once, on the first question, into a table of 16-byte keys (the first
half of each SHA-256) in a DuckDB file of the run's own; each batch is then one semi join against it, and the
batch's new articles are added. A set of every key in Python cost about 85 bytes an article in every run that
read anything (bench/RESULTS.md, stop 39); the table leaves memory as it grows, so ingest's memory stays the
same whatever the size of the zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import zones
from warehouse.table_files import ScratchDatabase

MEMORY = "64MB"  # DuckDB's bound for the keys and the semi joins: a batch is a few hundred articles


class KnownHashes:
    """The raw zone's articles, read on the first question: a run whose files are all unchanged since the
    last never asks, and never reads the hash column of every article stored."""

    def __init__(self, raw_dir: Path):
        self.raw_dir = raw_dir
        self._db = ScratchDatabase("parley-known-", MEMORY)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if not self._db.opened:
            con = self._db.connect()
            con.execute("create table known (k blob)")
            parts = zones.raw_parts(self.raw_dir)
            if parts:
                con.execute("insert into known select distinct unhex(left(content_hash, 32)) from read_parquet(?)",
                            [parts])
        return self._db.connect()

    def among(self, hashes: Iterable[str]) -> set[str]:
        """Those of `hashes` the zone holds (or `add` was told of)."""
        batch = pa.table({"h": pa.array(sorted(set(hashes)), pa.string())})
        if not batch.num_rows:
            return set()
        con = self._connection()
        con.register("_batch", batch)
        try:
            rows = con.execute("select h from _batch where unhex(left(h, 32)) in (select k from known)").fetchall()
        finally:
            con.unregister("_batch")
        return {h for (h,) in rows}

    def add(self, hashes: Iterable[str]) -> None:
        """Articles just stored in the zone."""
        batch = pa.table({"h": pa.array(list(hashes), pa.string())})
        if batch.num_rows and self._db.opened:  # not yet read: the zone will be, with them
            con = self._db.connect()
            con.register("_batch", batch)
            con.execute("insert into known select unhex(left(h, 32)) from _batch")
            con.unregister("_batch")

    def close(self) -> None:
        self._db.close()
