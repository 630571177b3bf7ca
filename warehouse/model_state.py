"""Where modelling's state is kept between runs: beside the version it built.

The state a published version was modelled from is pickled into that version's
folder, so the next run goes on from the live version's state (and a rollback
from the older one's). A state made by other code or another extractor (its
`key`) or one that cannot be read is not used: the run models from empty, which
is slower but gives the same warehouse. The file is Parley's own, inside
PARLEY_HOME, written by the run that staged the version.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from transforms.knowledge import Knowledge
from transforms.model import ModelState

STATE_FILE = "model_state.pkl"
log = logging.getLogger(__name__)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off while millions of small objects are made or walked (a state's
    load, dump or fold): it would scan them all again and again for cycles they do not have, doubling
    the time at 100,000 articles."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def save(version_dir: Path, state: ModelState) -> Path:
    """Writes the state beside the version's tables (to a temporary name, then renamed), part by part:
    one pickle of everything would hold a memo of every object written (hundreds of MB at 100,000
    articles) until the end."""
    path = version_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh, paused_gc():
        for part in state.parts():
            pickle.dump(part, fh, protocol=pickle.HIGHEST_PROTOCOL)  # a pickler (and memo) per part
    os.replace(tmp, path)
    return path


def _rest(fh: Any) -> Iterator[tuple[str, Any]]:
    while fh.peek(1):
        yield pickle.load(fh)  # noqa: S301 (as above)


def load(version_dir: Path | None, key: str, k: Knowledge) -> ModelState | None:
    """The state the version was modelled from, if it was made by this code for these records."""
    path = version_dir / STATE_FILE if version_dir else None
    if path is None or not path.is_file():
        return None
    try:
        with open(path, "rb") as fh, paused_gc():
            first = pickle.load(fh)  # noqa: S301 (Parley's own file, written by a run into PARLEY_HOME)
            if first != ("key", key):
                return None  # made by other code or for other records: read no further
            state = ModelState.from_parts([first, *_rest(fh)])
    except Exception as exc:  # noqa: BLE001 (any unreadable state only means modelling from empty)
        log.warning("model state %s cannot be read (%s): modelling from empty", path, exc)
        return None
    return state.attach(k)
