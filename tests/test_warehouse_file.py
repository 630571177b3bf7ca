"""The published DuckDB file: its key constraints while they fit in memory, the same rows without them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from parley.settings import SettingsError, load_settings
from schemas import MARTS, QUARANTINE, TABLES
from transforms.knowledge import knowledge
from transforms.model import ModelState
from warehouse import model_state
from warehouse.publish import Version, build
from warehouse.table_files import parquet_path

from .test_incremental_model import RUNS, fold_run


def contents(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [t.name for t in (*TABLES, QUARANTINE)] + [v.name for v in MARTS]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall() for n in names}


def constraints(db: Path) -> set[tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return set(con.execute("SELECT table_name, constraint_type FROM duckdb_constraints() "
                               "WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')").fetchall())


@pytest.fixture(scope="module")
def version_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tables")
    state = model_state.load(model_state.save(tmp, ModelState(key="test")).parent, "test", knowledge(), tmp / "work")
    tables, _ = fold_run(state, RUNS[0], None, tmp / "v")
    pq.write_table(QUARANTINE.arrow_schema.empty_table(), parquet_path(tables, QUARANTINE.name))
    return tables


def built_version(tables: Path, into: Path, keyed_rows_max: int) -> tuple[Path, str]:
    v = Version("run", into)
    (into / "tables").mkdir(parents=True)
    for f in tables.glob("*.parquet"):
        (into / "tables" / f.name).write_bytes(f.read_bytes())
    return v.database, build(v, keyed_rows_max)


def test_a_warehouse_over_the_row_limit_is_published_without_key_constraints_with_the_same_rows(
        version_tables: Path, tmp_path: Path):
    keyed, how_keyed = built_version(version_tables, tmp_path / "keyed", 1_000_000)
    plain, how_plain = built_version(version_tables, tmp_path / "plain", 10)
    assert how_keyed == "built" and how_plain.startswith("built without key constraints")
    assert ("dim_articles", "PRIMARY KEY") in constraints(keyed)
    assert ("bridge_agreement_parties", "FOREIGN KEY") in constraints(keyed)
    assert constraints(plain) == set()
    assert contents(plain) == contents(keyed)
    assert contents(keyed)["fact_agreements"]  # a warehouse with rows to compare


def test_the_catalog_names_each_key_and_reference_whether_or_not_they_are_constraints(
        version_tables: Path, tmp_path: Path):
    plain, _ = built_version(version_tables, tmp_path / "plain", 0)
    with duckdb.connect(str(plain), read_only=True) as con:
        comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() "
                                    "WHERE table_name = 'bridge_agreement_parties'").fetchall())
    assert comments["agreement_id"].endswith("(key; references fact_agreements.agreement_id)")
    assert "key" not in comments["role"]


def test_a_negative_key_constraint_limit_is_refused_with_the_setting_to_change(tmp_path: Path):
    with pytest.raises(SettingsError, match="PARLEY_KEY_CONSTRAINTS_MAX_ROWS"):
        load_settings({"PARLEY_HOME": str(tmp_path), "PARLEY_KEY_CONSTRAINTS_MAX_ROWS": "-1"})
