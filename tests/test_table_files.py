"""A version's tables as Parquet files, read and merged by DuckDB a piece at a time (issue 15: memory
that does not grow with the warehouse)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import Column, Table
from warehouse.delta import TableChange, apply
from warehouse.new_facts import new_facts
from warehouse.table_files import bounded_connection, parquet_path, reference_levels, write_batches

from .test_gate_incremental import as_files, gate, tables_and_last_article

MENTIONS = Table("mentions", "A test table: who mentioned what.", (
    Column("mention_id", "VARCHAR", "Key."),
    Column("article_id", "VARCHAR", "Owner.", nullable=False),
    Column("words", "VARCHAR[]", "Words."),
    Column("seen", "DATE", "Day."),
), key=("mention_id",))


def rows(*ids: str, owner: str = "a1") -> pa.Table:
    return pa.Table.from_pylist([{"mention_id": i, "article_id": owner, "words": [i, "x"], "seen": dt.date(2025, 1, 2)}
                                 for i in ids], schema=MENTIONS.arrow_schema)


def test_a_table_written_from_no_batches_is_a_file_of_its_columns_and_no_rows(tmp_path: Path):
    path = tmp_path / "mentions.parquet"
    assert write_batches(path, MENTIONS, []) == 0
    assert pq.read_table(path).schema.equals(MENTIONS.arrow_schema)
    # Positive control: rows given in another column order are written in the declared one.
    assert write_batches(path, MENTIONS, [rows("m1").select(["seen", "words", "article_id", "mention_id"])]) == 1
    assert pq.read_table(path).equals(rows("m1"))


def test_a_write_that_fails_keeps_the_old_file_and_leaves_no_temporary_one(tmp_path: Path):
    path = tmp_path / "mentions.parquet"
    write_batches(path, MENTIONS, [rows("m1")])
    bad = pa.table({"mention_id": ["m2"]})  # lacks the declared columns
    with pytest.raises(KeyError):
        write_batches(path, MENTIONS, [rows("m0"), bad])
    assert pq.read_table(path).equals(rows("m1"))
    assert [p.name for p in tmp_path.iterdir()] == ["mentions.parquet"]


def test_a_change_replaces_only_its_owners_rows_and_the_result_is_sorted_by_key(tmp_path: Path):
    previous, changes = tmp_path / "live", tmp_path / "changes"
    previous.mkdir(), changes.mkdir()
    pq.write_table(pa.concat_tables([rows("m5", "m1", owner="a1"), rows("m3", owner="a2")]),
                   parquet_path(previous, "mentions"))
    pq.write_table(rows("m4", "m2", owner="a1"), parquet_path(changes, "mentions"))
    change = TableChange("article_id", pa.array(["a1"]), parquet_path(changes, "mentions"))
    with bounded_connection() as con:
        out = apply(con, previous, {"mentions": change}, [MENTIONS], tmp_path / "next")
    assert pq.read_table(out["mentions"]).column("mention_id").to_pylist() == ["m2", "m3", "m4"]
    # Without a previous version the change is the whole table, sorted.
    with bounded_connection() as con:
        out = apply(con, None, {"mentions": change}, [MENTIONS], tmp_path / "first")
    assert pq.read_table(out["mentions"]).equals(rows("m2", "m4"))


def test_the_gate_hands_great_expectations_only_the_bad_rows_and_counts_every_row_checked(tmp_path: Path):
    tables, _ = tables_and_last_article()
    agreements = tables["fact_agreements"].to_pylist()
    assert len(agreements) == 2  # positive control: a good row to leave out
    agreements[1]["agreement_type"] = "handshake"
    tables["fact_agreements"] = pa.Table.from_pylist(agreements, schema=tables["fact_agreements"].schema)
    batches, result = gate(tables, tmp_path / "gx")
    (checked,) = [b for b in batches if b.name == "fact_agreements"]
    assert checked.rows_checked == 2 and list(checked.frame["agreement_id"]) == [agreements[1]["agreement_id"]]
    (failure,) = result.failures
    assert failure.keys == [{"agreement_id": agreements[1]["agreement_id"]}]
    assert "1 of 2 rows unexpected" in failure.detail


def test_new_facts_are_those_the_live_version_lacks_shown_with_their_first_evidence(tmp_path: Path):
    tables, _ = tables_and_last_article()
    version = as_files(tables, tmp_path / "version")
    first = tables["fact_agreements"].slice(0, 1)
    live = tmp_path / "live"
    as_files({**tables, "fact_agreements": first}, live)
    new = new_facts(version, live)["fact_agreements"]
    (shown,) = new["shown"]
    second = tables["fact_agreements"]["agreement_id"][1].as_py()
    evidence = [b["evidence"] for b in tables["bridge_agreement_articles"].to_pylist() if b["agreement_id"] == second]
    assert new["count"] == 1 and shown["agreement_id"] == second
    assert shown["evidence"] == " ".join(evidence[0].split())
    # With no live version every fact is new.
    assert new_facts(version, None)["fact_agreements"]["count"] == 2


def test_a_row_check_finds_missing_required_values_and_leaves_nulls_out_of_value_sets():
    import duckdb

    from expectations.suites import row_batch

    kinds = Table("kinds", "A test table.", (
        Column("kind_id", "VARCHAR", "Key."),
        Column("kind", "VARCHAR", "A kind.", allowed=("it's", "plain")),
    ), key=("kind_id",))
    with duckdb.connect() as con:
        con.execute("CREATE TABLE rows AS SELECT * FROM (VALUES ('k1', 'it''s'), ('k2', NULL), (NULL, 'plain'), "
                    "('k4', 'odd')) v(kind_id, kind)")
        batch = row_batch(con, kinds, "rows")
    assert batch.rows_checked == 4
    found = batch.frame.to_dict("records")  # a missing key, and a kind not allowed; not a missing kind
    assert len(found) == 2 and found[0]["kind"] == "plain" and found[1] == {"kind_id": "k4", "kind": "odd"}


def test_tables_load_in_levels_that_reference_only_earlier_levels():
    from schemas import QUARANTINE, TABLES

    levels = reference_levels((*TABLES, QUARANTINE))
    seen: set[str] = set()
    for level in levels:
        for t in level:
            assert {r for _, r, _ in t.foreign_keys if r != t.name} <= seen, t.name
        seen |= {t.name for t in level}
    assert seen == {t.name for t in (*TABLES, QUARANTINE)}
    assert len(levels) >= 3  # dimensions, then facts and what references dimensions, then the rest


def test_a_table_referencing_itself_is_not_its_own_earlier_level():
    one = Table("a", "a", (Column("id", "VARCHAR", "id"), Column("parent", "VARCHAR", "p", references="a.id")),
                key=("id",))
    two = Table("b", "b", (Column("a_id", "VARCHAR", "a", references="a.id"),), key=("a_id",))
    assert [[t.name for t in level] for level in reference_levels((two, one))] == [["a"], ["b"]]
