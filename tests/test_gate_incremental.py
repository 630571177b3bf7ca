"""The gate of a run that went on from the live version, through the real Great Expectations: row checks on
the changed rows only, keys, foreign keys and row counts over the whole tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import TABLES
from transforms.extract import extract_article
from transforms.model import ArticleMeta, StarBuilder
from warehouse.arrow import to_arrow

PUB = dt.date(2024, 5, 6)
STORIES = ("The Orion Research Agency signed an MoU with Vexlar Systems in Pune on Monday.",
           "The Norland Navy signed a contract with Kestrel Marine for patrol boats on Monday.")
BY_NAME = {t.name: t for t in TABLES}


def tables_and_last_article() -> tuple[dict[str, pa.Table], str]:
    builder = StarBuilder()
    for n, text in enumerate(STORIES):
        builder.add(ArticleMeta(f"a{n}", f"{n}" * 64, f"file:///a{n}.txt", None, None, PUB, len(text.split()),
                                dt.datetime(2024, 5, 6, tzinfo=dt.UTC)), extract_article(text, PUB))
    rows = builder.tables()
    return {t.name: to_arrow(t, rows.get(t.name, [])) for t in TABLES}, "a1"


def changed_rows(tables: dict[str, pa.Table], article: str) -> dict[str, pa.Table]:
    """What a run that read only `article` changed: the rows of the article and of the events it reports."""
    own = {name: t.filter(pc.equal(t["article_id"], article)) for name, t in tables.items()
           if "article_id" in t.column_names}
    ids = {v for t in own.values() for c in t.column_names if c.endswith("_id") and c != "article_id"
           for v in t[c].to_pylist()}
    out = {}
    for name, t in tables.items():
        key = BY_NAME[name].key[0]
        if name in own or not pa.types.is_string(t.schema.field(key).type):
            out[name] = own.get(name, t.slice(0, 0))  # the calendar is no article's
        else:
            out[name] = t.filter(pc.is_in(t[key], value_set=pa.array(sorted(ids), pa.string())))
    return out


def as_files(tables: dict[str, pa.Table], folder: Path) -> dict[str, Path]:
    """Tables as a version holds them: one Parquet file each."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, t in tables.items():
        pq.write_table(t, folder / f"{name}.parquet")
    return {name: folder / f"{name}.parquet" for name in tables}


def gate(tables: dict, root: Path, changed: dict | None = None, prev: dict | None = None):
    from expectations.gate import run_gate
    from expectations.suites import build_batches

    batches = list(build_batches(as_files(tables, root / "tables"), prev or {}, 0.5, 1,
                                 as_files(changed, root / "changed") if changed is not None else None))
    return batches, run_gate(batches, root, "t1", docs="never")


def test_a_run_that_went_on_checks_rows_of_its_own_articles_only(tmp_path):
    tables, last = tables_and_last_article()
    changed = changed_rows(tables, last)
    batches, result = gate(tables, tmp_path / "gx", changed)
    assert result.passed
    articles = next(b for b in batches if b.name == "dim_articles")
    assert articles.rows_checked == 1  # not every article again


def test_a_key_repeated_across_old_and_new_rows_fails_the_whole_table_check(tmp_path):
    tables, last = tables_and_last_article()
    changed = changed_rows(tables, last)
    articles = tables["dim_articles"]
    twice = pa.concat_tables([articles, changed["dim_articles"]])  # the new article's row is there twice
    tables["dim_articles"] = twice
    _, result = gate(tables, tmp_path / "gx", changed)
    assert not result.passed
    assert any("dim_articles__key_unique" in str(f) for f in result.failures)


def test_a_bad_value_in_a_changed_row_fails_and_the_collapse_check_sees_the_whole_table(tmp_path):
    tables, last = tables_and_last_article()
    changed = changed_rows(tables, last)
    rows = changed["fact_agreements"].to_pylist()
    rows[0]["agreement_type"] = "handshake"
    changed["fact_agreements"] = to_arrow(BY_NAME["fact_agreements"], rows)
    _, result = gate(tables, tmp_path / "gx1", changed)
    assert not result.passed and any("agreement_type" in str(f) for f in result.failures)

    changed = changed_rows(tables, last)
    _, result = gate(tables, tmp_path / "gx2", changed, prev={"dim_articles": 10})
    assert not result.passed and any("dim_articles__row_count" in str(f) for f in result.failures)
    _, result = gate(tables, tmp_path / "gx3", changed, prev={"dim_articles": 3})
    assert result.passed
