"""End-to-end scale run: N synthetic articles through `parley run`, with wall time and peak memory.

    .venv/bin/python bench/scale.py --articles 10000 [--source ../shared/corpus/dev]

Articles are the source folder's texts, each made distinct by a numbered closing sentence (so every
one is a new article to read, extract and model). Results go to bench/out/ and are summarised by hand
in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parley.cli import sample_dir


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--source", default=str(sample_dir()))
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.source).glob("*.txt"))]
    work = Path(tempfile.mkdtemp(prefix="parley-scale-"))
    src = work / "src"
    src.mkdir()
    for i in range(args.articles):
        (src / f"{i:07d}.txt").write_text(texts[i % len(texts)] + f"\n\nReference number {i}.", encoding="utf-8")
    env = {**os.environ, "PARLEY_HOME": str(work / "home")}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "parley.cli", "run", "--source", str(src)], env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = {"articles": args.articles, "exit": proc.returncode, "wall_s": round(wall, 1),
           "articles_per_s": round(args.articles / wall, 1), "peak_rss_mb": round(peak_kb / 1024)}
    Path("bench/out").mkdir(parents=True, exist_ok=True)
    Path(f"bench/out/scale-{args.articles}.json").write_text(json.dumps(out, indent=2))
    print(json.dumps(out))
    if proc.returncode:
        print(proc.stderr[-3000:], file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
