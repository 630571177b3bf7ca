"""The raw zone, the extraction store and the quarantine: append-only Parquet parts under PARLEY_HOME.

Each write is one new part file, written to a temporary name and renamed into
place, so a crash leaves either the whole part or nothing. Readers scan the
parts with DuckDB and never load a whole zone into memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import tempfile
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
from warehouse.table_files import ROWS_PER_BATCH, bounded_connection

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


def raw_parts(raw_dir: Path) -> list[str] | None:
    """The raw zone's part files (None: there are none)."""
    return _glob(raw_dir)


def sorted_hashes(raw_dir: Path) -> Iterator[str]:
    """The raw zone's content hashes, each once, in order, streamed (DuckDB sorts them, spilling)."""
    g = _glob(raw_dir)
    if g is None:
        return
    with bounded_connection() as con:
        con.execute("select distinct content_hash from read_parquet(?) order by 1", [g])
        while rows := con.fetchmany(ROWS_PER_BATCH):
            yield from (h for (h,) in rows)


def compare_sorted(zone: Iterator[str], held: Iterator[str]) -> tuple[set[str], bool]:
    """Two sorted streams of hashes: those of `zone` that `held` lacks, and whether `held` has any the zone
    lacks (then the first answer does not matter, and the comparison stops). Memory holds the first answer
    only: a run's new articles."""
    new: set[str] = set()
    h = next(held, None)
    for z in zone:
        if h is not None and h < z:
            return set(), True
        if h == z:
            h = next(held, None)
        else:
            new.add(z)
    return (set(), True) if h is not None else (new, False)


def append_raw(raw_dir: Path, rows: list[dict[str, Any]]) -> None:
    write_part(raw_dir, to_arrow(RAW_ARTICLES, rows))


def append_quarantine(qdir: Path, rows: list[dict[str, Any]]) -> None:
    write_part(qdir, to_arrow(QUARANTINE, rows))


def raw_count(raw_dir: Path) -> int:
    g = _glob(raw_dir)
    if g is None:
        return 0
    # Distinct 64-bit hashes of the content hashes: a fraction of the strings' memory, in a bounded connection (a
    # collision among n articles has a chance of about n²/2⁶⁵, a few in ten million at 3,000,000, and would cost
    # one off in a progress total).
    with bounded_connection() as con:
        row = con.execute("select count(distinct hash(content_hash)) from read_parquet(?)", [g]).fetchone()
        return int(row[0]) if row else 0


def _only(con: duckdb.DuckDBPyConnection, only: set[str] | None) -> str:
    """A filter to the given content hashes (a temporary table, with no key index to hold in memory), or
    none."""
    if only is None:
        return "true"
    con.register("only_these_arrow", pa.table({"h": pa.array(sorted(only), pa.string())}))
    con.execute("create temp table only_these as select h from only_these_arrow")
    con.unregister("only_these_arrow")
    return "content_hash in (select h from only_these)"


def _not_extracted(extracted_dir: Path, version: str) -> tuple[str, list[Any]]:
    """A filter to the articles with no record at this extractor version in the store, with its parameters
    (none where the store is empty): worked out by DuckDB, so no set of the zone's hashes is held."""
    ext = _glob(extracted_dir)
    if ext is None:
        return "true", []
    return ("content_hash not in (select content_hash from read_parquet(?, union_by_name = true) "
            "where extractor_version = ?)", [ext, version])


def iter_raw(raw_dir: Path, batch_size: int, only: set[str] | None = None,
             not_extracted_at: tuple[Path, str] | None = None) -> Iterator[list[dict[str, Any]]]:
    """Every raw article once (first read wins), batch by batch, in no set order; with `only`, just the
    articles of those content hashes; with `not_extracted_at` (the extraction store and a version), just
    those with no record at that version. The first reads are chosen on the small columns (file and row),
    then the zone is streamed once, so memory does not grow with the zone however large its texts."""
    g = _glob(raw_dir)
    if g is None or only == set():
        return
    with bounded_connection() as con:
        where = _only(con, only)
        pending, params = _not_extracted(*not_extracted_at) if not_extracted_at else ("true", [])
        con.execute(f"""
            create temp table firsts as
            select filename, file_row_number from (
                select filename, file_row_number,
                       row_number() over (partition by content_hash order by read_at, source_uri, filename,
                                          file_row_number) rn
                from read_parquet(?, union_by_name = true, filename = true, file_row_number = true)
                where {where} and {pending}) where rn = 1""", [g, *params])
        con.execute("""
            select r.* exclude (filename, file_row_number)
            from read_parquet(?, union_by_name = true, filename = true, file_row_number = true) r
            semi join firsts f on r.filename = f.filename and r.file_row_number = f.file_row_number""", [g])
        yield from _batches(con, batch_size)


def _batches(con: duckdb.DuckDBPyConnection, batch_size: int) -> Iterator[list[dict[str, Any]]]:
    cols = [d[0] for d in con.description]
    while batch := con.fetchmany(batch_size):
        yield [dict(zip(cols, row, strict=True)) for row in batch]


def pending_count(raw_dir: Path, extracted_dir: Path, version: str) -> int:
    """How many articles of the raw zone have no record at this extractor version. Only the hash and
    version columns are read, so a run with nothing new costs milliseconds per thousand articles, not a
    parse of every stored record."""
    raw = _glob(raw_dir)
    if raw is None:
        return 0

    def query() -> int:
        pending, params = _not_extracted(extracted_dir, version)
        with bounded_connection() as con:
            row = con.execute(f"select count(distinct content_hash) from read_parquet(?) where {pending}",
                              [raw, *params]).fetchone()
            return int(row[0]) if row else 0

    return int(_readable_store(extracted_dir, query))


def iter_modelled(raw_dir: Path, extracted_dir: Path, version: str, batch_size: int, only: set[str] | None = None
                  ) -> Iterator[list[tuple[dict[str, Any], str]]]:
    """What modelling reads, in one pass: each raw article's metadata (first read wins; never its text)
    with its record at this extractor version as stored (`ArticleRecord.to_dict()` as JSON text), batch by
    batch, in the order modelling folds them (`transforms.model.fold_key`: publication date, the run that
    read it, article id); with `only`, just those content hashes. Only the metadata is sorted (by DuckDB,
    spilling past QUERY_MEMORY); the records are put in a SQLite file by hash on the way and looked up
    one by one, so memory holds a batch, never the corpus: sorting the records with the metadata held
    them all (900 MB at 100,000 articles)."""
    raw, ext = _glob(raw_dir), _glob(extracted_dir)
    if raw is None or ext is None or only == set():
        return
    with tempfile.TemporaryDirectory(prefix="parley-records-") as scratch, bounded_connection() as con:
        where = _only(con, only)
        records_file = Path(scratch) / "records.sqlite"
        with contextlib.closing(_records_by_hash(con, ext, version, where, records_file)) as records:
            yield from _in_fold_order(con, raw, ext, version, where, batch_size, records)


def _in_fold_order(con: duckdb.DuckDBPyConnection, raw: list[str], ext: list[str], version: str, where: str,
                   batch_size: int, records: sqlite3.Connection) -> Iterator[list[tuple[dict[str, Any], str]]]:
    """The first read of each article with a record, metadata sorted by DuckDB, records looked up by hash."""
    cols = ", ".join(_raw_metadata(con, raw))
    con.execute(f"""
        select {cols} from (
            select {cols}, row_number() over (partition by content_hash order by read_at, source_uri) rn
            from read_parquet(?, union_by_name = true)
            where {where} and content_hash in (
                select content_hash from read_parquet(?, union_by_name = true) where extractor_version = ?))
        where rn = 1
        order by coalesce(published_date, date '0001-01-01'), coalesce(ingest_run, ''),
                 substr(content_hash, 1, 16)""", [raw, ext, version])
    for batch in _batches(con, batch_size):
        found: dict[str, str] = {}
        for i in range(0, len(batch), 500):  # SQLite takes a bounded number of parameters
            hashes = [r["content_hash"] for r in batch[i:i + 500]]
            marks = ",".join("?" * len(hashes))
            found.update(records.execute(f"select hash, record from records where hash in ({marks})", hashes))
        yield [(r, found[r["content_hash"]]) for r in batch if r["content_hash"] in found]


def _records_by_hash(con: duckdb.DuckDBPyConnection, ext: list[str], version: str, where: str,
                     path: Path) -> sqlite3.Connection:
    """The store's newest record of each article at this version, in a SQLite file keyed by hash (the
    records streamed in, unsorted)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("create table records(hash text primary key, at text not null, record text not null)")
    cur = con.execute(f"select content_hash, extracted_at::varchar, record from read_parquet(?, union_by_name = true)"
                      f" where extractor_version = ? and {where}", [ext, version])
    while rows := cur.fetchmany(5_000):
        db.executemany("insert into records values (?, ?, ?) on conflict(hash) do update set at = excluded.at, "
                       "record = excluded.record where excluded.at > records.at", rows)
    db.commit()
    return db


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
    with bounded_connection() as con:
        return con.execute(f"""
            with q as (
              select * exclude (rn) from (
                select *, row_number() over (partition by source_uri order by read_at desc) rn
                from read_parquet(?, union_by_name = true)) where rn = 1),
            loaded as ({loaded})
            select {cols} from q left join loaded l using (source_uri)
            where l.loaded_at is null or l.loaded_at < q.read_at
            order by q.source_uri""", [g, raw] if raw else [g]).to_arrow_table().cast(QUARANTINE.arrow_schema)
