"""Extraction on every core, or on a Dask cluster: articles are independent, so a pool of worker
processes reads them and the records are exactly those one process would make (tests compare them).

With `dask_address` set, the pool is the cluster's: `distributed.Client.get_executor()` is a
`concurrent.futures.Executor` like the local pool, so nothing else changes. The extract task stays one
Prefect task that sends chunks of articles to the cluster (prefect-dask's task runner would make every
chunk a Prefect task of its own: thousands of API round trips a run for nothing the chunks need).
Each chunk says which extractor version made its records; a worker with another Parley installed
stops the run instead of filing records under the wrong version.

The pool is started once per run (each worker loads the knowledge once) with the `spawn` method: the
flow's process has threads (Prefect's), and forking a process with threads can copy a held lock. Small
batches stay in this process: starting workers costs more than they would save.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from parley.faults import article_fault
from transforms.extract import extract_article, extractor_version
from transforms.reading import current_text
from transforms.record import ArticleRecord

# Fewer articles than this are extracted in the calling process.
MIN_PARALLEL = 200
CHUNK = 25


def extract_one(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """(content hash, record as the store keeps it, failure reason): one article, never raising, so one
    article's failure stops neither its batch nor its worker. The record leaves the worker as its stored
    JSON: the calling process only files it."""
    try:
        article_fault(row["text"])
        text = current_text(row["text"], row.get("raw_body"), row.get("url"))
        return row["content_hash"], stored(extract_article(text, row["published_date"])), None
    except Exception as exc:  # noqa: BLE001 (one article's failure must not stop the run)
        return row["content_hash"], None, f"extraction failed: {type(exc).__name__}: {exc}"[:500]


def warm_up() -> None:
    """What a worker reads with (the extractor's imports and knowledge), loaded before the first article
    comes: about a second a worker, spent while the run ingests rather than when extraction starts."""
    extract_one({"content_hash": "", "text": "Warming up.", "published_date": None})


def warm(pool: Executor | None, workers: int, coming: int) -> None:
    """Starts a local pool's workers now, each loading the extractor (`warm_up`), when `coming` articles
    are enough for the pool to be used; a cluster's workers are running already."""
    if isinstance(pool, ProcessPoolExecutor) and coming >= MIN_PARALLEL:
        for _ in range(workers):
            pool.submit(warm_up)


def worker_count(setting: int) -> int:
    """`extract_workers`: 0 means one per core."""
    return setting if setting > 0 else (os.cpu_count() or 1)


class ClusterError(RuntimeError):
    """The Dask cluster cannot be reached, or its workers run another extractor."""


def stored(record: ArticleRecord) -> str:
    """A record as the extraction store keeps it."""
    return json.dumps(record.to_dict(), sort_keys=True)


def extract_chunk(rows: list[dict[str, Any]]) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    """A chunk of articles, with the extractor version of the process that read them."""
    return extractor_version(), [extract_one(r) for r in rows]


@contextmanager
def extraction_pool(workers: int, dask_address: str = "", connect_timeout: float = 10.0
                    ) -> Iterator[Executor | None]:
    """The cluster's executor when a Dask scheduler is given; else a process pool for the run, or None
    when one worker is asked for."""
    if dask_address:
        with _dask_executor(dask_address, connect_timeout) as executor:
            yield executor
        return
    if workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _dask_executor(address: str, timeout: float) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("dask_address is set but Dask is not installed: pip install 'dask[distributed]'") from None
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc}); start it or unset "
                           "dask_address (PARLEY_DASK_ADDRESS)") from None
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()


Result = tuple[str, str, str | None]  # content hash, stored record, failure reason


def extract_rows(rows: list[dict[str, Any]], pool: Executor | None) -> list[Result]:
    """Every row's stored record (a failed one's carries its reason) and failure, in the rows' order."""
    return _collect(_submit(rows, pool))


def extract_stream(batches: Iterable[list[dict[str, Any]]], pool: Executor | None, ahead: int = 2
                   ) -> Iterator[tuple[list[dict[str, Any]], list[Result]]]:
    """Each batch with its results, in order, with up to `ahead` batches at the workers: while the caller
    stores one batch the workers read the next, so no core waits between batches (a quarter of the
    extraction time at 10,000 articles, one batch at a time)."""
    in_flight: deque[tuple[list[dict[str, Any]], list[Future] | list[Result]]] = deque()
    for rows in batches:
        in_flight.append((rows, _submit(rows, pool)))
        if len(in_flight) >= ahead:
            done, work = in_flight.popleft()
            yield done, _collect(work)
    while in_flight:
        done, work = in_flight.popleft()
        yield done, _collect(work)


def _submit(rows: list[dict[str, Any]], pool: Executor | None) -> list[Future] | list[Result]:
    """Chunks sent to the pool (futures); a small batch, or no pool, is read here and now."""
    slim = [{k: r.get(k) for k in ("content_hash", "text", "raw_body", "url", "published_date")} for r in rows]
    if pool is None or (len(slim) < MIN_PARALLEL and isinstance(pool, ProcessPoolExecutor)):
        return [_as_result(r) for r in map(extract_one, slim)]
    return [pool.submit(extract_chunk, slim[i:i + CHUNK]) for i in range(0, len(slim), CHUNK)]


def _collect(work: list[Future] | list[Result]) -> list[Result]:
    if not work or not isinstance(work[0], Future):
        return work  # type: ignore[return-value]
    results: list[Result] = []
    mine = extractor_version()
    for future in work:
        version, chunk = future.result()  # type: ignore[union-attr]
        if version != mine:
            raise ClusterError(f"a worker runs extractor {version}, this run {mine}: install the same "
                               "Parley on every Dask worker")
        results.extend(_as_result(r) for r in chunk)
    return results


def _as_result(r: tuple[str, str | None, str | None]) -> Result:
    h, record, failure = r
    return h, stored(ArticleRecord(failure=failure)) if failure or record is None else record, failure
