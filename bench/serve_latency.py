"""Analyst query latency over `parley serve` at the size of a 100,000-article warehouse.

    .venv/bin/python bench/serve_latency.py --from-home /tmp/ph [--articles 100000] [--repeat 20]

Takes the live version of a published home (a real `parley run`, e.g. over ../shared/corpus/dev), copies
its tables until dim_articles holds `--articles` rows (each copy's ids suffixed, so keys and foreign keys
stay whole and the marts join as they would), publishes that as a version of a scratch home, starts
`parley serve` on it and times the marts' typical questions over the wire (psycopg). Writes
bench/serve_latency.json; RESULTS.md carries the summary.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import QUARANTINE, TABLES
from warehouse import publish as pub

QUERIES = {
    "agreements per fiscal year": "select fiscal_year, count(*) from mart_agreements_by_quarter group by 1 order by 1",
    "agreements of one quarter with parties": "select * from mart_agreements_by_quarter where year = 2025 and "
                                              "quarter = 3 order by signed_date limit 200",
    "strongest collaborations": "select * from mart_collaboration_network order by agreements + meetings desc "
                                "limit 50",
    "one domain by month": "select * from mart_domain_trends where domain = (select min(domain) from "
                           "mart_domain_trends) order by month",
    "one official's titles": "select * from mart_official_title_history where person_id = (select min(person_id) "
                             "from dim_officials) order by title_number",
    "latest 50 events with evidence": "select * from mart_latest_events order by event_date desc nulls last "
                                      "limit 50",
}


def _id_columns(table: pa.Table) -> list[str]:
    return [c for c in table.column_names if c.endswith("_id")]


def scaled_tables(src: Path, articles: int) -> dict[str, pa.Table]:
    """The source tables repeated with suffixed ids until dim_articles has at least `articles` rows."""
    base = {t.name: pq.read_table(src / f"{t.name}.parquet") for t in (*TABLES, QUARANTINE)}
    copies = max(1, -(-articles // base["dim_articles"].num_rows))
    out: dict[str, pa.Table] = {}
    for name, table in base.items():
        if name in ("dim_dates", "dim_domains", "quarantine"):
            out[name] = table  # the calendar and the domain list do not grow with articles
            continue
        parts = []
        for k in range(copies):
            t = table
            for col in _id_columns(t):
                if name == "bridge_article_domains" and col == "domain_id":
                    continue
                suffixed = pc.binary_join_element_wise(t[col], pa.scalar(f"-{k}"), "")
                t = t.set_column(t.column_names.index(col), col, suffixed)
            parts.append(t)
        out[name] = pa.concat_tables(parts)
    return out


def publish_scaled(tables: dict[str, pa.Table], home: Path) -> None:
    v = pub.stage(home / "versions", "20990101T000000Z-bench0", tables)
    pub.write_summary(v, {"run_id": v.run_id, "published": True, "bench": True})
    pub.build(v)
    pub.publish(v, home / "warehouse.duckdb")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--from-home", required=True, help="a home with a published warehouse")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    live = pub.live_tables_dir(Path(args.from_home))
    if live is None:
        sys.exit(f"no published version in {args.from_home}: run `parley run` there first")
    home = Path(tempfile.mkdtemp(prefix="parley-serve-bench-")) / "home"
    t0 = time.perf_counter()
    tables = scaled_tables(live, args.articles)
    publish_scaled(tables, home)
    built = time.perf_counter() - t0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    password = "bench-only"
    env = {**os.environ, "PARLEY_HOME": str(home), "PARLEY_SQL_PASSWORD": password}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    import psycopg

    try:
        while True:
            try:
                con = psycopg.connect(host="127.0.0.1", port=port, user="parley", dbname="warehouse",
                                      password=password, autocommit=True)
                con.execute("select 1 from dim_articles limit 1")
                break
            except psycopg.Error:
                if proc.poll() is not None or time.perf_counter() - started > 1800:
                    sys.exit("parley serve did not come up")
                time.sleep(0.5)
        load_seconds = time.perf_counter() - started
        results = {}
        for label, sql in QUERIES.items():
            con.execute(sql).fetchall()  # warm
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                con.execute(sql).fetchall()
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            results[label] = {"p50_ms": round(statistics.median(times), 1),
                              "p95_ms": round(times[max(0, int(round(0.95 * len(times))) - 1)], 1)}
        rows = {name: t.num_rows for name, t in tables.items()}
        con.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=120)
    out = {"articles": rows["dim_articles"], "rows": rows, "build_and_publish_seconds": round(built, 1),
           "serve_start_and_load_seconds": round(load_seconds, 1), "repeat": args.repeat, "queries": results,
           "machine": f"{os.cpu_count()} cores, {sys.platform}", "command": " ".join(sys.argv)}
    Path(__file__).with_name("serve_latency.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
