"""Resident memory while modelling folds synthetic articles, read one at a time from disk: what the fold's own
state costs as the corpus grows, apart from the articles (which a run streams from the zones).

    .venv/bin/python bench/fold_rss.py --articles 80000 [--every 10000] [--trim] [--articles-file F]

Extracts the articles of `bench/synthetic.py` (seed 7) on both cores into a scratch file, then folds them in
one `ModelState` (its store in a file, as a run's is) and prints the process's resident memory every
`--every` articles, after the fold, after its rows are made, and after returning freed memory to the system
(`malloc_trim`). `--trim` also returns it at every step: if resident memory then stays the same, the allocator
keeps no fragments worth the name and what is resident is live objects (bench/RESULTS.md, stop 41).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from state_memory import _extracted  # noqa: E402 (bench/ is not a package)
from synthetic import articles  # noqa: E402

from transforms.knowledge import knowledge  # noqa: E402
from transforms.model import ModelState, fold_key  # noqa: E402
from transforms.state_store import StateStore  # noqa: E402


def _resident_mib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS"))


def _write_sorted(n: int, path: Path) -> None:
    """The extracted articles in fold order, one pickled (meta, record) after another."""
    with ProcessPoolExecutor(2) as ex:
        items = [x for x in ex.map(_extracted, articles(n), chunksize=64) if x]
    items.sort(key=lambda a: fold_key(a[0]))
    with open(path, "wb") as out:
        for item in items:
            data = pickle.dumps(item)
            out.write(len(data).to_bytes(4, "little") + data)


def _read(path: Path, every: int, trim: Any) -> Iterator[Any]:
    with open(path, "rb") as f:
        i = 0
        while head := f.read(4):
            if i % every == 0:
                if trim is not None:
                    trim(0)
                print(f"{i:>9,} articles folded: {_resident_mib():,} MiB resident", flush=True)
            yield pickle.loads(f.read(int.from_bytes(head, "little")))
            i += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80_000)
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--trim", action="store_true")
    ap.add_argument("--articles-file", type=Path, default=None,
                    help="keep the extracted articles here, or fold those it already holds (to compare two versions "
                         "of modelling on the same records)")
    ap.add_argument("--cached", type=int, default=None,
                    help="objects and map entries each of the store's caches keeps (its defaults if not given): with "
                         "small caches, what memory holds beyond them shows within a small corpus")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="parley-fold-"))
    try:
        extracted = args.articles_file or work / "articles.bin"
        if not extracted.exists():
            _write_sorted(args.articles, extracted)
        malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        k = knowledge()
        gc.collect()
        print(f"before the fold: {_resident_mib():,} MiB resident")
        caches = ("events", "people", "orgs", "forms")
        sizes = {} if args.cached is None else {f"{what}_cached": args.cached for what in caches}
        state = ModelState(k, "bench", StateStore(work / "state.sqlite", **sizes))
        started = time.perf_counter()
        delta = state.fold(_read(extracted, args.every, malloc_trim if args.trim else None))
        print(f"after the fold ({time.perf_counter() - started:.0f} s): {_resident_mib():,} MiB resident")
        delta.drain(lambda table, rows: None)
        del delta
        gc.collect()
        print(f"after its rows: {_resident_mib():,} MiB resident")
        malloc_trim(0)
        print(f"after returning freed memory: {_resident_mib():,} MiB resident")
        state.store.close()
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
