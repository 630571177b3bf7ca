"""End-to-end benchmark: synthetic corpora of growing size through the real `parley run`.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--seed 7] [--new 1000] [--repeat 20]
                                    [--keep] [--running-server]

For each size N, in a fresh home, one after another:
  1. `full`: N synthetic articles (bench/synthetic.py) read, extracted, modelled, gated and published;
  2. `nothing new`: the same command again, with nothing new to read;
  3. `new`: `--new` more articles (the next ones of the same world) added to the folder, and a run;
     with `--running-server`, `--new` more again, run against a Prefect server already running (as a
     scheduled deployment's runs are), so the run pays no temporary server;
  4. analyst queries (the marts' typical questions, bench/serve_latency.py's list) on the published
     `warehouse.duckdb` in plain DuckDB, `--repeat` times each after one warm-up: p50 and p95.
Each run's wall time, its stages' times (the run summary's `seconds`), and peak memory (resident set of
the `parley` process, and of it with every process it started: extraction workers, the temporary
Prefect server; sampled every 0.1 s) go to bench/scale_results.json; RESULTS.md and the README carry them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_latency import QUERIES  # noqa: E402
from synthetic import per_day_for, write_folder  # noqa: E402

OUT = Path(__file__).with_name("scale_results.json")


class PeakMemory:
    """Peak resident memory of a process and of its whole tree, sampled on a thread."""

    def __init__(self, pid: int, every: float = 0.1):
        self.proc = psutil.Process(pid)
        self.every = every
        self.own = self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                own = self.proc.memory_info().rss
                kids = sum(c.memory_info().rss for c in self.proc.children(recursive=True))
            except psutil.Error:
                own = kids = 0
            self.own, self.tree = max(self.own, own), max(self.tree, own + kids)
            time.sleep(self.every)

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.own, self.tree


def run_once(source: Path, home: Path, api_url: str | None = None) -> dict[str, Any]:
    """One `parley run`, its wall time, peak memory and the stages' times from its summary; with
    `api_url`, against that running Prefect server (as a scheduled deployment runs) instead of a
    temporary one."""
    env = {**os.environ, "PARLEY_HOME": str(home), **({"PREFECT_API_URL": api_url} if api_url else {})}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "parley", "run", "--source", str(source)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = PeakMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    own, tree = peak.stop()
    summary = _latest_summary(home)
    result = {"exit": proc.returncode, "wall_s": round(wall, 1), "peak_rss_mb": round(own / 2**20),
              "peak_rss_tree_mb": round(tree / 2**20), "seconds": summary.get("seconds", {}),
              "peak_rss_mib_after_stage": summary.get("peak_rss_mib", {}),
              "articles": summary.get("articles", {}), "rows": summary.get("rows", {}),
              "model": summary.get("model")}
    flow = sum(result["seconds"].values())
    result["outside_stages_s"] = round(wall - flow, 1)  # Prefect's temporary server, imports, start-up
    if proc.returncode:
        result["stderr"] = err[-2000:]
    return result


def _latest_summary(home: Path) -> dict[str, Any]:
    last = home / "runs" / "last-run.json"  # every run's summary, with or without a version of its own
    return json.loads(last.read_text()) if last.is_file() else {}


def query_latency(warehouse: Path, repeat: int) -> dict[str, dict[str, float]]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    out = {}
    for name, sql in QUERIES.items():
        con.execute(sql).fetchall()
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            con.execute(sql).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out[name] = {"p50_ms": round(statistics.median(times), 1),
                     "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1)}
    con.close()
    return out


@contextlib.contextmanager
def prefect_server(prefect_home: Path, port: int = 4329) -> Iterator[str]:
    """A Prefect server of its own for the time of a measurement (`prefect server start`), its API URL."""
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("prefect")), "server", "start", "--host",
                             "127.0.0.1", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bench_size(n: int, seed: int, new: int, repeat: int, keep: bool = False, with_server: bool = False
               ) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix=f"parley-scale-{n}-"))
    try:
        src, home = work / "articles", work / "home"
        per_day = per_day_for(n + 2 * new)  # the whole series published before today
        t = time.perf_counter()
        write_folder(src, n, seed, per_day=per_day)
        made = time.perf_counter() - t
        result: dict[str, Any] = {"articles": n, "per_day": per_day, "generate_s": round(made, 1)}
        result["full"] = run_once(src, home)
        print(f"{n}: full run {result['full']['wall_s']} s", flush=True)
        result["nothing_new"] = run_once(src, home)
        write_folder(src, new, seed, first=n, per_day=per_day)
        result[f"{new}_new"] = run_once(src, home)
        print(f"{n}: {new} new {result[f'{new}_new']['wall_s']} s", flush=True)
        if with_server:
            with prefect_server(work / "prefect") as api_url:
                write_folder(src, new, seed, first=n + new, per_day=per_day)
                result[f"{new}_new_running_server"] = run_once(src, home, api_url)
            print(f"{n}: {new} more, running server {result[f'{new}_new_running_server']['wall_s']} s", flush=True)
        result["queries"] = query_latency(home / "warehouse.duckdb", repeat)
        return result
    finally:
        if keep:
            print(f"{n}: kept {work} (articles/, home/)", flush=True)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--keep", action="store_true", help="keep each size's articles and home (to measure again)")
    ap.add_argument("--running-server", action="store_true",
                    help="also add --new more articles and run them against a running Prefect server")
    args = ap.parse_args()
    machine = {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30),
               "python": platform.python_version(), "platform": platform.platform()}
    # Sizes measured before stay in the file (each with its date and command) unless measured again.
    earlier = json.loads(OUT.read_text())["sizes"] if OUT.is_file() else []
    results = {"machine": machine, "sizes": earlier}
    for n in (int(x) for x in args.sizes.split(",")):
        size = {"date": time.strftime("%Y-%m-%d %H:%M"), "command": " ".join(sys.argv),
                **bench_size(n, args.seed, args.new, args.repeat, args.keep, args.running_server)}
        results["sizes"] = sorted([s for s in results["sizes"] if s["articles"] != n] + [size],
                                  key=lambda s: s["articles"])
        OUT.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
