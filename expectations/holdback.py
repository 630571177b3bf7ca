"""The articles behind a failed gate: held back so that the next run publishes the rest.

A row-level failure (a key not unique, a value outside its set, a date in the future, a foreign key
that does not resolve) comes from the articles that reported the row. Those articles are found through
the tables' own links (an event's articles bridge, an organisation's or official's article bridge) and
quarantined with the gate's reason; the next run models the warehouse without them. Shares and table
counts ("mostly named", "row count collapsed") name no article: such a run stays blocked as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from expectations.gate import Failure
from transforms.knowledge import knowledge
from warehouse.table_files import bounded_connection, create_views
from warehouse.zones import HELD

# Dimensions whose rows are named by articles through these bridges.
_DIMENSION_BRIDGES = {
    "dim_organisations": ("bridge_article_organisations", "organisation_id"),
    "dim_officials": ("bridge_article_officials", "official_id"),
    "dim_domains": ("bridge_article_domains", "domain_id"),
}


def _bridge_for(table: str, key: dict[str, Any]) -> tuple[str, str] | None:
    """(bridge to articles, the key column it shares with the failing row)."""
    for spec in knowledge().events:
        id_col = spec.id_column
        if id_col in key and (table == spec.fact_table or table in {r.table for r in spec.roles}
                              or table == spec.articles_table):
            return spec.articles_table, id_col
    if table in _DIMENSION_BRIDGES:
        bridge, col = _DIMENSION_BRIDGES[table]
        return (bridge, col) if col in key else None
    return None


def articles_behind(failures: list[Failure], tables: Mapping[str, Path]) -> dict[str, str]:
    """article_id -> the gate's reason, for every article behind a row-level failure (`tables`: the
    version's Parquet files by name)."""
    held: dict[str, str] = {}
    with bounded_connection() as con:
        create_views(con, dict(tables))
        for f in failures:
            reason = f"{HELD}: {f.table}: {f.expectation} ({f.detail})"
            for key in f.keys:
                if "article_id" in key:
                    held.setdefault(str(key["article_id"]), reason)
                    continue
                link = _bridge_for(f.table, key)
                if link is None or link[0] not in tables:
                    continue
                bridge, col = link
                for (aid,) in con.execute(f"select distinct article_id from {bridge} where {col} = ?",
                                          [key[col]]).fetchall():
                    held.setdefault(aid, reason)
    return held


def sources_of(articles: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """article_id -> the article's `article_id`, `source_uri` and `title`, for these ids, from the
    version's `dim_articles` Parquet."""
    with bounded_connection() as con:
        con.execute("CREATE TEMP TABLE wanted(article_id VARCHAR)")
        con.executemany("INSERT INTO wanted VALUES (?)", [[i] for i in sorted(set(ids))])
        cur = con.execute("SELECT article_id, source_uri, title FROM read_parquet(?) SEMI JOIN wanted USING "
                          "(article_id)", [str(articles)])
        return {r[0]: dict(zip(("article_id", "source_uri", "title"), r, strict=True)) for r in cur.fetchall()}
