"""Versioned Parquet tables and the atomically published `warehouse.duckdb`.

A run stages its tables as Parquet in `versions/<run_id>/`, builds a DuckDB
file there from them, and only after the quality gate passes swaps that file
into `$PARLEY_HOME/warehouse.duckdb` with one `os.replace`: readers see the old
file or the new one, never half of either. The last N versions are kept for
`parley rollback`.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from parley.faults import crash_point
from schemas import QUARANTINE, TABLES


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


def stage(versions_dir: Path, run_id: str, tables: dict[str, pa.Table]) -> Version:
    """Writes every table as Parquet and builds the version's DuckDB file from them."""
    v = Version(run_id, versions_dir / run_id)
    if v.path.exists():
        shutil.rmtree(v.path)
    v.tables_dir.mkdir(parents=True)
    for name, table in tables.items():
        pq.write_table(table, v.tables_dir / f"{name}.parquet", compression="zstd")
    build_database(v.database, v.tables_dir)
    return v


def build_database(path: Path, tables_dir: Path) -> None:
    """A self-contained DuckDB file: plain `duckdb` opens it with no extension and no Parquet beside it."""
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for t in (*TABLES, QUARANTINE):
            con.execute(t.ddl())
            for stmt in t.comments_sql():
                con.execute(stmt)
            src = tables_dir / f"{t.name}.parquet"
            if src.exists():
                cols = ", ".join(t.column_names)
                con.execute(f"insert into {t.name} ({cols}) select {cols} from read_parquet(?)", [str(src)])
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(tmp, path)


def publish(v: Version, target: Path) -> None:
    """Copies the version's database next to the target, then renames it over the target (atomic)."""
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


def clean_crash_leftovers(home: Path) -> list[Path]:
    """Temporary files a killed run left behind (half-copied databases, half-written parts). Safe only
    under the run lock: no other run is writing."""
    removed = []
    for pattern in (".warehouse.duckdb.*.tmp", "raw/.part-*.tmp", "extracted/.part-*.tmp",
                    "quarantine/.part-*.tmp", "versions/*/warehouse.building"):
        for p in home.glob(pattern):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def write_summary(v: Version, summary: dict[str, Any]) -> None:
    tmp = v.summary_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    os.replace(tmp, v.summary_path)


def list_versions(versions_dir: Path) -> list[tuple[Version, dict[str, Any]]]:
    out = []
    if not versions_dir.is_dir():
        return out
    for p in sorted(versions_dir.iterdir()):
        s = p / "summary.json"
        if p.is_dir() and s.exists():
            out.append((Version(p.name, p), json.loads(s.read_text(encoding="utf-8"))))
    return out


def current_run_id(home: Path) -> str | None:
    p = home / "CURRENT"
    return p.read_text(encoding="utf-8").strip() if p.exists() else None


def prune(versions_dir: Path, keep: int, current: str | None) -> None:
    """Keeps the last `keep` published versions (and the current one); blocked runs are kept for the same span."""
    versions = list_versions(versions_dir)
    published = [v for v, s in versions if s.get("published")]
    keep_ids = {v.run_id for v in published[-keep:]} | ({current} if current else set())
    oldest_kept = min(keep_ids) if keep_ids else ""
    for v, s in versions:
        if v.run_id in keep_ids:
            continue
        if s.get("published") or v.run_id < oldest_kept:
            shutil.rmtree(v.path, ignore_errors=True)
    # Staging left by a crashed run (no summary) is garbage.
    if versions_dir.is_dir():
        for p in versions_dir.iterdir():
            if p.is_dir() and not (p / "summary.json").exists() and p.name != current:
                shutil.rmtree(p, ignore_errors=True)


def previous_row_counts(home: Path) -> dict[str, int]:
    """Row counts of the published warehouse, for the gate's collapse check."""
    db = home / "warehouse.duckdb"
    if not db.exists():
        return {}
    with duckdb.connect(str(db), read_only=True) as con:
        return {t.name: con.execute(f"select count(*) from {t.name}").fetchone()[0] for t in TABLES}
