"""Ingest: the run's sources read into the raw zone, as Prefect tasks.

Remote sources are fetched by one `fetch-source` task each, submitted together so a slow host does not
hold up the others; local sources stream lazily. A source that fails is recorded (in the summary, the
artifact and the quarantine) and the others go on. What each source remembers (ETags, entries taken,
files read) is saved only once what it gave is stored, so a run that dies fetches it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.fetch import Fetcher, FetchPolicy
from flows.progress import Progress
from flows.sources import RemoteResult, SourceError, SourceItem, fetch_remote, iter_local
from parley.faults import crash_point
from parley.settings import Settings
from parley.source_specs import SourceSpec
from transforms.reading import PAGE_READ, ReadArticle, Rejected, read_article
from warehouse import zones
from warehouse.known_articles import KnownHashes
from warehouse.source_state import SourceState, load_state, save_state

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def fetch_policy(settings: Settings) -> FetchPolicy:
    return FetchPolicy(
        timeout=settings.http_timeout, max_bytes=settings.max_file_bytes, user_agent=settings.user_agent,
        host_delay=settings.host_delay, host_concurrency=settings.host_concurrency, retries=settings.fetch_retries,
        backoff=settings.retry_backoff,
        allow_hosts=frozenset(h.strip().lower() for h in settings.allow_hosts.split(",") if h.strip()),
    )


def _read(item: SourceItem, settings: Settings) -> ReadArticle | Rejected:
    """One input read; a failure of the reader itself sets this input aside, never the run."""
    try:
        return read_article(item.data or b"", max_bytes=settings.max_file_bytes, published=item.published,
                            title=item.title, size=item.size, content_type=item.content_type, url=item.url)
    except Exception as exc:  # noqa: BLE001 (one input's failure must not stop the run)
        return Rejected(f"reading failed: {type(exc).__name__}: {exc}"[:500])


def _raw_row(item: SourceItem, read: ReadArticle, now: dt.datetime, run_id: str) -> dict[str, Any]:
    """The raw zone's row: the text as read and, for a web page, its HTML as fetched (a better reader can
    read it again) and the response headers that matter."""
    page = PAGE_READ in read.repairs
    return {
        "content_hash": read.content_hash, "source_uri": item.uri, "url": read.url or item.url,
        "title": read.title, "published_date": read.published_date, "text": read.text, "read_at": now,
        "repairs": list(read.repairs), "author": read.author, "content_type": item.content_type,
        "raw_body": item.data if page else None,
        "http_headers": json.dumps(item.headers, sort_keys=True) if item.headers else None,
        "ingest_run": run_id,
    }


@task(name="ingest-batch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest_batch(items: list[SourceItem], known: KnownHashes, settings: Settings,
                 already_quarantined: frozenset[tuple[str, str]] = frozenset(), run_id: str = "") -> dict[str, Any]:
    """Reads a batch of source items into the raw zone; unreadable ones go to quarantine with a reason
    (once: an input quarantined before for the same reason is not stored again)."""
    now = dt.datetime.now(dt.UTC)
    raw_rows: list[dict[str, Any]] = []
    quarantined: list[dict[str, Any]] = []
    seen_now: set[str] = set()
    read: list[tuple[SourceItem, ReadArticle]] = []
    stats: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    repairs: Counter[str] = Counter()
    for item in items:
        counts = by_source.setdefault(item.source, Counter())
        if item.unchanged:
            stats["unchanged"] += 1
            counts["unchanged"] += 1
            continue
        stats["read"] += 1
        counts["items"] += 1
        result = Rejected(item.error) if item.error else _read(item, settings)
        if isinstance(result, Rejected):
            counts["quarantined"] += 1
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
        read.append((item, result))
    in_zone = known.among(r.content_hash for _, r in read)
    for item, result in read:
        if result.content_hash in in_zone or result.content_hash in seen_now:
            stats["known"] += 1
            continue
        seen_now.add(result.content_hash)
        stats["new"] += 1
        by_source[item.source]["new"] += 1
        raw_rows.append(_raw_row(item, result, now, run_id))
    zones.append_raw(settings.raw_dir, raw_rows)
    zones.append_quarantine(settings.quarantine_dir, quarantined)
    stats["quarantined"] = len(quarantined) + stats["quarantined_before"]
    return {"stats": dict(stats), "hashes": sorted(seen_now), "repairs": dict(repairs),
            "by_source": {k: dict(v) for k, v in by_source.items()},
            "quarantine": [(q["source_uri"], q["reason"]) for q in quarantined]}


@task(name="fetch-source", cache_policy=NO_CACHE, task_run_name="fetch-{spec.name}")
def fetch_source(spec: SourceSpec, fetcher: Fetcher, state: SourceState) -> RemoteResult:
    """One feed or page, fetched politely (the fetcher retries timeouts and 5xx with backoff). It fails,
    and shows failed in Prefect, when the feed or page itself cannot be had."""
    result = fetch_remote(spec, fetcher, state)
    get_run_logger().info("%s: %d item(s) fetched%s, %d entr(ies) taken before", spec.name, len(result.items),
                          " (not modified)" if result.not_modified else "", result.skipped_seen)
    return result


@dataclass
class Ingest:
    """What ingest did, for the summary and the report."""

    stats: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    quarantine: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


def _remote_items(specs: list[SourceSpec], settings: Settings, states: dict[str, SourceState],
                  ingest: Ingest) -> Iterator[SourceItem]:
    """Submits every remote source at once, then yields their items as each finishes; a failed source is
    one quarantined item with its reason, and keeps its old memory."""
    fetcher = Fetcher(fetch_policy(settings))
    futures = [(s, fetch_source.submit(s, fetcher, states[s.name])) for s in specs if s.remote]
    for spec, future in futures:
        future.wait()
        state = future.state
        report = ingest.sources[spec.name]
        if state.is_failed() or state.is_crashed():
            reason = _reason(state)
            report.update(status="failed", error=reason)
            yield SourceItem(spec.location, None, f"cannot read {spec.kind}: {reason}", source=spec.name)
            continue
        result: RemoteResult = state.result()
        states[spec.name] = result.state
        report.update(status="not modified" if result.not_modified else "ok", skipped_seen=result.skipped_seen)
        yield from result.items


def _local_items(spec: SourceSpec, settings: Settings, state: SourceState, ingest: Ingest) -> Iterator[SourceItem]:
    """A folder, pattern or JSON Lines file; one that is gone is a failed source, not a failed run."""
    try:
        yield from iter_local(spec, settings.max_file_bytes, state)
    except (SourceError, OSError) as exc:
        ingest.sources[spec.name].update(status="failed", error=str(exc))
        yield SourceItem(spec.location, None, f"cannot read {spec.kind}: {exc}", source=spec.name)


def _reason(state: Any) -> str:
    exc = state.result(raise_on_failure=False)
    return str(exc) if isinstance(exc, BaseException) else (state.message or "failed")


def ingest_sources(specs: list[SourceSpec], settings: Settings, run_id: str = "") -> Ingest:
    """Every source into the raw zone, batch by batch; then each source's memory is saved."""
    log = get_run_logger()
    ingest = Ingest(sources={s.name: {"name": s.name, "kind": s.kind, "location": s.location, "status": "ok",
                                      "items": 0, "new": 0, "quarantined": 0} for s in specs})
    states = {s.name: load_state(settings.source_state_dir, s.name) for s in specs}
    known = KnownHashes(settings.raw_dir)
    already_quarantined = zones.quarantined_reasons(settings.quarantine_dir, settings.raw_dir)
    local = (_local_items(s, settings, states[s.name], ingest) for s in specs if not s.remote)
    items = itertools.chain(itertools.chain.from_iterable(local), _remote_items(specs, settings, states, ingest))
    with Progress("ingest", None) as bar, contextlib.closing(known):
        for n, batch in enumerate(batched(items, settings.batch_size), 1):
            # quote: Prefect would otherwise walk every item and hash looking for futures (half the time)
            if all(i.unchanged for i in batch):  # files unchanged since the last run are only counted
                res = ingest_batch.fn(batch, known, settings, already_quarantined, run_id)
            else:
                res = ingest_batch(quote(batch), quote(known), settings,  # type: ignore[call-overload]  # quote()
                                   quote(already_quarantined), run_id)  # is unwrapped when the task runs
            ingest.stats.update(res["stats"])
            ingest.repairs.update(res["repairs"])
            ingest.quarantine += res["quarantine"]
            for name, counts in res["by_source"].items():
                for k, v in counts.items():
                    ingest.sources[name][k] = ingest.sources[name].get(k, 0) + v
            known.add(res["hashes"])
            bar.advance(len(batch))
            crash_point("ingest")
            log.info("ingest batch %d: %d read, %d new, %d known, %d quarantined, %d unchanged since the last run",
                     n, res["stats"].get("read", 0), res["stats"].get("new", 0), res["stats"].get("known", 0),
                     res["stats"].get("quarantined", 0), res["stats"].get("unchanged", 0))
    for s in specs:
        if ingest.sources[s.name]["status"] != "failed":
            save_state(settings.source_state_dir, s.name, states[s.name])
        states[s.name].files.close()
    for uri, reason in ingest.quarantine[:20]:
        log.warning("quarantined %s: %s", uri, reason)
    return ingest
