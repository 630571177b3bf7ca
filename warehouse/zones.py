"""The raw zone, the extraction store and the quarantine: append-only Parquet parts under PARLEY_HOME.

Each write is one new part file, written to a temporary name and renamed into
place, so a crash leaves either the whole part or nothing. Readers scan the
parts with DuckDB and never load a whole zone into memory.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import QUARANTINE, RAW_ARTICLES
from transforms.record import ArticleRecord
from warehouse.arrow import to_arrow

EXTRACTED_SCHEMA = pa.schema([
    pa.field("content_hash", pa.string(), nullable=False),
    pa.field("extractor_version", pa.string(), nullable=False),
    pa.field("record", pa.string(), nullable=False),
    pa.field("extracted_at", pa.timestamp("us", tz="UTC"), nullable=False),
])


def write_part(directory: Path, table: pa.Table, prefix: str = "part") -> Path | None:
    if table.num_rows == 0:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-{uuid.uuid4().hex}.parquet"
    tmp = directory / f".{name}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, directory / name)
    return directory / name


def _glob(directory: Path) -> list[str] | None:
    """The zone's part files, listed by name: DuckDB is handed the files themselves, never a pattern,
    so a PARLEY_HOME with '[' or '*' in its path reads as it is."""
    if not directory.is_dir():
        return None
    parts = sorted(str(p) for p in directory.glob("part-*.parquet"))
    return parts or None


def set_aside_corrupt_parts(directory: Path) -> list[Path]:
    """Parts whose Parquet footer cannot be read are renamed `*.corrupt` (kept for inspection, no longer
    read). For the extraction store, a cache, this costs only re-extraction; it never blocks a run."""
    bad = []
    for p in sorted(directory.glob("part-*.parquet")):
        try:
            pq.read_metadata(p)
        except Exception:  # noqa: BLE001 (any unreadable part is set aside, whatever the reader says)
            p.rename(p.with_suffix(".parquet.corrupt"))
            bad.append(p)
    return bad


def known_hashes(raw_dir: Path) -> set[str]:
    g = _glob(raw_dir)
    if g is None:
        return set()
    with duckdb.connect() as con:
        return {h for (h,) in con.execute("select distinct content_hash from read_parquet(?)", [g]).fetchall()}


def append_raw(raw_dir: Path, rows: list[dict[str, Any]]) -> None:
    write_part(raw_dir, to_arrow(RAW_ARTICLES, rows))


def append_quarantine(qdir: Path, rows: list[dict[str, Any]]) -> None:
    write_part(qdir, to_arrow(QUARANTINE, rows))


def raw_count(raw_dir: Path) -> int:
    g = _glob(raw_dir)
    if g is None:
        return 0
    with duckdb.connect() as con:
        return con.execute("select count(distinct content_hash) from read_parquet(?)", [g]).fetchone()[0]


def iter_raw(raw_dir: Path, batch_size: int, only: set[str] | None = None) -> Iterator[list[dict[str, Any]]]:
    """Every raw article once (first read wins), in a stable order, batch by batch; with `only`, just
    the articles of those content hashes (the rest of the zone's text is never read)."""
    g = _glob(raw_dir)
    if g is None or only == set():
        return
    with duckdb.connect() as con:
        where = ""
        if only is not None:
            con.execute("create temp table only_these(h varchar primary key)")
            con.executemany("insert into only_these values (?)", [[h] for h in sorted(only)])
            where = "where content_hash in (select h from only_these)"
        con.execute(f"""
            select * exclude (rn) from (
                select *, row_number() over (partition by content_hash order by read_at, source_uri) rn
                from read_parquet(?, union_by_name = true) {where}) where rn = 1
            order by content_hash""", [g])
        yield from _batches(con, batch_size)


def _batches(con: duckdb.DuckDBPyConnection, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    cols = [d[0] for d in con.description]
    while batch := con.fetchmany(batch_size):
        yield [dict(zip(cols, row, strict=True)) for row in batch]


def pending_hashes(raw_dir: Path, extracted_dir: Path, version: str) -> set[str]:
    """Articles of the raw zone with no record at this extractor version. Only the hash and version
    columns are read, so a run with nothing new costs milliseconds per thousand articles, not a parse of
    every stored record."""
    raw = _glob(raw_dir)
    if raw is None:
        return set()

    def query() -> set[str]:
        ext = _glob(extracted_dir)
        with duckdb.connect() as con:
            if ext is None:
                rows = con.execute("select distinct content_hash from read_parquet(?)", [raw]).fetchall()
            else:
                rows = con.execute(
                    "select distinct r.content_hash from read_parquet(?) r anti join (select content_hash "
                    "from read_parquet(?, union_by_name = true) where extractor_version = ?) e using (content_hash)",
                    [raw, ext, version]).fetchall()
        return {h for (h,) in rows}

    return _readable_store(extracted_dir, query)


def iter_modelled(raw_dir: Path, extracted_dir: Path, version: str, batch_size: int, only: set[str] | None = None
                  ) -> Iterator[list[tuple[dict[str, Any], str]]]:
    """What modelling reads, in one pass: each raw article's metadata (first read wins; never its text)
    with its record at this extractor version as stored (`ArticleRecord.to_dict()` as JSON text, parsed
    by modelling one at a time), batch by batch, in the order modelling folds them (`transforms.model.fold_key`:
    publication date, the run that read it, article id), sorted by DuckDB (out of core), so modelling holds
    one batch, never the corpus; with `only`, just those content hashes. The record's `failure`
    and `word_count` come with the metadata. A record that is not JSON is left out with a warning."""
    raw, ext = _glob(raw_dir), _glob(extracted_dir)
    if raw is None or ext is None or only == set():
        return
    with duckdb.connect() as con:
        cols = ", ".join(_raw_metadata(con, raw))
        where = ""
        if only is not None:
            con.execute("create temp table only_these(h varchar primary key)")
            con.executemany("insert into only_these values (?)", [[h] for h in sorted(only)])
            where = "where content_hash in (select h from only_these)"
        con.execute(f"""
            with raw as (
                select {cols}, row_number() over (partition by content_hash order by read_at, source_uri) rn
                from read_parquet(?, union_by_name = true) {where}),
            ext as (
                select content_hash, arg_max(record, extracted_at) record from read_parquet(?, union_by_name = true)
                {where.replace("where", "where extractor_version = ? and") if where else "where extractor_version = ?"}
                group by content_hash)
            select {cols}, ext.record, json_valid(ext.record) as readable,
                   case when json_valid(ext.record) then json_extract_string(ext.record, '$.failure') end failure,
                   case when json_valid(ext.record) then try_cast(json_extract(ext.record, '$.word_count') as integer)
                   end word_count
            from raw join ext using (content_hash) where rn = 1
            order by coalesce(published_date, date '0001-01-01'), coalesce(ingest_run, ''),
                     substr(content_hash, 1, 16)""", [raw, ext, version])
        for batch in _batches(con, batch_size):
            out = []
            for row in batch:
                record = row.pop("record")
                if row.pop("readable"):
                    out.append((row, record))
                else:
                    logging.getLogger(__name__).warning("record of %s unreadable (not JSON): left out",
                                                        row["source_uri"])
            yield out


def _raw_metadata(con: duckdb.DuckDBPyConnection, raw: list[str]) -> list[str]:
    """RAW_METADATA as the zone's parts hold it: a column older parts lack is NULL."""
    have = {r[0] for r in con.execute("describe select * from read_parquet(?, union_by_name = true)", [raw]).fetchall()}
    return [c if c in have else f"null::varchar as {c}" for c in RAW_METADATA]


# The raw zone's columns modelling needs: everything but the text and what was fetched with it.
RAW_METADATA = ("content_hash", "source_uri", "url", "title", "published_date", "read_at", "repairs", "ingest_run")


def _readable_store(extracted_dir: Path, query: Any) -> Any:
    """Runs a query over the extraction store; a damaged part is set aside with a warning (its articles
    are extracted again) and the query runs once more."""
    try:
        return query()
    except duckdb.Error:
        bad = set_aside_corrupt_parts(extracted_dir)
        if not bad:
            raise
        logging.getLogger(__name__).warning("set aside %d damaged extraction-store part(s): %s", len(bad),
                                            ", ".join(p.name for p in bad))
        return query()


def append_extracted(extracted_dir: Path, version: str, records: dict[str, ArticleRecord]) -> None:
    append_stored(extracted_dir, version, {h: json.dumps(r.to_dict(), sort_keys=True) for h, r in records.items()})


def append_stored(extracted_dir: Path, version: str, records: dict[str, str]) -> None:
    """Records already in their stored form (JSON of `ArticleRecord.to_dict()`), by content hash."""
    now = dt.datetime.now(dt.UTC)
    rows = {"content_hash": list(records), "extractor_version": [version] * len(records),
            "record": list(records.values()), "extracted_at": [now] * len(records)}
    write_part(extracted_dir, pa.Table.from_pydict(rows, schema=EXTRACTED_SCHEMA))


def quarantined_reasons(qdir: Path, raw_dir: Path) -> frozenset[tuple[str, str]]:
    """(source, reason) of every input in quarantine now: the same input refused again for the same
    reason is not stored again."""
    t = quarantine_table(qdir, raw_dir)
    return frozenset(zip(t.column("source_uri").to_pylist(), t.column("reason").to_pylist(), strict=True))


# What a quarantine entry's reason starts with when it is not a refusal but a state of the article:
# held back by the gate (kept out of the warehouse), released or dropped by the user.
HELD, RELEASED, DROPPED = "held back by the quality gate", "released by the user", "dropped by the user"


def quarantine_table(qdir: Path, raw_dir: Path) -> pa.Table:
    """The published `quarantine` table: the latest entry per source, except sources fixed and loaded
    since, and those the user released or dropped."""
    t = _latest_entries(qdir, raw_dir)
    keep = [not (r or "").startswith((RELEASED, DROPPED)) for r in t.column("reason").to_pylist()]
    return t.filter(pa.array(keep, pa.bool_())) if t.num_rows else t


def held_sources(qdir: Path, raw_dir: Path) -> frozenset[str]:
    """Sources whose articles stay out of the warehouse: held back by the gate, or dropped by the user."""
    t = _latest_entries(qdir, raw_dir)
    return frozenset(u for u, r in zip(t.column("source_uri").to_pylist(), t.column("reason").to_pylist(),
                                       strict=True) if (r or "").startswith((HELD, DROPPED)))


def mark_quarantine(qdir: Path, sources: list[str], reason: str, titles: dict[str, str] | None = None) -> None:
    """Appends a state entry (held, released, dropped) for each source; the latest entry is its state."""
    now = dt.datetime.now(dt.UTC)
    append_quarantine(qdir, [{"source_uri": s, "reason": reason, "size_bytes": None,
                              "content": (titles or {}).get(s), "raw_bytes": None, "read_at": now}
                             for s in sources])


def _latest_entries(qdir: Path, raw_dir: Path) -> pa.Table:
    """The latest quarantine entry per source; a source that was fixed and loaded since is left out."""
    g = _glob(qdir)
    if g is None:
        return QUARANTINE.arrow_schema.empty_table()
    raw = _glob(raw_dir)
    loaded = ("select source_uri, max(read_at) as loaded_at from read_parquet(?) group by source_uri" if raw
              else "select null::varchar as source_uri, null::timestamptz as loaded_at where false")
    cols = ", ".join(f"q.{c}" for c in QUARANTINE.column_names)
    with duckdb.connect() as con:
        return con.execute(f"""
            with q as (
              select * exclude (rn) from (
                select *, row_number() over (partition by source_uri order by read_at desc) rn
                from read_parquet(?, union_by_name = true)) where rn = 1),
            loaded as ({loaded})
            select {cols} from q left join loaded l using (source_uri)
            where l.loaded_at is null or l.loaded_at < q.read_at
            order by q.source_uri""", [g, raw] if raw else [g]).to_arrow_table().cast(QUARANTINE.arrow_schema)
