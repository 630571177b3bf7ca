"""Slow imports started early, on a thread, while the run waits on other work.

Great Expectations takes about 5 s to import and only the gate needs it. A run that will model
starts importing it when extraction starts: the extraction workers are other processes, so the
flow's own process is mostly waiting, and the gate finds the modules loaded.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)


def warm_imports(*modules: str) -> threading.Thread:
    """Imports `modules` on a daemon thread; the import system's lock makes a later `import` of the same
    module wait for it rather than import it twice. A failure is left for the real import to report."""

    def load() -> None:
        for m in modules:
            try:
                importlib.import_module(m)
            except Exception as exc:  # noqa: BLE001 (the step that needs the module reports it)
                log.debug("warm import of %s failed: %s", m, exc)

    thread = threading.Thread(target=load, name="warm-imports", daemon=True)
    thread.start()
    return thread
