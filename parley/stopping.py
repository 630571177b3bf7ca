"""Stopping a run: promptly on SIGINT/SIGTERM, and with no process left behind even after SIGKILL.

A run starts helper processes (Prefect's temporary API server). On Ctrl-C or SIGTERM the run stops
at once: its helpers are ended, one line says what happened, and the exit status is 130 or 143.
Nothing is half-published, because every write is a temporary file renamed into place and the next
run removes leftovers; so no cleanup has to wait for a server that may already be gone.

SIGKILL cannot be caught. For that case a small reaper process watches the run: it notes the run's
child processes while the run lives, and ends them when the run dies.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

EXIT_BY_SIGNAL: dict[int, int] = {signal.SIGINT: 130, signal.SIGTERM: 143}

_REAPER = r"""
import os, signal, sys, time
parent, me = int(sys.argv[1]), os.getpid()
def children():
    out = set()
    for d in os.listdir("/proc"):
        if d.isdigit() and int(d) != me:
            try:
                with open(f"/proc/{d}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                        out.add(int(d))
            except (OSError, ValueError, IndexError):
                pass
    return out
seen = set()
while os.getppid() == parent:
    seen |= children()
    time.sleep(0.2)
for sig in (signal.SIGTERM, signal.SIGKILL):
    for pid in seen:
        try:
            os.kill(pid, sig)
        except OSError:
            pass
    time.sleep(2)
"""


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (Linux /proc)."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            out.append(int(d))
    return out


def end_processes(pids: list[int], grace: float = 2.0) -> None:
    """SIGTERM, and SIGKILL for those still there after `grace` seconds (a server busy starting up
    does not always heed SIGTERM)."""
    for pid in pids:
        with suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while pids and time.monotonic() < deadline:
        pids = [p for p in pids if alive(p)]
        time.sleep(0.1)
    for pid in pids:
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    """The process runs (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def start_reaper() -> subprocess.Popen[bytes] | None:
    """The watcher that ends this run's helpers if the run is killed outright; None off Linux."""
    if not Path("/proc/self/stat").exists():
        return None
    return subprocess.Popen([sys.executable, "-c", _REAPER, str(os.getpid())], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _stop(signum: int, _frame: FrameType | None) -> None:
    name = signal.Signals(signum).name
    end_processes(children_of(os.getpid()))
    print(f"parley: stopped by {name}; nothing half-published (the next run starts cleanly)", file=sys.stderr,
          flush=True)
    os._exit(EXIT_BY_SIGNAL.get(signum, 128 + signum))  # no cleanup may wait on a server that is gone


_active = False  # a command-line run is under way: signals end it at once


def reassert() -> None:
    """Inside the flow, Prefect swaps in its own SIGTERM handler, which reports the run as crashed to a
    server that the same signal may have just stopped (and waits on it for minutes). During a command-line
    run, ours comes back: the run ends at once."""
    if _active and threading.current_thread() is threading.main_thread():
        for sig in EXIT_BY_SIGNAL:
            signal.signal(sig, _stop)


@contextmanager
def stop_handling() -> Iterator[None]:
    """For the length of a run: Ctrl-C and SIGTERM end it at once, with its helper processes, and a
    reaper ends the helpers if the run is killed outright. The previous handlers come back after."""
    global _active
    previous = {sig: signal.signal(sig, _stop) for sig in EXIT_BY_SIGNAL}
    reaper = start_reaper()
    _active = True
    try:
        yield
    finally:
        _active = False
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if reaper is not None:
            reaper.terminate()
            reaper.wait(timeout=5)
