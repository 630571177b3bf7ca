"""A version's database patched from the last one's holds the rows of one built from its tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import MARTS, QUARANTINE, TABLES
from transforms.knowledge import knowledge
from transforms.model import ModelState
from warehouse import model_state
from warehouse.delta import TableChange
from warehouse.patch import patch_database
from warehouse.publish import build_database
from warehouse.table_files import parquet_path

from .test_incremental_model import RUNS, fold_run


def contents(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [t.name for t in (*TABLES, QUARANTINE)] + [v.name for v in MARTS]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}


def built(tables: Path) -> Path:
    pq.write_table(QUARANTINE.arrow_schema.empty_table(), parquet_path(tables, QUARANTINE.name))
    build_database(tables.parent / "warehouse.duckdb", tables)
    return tables.parent / "warehouse.duckdb"


def test_a_patched_database_equals_one_built_from_the_same_tables(tmp_path: Path):
    state, tables, db = ModelState(key="test"), None, None
    for i, run in enumerate(RUNS):
        state = model_state.load(model_state.save(tmp_path, state).parent, "test", knowledge(), tmp_path / "work")
        tables, changed = fold_run(state, run, tables, tmp_path / f"built{i}")
        fresh = built(tables)
        if db is None:
            db = fresh
            continue
        changed[QUARANTINE.name] = TableChange(None, pa.array([], pa.string()), parquet_path(tables, QUARANTINE.name))
        patched = tmp_path / f"patched{i}.duckdb"
        patch_database(db, patched, changed, (*TABLES, QUARANTINE))
        assert contents(patched) == contents(fresh)
        db = patched
    # Positive control: the runs changed rows the first database held (an acronym's id given up).
    assert state.orgs.redirect
    assert contents(db)["dim_organisations"] != contents(tmp_path / "built0" / "warehouse.duckdb")["dim_organisations"]
