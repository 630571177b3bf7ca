"""Runs the suites through Great Expectations and says, in words, what failed on which rows."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from expectations.suites import Batch

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass
class Failure:
    table: str
    batch: str
    expectation: str
    detail: str
    rows: list[str] = field(default_factory=list)
    # Every failing row's key, where the expectation is about single rows (not a share or a count):
    # the articles behind them can be held back so the rest publishes.
    keys: list[dict[str, Any]] = field(default_factory=list)

    def __str__(self) -> str:
        rows = f"; rows: {', '.join(self.rows)}" if self.rows else ""
        return f"{self.table}: {self.expectation} failed on {self.batch} ({self.detail}){rows}"


@dataclass
class GateResult:
    passed: bool
    evaluated: int
    failures: list[Failure]
    docs_index: Path | None


def _context(root: Path) -> Any:
    """A context whose stores (suites, validation definitions, results, Data Docs) are files under
    `root/gx`, and whose data sources live in memory: a file context rewrites its whole YAML
    configuration for every data source, asset and batch definition added (0.1 s each, 77 times a run),
    and the gate's pandas source holds nothing worth keeping between runs."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        FilesystemStoreBackendDefaults,
        ProgressBarsConfig,
    )

    (root / "gx").mkdir(parents=True, exist_ok=True)
    config = DataContextConfig(store_backend_defaults=FilesystemStoreBackendDefaults(root_directory=str(root / "gx")),
                               progress_bars=ProgressBarsConfig(globally=False),
                               analytics_enabled=False)
    return gx.get_context(project_config=config)


def _bounds(kwargs: dict[str, Any]) -> str:
    """What the expectation needed, in words: 'needed 78 or more', 'allowed: a, b'."""
    lo, hi = kwargs.get("min_value"), kwargs.get("max_value")
    if lo is not None and hi is not None:
        return f"needed {lo} to {hi}"
    if lo is not None:
        return f"needed {lo} or more"
    if hi is not None:
        return f"needed {hi} or less"
    if kwargs.get("value") is not None:
        return f"needed {kwargs['value']}"
    if kwargs.get("value_set") is not None:
        allowed = sorted(map(str, kwargs["value_set"]))
        return "allowed: " + ", ".join(allowed[:8]) + (", ..." if len(allowed) > 8 else "")
    mostly = kwargs.get("mostly")
    return f"needed at least {mostly:.0%} of rows" if mostly not in (None, 1, 1.0) else ""


def _describe(res: Any, rows_checked: int | None = None) -> str:
    """What was observed and what was needed: 'observed 27, needed 78 or more'. A row check's frame holds
    only the rows that broke something: it counts against every row checked."""
    r = res.result or {}
    needed = _bounds(res.expectation_config.kwargs)
    if "observed_value" in r:
        seen = f"observed {r['observed_value']}"
    elif "unexpected_count" in r:
        of = rows_checked if rows_checked is not None else r.get("element_count", "?")
        seen = f"{r['unexpected_count']} of {of} rows unexpected"
    else:
        return "see Data Docs"
    return f"{seen}, {needed}" if needed else seen


def _failing_rows(batch: Batch, res: Any, limit: int = 5) -> list[str]:
    r = res.result or {}
    idx = r.get("partial_unexpected_index_list") or r.get("unexpected_index_list") or []
    keys = [k for k in batch.row_key if k in batch.frame.columns]
    out: list[str] = []
    if res.expectation_config.type == "expect_table_row_count_to_equal":
        idx = list(range(len(batch.frame)))
    for i in idx[:limit]:
        i = i.get("index", i) if isinstance(i, dict) else i
        try:
            row = batch.frame.loc[i]
        except (KeyError, TypeError):
            continue
        cols = keys or list(batch.frame.columns[:2])
        out.append(" ".join(f"{c}={row[c]}" for c in cols))
    return out


_ROW_LEVEL_EXCEPT = ("expect_table_row_count_to_be_between",)


def _failing_keys(batch: Batch, res: Any) -> list[dict[str, Any]]:
    """The keys of every failing row, where the batch holds rows back; none for table counts."""
    cfg = res.expectation_config
    if not batch.hold_back or cfg.type in _ROW_LEVEL_EXCEPT:
        return []
    keys = [k for k in batch.row_key if k in batch.frame.columns]
    if "article_id" in batch.frame.columns:
        keys = [*keys, "article_id"] if "article_id" not in keys else keys
    if not keys:
        return []
    if cfg.type == "expect_table_row_count_to_equal":
        idx = list(batch.frame.index)
    else:
        r = res.result or {}
        idx = [i.get("index", i) if isinstance(i, dict) else i for i in r.get("unexpected_index_list") or []]
    return [{k: batch.frame.loc[i, k] for k in keys} for i in idx if i in batch.frame.index]


def prune_results(root: Path, keep: int) -> int:
    """Keeps the newest `keep` results per suite (validation results and their Data Docs pages), as many
    as the versions kept: without this every run adds to them and Data Docs take longer to build each day.
    Returns how many were removed."""
    removed = 0
    base = root / "gx" / "uncommitted"
    for store in (base / "validations", base / "data_docs" / "local_site" / "validations"):
        if not store.is_dir():
            continue
        for runs in store.glob("*/*"):  # <suite>/<batch identifier>/<run time>
            if not runs.is_dir():
                continue
            stamps = sorted(p for p in runs.iterdir() if p.is_dir())
            for old in stamps[:-keep] if keep > 0 else stamps:
                shutil.rmtree(old, ignore_errors=True)
                removed += 1
    return removed


def build_docs(root: Path) -> Path | None:
    """Great Expectations' Data Docs from the stored results; the path of their index page. A report:
    failing to render it never blocks a run."""
    try:
        _context(root).build_data_docs()
    except Exception as exc:  # noqa: BLE001 (Data Docs are a report, not the gate)
        logging.getLogger(__name__).warning("could not build Data Docs: %s", exc)
        return None
    found = list((root / "gx" / "uncommitted" / "data_docs").glob("*/index.html"))
    return found[0] if found else None


def run_gate(batches: Iterable[Batch], root: Path, run_id: str, keep: int = 5, docs: str = "failure") -> GateResult:
    """Validates every batch; the gate passes only if every expectation does. Results older than the
    newest `keep` per suite are pruned. Data Docs are built when `docs` says so: on a failure (default:
    the run that needs reading), always, or never (`parley quality-docs` builds them on request)."""
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    ctx = _context(root)
    ds = ctx.data_sources.add_pandas("parley")  # in memory: see _context
    failures: list[Failure] = []
    evaluated = 0
    for b in batches:
        bd = ds.add_dataframe_asset(b.name).add_batch_definition_whole_dataframe("whole")
        suite = ctx.suites.add_or_update(gx.ExpectationSuite(name=b.name, expectations=b.expectations))
        vd = ctx.validation_definitions.add_or_update(gx.ValidationDefinition(name=b.name, data=bd, suite=suite))
        result = vd.run(batch_parameters={"dataframe": b.frame},
                        result_format={"result_format": "COMPLETE", "return_unexpected_index_query": False},
                        run_id=None)
        for res in result.results:
            evaluated += 1
            if not res.success:
                cfg = res.expectation_config
                col = cfg.kwargs.get("column")
                name = cfg.type + (f"({col})" if col else "")
                failures.append(Failure(b.table, b.name, name, _describe(res, b.rows_checked), _failing_rows(b, res),
                                        _failing_keys(b, res)))
    prune_results(root, keep)
    wanted = docs == "always" or (docs == "failure" and bool(failures))
    return GateResult(not failures, evaluated, failures, build_docs(root) if wanted else None)
