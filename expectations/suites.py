"""The expectation suites that gate publication, built from the table declarations.

Per table (from schemas/): keys unique and not null, required columns not
null, typed columns within their allowed sets, row counts not collapsing
against the last published run. Across tables (derived batches computed in
DuckDB, because GE's SQL path is broken on DuckDB): every foreign key
resolves, event dates lie between 1947 and the reporting article's
publication date, and agreements and meetings mostly name who took part.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import duckdb
import great_expectations.expectations as gxe
import pandas as pd
import pyarrow as pa

from schemas import TABLES, Table

# Real articles sometimes name no party or participant; most do.
MOSTLY_WITH_PARTY = 0.5


@dataclass
class Batch:
    """One frame to validate, its suite, and the column that identifies a failing row to a person."""

    name: str
    table: str
    frame: pd.DataFrame
    expectations: list[Any] = field(default_factory=list)
    row_key: list[str] = field(default_factory=list)


def _frame(t: pa.Table) -> pd.DataFrame:
    # Lists become Python lists, dates stay objects: only scalar columns are checked.
    return t.to_pandas()


def table_expectations(table: Table, prev_rows: int | None, min_ratio: float, min_rows: int) -> list[Any]:
    out: list[Any] = []
    if len(table.key) == 1:
        out.append(gxe.ExpectColumnValuesToBeUnique(column=table.key[0]))
    elif table.key:
        out.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(table.key)))
    for c in table.columns:
        if c.name in table.key or not c.nullable:
            out.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.allowed:
            out.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.allowed)))
    if prev_rows is not None and prev_rows >= min_rows:
        out.append(gxe.ExpectTableRowCountToBeBetween(min_value=math.ceil(prev_rows * min_ratio)))
    return out


def _sql_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).fetch_df()


def build_batches(tables: dict[str, pa.Table], prev_counts: dict[str, int], min_ratio: float,
                  min_rows: int) -> list[Batch]:
    batches = [
        Batch(f"{t.name}", t.name, _frame(tables[t.name]).drop(
            columns=[c.name for c in t.columns if c.type.endswith("[]")]),
            table_expectations(t, prev_counts.get(t.name), min_ratio, min_rows), list(t.key))
        for t in TABLES
    ]
    con = duckdb.connect()
    try:
        for name, arrow in tables.items():
            con.register(name, arrow)
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
        # Event dates are plausible: not before 1947, not after the latest reporting article.
        for fact, bridge, key, cols in (
            ("fact_agreements", "bridge_agreement_articles", "agreement_id", ["signed_date"]),
            ("fact_meetings", "bridge_meeting_articles", "meeting_id", ["start_date", "end_date"]),
        ):
            for col in cols:
                frame = _sql_frame(con, f"""
                    select f.{key}, any_value(f.{col}) as {col},
                           date_diff('day', date '1947-01-01', any_value(f.{col})) as days_since_1947,
                           date_diff('day', max(a.published_date), any_value(f.{col})) as days_after_publication
                    from {fact} f join {bridge} b using ({key}) join dim_articles a using (article_id)
                    where f.{col} is not null group by f.{key}""")
                batches.append(Batch(f"{fact}__{col}__plausible", fact, frame, [
                    gxe.ExpectColumnValuesToBeBetween(column="days_since_1947", min_value=0),
                    gxe.ExpectColumnValuesToBeBetween(column="days_after_publication", max_value=0),
                ], [key]))
        frame = _sql_frame(con, """
            select date_diff('day', date '1947-01-01', published_date) as days_since_1947,
                   date_diff('day', published_date, current_date) as days_before_today, article_id
            from dim_articles where published_date is not null""")
        batches.append(Batch("dim_articles__published_date__plausible", "dim_articles", frame, [
            gxe.ExpectColumnValuesToBeBetween(column="days_since_1947", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="days_before_today", min_value=-1),
        ], ["article_id"]))
        # Agreements name a party; meetings a participant or a chair (mostly). Counted per report (event x
        # article), so events merged across many reports weigh as much as those reported once.
        frame = _sql_frame(con, """
            select b.agreement_id, b.article_id, count(p.organisation_id) as parties
            from bridge_agreement_articles b left join bridge_agreement_parties p using (agreement_id)
            group by all""")
        batches.append(Batch("fact_agreements__has_party", "fact_agreements", frame, [
            gxe.ExpectColumnValuesToBeBetween(column="parties", min_value=1, mostly=MOSTLY_WITH_PARTY)],
            ["agreement_id"]))
        frame = _sql_frame(con, """
            select b.meeting_id, b.article_id, count(p.meeting_id) as participants
            from bridge_meeting_articles b left join bridge_meeting_participants p using (meeting_id)
            group by all""")
        batches.append(Batch("fact_meetings__has_participant", "fact_meetings", frame, [
            gxe.ExpectColumnValuesToBeBetween(column="participants", min_value=1, mostly=MOSTLY_WITH_PARTY)],
            ["meeting_id"]))
    finally:
        con.close()
    return batches
