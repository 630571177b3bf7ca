"""The model step: the live version's state takes the run's new articles (or every article is
modelled from empty), the version's tables are written as Parquet, and the state and the changed rows
come back for the gate and publishing. IO here (the zones, the live version's files); the fold itself
is `transforms/model.py`."""

from __future__ import annotations

import itertools
import logging
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.fingerprint import code_digest
from parley.settings import Settings
from schemas import QUARANTINE, TABLES
from transforms.knowledge import knowledge
from transforms.model import ArticleMeta, Delta, ModelState, fold_key, parsed
from warehouse import model_state as model_store
from warehouse import publish as pub
from warehouse import zones
from warehouse.delta import TableChange, write_changes
from warehouse.delta import apply as apply_changes
from warehouse.table_files import bounded_connection, parquet_path, write_batches

log = logging.getLogger(__name__)


@dataclass
class Modelled:
    """What modelling made: every published table's Parquet file, the state the next run goes on from, and
    how; for a run that went on from the live version, that version and the rows that changed (to check
    them)."""

    tables: dict[str, Path]
    state: ModelState
    how: dict[str, Any]
    base: pub.Version | None = None
    changed: dict[str, TableChange] | None = None


Article = tuple[ArticleMeta, dict[str, Any]]  # an article's metadata and its record, parsed
LiveState = tuple[pub.Version | None, ModelState | None]


def state_key(version: str) -> str:
    """What a model state depends on: the records (extractor version) and the code that models."""
    return f"{version}|{code_digest()}"


def read_live_state(settings: Settings, version: str, reprocess: bool) -> LiveState:
    """The live version and the model state it was made from (None where there is none to go on from)."""
    tables = None if reprocess else pub.live_tables_dir(settings.home)
    if tables is None:
        return None, None
    live = pub.Version(tables.parent.name, tables.parent)
    return live, model_store.load(live.path, state_key(version), knowledge(), settings.model_work_dir)


@task(name="model-star-schema", cache_policy=NO_CACHE)
def model_tables(settings: Settings, version: str, staged: pub.Version, reprocess: bool = False) -> Modelled:
    """Writes every published table into the `staged` version. Usually only what is new is modelled: the
    live version's state takes the run's new articles and its tables take the rows they change. Where that
    cannot be (a first run, `reprocess`, other code, articles that sort before what the state holds) every
    article is modelled from empty, which gives the same warehouse, only slower."""
    k = knowledge()
    live, state = read_live_state(settings, version, reprocess)
    held = zones.held_sources(settings.quarantine_dir, settings.raw_dir)
    items: Iterator[Article] | None = None
    why: str | None = "reprocess" if reprocess else "no state of this code"
    if state is not None:
        items, why = _new_articles(state, settings, version, held)
    how: dict[str, Any] = {"mode": "incremental"}
    if items is None or state is None or live is None:
        model_store.discard(state)
        live, state = None, model_store.fresh(settings.model_work_dir, state_key(version), k)
        items = _articles(settings, version, held, None)
        how = {"mode": "full", "why": why}
    counted = _Counted(items)
    with model_store.paused_gc():
        delta = state.fold(parsed(counted))
    how["articles"] = counted.n
    tables, changed = _write_tables(delta, live, staged, settings)
    return Modelled(tables, state, how, live, changed) if live else Modelled(tables, state, how)


def _write_tables(delta: Delta, live: pub.Version | None, staged: pub.Version, settings: Settings
                  ) -> tuple[dict[str, Path], dict[str, TableChange]]:
    """The fold's rows written as the version's changes, merged with the `live` version's tables (None:
    they are every row) into the version's tables; the quarantine table beside them. Returns every table's
    file and the changes (none kept for a full build: its change is the tables themselves)."""
    changes_dir = staged.path / "changes"
    changed = write_changes(delta, TABLES, changes_dir)
    with bounded_connection() as con:
        tables = apply_changes(con, live.tables_dir if live else None, changed, TABLES, staged.tables_dir)
    quarantine = parquet_path(staged.tables_dir, QUARANTINE.name)
    write_batches(quarantine, QUARANTINE, [zones.quarantine_table(settings.quarantine_dir, settings.raw_dir)])
    tables[QUARANTINE.name] = quarantine
    if live is None:
        shutil.rmtree(changes_dir)
        return tables, {}
    changed[QUARANTINE.name] = TableChange(None, pa.array([], pa.string()), quarantine)
    return tables, changed


class _Counted:
    """Articles passed on one at a time, counted."""

    def __init__(self, items: Iterable[Article]):
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Article]:
        for item in self.items:
            self.n += 1
            yield item


def _articles(settings: Settings, version: str, held: frozenset[str], only: set[str] | None
              ) -> Iterator[Article]:
    """The articles to model (all, or `only` these), in the fold's order, records parsed, read
    batch by batch. Held back by an earlier gate or dropped, or failed in extraction (it is in quarantine):
    left out."""
    for batch in zones.iter_modelled(settings.raw_dir, settings.extracted_dir, version, settings.batch_size, only):
        for r, text in batch:
            record = _readable(text, r["source_uri"])
            if r["source_uri"] in held or record is None or record.get("failure") is not None:
                continue
            h = r["content_hash"]
            yield ArticleMeta(
                article_id=h[:16], content_hash=h, source_uri=r["source_uri"], url=r["url"], title=r["title"],
                published_date=r["published_date"], word_count=record.get("word_count") or 0, read_at=r["read_at"],
                repairs=tuple(r["repairs"] or ()), ingest_run=r["ingest_run"] or "",
            ), record


def _readable(text: str, source: str) -> dict[str, Any] | None:
    """A stored record parsed; one that is not JSON is left out with a warning (it is extracted again
    when the extractor changes)."""
    try:
        record = orjson.loads(text)
    except orjson.JSONDecodeError:
        record = None
    if not isinstance(record, dict):
        log.warning("record of %s unreadable (not JSON): left out", source)
        return None
    return record


def _new_articles(state: ModelState, settings: Settings, version: str, held: frozenset[str]
                  ) -> tuple[Iterator[Article] | None, str | None]:
    """The articles the state does not hold, if they can go on top of it; else None and why not. The raw
    zone's hashes and the state's are compared as two sorted streams: neither is held as a set."""
    new, missing = zones.compare_sorted(zones.sorted_hashes(settings.raw_dir), state.sorted_hashes())
    if missing:
        return None, "articles the state holds left the raw zone"
    if state.sources() & held:
        return None, "articles the state holds were held back or dropped since"
    items = _articles(settings, version, held, new)
    first = next(items, None)
    if first is not None and state.last is not None and fold_key(first[0]) <= state.last:
        return None, "articles published before the newest the live version holds came in (late or undated news)"
    return itertools.chain([first] if first else [], items), None
