"""A version's DuckDB file made from the live version's by changing only the rows that changed.

Rebuilding the file from Parquet costs its indexes and key checks on every row (about 15 s at 100,000
articles); a run that adds 1,000 articles changes a few thousand rows. The live version's file is
copied and, table by table, its changed owners' rows are replaced (`TableChange`); the marts are
computed again. DuckDB refuses to delete a row another table still references, and updates a
foreign-key or list column by deleting and inserting the row, so:
  - a referenced row whose key, foreign keys and lists stay is updated in place;
  - any other replaced row is deleted (children first) and inserted again (parents first), and the
    rows of other owners that reference it are set aside, deleted and put back as they were.
The result holds the same rows as a file built from the same tables (a test compares them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas import MARTS, Table
from warehouse.delta import TableChange
from warehouse.table_files import database_connection

# Where a version's file keeps each mart computed for it; the views of the declared names read it.
MART_DATA = "mart_data"


def patch_database(base: Path, path: Path, changed: Mapping[str, TableChange], tables: Sequence[Table]) -> None:
    """`path` becomes `base` with every table's changed rows replaced and the marts recomputed."""
    tmp = path.with_suffix(".building")
    shutil.copyfile(base, tmp)
    with database_connection(tmp) as con:
        referenced = {ref for t in tables for _, ref, _ in t.foreign_keys if ref != t.name}
        for t in tables:
            _plan(con, t, changed[t.name], t.name in referenced)
        for t in reversed(tables):
            con.execute(f"DELETE FROM {t.name} USING _del_{t.name} d WHERE {_on(t, t.name, 'd')}")
        for t in tables:
            _write(con, t, t.name in referenced)
        for view in MARTS:
            con.execute(f"CREATE OR REPLACE TABLE {MART_DATA}.{view.name} AS\n{view.sql.strip()}")
        con.execute("checkpoint")
    os.replace(tmp, path)


def _on(t: Table, a: str, b: str) -> str:
    return " AND ".join(f"{a}.{k} = {b}.{k}" for k in t.key)


def _moved_columns(t: Table) -> list[str]:
    """Columns DuckDB updates by deleting and inserting the row (foreign keys, lists): a row whose value
    of one of them changes cannot be updated while another table references it."""
    return [c.name for c in t.columns if c.type.endswith("[]")] + [
        c for c, ref, _ in t.foreign_keys if ref != t.name]


def _plan(con: duckdb.DuckDBPyConnection, t: Table, ch: TableChange, is_referenced: bool) -> None:
    """Stages the new rows (`_new_T`) and decides the keys to delete (`_del_T`) and the rows of other
    owners to put back (`_back_T`). Parents come first: a child's cascade reads its parents' deletions."""
    name, keys = t.name, ", ".join(t.key)
    con.execute(f"CREATE TEMP TABLE _new_{name} AS SELECT * FROM read_parquet(?)", [str(ch.rows)])
    if ch.column is None:
        owned = "true"
    else:
        con.register(f"_owners_arrow_{name}", pa.table({"v": ch.owners}))
        con.execute(f"CREATE TEMP TABLE _owners_{name} AS SELECT v FROM _owners_arrow_{name}")
        con.unregister(f"_owners_arrow_{name}")
        owned = f"{ch.column} IN (SELECT v FROM _owners_{name})"
    kept = ""
    if is_referenced:  # kept in place: the same key, and the same foreign keys, in the new rows
        same = " AND ".join([_on(t, "o", "n"), *(f"o.{c} IS NOT DISTINCT FROM n.{c}" for c in _moved_columns(t))])
        kept = f" AND NOT EXISTS (SELECT 1 FROM _new_{name} n WHERE {same})"
    con.execute(f"CREATE TEMP TABLE _del_{name} AS SELECT {keys} FROM {name} o WHERE {owned}{kept}")
    for col, ref, ref_col in t.foreign_keys:
        if ref == name:
            continue
        con.execute(f"""INSERT INTO _del_{name} SELECT {keys} FROM {name} o
                        WHERE o.{col} IN (SELECT {ref_col} FROM _del_{ref})
                        AND NOT EXISTS (SELECT 1 FROM _del_{name} d WHERE {_on(t, 'o', 'd')})""")
    con.execute(f"""CREATE TEMP TABLE _back_{name} AS SELECT o.* FROM {name} o
                    WHERE NOT ({owned}) AND EXISTS (SELECT 1 FROM _del_{name} d WHERE {_on(t, 'o', 'd')})""")


def _write(con: duckdb.DuckDBPyConnection, t: Table, is_referenced: bool) -> None:
    """Parents first: rows kept in place take their new values; then the new and set-aside rows go in."""
    name, cols = t.name, ", ".join(t.column_names)
    if is_referenced:
        settable = [c for c in t.column_names if c not in t.key and c not in _moved_columns(t)]
        if settable:
            assign = ", ".join(f"{c} = n.{c}" for c in settable)
            con.execute(f"UPDATE {name} SET {assign} FROM _new_{name} n WHERE {_on(t, name, 'n')}")
    con.execute(f"""INSERT INTO {name} ({cols}) SELECT {cols} FROM _new_{name} n
                    WHERE NOT EXISTS (SELECT 1 FROM {name} o WHERE {_on(t, 'o', 'n')})""")
    con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _back_{name}")
