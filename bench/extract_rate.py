"""Extraction rate on one core: articles per second and milliseconds per article.

    .venv/bin/python bench/extract_rate.py [FOLDER] [--repeat N]

FOLDER defaults to the bundled samples; the articles are extracted N times over
(after one warm-up pass that compiles the knowledge patterns).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from parley.cli import sample_dir
from transforms.extract import extract_article
from transforms.reading import Rejected, read_article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(sample_dir()))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cold", action="store_true",
                    help="warm up on one article only, so the per-phrase caches start empty: the cost of "
                         "articles never seen (the default warm-up pass sees every article first)")
    args = ap.parse_args()
    arts = []
    for f in sorted(Path(args.folder).glob("*.txt")):
        r = read_article(f.read_bytes(), max_bytes=5_000_000)
        if not isinstance(r, Rejected):
            arts.append(r)
    for a in arts[:1] if args.cold else arts:
        extract_article(a.text, a.published_date)
    times, cpu = [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        for a in arts:
            extract_article(a.text, a.published_date)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    per = statistics.median(times) / len(arts)
    best_cpu = min(cpu) / len(arts)  # the least disturbed pass: steadier on a shared machine than wall time
    chars = sum(len(a.text) for a in arts) / len(arts)
    print(f"{len(arts)} articles (mean {chars:,.0f} chars) x {args.repeat}: median {per * 1000:.2f} ms/article, "
          f"{1 / per:,.0f} articles/s on one core; best pass {best_cpu * 1000:.2f} ms CPU/article")


if __name__ == "__main__":
    main()
