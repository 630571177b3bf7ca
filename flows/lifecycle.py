"""What every run does around its work, whoever starts it (`parley run`, a deployment, `flow.serve`):
one run at a time per PARLEY_HOME, and a crash written down where the user will look.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parley.settings import Settings


def new_run_id() -> str:
    """Sortable by start time, unique across machines."""
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


class RunLocked(RuntimeError):
    """Another run holds this PARLEY_HOME; the message says which process and what to do."""


class HomeUnusable(RuntimeError):
    """PARLEY_HOME cannot be created or written; nothing was changed."""


def check_home(settings: Settings) -> None:
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        probe = settings.home / f".write-probe-{os.getpid()}"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise HomeUnusable(f"PARLEY_HOME {settings.home} is not writable ({exc.strerror}); set PARLEY_HOME to a "
                           "folder you can write to. Nothing was changed") from None


@contextmanager
def run_lock(settings: Settings, holder: str) -> Iterator[None]:
    """One run at a time per PARLEY_HOME: a second run fails at once with a clear message instead of racing.
    The lock is the kernel's (flock): a run that dies releases it with its process."""
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        fh = open(settings.lock_path, "a+")  # noqa: SIM115 (held for the whole run)
    except OSError as exc:
        raise HomeUnusable(f"cannot use PARLEY_HOME {settings.home}: {exc.strerror}; nothing was changed") from None
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        other = fh.read().strip() or "another process"
        fh.close()
        raise RunLocked(f"another parley run is in progress in {settings.home} ({other}); wait for it to "
                        "finish") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()}, {holder}\n")
    fh.flush()
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def write_crash_log(settings: Settings, run_id: str, exc: BaseException) -> Path | None:
    """The whole traceback, under PARLEY_HOME/runs; the console and the flow state get one line."""
    try:
        settings.runs_dir.mkdir(parents=True, exist_ok=True)
        path = settings.runs_dir / f"failed-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%SZ}-{run_id}.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return path
    except OSError:
        return None
