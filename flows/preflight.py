"""Has anything changed since the live version? Asked before a Prefect flow starts.

A run with nothing new must cost what its metadata costs. Inside the flow that is a directory listing and
a fingerprint (see `flows.fingerprint`), but starting the flow costs more: Prefect's imports and, without
`PREFECT_API_URL`, a temporary API server (6-14 s). So `parley run` first asks here, with the home's lock
held, whether every local source file is unchanged since it was read (size and modification time, from
each source's memory) and the fingerprint of what the next version would be built from equals the live
version's. If so the run is recorded (`runs/last-run.json`) and ends without Prefect; anything else, or a
remote source (only fetching it can tell), goes to the flow, which checks again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flows.fingerprint import inputs_fingerprint
from flows.lifecycle import run_lock
from flows.sources import SourceError, hand_over, list_local
from parley.settings import Settings
from parley.source_specs import SourceSpec
from transforms.extract import extractor_version
from warehouse import publish as pub
from warehouse.source_state import load_state


def live_summary(settings: Settings) -> dict[str, Any] | None:
    """The summary of the version being served, if it was published and its file is in place."""
    run_id = pub.current_run_id(settings.home)
    if not run_id or not settings.warehouse_path.is_file():
        return None
    found = [s for v, s in pub.list_versions(settings.versions_dir) if v.run_id == run_id]
    return found[0] if found and found[0].get("published") else None


def unchanged_summary(summary: dict[str, Any], live: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """A run with nothing new: no version of its own; it reports the live one's rows and verdict."""
    summary.update(unchanged=True, published=True, live_run_id=live["run_id"], rows=live.get("rows", {}),
                   previous_rows=live.get("rows", {}), new_facts={}, gate=live.get("gate", {}),
                   warehouse=str(settings.warehouse_path), version_dir=live.get("version_dir"),
                   finished=dt.datetime.now(dt.UTC).isoformat())
    summary["articles"]["in_warehouse"] = live.get("articles", {}).get("in_warehouse", 0)
    return summary


def _unchanged_files(specs: list[SourceSpec], settings: Settings) -> int | None:
    """How many source files there are, if every one is unchanged since it was read; else None, and the
    listings made go to the flow that follows (`hand_over`)."""
    count = 0
    for spec in specs:
        state = load_state(settings.source_state_dir, spec.name)
        try:
            listing = list_local(spec)
            listed, unchanged = state.files.unchanged_count(listing.batches())
        except (SourceError, OSError):
            return None  # the flow reports a source that cannot be read
        finally:
            state.files.close()
        if listing.misnamed or unchanged < listed:
            listing.changed = listed - unchanged + len(listing.misnamed)
            hand_over(spec, listing)
            return None
        listing.discard()
        count += listed
    return count


def nothing_new(specs: list[SourceSpec], settings: Settings, run_id: str) -> dict[str, Any] | None:
    """The run's summary if nothing has changed since the live version (and it is written down as the last
    run); None when the flow has work to do or must decide. Another run holding the home's lock raises
    `RunLocked`, as the flow would."""
    if not specs or any(s.remote for s in specs):
        return None
    started = dt.datetime.now(dt.UTC)
    live = live_summary(settings)
    with run_lock(settings, f"run {run_id} (checking for anything new)"):
        files = _unchanged_files(specs, settings)  # listed even for a first run: the flow takes the listing
        version = extractor_version()
        if live is None or files is None or live.get("inputs") != inputs_fingerprint(settings, version):
            return None
        seconds = {"check": round((dt.datetime.now(dt.UTC) - started).total_seconds(), 3)}
        summary: dict[str, Any] = {
            "run_id": run_id, "started": started.isoformat(), "sources": [s.location for s in specs],
            "extractor_version": version, "seconds": seconds, "inputs": live["inputs"], "without_flow": True,
            "articles": {"read": 0, "new": 0, "already_known": 0, "quarantined": 0, "unchanged": files,
                         "repaired": {}, "extracted": 0, "extraction_failed": 0},
            "source_report": [], "quarantined_now": [],
        }
        unchanged_summary(summary, live, settings)
        settings.runs_dir.mkdir(parents=True, exist_ok=True)
        pub.write_json(settings.runs_dir / "last-run.json", summary)
        return summary
