"""A progress bar for long steps when a person is watching (a terminal); silent in logs and CI."""

from __future__ import annotations

import ctypes
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import TracebackType

from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as _Rich


class Progress:
    def __init__(self, label: str, total: int | None):
        self.label = label
        self.total = total
        self._bar: _Rich | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Progress:
        if sys.stderr.isatty():
            from rich.console import Console

            self._bar = _Rich(TextColumn(f"[bold]{self.label}"), BarColumn(), MofNCompleteColumn(),
                              TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total)
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()


@contextmanager
def timed(seconds: dict[str, float], stage: str, peaks: dict[str, int] | None = None) -> Iterator[None]:
    """Adds the stage's wall time to `seconds` (the run summary's `seconds`, which the report and the
    benchmark read), and to `peaks` the process's peak resident memory so far in MiB: where a run's
    time and memory go, without a profiler (the first stage whose peak jumps is the one to look at)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] = round(seconds.get(stage, 0.0) + time.perf_counter() - start, 3)
        if peaks is not None:
            peaks[stage] = peak_rss_mib()
        give_back_memory()


def give_back_memory() -> None:
    """Returns the heap a stage freed to the system (glibc keeps it otherwise), so the next stage's peak
    starts from what is live, not from the last stage's high-water mark. A no-op where there is no glibc."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def peak_rss_mib() -> int:
    """This process's peak resident set since it started (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10))
