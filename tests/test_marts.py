"""The marts' numbers on a warehouse small enough to count by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pytest

from schemas import MARTS, TABLES
from warehouse.arrow import to_arrow

DAY = dt.date(2025, 3, 4)


def warehouse(rows: dict[str, list[dict[str, Any]]]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for t in TABLES:
        con.execute(t.ddl(with_foreign_keys=False))
        con.register("given", to_arrow(t, rows.get(t.name, [])))
        con.execute(f"INSERT INTO {t.name} SELECT * FROM given")
        con.unregister("given")
    return con


def mart(con: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
    (view,) = [v for v in MARTS if v.name == name]
    cur = con.execute(view.sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def article(aid: str) -> dict[str, Any]:
    return {"article_id": aid, "source_uri": f"file:///{aid}.txt", "content_hash": aid * 8, "published_date": DAY}


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    """Two articles naming one domain (3 and 2 mentions); the first reports two agreements and a meeting,
    the second one of the same agreements. Two organisations are parties to both agreements and take part
    in the meeting, one of them in two roles."""
    return warehouse({
        "dim_articles": [article("a1"), article("a2")],
        "dim_domains": [{"domain_id": "d1", "name": "drones"}],
        "bridge_article_domains": [{"article_id": "a1", "domain_id": "d1", "mentions": 3},
                                   {"article_id": "a2", "domain_id": "d1", "mentions": 2}],
        "dim_organisations": [{"organisation_id": "o1", "name": "Orion Agency"},
                              {"organisation_id": "o2", "name": "Vexlar Systems"}],
        "fact_agreements": [{"agreement_id": g, "agreement_type": "MoU", "signed_date": DAY} for g in ("g1", "g2")],
        "bridge_agreement_articles": [{"agreement_id": "g1", "article_id": "a1", "evidence": "e"},
                                      {"agreement_id": "g2", "article_id": "a1", "evidence": "e"},
                                      {"agreement_id": "g1", "article_id": "a2", "evidence": "e"}],
        "bridge_agreement_parties": [{"agreement_id": g, "organisation_id": o, "role": "party"}
                                     for g in ("g1", "g2") for o in ("o1", "o2")],
        "fact_meetings": [{"meeting_id": "m1", "meeting_type": "dialogue", "start_date": DAY}],
        "bridge_meeting_articles": [{"meeting_id": "m1", "article_id": "a1", "evidence": "e"}],
        "bridge_meeting_participants": [
            {"participant_id": "p1", "meeting_id": "m1", "organisation_id": "o1", "role": "host"},
            {"participant_id": "p2", "meeting_id": "m1", "organisation_id": "o1", "role": "chair"},
            {"participant_id": "p3", "meeting_id": "m1", "organisation_id": "o2", "role": "host"}],
    })


def test_domain_trends_count_each_articles_mentions_once_however_many_events_it_reports(con):
    (row,) = mart(con, "mart_domain_trends")
    assert (row["articles"], row["mentions"], row["agreements"], row["meetings"]) == (2, 5, 2, 1)


def test_the_collaboration_network_counts_each_event_once_per_pair(con):
    (pair,) = mart(con, "mart_collaboration_network")
    assert (pair["organisation_a_id"], pair["organisation_b_id"]) == ("o1", "o2")
    assert (pair["agreements"], pair["meetings"]) == (2, 1)


def test_the_declared_columns_are_the_marts_columns(con):
    for view in MARTS:
        cur = con.execute(view.sql)
        assert [d[0] for d in cur.description] == [c.name for c in view.columns], view.name


def test_agreements_by_quarter_list_their_parties_in_name_order(con):
    rows = mart(con, "mart_agreements_by_quarter")
    assert sorted(r["agreement_id"] for r in rows) == ["g1", "g2"]
    assert {(r["parties"], r["party_count"], r["year"], r["quarter"]) for r in rows} == {
        ("Orion Agency; Vexlar Systems", 2, 2025, 1)}
