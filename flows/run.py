"""The `parley run` flow: ingest, extract, model, validate, publish.

Orchestration only. Each step is a Prefect task over a batch of articles; the
work is done by pure functions in transforms/ and by the stores in warehouse/.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed, State

from flows.progress import Progress
from flows.sources import SourceItem, iter_source
from parley.faults import article_fault, crash_point
from parley.settings import Settings, load_settings
from parley.stopping import reassert as reassert_stop_handlers
from schemas import BY_NAME, QUARANTINE, TABLES
from transforms.extract import extract_article, extractor_version
from transforms.model import ArticleMeta, StarBuilder
from transforms.reading import ReadArticle, Rejected, read_article, text_for_extraction
from transforms.record import ArticleRecord
from warehouse import publish as pub
from warehouse import zones
from warehouse.arrow import to_arrow

if TYPE_CHECKING:
    from expectations.gate import GateResult

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


def _read(item: SourceItem, settings: Settings) -> ReadArticle | Rejected:
    """One input read; a failure of the reader itself sets this input aside, never the run."""
    try:
        return read_article(item.data or b"", max_bytes=settings.max_file_bytes, published=item.published,
                            title=item.title, size=item.size)
    except Exception as exc:  # noqa: BLE001 (one input's failure must not stop the run)
        return Rejected(f"reading failed: {type(exc).__name__}: {exc}"[:500])


@task(name="ingest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest_batch(items: list[SourceItem], known: set[str], settings: Settings,
                 already_quarantined: frozenset[tuple[str, str]] = frozenset()) -> dict[str, Any]:
    """Reads a batch of source items into the raw zone; unreadable ones go to quarantine with a reason
    (once: an input quarantined before for the same reason is not stored again)."""
    now = dt.datetime.now(dt.UTC)
    raw_rows: list[dict[str, Any]] = []
    quarantined: list[dict[str, Any]] = []
    seen_now: set[str] = set()
    stats: Counter[str] = Counter()
    repairs: Counter[str] = Counter()
    for item in items:
        stats["read"] += 1
        result = Rejected(item.error) if item.error else _read(item, settings)
        if isinstance(result, Rejected):
            data = item.data or b""
            if (item.uri, result.reason) in already_quarantined:
                stats["quarantined_before"] += 1  # the same input, refused again for the same reason
                continue
            quarantined.append({"source_uri": item.uri, "reason": result.reason, "size_bytes": item.size or len(data),
                                "content": data[:4096].decode("utf-8", errors="backslashreplace"),
                                "raw_bytes": data, "read_at": now})
            continue
        for r in result.repairs:
            repairs[r.split(" (")[0].split(" '")[0]] += 1
        if result.content_hash in known or result.content_hash in seen_now:
            stats["known"] += 1
            continue
        seen_now.add(result.content_hash)
        stats["new"] += 1
        raw_rows.append({
            "content_hash": result.content_hash, "source_uri": item.uri, "url": item.url, "title": result.title,
            "published_date": result.published_date, "text": result.text, "read_at": now,
            "repairs": list(result.repairs),
        })
    zones.append_raw(settings.raw_dir, raw_rows)
    zones.append_quarantine(settings.quarantine_dir, quarantined)
    stats["quarantined"] = len(quarantined) + stats["quarantined_before"]
    return {"stats": dict(stats), "hashes": sorted(seen_now), "repairs": dict(repairs),
            "quarantine": [(q["source_uri"], q["reason"]) for q in quarantined]}


@task(name="extract-batch", cache_policy=NO_CACHE, retries=1)
def extract_batch(rows: list[dict[str, Any]], version: str, settings: Settings, force: bool = False
                  ) -> dict[str, int]:
    """Extracts the articles of a raw batch that have no record at this extractor version yet (all of
    them when forced). An article whose extraction fails is quarantined with the reason; the rest go on."""
    have = {} if force else zones.extracted_for(settings.extracted_dir, version, [r["content_hash"] for r in rows])
    todo = [r for r in rows if r["content_hash"] not in have]
    records: dict[str, ArticleRecord] = {}
    failed: list[dict[str, Any]] = []
    now = dt.datetime.now(dt.UTC)
    for r in todo:
        try:
            article_fault(r["text"])
            records[r["content_hash"]] = extract_article(r["text"], r["published_date"])
        except Exception as exc:  # noqa: BLE001 (one article's failure must not stop the run)
            reason = f"extraction failed: {type(exc).__name__}: {exc}"[:500]
            records[r["content_hash"]] = ArticleRecord(failure=reason)
            data = r["text"].encode("utf-8")
            failed.append({"source_uri": r["source_uri"], "reason": reason, "size_bytes": len(data),
                           "content": r["text"][:4096], "raw_bytes": data, "read_at": now})
    zones.append_extracted(settings.extracted_dir, version, records)
    zones.append_quarantine(settings.quarantine_dir, failed)
    return {"extracted": len(records), "failed": len(failed)}


@task(name="model-star-schema", cache_policy=NO_CACHE)
def model_tables(settings: Settings, version: str) -> dict[str, pa.Table]:
    """Builds every published table from the raw zone's metadata and the stored extraction records."""
    builder = StarBuilder()
    held = zones.held_sources(settings.quarantine_dir, settings.raw_dir)
    for rows in zones.iter_raw(settings.raw_dir, settings.batch_size):
        rows = [r for r in rows if r["source_uri"] not in held]  # held back by an earlier gate, or dropped
        records = zones.extracted_for(settings.extracted_dir, version, [r["content_hash"] for r in rows])
        for r in rows:
            h = r["content_hash"]
            meta = ArticleMeta(
                article_id=h[:16], content_hash=h, source_uri=r["source_uri"], url=r["url"], title=r["title"],
                published_date=r["published_date"], word_count=len(text_for_extraction(r["text"]).split()),
                read_at=r["read_at"],
                repairs=tuple(r["repairs"] or ()),
            )
            if records[h].failure is None:  # a failed extraction is held back (it is in quarantine)
                builder.add(meta, records[h])
    rows_by_table = builder.tables()
    tables = {t.name: to_arrow(t, rows_by_table.get(t.name, [])) for t in TABLES}
    tables[QUARANTINE.name] = zones.quarantine_table(settings.quarantine_dir, settings.raw_dir)
    return tables


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict[str, pa.Table], prev_counts: dict[str, int], settings: Settings,
             run_id: str) -> GateResult:
    # Great Expectations takes seconds to import: only the step that needs it pays.
    from expectations.gate import run_gate
    from expectations.suites import build_batches

    batches = build_batches({k: v for k, v in tables.items() if k in BY_NAME}, prev_counts,
                            settings.min_row_ratio, settings.min_rows_for_collapse_check)
    return run_gate(batches, settings.gx_dir, run_id, settings.keep_versions)


def hold_back(gate: GateResult, tables: dict[str, pa.Table], settings: Settings) -> list[tuple[str, str]]:
    """The articles behind the gate's row-level failures go to quarantine with its reason, so the next
    run publishes the rest; `parley quarantine release` lets them back in."""
    from expectations.holdback import articles_behind

    held = articles_behind(gate.failures, tables)
    if not held:
        return []
    arts = tables["dim_articles"].select(["article_id", "source_uri", "title"]).to_pylist()
    by_id = {a["article_id"]: a for a in arts if a["article_id"] in held}
    for aid, reason in held.items():
        if aid in by_id:
            zones.mark_quarantine(settings.quarantine_dir, [by_id[aid]["source_uri"]], reason,
                                  {by_id[aid]["source_uri"]: by_id[aid]["title"]})
    out = [(by_id[a]["source_uri"], r) for a, r in held.items() if a in by_id]
    get_run_logger().warning("%d article(s) held back in quarantine; the next run publishes the rest", len(out))
    return out


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish_version(version: pub.Version, settings: Settings) -> None:
    pub.publish(version, settings.warehouse_path)


class _NoTraceback(logging.Filter):
    """Console logs say what failed in one line; `parley` writes the full traceback to a log file."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            record.msg = f"{record.getMessage()} ({record.exc_info[1]!r})" if record.exc_info[1] else record.msg
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_console() -> None:
    for name in ("prefect", "prefect.flow_runs", "prefect.task_runs", ""):
        for h in logging.getLogger(name).handlers:
            if isinstance(h, logging.StreamHandler) and not any(isinstance(f, _NoTraceback) for f in h.filters):
                h.addFilter(_NoTraceback())


def _flow_run_name() -> str:
    """Prefect's flow-run name carries Parley's run id, so the UI and `parley history` name runs alike."""
    from prefect.runtime import flow_run

    return f"parley-{flow_run.parameters.get('run_id') or 'run'}"


@flow(name="parley-run", log_prints=False, flow_run_name=_flow_run_name)
def parley_run(sources: list[str], home: str | None = None, reprocess: bool = False,
               run_id: str | None = None) -> dict[str, Any] | State:
    """One run. With no sources (`parley reprocess`) it re-derives the warehouse from the raw zone alone;
    `reprocess=True` also re-extracts articles that already have a record at this extractor version.
    Parameters are plain (paths, names) so Prefect can show and validate them; a run the quality gate
    blocks ends in a Failed state whose message is the gate's verdict (its data: the run summary)."""
    settings = load_settings({**os.environ, **({"PARLEY_HOME": home} if home else {})})
    summary = _run(sources, settings, reprocess, run_id or new_run_id())
    if summary.get("published"):
        return summary
    failures = summary.get("gate", {}).get("failures", [])
    return Failed(message=f"quality gate blocked publication: {len(failures)} failed expectation(s): "
                          + "; ".join(failures[:3]), data=summary)


def _run(sources: list[str], settings: Settings, reprocess: bool, run_id: str) -> dict[str, Any]:
    reassert_stop_handlers()  # Ctrl-C and SIGTERM end a command-line run at once, even mid-flow
    log = get_run_logger()
    _quiet_console()
    started = dt.datetime.now(dt.UTC)
    version = extractor_version()
    summary: dict[str, Any] = {"run_id": run_id, "started": started.isoformat(), "sources": sources,
                               "extractor_version": version}
    for d in (settings.raw_dir, settings.extracted_dir, settings.versions_dir, settings.quarantine_dir):
        d.mkdir(parents=True, exist_ok=True)
    leftovers = pub.clean_crash_leftovers(settings.home)
    if leftovers:
        log.warning("removed %d temporary files left by an interrupted run", len(leftovers))

    # 1. Ingest, batch by batch, straight from the sources.
    known = zones.known_hashes(settings.raw_dir)
    already_quarantined = zones.quarantined_reasons(settings.quarantine_dir, settings.raw_dir)
    stats: Counter[str] = Counter()
    repairs: Counter[str] = Counter()
    quarantine: list[tuple[str, str]] = []
    allow = frozenset(h.strip().lower() for h in settings.allow_hosts.split(",") if h.strip())
    items = itertools.chain.from_iterable(iter_source(s, settings.max_file_bytes, settings.http_timeout, allow)
                                          for s in sources)
    with Progress("ingest", None) as bar:
        for n, batch in enumerate(batched(items, settings.batch_size), 1):
            res = ingest_batch(batch, known, settings, already_quarantined)
            stats.update(res["stats"])
            repairs.update(res["repairs"])
            quarantine += res["quarantine"]
            known.update(res["hashes"])
            bar.advance(len(batch))
            crash_point("ingest")
            log.info("ingest batch %d: %d read, %d new, %d known, %d quarantined", n, res["stats"].get("read", 0),
                     res["stats"].get("new", 0), res["stats"].get("known", 0), res["stats"].get("quarantined", 0))
    for uri, reason in quarantine[:20]:
        log.warning("quarantined %s: %s", uri, reason)
    summary["articles"] = {"read": stats["read"], "new": stats["new"], "already_known": stats["known"],
                           "quarantined": stats["quarantined"], "repaired": dict(repairs)}

    # 2. Extract what has no record at this extractor version (new articles, or all after an upgrade).
    total = zones.raw_count(settings.raw_dir)
    extracted = failed = 0
    with Progress("extract", total) as bar:
        for rows in zones.iter_raw(settings.raw_dir, settings.batch_size):
            done = extract_batch(rows, version, settings, reprocess)
            extracted, failed = extracted + done["extracted"], failed + done["failed"]
            bar.advance(len(rows))
            crash_point("extract")
    log.info("extracted %d of %d articles in the raw zone (extractor %s), %d failed and quarantined",
             extracted, total, version, failed)
    summary["articles"]["extracted"] = extracted
    summary["articles"]["extraction_failed"] = failed

    # 3. Model the star schema and stage it as a version.
    tables = model_tables(settings, version)
    summary["articles"]["in_warehouse"] = tables["dim_articles"].num_rows
    summary["rows"] = {name: t.num_rows for name, t in tables.items()}
    version_dir = pub.stage(settings.versions_dir, run_id, tables)
    crash_point("model")

    # 4. The gate.
    prev = pub.previous_row_counts(settings.home)
    gate = validate(tables, prev, settings, run_id)
    crash_point("validate")
    summary["gate"] = {"passed": gate.passed, "evaluated": gate.evaluated,
                       "failures": [str(f) for f in gate.failures],
                       "data_docs": str(gate.docs_index) if gate.docs_index else None}
    # 5. Publish only what passed. The summary is written before the rename that publishes, so a kill
    # right after it leaves no live version that `parley history` does not know.
    summary["published"] = gate.passed
    summary["warehouse"] = str(settings.warehouse_path)
    summary["version_dir"] = str(version_dir.path)
    summary["finished"] = dt.datetime.now(dt.UTC).isoformat()
    pub.write_summary(version_dir, summary)
    if gate.passed:
        try:
            publish_version(version_dir, settings)
        except Exception:
            summary["published"] = False
            pub.write_summary(version_dir, summary)
            raise
    else:
        for f in gate.failures:
            log.error("gate: %s", f)
        summary["held_back"] = hold_back(gate, tables, settings)
    pub.prune(settings.versions_dir, settings.keep_versions, pub.current_run_id(settings.home))
    return summary
