"""Where modelling's state is kept between runs: beside the version it built.

The state (`transforms/state_store.py`: one SQLite file) is folded in a working
copy under `home/work`, then moved into the version's folder when the version is
staged, so the next run goes on from the live version's state (and a rollback
from the older one's); the live version's own file is never written to. A state
made by other code or another extractor (its `key`) or one that cannot be read
is not used: the run models from empty, which is slower but gives the same
warehouse. The files are Parley's own, inside PARLEY_HOME, written by its runs.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from transforms.knowledge import Knowledge
from transforms.model import ModelState
from transforms.state_store import StateStore

STATE_FILE = "model_state.sqlite"
log = logging.getLogger(__name__)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while many small objects are made or walked (a fold): it would
    scan them again and again for cycles they do not have."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _working_file(work_dir: Path) -> Path:
    """A new working file; those a crashed run left are removed first (runs hold the home's lock)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    for stale in work_dir.glob("model_state-*.sqlite*"):
        stale.unlink(missing_ok=True)
    return work_dir / f"model_state-{uuid.uuid4().hex}.sqlite"


def fresh(work_dir: Path, key: str, k: Knowledge) -> ModelState:
    """An empty state folding into a new working file."""
    return ModelState(k, key, StateStore(_working_file(work_dir)))


def load(version_dir: Path | None, key: str, k: Knowledge, work_dir: Path) -> ModelState | None:
    """A working copy of the state the version was modelled from, if it was made by this code for these
    records."""
    path = version_dir / STATE_FILE if version_dir else None
    if path is None or not path.is_file():
        return None
    work = _working_file(work_dir)
    try:
        shutil.copyfile(path, work)
        state = ModelState.resume(StateStore(work), key, k)
    except Exception as exc:  # noqa: BLE001 (any unreadable state only means modelling from empty)
        log.warning("model state %s cannot be read (%s): modelling from empty", path, exc)
        state = None
    if state is None:
        work.unlink(missing_ok=True)
    return state


def save(version_dir: Path, state: ModelState) -> Path:
    """Closes the state and moves its file beside the version's tables (a state in memory is copied)."""
    path = version_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    store = state.store
    state.settle()
    if store.path is None:
        with sqlite3.connect(tmp) as target:
            store.db.backup(target)
        target.close()
        store.close()
    else:
        store.close()
        shutil.move(store.path, tmp)
    os.replace(tmp, path)
    return path


def discard(state: ModelState | None) -> None:
    """Drops a state nobody will keep (a run the gate blocked) and its working file."""
    if state is None:
        return
    state.store.db.close()
    if state.store.path is not None:
        state.store.path.unlink(missing_ok=True)
