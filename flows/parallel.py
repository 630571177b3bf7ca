"""Extraction on every core: articles are independent, so a pool of worker processes reads them and the
records are exactly those one process would make (a test compares them).

The pool is started once per run (each worker loads the knowledge once) with the `spawn` method: the
flow's process has threads (Prefect's), and forking a process with threads can copy a held lock. Small
batches stay in this process: starting workers costs more than they would save.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from parley.faults import article_fault
from transforms.extract import extract_article
from transforms.reading import current_text
from transforms.record import ArticleRecord

# Fewer articles than this are extracted in the calling process.
MIN_PARALLEL = 200
CHUNK = 25


def extract_one(row: dict[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    """(content hash, record as a dict, failure reason): one article, never raising, so one article's
    failure stops neither its batch nor its worker."""
    try:
        article_fault(row["text"])
        text = current_text(row["text"], row.get("raw_body"), row.get("url"))
        return row["content_hash"], extract_article(text, row["published_date"]).to_dict(), None
    except Exception as exc:  # noqa: BLE001 (one article's failure must not stop the run)
        return row["content_hash"], None, f"extraction failed: {type(exc).__name__}: {exc}"[:500]


def worker_count(setting: int) -> int:
    """`extract_workers`: 0 means one per core."""
    return setting if setting > 0 else (os.cpu_count() or 1)


@contextmanager
def extraction_pool(workers: int) -> Iterator[Executor | None]:
    """A process pool for the run, or None when one worker is asked for."""
    if workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_rows(rows: list[dict[str, Any]], pool: Executor | None
                 ) -> list[tuple[str, ArticleRecord, str | None]]:
    """Every row's record (a failed one carries its reason), in the rows' order."""
    slim = [{k: r.get(k) for k in ("content_hash", "text", "raw_body", "url", "published_date")} for r in rows]
    if pool is None or len(slim) < MIN_PARALLEL:
        results = map(extract_one, slim)
    else:
        results = pool.map(extract_one, slim, chunksize=CHUNK)
    out = []
    for h, record, failure in results:
        out.append((h, ArticleRecord(failure=failure) if failure else ArticleRecord.from_dict(record), failure))
    return out
