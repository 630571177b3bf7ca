"""Every published version as one snapshot of a DuckLake: one warehouse that several machines read (and
runs on any of them write), with time travel to any earlier version.

The catalog is a DuckDB file (`/shared/parley.ducklake`: one writer at a time) or PostgreSQL
(`postgres:dbname=parley_lake host=db user=parley`: many readers and writers); the data files go to a
folder or to object storage (`s3://bucket/warehouse/`, with the httpfs extension and a DuckDB secret).
A version is written in one transaction (every table replaced, the marts computed into tables), so a
reader sees the whole previous version or the whole new one; the snapshot's id is in the run summary.
Keys and foreign keys are not constraints in a lake (DuckLake has none): the gate checked them before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas import MARTS, QUARANTINE, TABLES
from warehouse import extensions

ALIAS = "lake"


def _quote(s: str) -> str:
    return s.replace("'", "''")


def attach_sql(catalog: str, data_path: str, alias: str = ALIAS, read_only: bool = False) -> str:
    """The ATTACH statement a reader (or a run) uses, on any machine with DuckDB and these extensions."""
    options = [f"DATA_PATH '{_quote(data_path)}'"] + (["READ_ONLY"] if read_only else [])
    return f"ATTACH 'ducklake:{_quote(catalog)}' AS {alias} ({', '.join(options)})"


def connect(catalog: str, data_path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the lake attached as `lake` and in use (unqualified names are its tables)."""
    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        extensions.load(con, *(("postgres",) if catalog.startswith("postgres:") else ()), "ducklake")
        if not data_path.startswith(("s3://", "gs://", "az://", "http")):
            Path(data_path).mkdir(parents=True, exist_ok=True)
        con.execute(attach_sql(catalog, data_path, read_only=read_only))
        con.execute(f"USE {ALIAS}")
    except Exception:
        con.close()
        raise
    return con


def publish_to_lake(tables_dir: Path, run_id: str, catalog: str, data_path: str) -> int:
    """Writes a version's tables and marts as one snapshot; returns the snapshot's id."""
    con = connect(catalog, data_path)
    try:
        con.execute("BEGIN")
        for t in (*TABLES, QUARANTINE):
            src = tables_dir / f"{t.name}.parquet"
            # The declared types (timestamps as the DuckDB file has them, UTC without a zone), as a select.
            cols = ", ".join(f"CAST({c.name} AS {c.type}) AS {c.name}" for c in t.columns)
            con.execute(f"CREATE OR REPLACE TABLE {t.name} AS SELECT {cols} FROM read_parquet(?)", [str(src)])
            for stmt in t.comments_sql():
                con.execute(stmt)
        for view in MARTS:
            con.execute(f"CREATE OR REPLACE TABLE {view.name} AS {view.sql}")
            for stmt in view.comments_sql():
                con.execute(stmt.replace("COMMENT ON VIEW", "COMMENT ON TABLE", 1))
        con.execute(f"CALL {ALIAS}.set_commit_message('parley', 'parley run {_quote(run_id)}')")
        con.execute("COMMIT")
        row = con.execute(f"SELECT max(snapshot_id) FROM ducklake_snapshots('{ALIAS}')").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()  # an uncommitted transaction is rolled back: the lake keeps its last snapshot
