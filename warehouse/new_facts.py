"""The facts a version holds that the published warehouse did not: how many, and a few with evidence,
for the run's report. Counted by DuckDB over the two versions' Parquet, never read into memory whole."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from schemas import BY_NAME
from warehouse.table_files import bounded_connection, create_views, parquet_path

# New facts shown per table (the report is read, not scrolled).
SHOWN_NEW = 5
EVIDENCE_CHARS = 240

# For each fact table: its id column, the bridge holding its evidence, and the columns shown.
NEW_FACTS = {
    "fact_agreements": ("agreement_id", "bridge_agreement_articles", ("agreement_type", "signed_date", "summary")),
    "fact_meetings": ("meeting_id", "bridge_meeting_articles", ("meeting_type", "start_date", "summary")),
}


def new_facts(tables: Mapping[str, Path], live: Path | None) -> dict[str, Any]:
    """Per fact table, the facts of `tables` (this version's files) whose ids the `live` version's tables
    folder lacks (None: there is no live version, every fact is new): their count and the first few in id
    order, each with its first article's evidence."""
    out: dict[str, Any] = {}
    with bounded_connection() as con:
        create_views(con, {n: tables[n] for n in (*NEW_FACTS, *(b for _, b, _ in NEW_FACTS.values()))})
        for name, (key, bridge, cols) in NEW_FACTS.items():
            old = parquet_path(live, name) if live is not None else None
            new = f"{name} f"
            if old is not None and old.is_file():
                create_views(con, {name: old}, prefix="live_")
                new += f" ANTI JOIN live_{name} o ON f.{key} = o.{key}"
            count = con.execute(f"SELECT count(*) FROM {new}").fetchone()
            first = ", ".join(BY_NAME[bridge].key)
            rows = con.execute(f"""
                SELECT {', '.join(f'f.{c}' for c in (key, *cols))},
                       (SELECT evidence FROM {bridge} b WHERE b.{key} = f.{key} ORDER BY {first} LIMIT 1)
                FROM {new} ORDER BY f.{key} LIMIT {SHOWN_NEW}""").fetchall()
            shown = [{**{c: _plain(v) for c, v in zip((key, *cols), r[:-1], strict=True)}, "evidence": _clip(r[-1])}
                     for r in rows]
            out[name] = {"count": count[0] if count else 0, "shown": shown}
    return out


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _clip(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"
