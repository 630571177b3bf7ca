"""How much memory ingest's two memories of what came before cost as the corpus grows (issue 15: memory
bounded whatever the corpus size): a folder source's index of files read, and the raw zone's articles.

    .venv/bin/python bench/ingest_memory.py --sizes 100000,1000000

For each size, in a fresh process each:
- files: a first run's listing compared with an empty index, every file marked read and the index saved; then a
  second run's listing (nothing changed) compared with the saved index. Paths and marks are made up (no files
  are written): what is measured is the index, not the file system's stat calls.
- articles: a raw zone of that many content hashes (one Parquet file), then 1,000 new articles asked about and
  added in batches of 250, as ingest does.
Prints each process's peak RSS over its level once DuckDB is imported, and the seconds taken.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _listing(n: int):  # noqa: ANN202 (a generator of made-up files)
    return ((f"/data/news/incoming/articles/story-{i:09d}.txt", (1_000 + i % 5_000, 1_700_000_000_000_000_000 + i))
            for i in range(n))


def measure(n: int) -> dict[str, float]:
    from warehouse.file_index import FileIndex

    base = _peak_mib()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "files.parquet"
        t = time.perf_counter()
        index = FileIndex()
        for path, mark, _ in index.compare(_listing(n)):
            index.mark_read(path, mark)  # type: ignore[arg-type]
        index.save(target)
        index.close()
        first, first_s = _peak_mib() - base, time.perf_counter() - t
        t = time.perf_counter()
        index = FileIndex(target)
        unchanged = sum(u for *_, u in index.compare(_listing(n)))
        index.close()
        assert unchanged == n
        return {"files": n, "first_run_mib": first, "first_run_s": round(first_s, 2),
                "second_run_mib": _peak_mib() - base, "second_run_s": round(time.perf_counter() - t, 2)}


def _hash(i: int) -> str:
    import hashlib

    return hashlib.sha256(str(i).encode()).hexdigest()


def write_zone(raw: Path, n: int) -> None:
    """A raw zone of `n` articles' hashes, in parts of 1,000,000 (written by a process of its own, so the
    measuring one's peak is not this one's)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    raw.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, 1_000_000):
        hashes = pa.array([_hash(i) for i in range(start, min(n, start + 1_000_000))], pa.string())
        pq.write_table(pa.table({"content_hash": hashes}), raw / f"part-{start:012d}.parquet")


def measure_articles(n: int) -> dict[str, float]:
    from warehouse.known_articles import KnownHashes

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        subprocess.run([sys.executable, __file__, "--zone", str(n), str(raw)], check=True)
        base = _peak_mib()
        t = time.perf_counter()
        known = KnownHashes(raw)
        found = 0
        for start in range(n - 500, n + 500, 250):  # half of the first batches are known already
            batch = [_hash(i) for i in range(start, start + 250)]
            seen = known.among(batch)
            found += len(seen)
            known.add([x for x in batch if x not in seen])
        known.close()
        assert found == 500
        return {"articles": n, "ingest_1000_mib": _peak_mib() - base,
                "ingest_1000_s": round(time.perf_counter() - t, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--files", type=int, help=argparse.SUPPRESS)  # the measuring children
    ap.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--zone", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.zone:
        write_zone(Path(args.zone[1]), int(args.zone[0]))
        return
    if args.files or args.articles:
        import duckdb  # noqa: F401 (its import is the level measured from)

        print(json.dumps(measure(args.files) if args.files else measure_articles(args.articles)))
        return
    for n in (int(x) for x in args.sizes.split(",")):
        for what in ("--files", "--articles"):
            out = subprocess.run([sys.executable, __file__, what, str(n)], capture_output=True, text=True,
                                 check=True)
            print(out.stdout.strip())


if __name__ == "__main__":
    main()
