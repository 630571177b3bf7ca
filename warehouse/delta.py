"""A run's changed rows, written as Parquet, and applied to the live version's tables: the next
version's tables.

Each table's rows belong to an owner (an article, an organisation, a person, an
event); a `Delta` names the owners whose rows it replaces and gives their new
rows. Every table is sorted by its key, so a version built this way is the same,
row for row, as one built from empty. Nothing here holds a whole table: rows are
written a chunk at a time and merged by DuckDB (see warehouse/table_files.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas import Table
from transforms.model import Delta
from warehouse.arrow import to_arrow
from warehouse.table_files import parquet_path, quoted_path, sorted_select, table_writer, write_query


@dataclass(frozen=True)
class TableChange:
    """One table's change: the owners (values of `column`) whose rows are replaced by the rows in the
    Parquet file `rows`; with no column, `rows` is the whole table."""

    column: str | None
    owners: pa.Array
    rows: Path


def write_changes(delta: Delta, tables: Sequence[Table], directory: Path) -> dict[str, TableChange]:
    """The delta as one typed Parquet file per table in `directory` (its Python rows made, converted and
    written a chunk at a time), with the owners each replaces."""
    directory.mkdir(parents=True, exist_ok=True)
    declared = {t.name: t for t in tables}
    with contextlib.ExitStack() as stack:
        writers = {t.name: stack.enter_context(table_writer(parquet_path(directory, t.name), t)) for t in tables}
        delta.drain(lambda name, rows: writers[name].write_table(to_arrow(declared[name], rows)))
    out = {}
    for t in tables:
        whole = delta.everything or t.name in delta.whole
        column, owners = (None, set()) if whole else delta.replace.get(t.name, (t.key[0], set()))
        out[t.name] = TableChange(column, pa.array(sorted(owners), pa.string()), parquet_path(directory, t.name))
    return out


def apply(con: duckdb.DuckDBPyConnection, previous: Path | None, changed: dict[str, TableChange],
          tables: Sequence[Table], directory: Path) -> dict[str, Path]:
    """The tables after the change, as sorted Parquet files in `directory`: the `previous` version's
    rows (its tables' folder; None: the change is every row there is) without the replaced owners',
    plus the new rows. Returns each table's file."""
    directory.mkdir(parents=True, exist_ok=True)
    out = {}
    for t in tables:
        ch, old = changed[t.name], parquet_path(previous, t.name) if previous is not None else None
        source = f"read_parquet('{quoted_path(ch.rows)}')"
        if old is not None and old.is_file() and ch.column is not None:
            con.register("_replaced_owners", pa.table({"v": ch.owners}))
            cols = ", ".join(t.column_names)
            source = (f"(SELECT {cols} FROM read_parquet('{quoted_path(old)}') o ANTI JOIN _replaced_owners r "
                      f"ON o.{ch.column} = r.v UNION ALL SELECT {cols} FROM {source})")
        out[t.name] = parquet_path(directory, t.name)
        write_query(con, t, sorted_select(t, source), out[t.name])
        with contextlib.suppress(duckdb.Error):
            con.unregister("_replaced_owners")
    return out

