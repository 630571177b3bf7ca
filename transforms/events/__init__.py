"""Events read from a document by specs: the engine, its two readers and their shared helpers."""

from transforms.events import gathering, signing  # noqa: F401  (each registers its reader with the engine)
from transforms.events.engine import compile_spec, find_events

__all__ = ["compile_spec", "find_events"]
