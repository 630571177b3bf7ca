"""The expectation suites that gate publication, built from the table declarations.

Per table (from schemas/): keys and required columns not null, typed columns
within their allowed sets (on the rows a run made: every row of a full build,
only the changed rows of a run that went on from the live version). DuckDB
reads the version's Parquet and hands Great Expectations the rows that break
one of them, with the count of rows checked: memory holds the bad rows, never
the table. Over the whole tables, in DuckDB (because GE's SQL path is broken on DuckDB, and these stay cheap at any
size): keys unique, every foreign key resolves, row counts
not collapsing against the last published run. On the changed rows again:
event dates lie between 1947 and the reporting article's publication date,
agreements and meetings mostly name who took part, articles mostly name
something (a run of junk does not).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import great_expectations.expectations as gxe
import pandas as pd

from schemas import TABLES, Table
from transforms.knowledge import knowledge
from warehouse.table_files import bounded_connection, create_views

# Real articles often name no party or participant (talks between two governments name neither
# as an organisation; a batch of 45 real articles had 20 of 32 meeting reports naming no one), but an
# extractor that names someone in fewer than a quarter of its events is broken.
MOSTLY_WITH_PARTY = 0.25
# Most articles of defence and technology news name a body, a person or an event; a run where fewer do
# is reading something else (an archive of another language, a scraper's error pages).
MOSTLY_NOT_JUNK = 0.5
# A "mostly" share is checked only on at least this many rows: one article is no sample.
MIN_SAMPLE = 10


@dataclass
class Batch:
    """One frame to validate, its suite, and the column that identifies a failing row to a person."""

    name: str
    table: str
    frame: pd.DataFrame
    expectations: list[Any] = field(default_factory=list)
    row_key: list[str] = field(default_factory=list)
    # Whether the articles behind failing rows are held back so the rest publishes: yes for rows that are
    # wrong on their own (and for junk articles); no for a share of events, which no article decides.
    hold_back: bool = True
    # Row checks: the frame holds only the rows that break an expectation, out of this many checked.
    rows_checked: int | None = None


def row_expectations(table: Table) -> list[Any]:
    """What each row must satisfy on its own: its key and required columns present, typed columns within
    their sets. A run that changed some rows checks only those (the others passed when they were made)."""
    out: list[Any] = []
    for c in table.columns:
        if c.name in table.key or not c.nullable:
            out.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.allowed:
            out.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.allowed)))
    return out


def _sql_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).fetch_df()


def _whole_table_batches(con: duckdb.DuckDBPyConnection, t: Table, prev_rows: int | None, min_ratio: float,
                         min_rows: int) -> list[Batch]:
    """Checks of a whole table that stay cheap at any size, computed in DuckDB: no key twice (the frame of
    repeated keys must be empty), and no collapse against the last published run (its row count)."""
    out = []
    if t.key:
        key = ", ".join(t.key)
        frame = _sql_frame(con, f"select {key}, count(*) as copies from {t.name} group by {key} having count(*) > 1")
        out.append(Batch(f"{t.name}__key_unique", t.name, frame, [gxe.ExpectTableRowCountToEqual(value=0)],
                         list(t.key)))
    if prev_rows is not None and prev_rows >= min_rows:
        frame = _sql_frame(con, f"select count(*) as row_count from {t.name}")
        out.append(Batch(f"{t.name}__row_count", t.name, frame, [gxe.ExpectColumnValuesToBeBetween(
            column="row_count", min_value=math.ceil(prev_rows * min_ratio))], [], hold_back=False))
    return out


def _breaking(expectation: Any) -> str:
    """SQL true for a row the row expectation fails (GX leaves nulls out of a value set, so does this)."""
    col = expectation.column
    if isinstance(expectation, gxe.ExpectColumnValuesToNotBeNull):
        return f"{col} IS NULL"
    if isinstance(expectation, gxe.ExpectColumnValuesToBeInSet):
        values = ", ".join("'" + str(v).replace("'", "''") + "'" for v in expectation.value_set)
        return f"({col} IS NOT NULL AND {col} NOT IN ({values}))"
    raise TypeError(f"no SQL for {type(expectation).__name__}")


def row_batch(con: duckdb.DuckDBPyConnection, t: Table, rows: str) -> Batch:
    """The table's row checks over the view `rows`: DuckDB finds the rows that break one, with the columns
    checked and those that name a failing row (its key, its article); GX validates them."""
    expectations = row_expectations(t)
    checked = {e.column for e in expectations}
    wanted = [c.name for c in t.columns if (c.name in checked or c.name in t.key or c.name == "article_id")
              and not c.type.endswith("[]")]
    breaking = " OR ".join(_breaking(e) for e in expectations) or "false"
    total = con.execute(f"SELECT count(*) FROM {rows}").fetchone()
    frame = _sql_frame(con, f"SELECT {', '.join(wanted)} FROM {rows} WHERE {breaking}")
    return Batch(t.name, t.name, frame, expectations, list(t.key), rows_checked=total[0] if total else 0)


def build_batches(tables: Mapping[str, Path], prev_counts: dict[str, int], min_ratio: float,
                  min_rows: int, changed: Mapping[str, Path] | None = None) -> list[Batch]:
    """Every batch the gate validates, from the version's tables (Parquet files by name). With `changed`
    (the rows a run that went on from the live version made, table by table, as Parquet), row checks and
    the shares run on those rows only; keys, foreign keys and row counts are checked over the whole
    tables. All of it computed by DuckDB, bounded."""
    rows = changed if changed is not None else tables
    with bounded_connection() as con:
        create_views(con, dict(tables))
        create_views(con, dict(rows), prefix="new_")  # the rows checked row by row: all of them, or those changed
        batches = [row_batch(con, t, f"new_{t.name}") for t in TABLES]
        return batches + _sql_batches(con, tables, prev_counts, min_ratio, min_rows)


def _sql_batches(con: duckdb.DuckDBPyConnection, tables: Mapping[str, Path], prev_counts: dict[str, int],
                 min_ratio: float, min_rows: int) -> list[Batch]:
    """The checks over the whole tables, and the shares and dates of the rows made."""
    batches: list[Batch] = []
    for t in TABLES:
        batches += _whole_table_batches(con, t, prev_counts.get(t.name), min_ratio, min_rows)
    # Every foreign key resolves: the orphans frame must be empty.
    for t in TABLES:
        for c in t.columns:
            if not c.references:
                continue
            ptable, pcol = c.references.split(".")
            key = ", ".join(t.key)
            frame = _sql_frame(con, f"""
                select {key}, {c.name} as missing_{ptable}
                from {t.name} where {c.name} is not null
                  and {c.name} not in (select {pcol} from {ptable})""")
            batches.append(Batch(f"{t.name}__{c.name}__resolves", t.name, frame,
                                 [gxe.ExpectTableRowCountToEqual(value=0)], list(t.key)))
    specs = [s for s in knowledge().events if s.fact_table in tables]
    # Event dates are plausible: not before 1947, not after the latest reporting article, never after
    # the day of the run (an undated story's "signed on 12 March 2099").
    for spec in specs:
        key, fact, bridge = spec.id_column, spec.fact_table, spec.articles_table
        for field_name in ("start", "end"):
            col = spec.fact_columns.get(field_name)
            if col is None or (field_name == "end" and spec.dates == "single"):
                continue
            frame = _sql_frame(con, f"""
                select f.{key}, any_value(f.{col}) as {col},
                       date_diff('day', date '1947-01-01', any_value(f.{col})) as days_since_1947,
                       date_diff('day', max(a.published_date), any_value(f.{col})) as days_after_publication,
                       date_diff('day', current_date, any_value(f.{col})) as days_after_today
                from {fact} f join {bridge} b using ({key}) join dim_articles a using (article_id)
                where f.{col} is not null and f.{key} in (select {key} from new_{fact})
                group by f.{key}""")
            # A meeting under way when reported ends after the report (the column says how long after).
            later = next(t for t in TABLES if t.name == fact).column(col).days_after_publication
            batches.append(Batch(f"{fact}__{col}__plausible", fact, frame, [
                gxe.ExpectColumnValuesToBeBetween(column="days_since_1947", min_value=0),
                gxe.ExpectColumnValuesToBeBetween(column="days_after_publication", max_value=later),
                gxe.ExpectColumnValuesToBeBetween(column="days_after_today", max_value=later),
            ], [key]))
    frame = _sql_frame(con, """
        select date_diff('day', date '1947-01-01', published_date) as days_since_1947,
               date_diff('day', published_date, current_date) as days_before_today, article_id
        from new_dim_articles where published_date is not null""")
    batches.append(Batch("dim_articles__published_date__plausible", "dim_articles", frame, [
        gxe.ExpectColumnValuesToBeBetween(column="days_since_1947", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="days_before_today", min_value=-1),
    ], ["article_id"]))
    # Events mostly name who took part (an agreement its parties; a meeting its participants or chairs).
    # Counted per report (event x article), so events merged across many reports weigh as much as
    # those reported once; a share means nothing on a handful, so it is checked from MIN_SAMPLE up.
    for spec in specs:
        key, bridge = spec.id_column, spec.articles_table
        role_tables = sorted({r.table for r in spec.roles if r.entity == "organisation"} |
                             ({r.table for r in spec.roles} if spec.reader == "gathering" else set()))
        filled = " + ".join(f"(select count(*) from {t} p where p.{key} = b.{key})" for t in role_tables)
        frame = _sql_frame(con, f"select b.{key}, b.article_id, {filled} as named from new_{bridge} b")
        if len(frame) >= MIN_SAMPLE:
            batches.append(Batch(f"{spec.fact_table}__names_who_took_part", spec.fact_table, frame, [
                gxe.ExpectColumnValuesToBeBetween(column="named", min_value=1, mostly=MOSTLY_WITH_PARTY)],
                [key], hold_back=False))
    # Junk: most articles name an organisation, an official or an event; a run of nonsense does not.
    said = " or ".join([f"article_id in (select article_id from {t})" for t in (
        "bridge_article_organisations", "bridge_article_officials", *(s.articles_table for s in specs))])
    frame = _sql_frame(con, f"select article_id, case when {said} then 1 else 0 end as names_something "
                            "from new_dim_articles")
    if len(frame) >= MIN_SAMPLE:
        batches.append(Batch("dim_articles__not_junk", "dim_articles", frame, [
            gxe.ExpectColumnValuesToBeBetween(column="names_something", min_value=1, mostly=MOSTLY_NOT_JUNK)],
            ["article_id"]))
    return batches
