"""A version's database patched from the last one's holds the rows of one built from its tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import MARTS, QUARANTINE, TABLES
from transforms.knowledge import knowledge
from transforms.model import ModelState, fold_key
from warehouse import model_state
from warehouse.delta import TableChange, apply, changes
from warehouse.patch import patch_database
from warehouse.publish import build_database

from .test_incremental_model import RUNS


def contents(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [t.name for t in (*TABLES, QUARANTINE)] + [v.name for v in MARTS]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}


def built(tables: dict[str, pa.Table], where: Path) -> Path:
    where.mkdir()
    for name, t in tables.items():
        pq.write_table(t, where / f"{name}.parquet")
    build_database(where / "warehouse.duckdb", where)
    return where / "warehouse.duckdb"


def test_a_patched_database_equals_one_built_from_the_same_tables(tmp_path: Path):
    state, tables, db = ModelState(key="test"), {}, None
    quarantine = QUARANTINE.arrow_schema.empty_table()
    for i, run in enumerate(RUNS):
        state = model_state.load(model_state.save(tmp_path, state).parent, "test", knowledge(), tmp_path / "work")
        changed = changes(state.fold(sorted(run, key=lambda a: fold_key(a[0]))), TABLES)
        tables = apply(tables, changed, TABLES)
        fresh = built({**tables, QUARANTINE.name: quarantine}, tmp_path / f"built{i}")
        if db is None:
            db = fresh
            continue
        changed[QUARANTINE.name] = TableChange(None, pa.array([], pa.string()), quarantine)
        patched = tmp_path / f"patched{i}.duckdb"
        patch_database(db, patched, changed, (*TABLES, QUARANTINE))
        assert contents(patched) == contents(fresh)
        db = patched
    # Positive control: the runs changed rows the first database held (an acronym's id given up).
    assert state.orgs.redirect
    assert contents(db)["dim_organisations"] != contents(tmp_path / "built0" / "warehouse.duckdb")["dim_organisations"]
