"""How much memory modelling's state holds per article, and where: a fold of synthetic articles under tracemalloc.

    .venv/bin/python bench/state_memory.py --articles 20000 [--top 10]

Extracts the articles of `bench/synthetic.py` (seed 7) on both cores, folds them in one `ModelState` as a full
run does (its store in a file, as a run's is), and prints the memory the state keeps in Python objects after the
fold (and its peak), with the lines of code that allocated most of it, and the size of the store's file. Issue
15 asks for memory bounded whatever the corpus size; this is how the state's share is measured (see
bench/RESULTS.md): what grows with the corpus is in the file, what is in memory is the cache of objects in use
(`transforms/state_store.py`) and the organisations' spellings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import shutil
import sys
import tempfile
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles  # noqa: E402 (bench/ is not a package)

from transforms.extract import extract_article  # noqa: E402
from transforms.knowledge import knowledge  # noqa: E402
from transforms.model import ArticleMeta, ModelState, fold_key, parsed  # noqa: E402
from transforms.reading import Rejected, read_article  # noqa: E402
from transforms.state_store import StateStore  # noqa: E402


def _extracted(item: tuple[int, dt.date, str]) -> tuple[ArticleMeta, dict[str, Any]] | None:
    _, _, text = item
    r = read_article(text.encode(), max_bytes=10_000_000)
    if isinstance(r, Rejected):
        return None
    meta = ArticleMeta(r.content_hash[:16], r.content_hash, f"synthetic:{r.content_hash[:12]}", None, r.title,
                       r.published_date, len(r.text.split()), dt.datetime(2026, 1, 1, tzinfo=dt.UTC), (), "r1")
    return meta, extract_article(r.text, r.published_date).to_dict()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--cached", type=int, default=None,
                    help="objects and map entries each cache keeps (the store's defaults if not given); with "
                         "small caches, what memory keeps beyond them shows at small sizes")
    args = ap.parse_args()
    with ProcessPoolExecutor(2) as ex:
        items = [x for x in ex.map(_extracted, articles(args.articles), chunksize=64) if x]
    items.sort(key=lambda a: fold_key(a[0]))
    k = knowledge()
    gc.collect()
    tracemalloc.start()
    work = Path(tempfile.mkdtemp(prefix="parley-state-"))
    sizes = {} if args.cached is None else {
        f"{what}_cached": args.cached for what in ("events", "people", "orgs", "forms")}
    state = ModelState(k, "bench", StateStore(work / "state.sqlite", **sizes))
    delta = state.fold(parsed(items))
    del items
    gc.collect()
    folded = tracemalloc.get_traced_memory()[0]  # with the delta, its rows not yet made
    delta.drain(lambda name, rows: None)
    del delta
    state.settle()
    gc.collect()
    kept, peak = tracemalloc.get_traced_memory()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    print(f"{args.articles:,} articles: {folded / 2**20:.0f} MiB after the fold (its rows not yet made); state "
          f"{kept / 2**20:.0f} MiB kept ({kept / args.articles / 1024:.1f} KiB "
          f"an article), {peak / 2**20:.0f} MiB at the fold's peak; store file "
          f"{(work / 'state.sqlite').stat().st_size / 2**20:.0f} MiB")
    for stat in snapshot.statistics("lineno")[:args.top]:
        print(f"  {stat.size / 2**20:6.1f} MiB  {stat.count:>8,} blocks  {stat.traceback}")
    state.store.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
