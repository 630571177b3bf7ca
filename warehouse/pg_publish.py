"""A published version into the PostgreSQL endpoint, swapped in without a restart or a broken query.

Each version is loaded into a schema of its own (`load_<run id>`): tables from the version's Parquet (by
DuckDB's postgres extension, which copies in bulk), then keys, foreign keys, comments and the analyst
views (computed once per version into tables of `mart_data_<run id>`), all from `schemas/`. One short
transaction then renames it to `public` (the old `public` becomes
`retired_<run id>`): a query already running keeps the tables it started with, the next one sees the new
version. A retired schema is dropped once no query holds it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import duckdb

from schemas import MARTS, QUARANTINE, TABLES
from warehouse import extensions
from warehouse.pg_cluster import READER

log = logging.getLogger(__name__)

PG_TYPES = {"VARCHAR": "TEXT", "DOUBLE": "DOUBLE PRECISION", "VARCHAR[]": "TEXT[]", "BLOB": "BYTEA"}
_SAFE = re.compile(r"[^a-z0-9_]")
RETIRED_PREFIX = "retired_"
MART_DATA_PREFIX = "mart_data_"


def schema_name(prefix: str, run_id: str) -> str:
    return prefix + _SAFE.sub("_", run_id.lower())


def _copy_tables(admin_dsn: str, tables_dir: Path, schema: str) -> None:
    """Bulk copy of every table's Parquet into the (created, empty) tables of `schema`."""
    con = duckdb.connect(config={"allow_unsigned_extensions": False})
    try:
        extensions.load(con, "postgres")
        con.execute(f"ATTACH '{admin_dsn}' AS pg (TYPE postgres)")
        for t in (*TABLES, QUARANTINE):
            src = tables_dir / f"{t.name}.parquet"
            if src.exists():
                cols = ", ".join(t.column_names)
                con.execute(f"INSERT INTO pg.{schema}.{t.name} ({cols}) SELECT {cols} FROM read_parquet(?)",
                            [str(src)])
        con.execute("DETACH pg")
    finally:
        con.close()


def load_version(admin: Any, admin_dsn: str, tables_dir: Path, run_id: str) -> str:
    """Loads a version into its own schema, complete with keys, foreign keys, docs, views and grants; returns
    the schema's name. `admin` is an autocommit psycopg connection of the admin role."""
    schema = schema_name("load_", run_id)
    admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    admin.execute(f"CREATE SCHEMA {schema}")
    admin.execute(f"SET search_path TO {schema}")
    for t in (*TABLES, QUARANTINE):
        admin.execute(t.ddl(types=PG_TYPES, with_foreign_keys=False))
    _copy_tables(admin_dsn, tables_dir, schema)
    for t in TABLES:
        for stmt in t.foreign_key_sql():
            admin.execute(stmt)
    for t in (*TABLES, QUARANTINE):
        for stmt in t.comments_sql():
            admin.execute(stmt)
    admin.execute("ANALYZE")  # before the marts are computed: a fresh table's plan is a guess without it
    _create_marts(admin, schema_name(MART_DATA_PREFIX, run_id))
    admin.execute(f"COMMENT ON SCHEMA {schema} IS 'Parley warehouse, run {run_id}'")
    admin.execute(f"GRANT USAGE ON SCHEMA {schema} TO {READER}")
    admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {READER}")
    admin.execute("RESET search_path")
    return schema


def _create_marts(admin: Any, data_schema: str) -> None:
    """Each analyst view is computed once per version into a table of `data_schema` (out of analysts' search
    path; the view reads it with its owner's rights), so a mart answers in milliseconds at any size; the
    view keeps the declared name, columns and docs."""
    admin.execute(f"DROP SCHEMA IF EXISTS {data_schema} CASCADE")
    admin.execute(f"CREATE SCHEMA {data_schema}")
    for view in MARTS:
        table, create_view = view.materialised_sql(data_schema)
        admin.execute(table)
        admin.execute(f"ANALYZE {data_schema}.{view.name}")
        admin.execute(create_view)
        for stmt in view.comments_sql():
            admin.execute(stmt)


def swap_in(admin: Any, schema: str, served: str | None) -> None:
    """`schema` becomes `public` in one transaction; the old `public` (run `served`) is retired and dropped
    once no query holds it."""
    with admin.transaction():
        admin.execute("SET LOCAL lock_timeout = '10s'")
        if admin.execute("select 1 from pg_namespace where nspname = 'public'").fetchone():
            admin.execute(f"ALTER SCHEMA public RENAME TO {schema_name(RETIRED_PREFIX, served or 'initial')}")
        admin.execute(f"ALTER SCHEMA {schema} RENAME TO public")


def drop_retired(admin: Any) -> list[str]:
    """Drops retired versions no query holds any more; one still in use waits for the next call."""
    import psycopg

    dropped = []
    names = [n for (n,) in admin.execute("select nspname from pg_namespace where nspname like %s",
                                         [RETIRED_PREFIX + "%"]).fetchall()]
    for name in names:
        try:
            with admin.transaction():
                admin.execute("SET LOCAL lock_timeout = '200ms'")
                admin.execute(f"DROP SCHEMA {name} CASCADE")
                data = MART_DATA_PREFIX + name[len(RETIRED_PREFIX):]
                admin.execute(f"DROP SCHEMA IF EXISTS {data} CASCADE")
            dropped.append(name)
        except psycopg.errors.LockNotAvailable:
            log.info("retired version %s still in use; dropped later", name)
    return dropped


def served_run_id(admin: Any) -> str | None:
    row = admin.execute("select obj_description(oid, 'pg_namespace') from pg_namespace where nspname = 'public'"
                        ).fetchone()
    comment = row[0] if row else None
    return comment.rsplit("run ", 1)[-1] if comment and "run " in comment else None
