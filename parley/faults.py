"""Crash injection for the recovery tests: `PARLEY_FAULT_AT=<point>` kills the run with SIGKILL there.

Points: ingest (after the first raw batch is written), extract (after the first extraction batch),
model (after the version is staged), validate (after the gate has run, before its verdict is
used), publish (after the new database is copied beside the old one, before the rename).
A SIGKILL sent by the process to itself is the same as `kill -9` from outside at that moment,
but lands at a known point every time.
"""

from __future__ import annotations

import os
import signal

POINTS = ("ingest", "extract", "model", "validate", "publish")


def crash_point(name: str) -> None:
    if os.environ.get("PARLEY_FAULT_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def article_fault(text: str) -> None:
    """`PARLEY_FAULT_ARTICLE=<marker>`: extracting an article whose text contains the marker raises, as a
    bug in a rule would; the isolation tests use it."""
    marker = os.environ.get("PARLEY_FAULT_ARTICLE")
    if marker and marker in text:
        raise RuntimeError(f"injected fault for an article containing {marker!r}")
