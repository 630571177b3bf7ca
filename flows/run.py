"""The `parley run` flow: ingest, extract, model, validate, publish.

Orchestration only. Each step is a Prefect task over a batch of articles; the
work is done by pure functions in transforms/ and by the stores in warehouse/.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed, State
from prefect.utilities.annotations import quote

from flows.background import Background, warm_imports
from flows.fingerprint import inputs_fingerprint
from flows.ingest import ingest_sources
from flows.lifecycle import HomeUnusable, RunLocked, check_home, new_run_id, run_lock, write_crash_log
from flows.modelling import Modelled, model_tables
from flows.notify import payload, post
from flows.parallel import Result, extract_stream, extraction_pool, warm, worker_count
from flows.preflight import live_summary, unchanged_summary
from flows.progress import Progress, timed
from flows.report import row_changes, run_markdown
from flows.sources import changes_handed_over
from parley.faults import crash_point
from parley.settings import Settings, load_settings
from parley.source_specs import SourceSpec, resolve
from parley.stopping import reassert as reassert_stop_handlers
from schemas import BY_NAME
from transforms.extract import extractor_version
from warehouse import model_state as model_store
from warehouse import publish as pub
from warehouse import zones
from warehouse.delta import TableChange
from warehouse.new_facts import new_facts
from warehouse.table_files import num_rows

if TYPE_CHECKING:
    from expectations.gate import GateResult


@task(name="store-extracted-batch", cache_policy=NO_CACHE, retries=1)
def store_batch(rows: list[dict[str, Any]], results: list[Result], version: str, settings: Settings
                ) -> dict[str, int]:
    """Stores a batch's records at this extractor version (the workers read the next batch meanwhile).
    An article whose extraction failed is quarantined with the reason; the rest go on."""
    by_hash = {r["content_hash"]: r for r in rows}
    records: dict[str, str] = {}
    failed: list[dict[str, Any]] = []
    now = dt.datetime.now(dt.UTC)
    for h, record, failure in results:
        records[h] = record
        if failure:
            r = by_hash[h]
            data = r["text"].encode("utf-8")
            failed.append({"source_uri": r["source_uri"], "reason": failure, "size_bytes": len(data),
                           "content": r["text"][:4096], "raw_bytes": data, "read_at": now})
    zones.append_stored(settings.extracted_dir, version, records)
    zones.append_quarantine(settings.quarantine_dir, failed)
    return {"extracted": len(records), "failed": len(failed)}


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict[str, Path], prev_counts: dict[str, int], settings: Settings,
             run_id: str, changed: dict[str, TableChange] | None = None) -> GateResult:
    """The gate over the version's tables (Parquet files); where the run went on from the live version
    (`changed`), row checks run on the changed rows only, and whole-table checks in DuckDB."""
    # Great Expectations takes seconds to import: only the step that needs it pays.
    from expectations.gate import run_gate
    from expectations.suites import build_batches

    rows = {k: ch.rows for k, ch in changed.items() if k in BY_NAME} if changed is not None else None
    batches = build_batches({k: v for k, v in tables.items() if k in BY_NAME}, prev_counts,
                            settings.min_row_ratio, settings.min_rows_for_collapse_check, rows)
    return run_gate(batches, settings.gx_dir, run_id, settings.keep_versions, settings.quality_docs)


def hold_back(gate: GateResult, tables: dict[str, Path], settings: Settings) -> list[tuple[str, str]]:
    """The articles behind the gate's row-level failures go to quarantine with its reason, so the next
    run publishes the rest; `parley quarantine release` lets them back in."""
    from expectations.holdback import articles_behind, sources_of

    held = articles_behind(gate.failures, tables)
    if not held:
        return []
    by_id = sources_of(tables["dim_articles"], held)
    for aid, reason in held.items():
        if aid in by_id:
            zones.mark_quarantine(settings.quarantine_dir, [by_id[aid]["source_uri"]], reason,
                                  {by_id[aid]["source_uri"]: by_id[aid]["title"]})
    out = [(by_id[a]["source_uri"], r) for a, r in held.items() if a in by_id]
    get_run_logger().warning("%d article(s) held back in quarantine; the next run publishes the rest", len(out))
    return out


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish_version(version: pub.Version, settings: Settings, building: Background[str] | None = None) -> str:
    """Makes the version's DuckDB file from its tables, or takes the one `building` made while the gate ran,
    and swaps it in (only now: the gate has passed). Returns how it was made."""
    how = None
    if building is not None:
        try:
            how = building.result()
        except Exception as exc:  # noqa: BLE001 (built again here, where a failure fails the task)
            get_run_logger().warning("building the file beside the gate failed (%s); building it again", exc)
    how = how or pub.build(version, settings.key_constraints_max_rows)
    pub.publish(version, settings.warehouse_path, just_built=True)
    return how


def discard_file(building: Background[str] | None, version: pub.Version) -> None:
    """A blocked version keeps no file: the one built beside the gate is removed once its build ends."""
    if building is None:
        return
    with contextlib.suppress(Exception):  # a build that failed left nothing to remove
        building.result()
    version.database.unlink(missing_ok=True)
    version.checksum_path.unlink(missing_ok=True)


def build_beside_gate(version: pub.Version, modelled: Modelled, settings: Settings) -> Background[str] | None:
    """The version's DuckDB file, built on a thread while the gate validates the tables (DuckDB works on the
    other core; the gate is Python): the file is published only if the gate passes. Only after an increment,
    whose model state is small: after a full build the file waits until the state is freed, which keeps the
    run's peak memory down (bench/RESULTS.md)."""
    if modelled.how["mode"] != "incremental":
        return None
    return Background("build-file", pub.build, version, settings.key_constraints_max_rows)


@task(name="publish-to-lake", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def publish_lake(version: pub.Version, settings: Settings) -> int:
    """The version as one snapshot of the configured DuckLake (before the local file: a lake that cannot
    be written fails the run, and nothing is published anywhere)."""
    from warehouse.lake import publish_to_lake

    return publish_to_lake(version.tables_dir, version.run_id, settings.lake_catalog, settings.lake_data)


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


_RUN_IDS: dict[str, str] = {}


def _run_id(given: str | None) -> str:
    """Parley's run id: the one given, else one made once per Prefect flow run, so the flow-run name and
    the run's version folder agree for runs started by a schedule or the UI too."""
    if given:
        return given
    from prefect.runtime import flow_run

    if not flow_run.id:
        return new_run_id()
    return _RUN_IDS.setdefault(str(flow_run.id), new_run_id())


def _flow_run_name() -> str:
    """Prefect's flow-run name carries Parley's run id, so the UI and `parley history` name runs alike."""
    from prefect.runtime import flow_run

    return f"parley-{_run_id(flow_run.parameters.get('run_id'))}"


@flow(name="parley-run", log_prints=False, flow_run_name=_flow_run_name)
def parley_run(sources: list[str] | None = None, home: str | None = None, reprocess: bool = False,
               run_id: str | None = None) -> dict[str, Any] | State:
    """One run, the same whoever starts it (`parley run`, a deployment, `flow.serve`): it takes the home's
    lock, reads `sources` (paths, patterns or URLs; the sources of parley.toml when None; none at all, as
    `parley reprocess` does, to re-derive the warehouse from the raw zone), writes a crash log if it fails,
    publishes an artifact and tells the webhook when it is blocked or fails. `reprocess=True` also
    re-extracts articles that already have a record at this extractor version. A run the gate blocks ends
    Failed with the gate's verdict as its message (its data: the run summary)."""
    settings = load_settings({**os.environ, **({"PARLEY_HOME": home} if home else {})})
    run_id = _run_id(run_id)
    specs = resolve(sources, settings.sources)
    if sources is None and not specs:
        raise NoSources(f"no sources to read: list them as [[sources]] in {settings.home / 'parley.toml'} or "
                        "pass the flow's `sources` parameter")
    try:
        check_home(settings)
        with run_lock(settings, f"run {run_id}"):
            summary = _run(specs, settings, reprocess, run_id)
    except (RunLocked, HomeUnusable):
        raise
    except Exception as exc:
        log = write_crash_log(settings, run_id, exc)
        first = (str(exc).splitlines() or [""])[0]
        message = f"{type(exc).__name__}: {first}. Nothing was published" + (f" (details: {log})" if log else "")
        _notify(settings, "failed", run_id, message, None)
        raise RunFailed(message, log) from exc
    _publish_report(summary, settings)
    if summary.get("published"):
        return summary
    failures = summary.get("gate", {}).get("failures", [])
    message = (f"quality gate blocked publication: {len(failures)} failed expectation(s): "
               + "; ".join(failures[:3]))
    _notify(settings, "blocked", run_id, message, summary)
    return Failed(message=message, data=summary)


class NoSources(ValueError):
    """A scheduled run with nothing to read; the message says where to list sources."""


class RunFailed(RuntimeError):
    """The run stopped on an error; nothing was published. `log` is the full traceback's file."""

    def __init__(self, message: str, log: Path | None):
        super().__init__(message)
        self.log = log


def _notify(settings: Settings, event: str, run_id: str, message: str, summary: dict[str, Any] | None) -> None:
    if not settings.notify_webhook:
        return
    problem = post(settings.notify_webhook, payload(event, run_id, message, summary, str(settings.home)),
                   settings.user_agent)
    if problem:
        get_run_logger().warning("could not notify %s: %s", settings.notify_webhook, problem)


def _publish_report(summary: dict[str, Any], settings: Settings) -> None:
    """The run in words: `report.md` beside its version, and a Prefect markdown and table artifact. A
    report that cannot be published is a warning: the run's outcome stands."""
    markdown = run_markdown(summary)
    try:
        if not summary.get("unchanged"):  # a run with nothing new has no version of its own
            (Path(summary["version_dir"]) / "report.md").write_text(markdown, encoding="utf-8")
        # The last run, whatever its outcome, for monitoring and the benchmark (one file, replaced).
        settings.runs_dir.mkdir(parents=True, exist_ok=True)
        pub.write_json(settings.runs_dir / "last-run.json", summary)
    except OSError as exc:
        get_run_logger().warning("could not write the run report: %s", exc)
    try:
        from prefect.artifacts import create_markdown_artifact, create_table_artifact

        verdict = "published" if summary.get("published") else "blocked"
        create_markdown_artifact(markdown=markdown, key="parley-run-report",
                                 description=f"Parley run {summary['run_id']}: {verdict}")
        create_table_artifact(table=row_changes(summary), key="parley-run-rows",
                              description=f"Rows per table after run {summary['run_id']}, and their change")
    except Exception as exc:  # noqa: BLE001 (an artifact is a report, not the run)
        get_run_logger().warning("could not publish the run's Prefect artifact: %s", exc)


def _extract(settings: Settings, version: str, reprocess: bool, pool: Executor | None) -> tuple[int, int]:
    """Extracts every article of the raw zone with no record at this extractor version (all of them with
    `reprocess`) on the pool of workers; returns how many were extracted and how many failed. Which articles
    are pending is DuckDB's to work out over the zones: no set of them is held."""
    total = zones.raw_count(settings.raw_dir)
    pending = None if reprocess else zones.pending_count(settings.raw_dir, settings.extracted_dir, version)
    if pending is None or pending:  # there will be a gate: load it meanwhile
        warm_imports("expectations.gate", "expectations.suites")
    extracted = failed = 0
    with Progress("extract", total if pending is None else pending) as bar:
        batches = zones.iter_raw(settings.raw_dir, settings.batch_size,
                                 not_extracted_at=None if reprocess else (settings.extracted_dir, version))
        for rows, results in extract_stream(batches, pool):
            done = store_batch(quote(rows), quote(results), version, settings)  # type: ignore[call-overload]
            extracted, failed = extracted + done["extracted"], failed + done["failed"]
            bar.advance(len(rows))
            crash_point("extract")
    get_run_logger().info("extracted %d of %d articles in the raw zone (extractor %s), %d failed and "
                          "quarantined", extracted, total, version, failed)
    return extracted, failed


def _ingest_and_extract(specs: list[SourceSpec], settings: Settings, version: str, reprocess: bool, run_id: str,
                        summary: dict[str, Any]) -> None:
    """Steps 1 and 2. When the check for anything new counted enough new files (or every article is to be
    read again), the extraction workers start with the run and load the extractor while it ingests, on
    the core ingest leaves free, so extraction starts at full speed."""
    seconds, peaks = summary["seconds"], summary["peak_rss_mib"]
    workers = worker_count(settings.extract_workers)
    coming = zones.raw_count(settings.raw_dir) if reprocess else changes_handed_over(specs)
    with extraction_pool(workers, settings.dask_address) as pool:
        warm(pool, workers, coming)
        # 1. Ingest, batch by batch, straight from the sources.
        with timed(seconds, "ingest", peaks):
            ingest = ingest_sources(specs, settings, run_id)
        stats = ingest.stats
        summary["articles"] = {"read": stats["read"], "new": stats["new"], "already_known": stats["known"],
                               "quarantined": stats["quarantined"], "unchanged": stats["unchanged"],
                               "repaired": dict(ingest.repairs)}
        summary["source_report"] = list(ingest.sources.values())
        summary["quarantined_now"] = [list(q) for q in ingest.quarantine]
        # 2. Extract what has no record at this extractor version (new articles, or all after an upgrade).
        with timed(seconds, "extract", peaks):
            extracted, failed = _extract(settings, version, reprocess, pool)
    summary["articles"]["extracted"] = extracted
    summary["articles"]["extraction_failed"] = failed


def _run(specs: list[SourceSpec], settings: Settings, reprocess: bool, run_id: str) -> dict[str, Any]:
    reassert_stop_handlers()  # Ctrl-C and SIGTERM end a command-line run at once, even mid-flow
    log = get_run_logger()
    _quiet_console()
    started = dt.datetime.now(dt.UTC)
    version = extractor_version()
    summary: dict[str, Any] = {"run_id": run_id, "started": started.isoformat(),
                               "sources": [s.location for s in specs],
                               "extractor_version": version}
    for d in (settings.raw_dir, settings.extracted_dir, settings.versions_dir, settings.quarantine_dir,
              settings.source_state_dir):
        d.mkdir(parents=True, exist_ok=True)
    leftovers = pub.clean_crash_leftovers(settings.home)
    if leftovers:
        log.warning("removed %d temporary files left by an interrupted run", len(leftovers))

    seconds: dict[str, float] = {}
    peaks: dict[str, int] = {}
    summary["seconds"], summary["peak_rss_mib"] = seconds, peaks
    _ingest_and_extract(specs, settings, version, reprocess, run_id, summary)

    # Nothing new since the live version (same zones, same code, same gate): it stands as published.
    summary["inputs"] = inputs_fingerprint(settings, version)
    live = live_summary(settings)
    if not reprocess and live and live.get("inputs") == summary["inputs"]:
        log.info("nothing new since version %s: the warehouse stands as published", live["run_id"])
        return unchanged_summary(summary, live, settings)

    # 3. Model the star schema and stage it as a version.
    version_dir = pub.new_version(settings.versions_dir, run_id)
    with timed(seconds, "model", peaks):
        modelled = model_tables(settings, version, version_dir, reprocess)
    tables = modelled.tables
    summary["model"] = modelled.how
    log.info("modelled %s: %d article(s) folded%s", modelled.how["mode"], modelled.how["articles"],
             f" ({modelled.how['why']})" if modelled.how.get("why") else "")
    summary["rows"] = {name: num_rows(path) for name, path in tables.items()}
    summary["articles"]["in_warehouse"] = summary["rows"]["dim_articles"]
    crash_point("model")

    # 4. The gate, with the file that publishes the version built beside it.
    building = build_beside_gate(version_dir, modelled, settings)
    try:
        prev = pub.previous_row_counts(settings.home)
        summary["previous_rows"] = prev
        summary["new_facts"] = new_facts(tables, pub.live_tables_dir(settings.home))
        with timed(seconds, "validate", peaks):
            gate = validate(quote(tables), prev, settings, run_id,  # type: ignore[call-overload]  # quote(): unwrapped
                            quote(modelled.changed) if modelled.changed is not None else None)
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
            # The state the next run goes on from, kept with the version (its working file moved there).
            with timed(seconds, "state", peaks):
                model_store.save(version_dir.path, modelled.state)
            modelled.state = None  # type: ignore[assignment]  # freed before DuckDB makes the file
            try:
                if settings.lake_catalog:
                    with timed(seconds, "lake", peaks):
                        summary["lake_snapshot"] = publish_lake(version_dir, settings)
                with timed(seconds, "publish", peaks):
                    summary["publish"] = publish_version(version_dir, settings, quote(building))  # type: ignore[call-overload]
                pub.write_summary(version_dir, summary)  # again, with the publish step's time
            except Exception:
                summary["published"] = False
                pub.write_summary(version_dir, summary)
                raise
        else:
            model_store.discard(modelled.state)
            for f in gate.failures:
                log.error("gate: %s", f)
            summary["held_back"] = hold_back(gate, tables, settings)
    finally:
        if not summary.get("published"):
            discard_file(building, version_dir)  # blocked or failed: no file, and no thread left writing one
    pub.prune(settings.versions_dir, settings.keep_versions, pub.current_run_id(settings.home))
    return summary
