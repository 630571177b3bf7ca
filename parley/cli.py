"""The `parley` command: run the pipeline, query the warehouse, see and roll back published versions.

Bad input ends with a one-line message saying what to do and a non-zero exit,
never a traceback. Exit codes: 0 done, 1 gate blocked publication, 2 bad
usage or input, 3 the run failed.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.settings import Settings, SettingsError, load_settings
from parley.stopping import stop_handling

if TYPE_CHECKING:
    from flows.api_server import TemporaryServer

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def sample_dir() -> Path:
    return Path(str(resources.files("parley") / "samples"))


def _prefect_env() -> None:
    """Prefect stays quiet and offline, and otherwise as the user set it up: with PREFECT_API_URL runs
    report to that server, without it Prefect's ephemeral mode runs them (its own profile and home)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@contextmanager
def _locked(settings: Settings, what: str) -> Iterator[None]:
    """The home's run lock for a command that changes it (rollback, quarantine)."""
    from flows.lifecycle import HomeUnusable, RunLocked, run_lock

    try:
        with run_lock(settings, what):
            yield
    except (RunLocked, HomeUnusable) as exc:
        raise CliError(str(exc), EXIT_FAILED) from None


def run_sources(args_sources: list[str] | None, settings: Settings) -> list[str] | None:
    """What `parley run` reads: the --source values; else the sources of parley.toml (None: the flow reads
    them itself); else the bundled samples."""
    from flows.sources import SourceError, check_source
    from parley.source_specs import resolve

    if not args_sources and not settings.sources:
        return [str(sample_dir())]
    try:
        for spec in resolve(args_sources, settings.sources):
            check_source(spec)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    return args_sources or None


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    sources = run_sources(args.source, settings)
    with stop_handling():  # from the server's launch: a run killed at any point leaves no server behind
        server = _launch_server()  # boots on the other core while this one checks for anything new
        summary = _nothing_new(sources, settings)
        if summary is None:
            return _run_flow(settings, server, sources=sources)
        if server is not None:
            server.stop()
    print_summary(summary)
    return EXIT_OK


def _nothing_new(sources: list[str] | None, settings: Settings) -> dict[str, Any] | None:
    """The run's summary when nothing changed since the live version, decided before Prefect starts."""
    from flows.lifecycle import HomeUnusable, RunLocked, check_home, new_run_id
    from flows.preflight import nothing_new
    from parley.source_specs import resolve

    try:
        check_home(settings)  # a home that cannot be written fails at once, whatever is new
        return nothing_new(resolve(sources, settings.sources), settings, new_run_id())
    except (RunLocked, HomeUnusable) as exc:
        raise CliError(str(exc), EXIT_FAILED) from None


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    """Re-derives everything from the raw zone (no sources needed), e.g. after an extractor upgrade."""
    if not settings.raw_dir.is_dir():
        raise CliError(f"nothing to reprocess: no raw zone in {settings.home}; run `parley run` first")
    with stop_handling():
        return _run_flow(settings, _launch_server(), sources=[], reprocess=args.force)


def _launch_server() -> TemporaryServer | None:
    """Prefect's environment set, and its temporary server launched unless one is configured (flows/api_server.py)."""
    _prefect_env()
    from flows.api_server import launch_temporary_server

    return launch_temporary_server()


def _run_flow(settings: Settings, server: TemporaryServer | None = None, **params: Any) -> int:
    """Runs the flow in this process, under the caller's `stop_handling` and after its `_launch_server` (which set
    Prefect's environment); the flow itself holds the lock and writes the crash log. `server`: the temporary
    Prefect server launched for it, if any."""
    from flows.lifecycle import HomeUnusable, check_home

    try:
        check_home(settings)  # before Prefect starts: a home that cannot be written fails at once
    except HomeUnusable as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.api_server import api_for_run
    from flows.run import new_run_id, parley_run

    api = api_for_run(server)

    with temporary_settings(updates={PREFECT_API_URL: api} if api else {}):
        summary = _guarded(lambda: _outcome(parley_run(home=str(settings.home), run_id=new_run_id(),
                                                        return_state=True, **params)), settings)
    print_summary(summary)
    return EXIT_OK if summary.get("published") else EXIT_BLOCKED


_DISK_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT, errno.EPERM}


def _disk_problem(exc: BaseException) -> str | None:
    """The storage failure behind an exception, however deep it was wrapped (Prefect, DuckDB, SQLite)."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, OSError) and e.errno in _DISK_ERRNOS:
            return e.strerror or str(e)
        text = str(e).lower()
        for needle in ("no space left", "disk is full", "read-only file system", "readonly database",
                       "permission denied"):
            if needle in text:
                return needle
        e = e.__cause__ or e.__context__
    return None


def _outcome(state: Any) -> dict[str, Any]:
    """The run summary from the flow's final state: Completed (published) or Failed by the gate carry it;
    any other failure is raised for `_guarded` to turn into one line."""
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    if not isinstance(result, dict):
        raise RuntimeError(f"the run ended {state.type.value.lower()} without a summary: {state.message}")
    return result


def _guarded(run: Any, settings: Settings) -> dict[str, Any]:
    """Runs the flow; a failure becomes one clear line (the flow wrote the traceback to a log file)."""
    from flows.lifecycle import HomeUnusable, RunLocked
    from flows.run import NoSources, RunFailed
    from flows.sources import SourceError

    try:
        return run()
    except (SourceError, NoSources) as exc:
        raise CliError(str(exc)) from None
    except (RunLocked, HomeUnusable) as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    except Exception as exc:  # noqa: BLE001 (the one place every failure is turned into a message)
        log = exc.log if isinstance(exc, RunFailed) else None
        where = f" (details: {log})" if log else ""
        problem = _disk_problem(exc)
        if problem:
            raise CliError(f"cannot write under {settings.home}: {problem}. Nothing was published and the "
                           f"previous warehouse is unchanged; free space or fix permissions and run again{where}",
                           EXIT_FAILED) from None
        if isinstance(exc, RunFailed):
            raise CliError(f"the run failed: {exc}", EXIT_FAILED) from None
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise CliError(f"the run failed: {type(exc).__name__}: {first}. Nothing was published", EXIT_FAILED) from None


def print_summary(s: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    a = s["articles"]
    con.print(f"[bold]parley run {s['run_id']}[/]")
    con.print(f"articles: {a['read']} read, {a['new']} new, {a['already_known']} already known, "
              f"{a['quarantined']} quarantined"
              + (f", {a['unchanged']} unchanged since the last run" if a.get("unchanged") else "")
              + f"; {a['extracted']} extracted"
              + (f" ({a['extraction_failed']} failed, quarantined)" if a.get("extraction_failed") else "")
              + f"; {a['in_warehouse']} in the warehouse")
    if a.get("repaired"):
        con.print("repairs: " + ", ".join(f"{k} ({v})" for k, v in a["repaired"].items()))
    t = Table("table", "rows", box=None)
    for name, n in s["rows"].items():
        t.add_row(name, str(n))
    con.print(t)
    g = s["gate"]
    if s.get("unchanged"):
        con.print(f"nothing new since version {s['live_run_id']}: the warehouse stands as published")
        con.print(f"warehouse: {s['warehouse']}")
    elif g["passed"]:
        con.print(f"quality gate: [green]passed[/] ({g['evaluated']} expectations)")
        con.print(f"warehouse: {s['warehouse']}")
        if s.get("lake_snapshot") is not None:
            con.print(f"lake: snapshot {s['lake_snapshot']}")
    else:
        con.print(f"quality gate: [red]FAILED[/] ({len(g['failures'])} of {g['evaluated']} expectations); "
                  "nothing was published, the previous warehouse stays in place")
        for f in g["failures"]:
            con.print(f"  - {f}", markup=False)
        con.print(f"failing batch kept in {s['version_dir']}")
        if s.get("held_back"):
            con.print(f"{len(s['held_back'])} article(s) behind the failures are held back in quarantine: the "
                      "next run publishes the rest (`parley quarantine list`, `parley quarantine release`)")
    if g.get("data_docs"):
        con.print(f"quality report: {g['data_docs']}")


def cmd_sql(args: argparse.Namespace, settings: Settings) -> int:
    from warehouse.query import WarehouseBusy, interactive, run_query

    db = settings.warehouse_path
    if not db.exists():
        raise CliError(f"no published warehouse at {db}: run `parley run` first (PARLEY_HOME={settings.home})")
    try:
        if args.query:
            return run_query(db, " ".join(args.query), args.format)
        return interactive(db)
    except WarehouseBusy as exc:
        raise CliError(str(exc), EXIT_FAILED) from None


def cmd_history(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console
    from rich.table import Table

    from warehouse.publish import current_run_id, list_versions

    current = current_run_id(settings.home, verify=True)
    t = Table("published", "gate", "articles", "agreements", "meetings", "note")
    t.add_column("run", no_wrap=True)
    for v, s in list_versions(settings.versions_dir):
        g = s.get("gate", {})
        mark = " (current)" if v.run_id == current else ""
        t.add_row("yes" if s.get("published") else "no",
                  "passed" if g.get("passed") else f"failed ({len(g.get('failures', []))})",
                  str(s.get("articles", {}).get("in_warehouse", "")), str(s.get("rows", {}).get("fact_agreements", "")),
                  str(s.get("rows", {}).get("fact_meetings", "")), s.get("note", ""), v.run_id + mark)
    Console().print(t)
    return EXIT_OK


def cmd_rollback(args: argparse.Namespace, settings: Settings) -> int:
    from warehouse.publish import DamagedVersion, current_run_id, list_versions, publish, write_summary

    with _locked(settings, "rollback"):
        versions = [(v, s) for v, s in list_versions(settings.versions_dir) if s.get("published")]
        current = current_run_id(settings.home, verify=True)
        if args.run_id:
            pick = [(v, s) for v, s in versions if v.run_id == args.run_id]
            if not pick:
                raise CliError(f"no published version {args.run_id}; `parley history` lists them")
        else:
            older = [(v, s) for v, s in versions if current is None or v.run_id < current]
            if not older:
                raise CliError("no earlier published version to roll back to; `parley history` lists them")
            pick = [older[-1]]
        v, s = pick[0]
        try:
            publish(v, settings.warehouse_path)
        except DamagedVersion as exc:
            raise CliError(f"{exc}; nothing was changed. Pick another version (`parley history`)",
                           EXIT_FAILED) from None
        s["note"] = f"republished by rollback from {current}"
        write_summary(v, s)
        print(f"republished {v.run_id} as {settings.warehouse_path}")
    return EXIT_OK


def cmd_quarantine(args: argparse.Namespace, settings: Settings) -> int:
    """`list`: every input in quarantine with its reason. `release`: held-back articles go back into the
    next run (which holds them again if the gate still fails on them). `drop`: they stay out for good."""
    from warehouse import zones

    t = zones.quarantine_table(settings.quarantine_dir, settings.raw_dir)
    entries = list(zip(t.column("source_uri").to_pylist(), t.column("reason").to_pylist(), strict=True))
    if args.action == "list":
        for uri, reason in entries:  # one line each, whole: for reading and for scripts
            print(f"{uri}\t{reason}")
        print(f"{len(entries)} in quarantine")
        return EXIT_OK
    if not args.sources:
        raise CliError(f"name the sources to {args.action} (`parley quarantine list` shows them)")
    picked = [u for u, _ in entries if any(u == s or u.endswith("/" + s) for s in args.sources)]
    if not picked:
        raise CliError("none of those sources is in quarantine; `parley quarantine list` shows what is")
    with _locked(settings, f"quarantine {args.action}"):
        zones.mark_quarantine(settings.quarantine_dir, picked,
                              zones.RELEASED if args.action == "release" else zones.DROPPED)
    verb = "released into the next run" if args.action == "release" else "dropped (kept out for good)"
    print(f"{len(picked)} source(s) {verb}")
    return EXIT_OK


def cmd_registry(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from transforms.knowledge import knowledge
    from warehouse.registry_candidates import candidates

    db = settings.warehouse_path
    if not db.exists():
        raise CliError(f"no published warehouse at {db}: run `parley run` first (PARLEY_HOME={settings.home})")
    found = candidates(db, knowledge(), args.min_articles)
    for entry in found:
        articles = entry.pop("_articles")
        line = json.dumps(entry, ensure_ascii=False)
        print(line if args.bare else f"{line}  # {articles} article{'' if articles == 1 else 's'}")
    print(f"{len(found)} organisation(s) in {args.min_articles}+ articles that the registry does not hold; review "
          "them and append the ones you trust to organisations.jsonl in your PARLEY_KNOWLEDGE_DIR copy",
          file=sys.stderr)
    return EXIT_OK


def cmd_deploy(args: argparse.Namespace, settings: Settings) -> int:
    """Registers the scheduled deployment with the Prefect server at PREFECT_API_URL."""
    from flows.deploy import DeployError, deploy

    _prefect_env()
    try:
        deployment_id = deploy(settings)
    except DeployError as exc:
        raise CliError(str(exc)) from None
    print(f"deployment parley-run/{settings.deployment_name} ({deployment_id}) runs on cron {settings.schedule!r} "
          f"({settings.timezone}) in work pool {settings.work_pool!r} for PARLEY_HOME={settings.home}.\n"
          f"Start a worker to run it: prefect worker start --pool {settings.work_pool}")
    return EXIT_OK


def cmd_serve_flow(args: argparse.Namespace, settings: Settings) -> int:
    """Serves the scheduled deployment from this process until Ctrl-C."""
    from flows.deploy import DeployError, schedule, serve

    _prefect_env()
    try:
        schedule(settings)
    except DeployError as exc:
        raise CliError(str(exc)) from None
    print(f"serving parley-run/{settings.deployment_name} on cron {settings.schedule!r} ({settings.timezone}) "
          f"for PARLEY_HOME={settings.home}; Ctrl-C stops", flush=True)
    serve(settings)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """The published warehouse over the PostgreSQL wire protocol until Ctrl-C or SIGTERM."""
    import logging
    import signal

    from warehouse.endpoint import Endpoint
    from warehouse.pg_cluster import ClusterError, ServeOptions

    password = os.environ.get("PARLEY_SQL_PASSWORD", "")
    if not password:
        raise CliError("set PARLEY_SQL_PASSWORD to the password analysts will use (there is no default one); "
                       "parley serve refuses to start without it")
    if not settings.warehouse_path.exists():
        raise CliError(f"no published warehouse at {settings.warehouse_path}: run `parley run` first "
                       f"(PARLEY_HOME={settings.home})")
    for path in (settings.serve_tls_cert, settings.serve_tls_key):
        if path and not Path(path).is_file():
            raise CliError(f"TLS file {path} does not exist (serve_tls_cert / serve_tls_key)")
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.WARNING)
    options = ServeOptions(args.host or settings.serve_host, args.port or settings.serve_port,
                           settings.serve_tls_cert, settings.serve_tls_key, settings.serve_max_connections)
    endpoint = Endpoint(settings.home, options, password, settings.serve_poll_seconds)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: endpoint.stop())
    print(f"serving {settings.warehouse_path} as postgresql://parley@{options.host}:{options.port}/warehouse"
          f"{' (TLS)' if options.tls_cert else ''}; new publications are served as they land; Ctrl-C stops",
          flush=True)
    try:
        endpoint.run()
    except ClusterError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    return EXIT_OK


def cmd_quality_docs(args: argparse.Namespace, settings: Settings) -> int:
    """Great Expectations' Data Docs of the kept runs, built now (runs build them only when blocked)."""
    from expectations.gate import build_docs

    if not (settings.gx_dir / "gx").is_dir():
        raise CliError(f"no quality results in {settings.gx_dir}: run `parley run` first")
    index = build_docs(settings.gx_dir)
    if index is None:
        raise CliError("Data Docs could not be built; the log above says why", EXIT_FAILED)
    print(f"quality report: {index}")
    return EXIT_OK


def cmd_train(args: argparse.Namespace, settings: Settings) -> int:
    """Rebuild the learned decisions' model file from articles with hand-written gold."""
    from parley.train import TrainError, train

    dev = Path(args.dev)
    if not dev.is_dir():
        raise CliError(f"{dev}: not a folder; point --dev at articles with their gold.jsonl and folds.json")
    try:
        print(train(dev, Path(args.out) if args.out else None, args.leave_out))
    except TrainError as exc:
        raise CliError(str(exc)) from None
    return EXIT_OK


def schema_markdown() -> str:
    from schemas import MARTS, QUARANTINE, TABLES

    head = ("# Published tables\n\nGenerated from `schemas/` by `parley schema`; do not edit by hand. "
            "The same text is stored as DuckDB comments (`select * from duckdb_columns()`).\n\n")
    marts = ("\n## Analyst views (marts)\n\nViews over the tables (`schemas/marts.py`), in the DuckDB file and "
             "over `parley serve` alike. Each is computed once per published version into a table of the "
             "`mart_data` schema, which its view reads: a mart answers in milliseconds at any size.\n\n")
    return (head + "\n".join(t.markdown() for t in (*TABLES, QUARANTINE)) + marts
            + "\n".join(v.markdown() for v in MARTS))


def cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    print(schema_markdown(), end="")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parley", description="Defence and technology news into a star schema.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run the pipeline once and publish if the quality gate passes")
    r.add_argument("--source", action="append", metavar="SRC",
                   help="folder, file pattern, .jsonl file or RSS/Atom feed URL (repeatable; default: the "
                        "sources of parley.toml, else the samples)")
    s = sub.add_parser("sql", help="query the published warehouse (no query: interactive prompt)")
    s.add_argument("query", nargs="*", help="SQL to run")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    rp = sub.add_parser("reprocess", help="re-derive the warehouse from the raw zone with the current extractor")
    rp.add_argument("--force", action="store_true", help="re-extract even articles already read by this version")
    sv = sub.add_parser("serve", help="serve the published warehouse over the PostgreSQL wire protocol (user "
                                      "parley, database warehouse, password from PARLEY_SQL_PASSWORD)")
    sv.add_argument("--host", help="address to listen on (default 127.0.0.1; serve_host)")
    sv.add_argument("--port", type=int, help="port (default 5433; serve_port)")
    sub.add_parser("deploy", help="register the scheduled deployment (cron from parley.toml) with the Prefect "
                                  "server at PREFECT_API_URL")
    sub.add_parser("serve-flow", help="serve the scheduled deployment from this process (runs on the cron until "
                                 "stopped)")
    sub.add_parser("history", help="list kept versions with their run summaries and gate results")
    rb = sub.add_parser("rollback", help="republish an earlier version (default: the one before the current)")
    rb.add_argument("run_id", nargs="?")
    sub.add_parser("quality-docs", help="build Great Expectations' Data Docs of the kept runs (runs build them "
                                        "only when the gate blocks, unless quality_docs = always)")
    tr = sub.add_parser("train", help="rebuild the learned decisions (transforms/knowledge/models/decisions.json) "
                                      "from articles with hand-written gold")
    tr.add_argument("--dev", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"),
                    help="folder of articles with gold.jsonl and folds.json (default: ../shared/corpus/dev)")
    tr.add_argument("--out", help="where to write the model file (default: the knowledge folder's)")
    tr.add_argument("--leave-out", metavar="FOLD", help="train without this fold (to score it honestly)")
    sub.add_parser("schema", help="print the published tables and their column docs (Markdown)")
    rg = sub.add_parser("registry", help="list organisations the warehouse learnt that the registry lacks "
                                         "(registry JSON lines, to review and append)")
    rg.add_argument("--min-articles", type=int, default=2, metavar="N", help="named in at least N articles")
    rg.add_argument("--bare", action="store_true", help="JSON lines only, ready to append")
    q = sub.add_parser("quarantine", help="list what is in quarantine; release or drop held-back articles")
    q.add_argument("action", choices=["list", "release", "drop"])
    q.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="source URIs (or file names) to release into the next run, or to drop for good")
    return p


def _check_knowledge() -> None:
    """The extractor's knowledge files load and validate before a run starts (bad input, exit 2)."""
    from transforms.errors import KnowledgeError
    from transforms.knowledge import knowledge

    try:
        knowledge()
    except KnowledgeError as exc:
        raise CliError(f"knowledge files: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.raiseExceptions = False  # a log line that cannot be written must not end a run
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.command in ("run", "reprocess", "registry", "serve-flow", "deploy"):
            _check_knowledge()
        handler = {"run": cmd_run, "reprocess": cmd_reprocess, "sql": cmd_sql, "history": cmd_history,
                   "rollback": cmd_rollback, "schema": cmd_schema, "registry": cmd_registry,
                   "quarantine": cmd_quarantine, "deploy": cmd_deploy, "serve-flow": cmd_serve_flow,
                   "serve": cmd_serve, "quality-docs": cmd_quality_docs, "train": cmd_train}[args.command]
        return handler(args, settings)
    except (CliError, SettingsError) as exc:
        print(f"parley: {exc}", file=sys.stderr)
        return getattr(exc, "code", EXIT_USAGE)
    except KeyboardInterrupt:
        print("parley: interrupted; nothing half-published (the next run starts cleanly)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
