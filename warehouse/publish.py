"""Versioned Parquet tables and the atomically published `warehouse.duckdb`.

A run stages its tables as Parquet in `versions/<run_id>/`, builds a DuckDB
file there from them, and only after the quality gate passes swaps that file
into `$PARLEY_HOME/warehouse.duckdb` with one `os.replace`: readers see the old
file or the new one, never half of either. The last N versions are kept for
`parley rollback`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from parley.faults import crash_point
from parley.settings import Settings
from schemas import MARTS, QUARANTINE, TABLES, Table
from warehouse.table_files import database_connection, num_rows, parquet_path, reference_levels, session_cursor

log = logging.getLogger(__name__)

# Where a version's file keeps each mart computed for it; the views of the declared names read it.
MART_DATA = "mart_data"


@dataclass(frozen=True)
class Version:
    run_id: str
    path: Path

    @property
    def tables_dir(self) -> Path:
        return self.path / "tables"

    @property
    def database(self) -> Path:
        return self.path / "warehouse.duckdb"

    @property
    def summary_path(self) -> Path:
        return self.path / "summary.json"

    @property
    def checksum_path(self) -> Path:
        return self.path / "warehouse.duckdb.sha256"


class DamagedVersion(RuntimeError):
    """A version's database is missing, altered or unreadable: it is never published."""


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify(v: Version) -> None:
    """The version's database is the one built for it (checksum) and opens as a warehouse."""
    if not v.database.is_file():
        raise DamagedVersion(f"version {v.run_id} has no database file")
    recorded = v.checksum_path.read_text(encoding="utf-8").strip() if v.checksum_path.is_file() else None
    if recorded is None or recorded != sha256(v.database):
        raise DamagedVersion(f"version {v.run_id}'s database does not match its recorded checksum (damaged "
                             "or altered)")
    try:
        with duckdb.connect(str(v.database), read_only=True) as con:
            con.execute("select count(*) from dim_articles").fetchone()
    except duckdb.Error as exc:
        raise DamagedVersion(f"version {v.run_id}'s database does not open: {str(exc).splitlines()[0]}") from None


def new_version(versions_dir: Path, run_id: str) -> Version:
    """The run's version folder, empty: modelling writes its tables there, the gate validates them (and
    they are kept, if it blocks)."""
    v = Version(run_id, versions_dir / run_id)
    if v.path.exists():
        shutil.rmtree(v.path)
    v.tables_dir.mkdir(parents=True)
    return v


def stage(versions_dir: Path, run_id: str, tables: dict[str, pa.Table]) -> Version:
    """A version made from tables in memory (a benchmark's or a tool's; a run writes its own)."""
    v = new_version(versions_dir, run_id)
    for name, table in tables.items():
        pq.write_table(table, v.tables_dir / f"{name}.parquet", compression="zstd")
    return v


def build(v: Version, keyed_rows_max: int = Settings.key_constraints_max_rows) -> str:
    """The version's DuckDB file and its checksum, once the gate passed, built from the version's tables.
    Returns how it was made. Its keys and foreign keys are constraints while its tables hold at most
    `keyed_rows_max` rows together; past that they are left out (see `build_database`)."""
    files = [parquet_path(v.tables_dir, t.name) for t in (*TABLES, QUARANTINE)]
    rows = sum(num_rows(f) for f in files if f.exists())
    keyed = rows <= keyed_rows_max
    if not keyed:
        log.info("version %s holds %d rows, more than %d: its file is built without key constraints (the gate "
                 "checked its keys)", v.run_id, rows, keyed_rows_max)
    build_database(v.database, v.tables_dir, keyed)
    v.checksum_path.write_text(sha256(v.database) + "\n", encoding="utf-8")
    return "built" if keyed else f"built without key constraints ({rows} rows)"


def build_database(path: Path, tables_dir: Path, keyed: bool = True) -> None:
    """A self-contained DuckDB file: plain `duckdb` opens it with no extension and no Parquet beside it.
    DuckDB holds a table's key index in memory while it writes it (about 70 bytes a row), so `keyed`
    (primary and foreign keys as constraints, which the gate has checked: a violation here would be a
    bug, not bad data) is for a warehouse of a few million rows; without it the file is built in bounded
    memory at any size, smaller and three times faster, the keys still named in its column comments."""
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    # Bounded memory; timestamps are UTC in the Parquet and stay UTC in the file, whatever the host's zone.
    with database_connection(tmp) as con:
        for t in (*TABLES, QUARANTINE):
            con.execute(t.ddl() if keyed else t.ddl(with_keys=False))
            for stmt in t.comments_sql():
                con.execute(stmt)

        def load(t: Table) -> None:
            src = parquet_path(tables_dir, t.name)
            if src.exists():
                cols = ", ".join(t.column_names)
                with session_cursor(con) as cur:  # timestamps stay UTC on this thread's connection too
                    cur.execute(f"insert into {t.name} ({cols}) select {cols} from read_parquet(?)", [str(src)])

        # Checking a million foreign keys is most of the file's cost, one table at a time on one thread: the
        # tables of one level (none references another of its level) load side by side, on every core.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for level in reference_levels((*TABLES, QUARANTINE)):
                list(pool.map(load, level))
        con.execute("checkpoint")
    # The marts on a connection of their own: the tables just written no longer share its bound.
    with database_connection(tmp) as con:
        con.execute(f"CREATE SCHEMA {MART_DATA}")
        for view in MARTS:
            for stmt in view.materialised_sql(MART_DATA):
                con.execute(stmt)
            for stmt in view.comments_sql():
                con.execute(stmt)
        con.execute("checkpoint")
    os.replace(tmp, path)


def publish(v: Version, target: Path, just_built: bool = False) -> None:
    """Copies the version's database next to the target, then renames it over the target (atomic). The
    version is verified first (unless this process `just_built` it and its checksum): a damaged file is
    never published."""
    if not just_built:
        verify(v)
    tmp = target.with_name(f".{target.name}.{v.run_id}.tmp")
    shutil.copyfile(v.database, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    crash_point("publish")
    os.replace(tmp, target)
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    (target.parent / "CURRENT").write_text(v.run_id + "\n", encoding="utf-8")
    point_current(target.parent, v)


def point_current(home: Path, v: Version) -> None:
    """`$PARLEY_HOME/current/` is the live version's Parquet tables, for tools that read Parquet: a
    symbolic link swapped by one rename, so a reader sees the old tables or the new ones."""
    link = home / "current"
    tmp = home / f".current.{v.run_id}.tmp"
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(os.path.relpath(v.tables_dir, home), target_is_directory=True)
    if link.is_dir() and not link.is_symlink():  # a copy of the home made by following links
        shutil.rmtree(link)
    os.replace(tmp, link)


def clean_crash_leftovers(home: Path) -> list[Path]:
    """Temporary files a killed run left behind (half-copied databases, half-written parts). Safe only
    under the run lock: no other run is writing."""
    removed = []
    for pattern in (".warehouse.duckdb.*.tmp", "raw/.part-*.tmp", "extracted/.part-*.tmp", "sources/*.tmp",
                    "quarantine/.part-*.tmp", "versions/*/warehouse.building", ".current.*.tmp"):
        for p in home.glob(pattern):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def write_summary(v: Version, summary: dict[str, Any]) -> None:
    write_json(v.summary_path, summary)


def write_json(path: Path, data: dict[str, Any]) -> None:
    """A JSON file replaced whole: a reader sees the old one or the new one."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, path)


def list_versions(versions_dir: Path) -> list[tuple[Version, dict[str, Any]]]:
    """Every version with its summary; one whose summary cannot be read is left out with a warning."""
    out: list[tuple[Version, dict[str, Any]]] = []
    if not versions_dir.is_dir():
        return out
    for p in sorted(versions_dir.iterdir()):
        s = p / "summary.json"
        if p.is_dir() and s.exists():
            try:
                summary = json.loads(s.read_text(encoding="utf-8"))
                if not isinstance(summary, dict):
                    raise ValueError("not a JSON object")
            except (ValueError, OSError) as exc:
                log.warning("version %s: summary.json cannot be read (%s); left out", p.name, exc)
                continue
            out.append((Version(p.name, p), summary))
    return out


def current_run_id(home: Path, verify: bool = False) -> str | None:
    """The live version: CURRENT, or where CURRENT was lost (or, with `verify`, names a version whose
    database is not the one published: a kill between the rename and CURRENT), the kept version whose
    database is the one published; CURRENT is then written again."""
    p = home / "CURRENT"
    named = p.read_text(encoding="utf-8").strip() if p.exists() else ""
    if named and not verify:
        return named
    live = home / "warehouse.duckdb"
    if named and live.is_file():
        recorded = home / "versions" / named / "warehouse.duckdb.sha256"
        if recorded.is_file() and recorded.read_text(encoding="utf-8").strip() == sha256(live):
            return named
    if not live.is_file():
        return named or None
    digest = sha256(live)
    for v, _ in reversed(list_versions(home / "versions")):
        if v.checksum_path.is_file() and v.checksum_path.read_text(encoding="utf-8").strip() == digest:
            p.write_text(v.run_id + "\n", encoding="utf-8")
            return v.run_id
    return named or None


def prune(versions_dir: Path, keep: int, current: str | None) -> None:
    """Keeps the last `keep` published versions (and the current one) and the last `keep` blocked ones."""
    versions = list_versions(versions_dir)
    published = [v for v, s in versions if s.get("published")]
    blocked = [v for v, s in versions if not s.get("published")]
    # The last `keep` published and the last `keep` blocked (for inspection), and the live one.
    keep_ids = {v.run_id for v in (*published[-keep:], *blocked[-keep:])} | ({current} if current else set())
    for v, _ in versions:
        if v.run_id not in keep_ids:
            shutil.rmtree(v.path, ignore_errors=True)
    # Staging left by a crashed run (no summary) is garbage.
    if versions_dir.is_dir():
        for p in versions_dir.iterdir():
            if p.is_dir() and not (p / "summary.json").exists() and p.name != current:
                shutil.rmtree(p, ignore_errors=True)




def live_tables_dir(home: Path) -> Path | None:
    """The Parquet tables of the live version: what the warehouse file holds, readable without opening it
    (a BI tool holding the file read-write must not break a run)."""
    run_id = current_run_id(home)
    tables = home / "versions" / run_id / "tables" if run_id else None
    return tables if tables is not None and tables.is_dir() else None


def previous_row_counts(home: Path) -> dict[str, int]:
    """Row counts of the published warehouse, for the gate's collapse check."""
    tables = live_tables_dir(home)
    if tables is None:
        return {}
    return {t.name: num_rows(parquet_path(tables, t.name)) for t in TABLES
            if (tables / f"{t.name}.parquet").is_file()}
