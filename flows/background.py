"""Slow work started early, on a thread, while the run waits on other work.

The flow's own process mostly waits while the extraction workers (other processes) run: work started
then costs little time. Great Expectations' 5 s import runs during extraction. (Reading the model
state there was tried and dropped: unpickling holds Python's lock for seconds at a time, so the
workers starved and extraction took as long again as the read saved.)
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class Background(Generic[T]):
    """A call running on a daemon thread (one that never holds the process open at exit); `result()`
    waits for it and returns its value, or raises what it raised."""

    def __init__(self, name: str, fn: Callable[..., T], *args: Any):
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._call, args=(fn, *args), name=name, daemon=True)
        self._thread.start()

    def _call(self, fn: Callable[..., T], *args: Any) -> None:
        try:
            self._value = fn(*args)
        except BaseException as exc:  # noqa: BLE001 (handed to whoever asks for the result)
            self._error = exc

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


def warm_imports(*modules: str) -> Background[None]:
    """Imports `modules` in the background; the import system's lock makes a later `import` of the same
    module wait for it rather than import it twice. A failure is left for the real import to report."""

    def load() -> None:
        for m in modules:
            try:
                importlib.import_module(m)
            except Exception as exc:  # noqa: BLE001 (the step that needs the module reports it)
                log.debug("warm import of %s failed: %s", m, exc)

    return Background("warm-imports", load)
