"""Stopping a run: SIGTERM and Ctrl-C end it within seconds with 143/130 and one line; SIGKILL leaves no
helper process behind (the real CLI in a subprocess, with its own temporary Prefect server)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parley.stopping import alive, children_of

from .conftest import write_articles

ARTICLES = {f"a{i}.txt": f" date 2025-06-{i + 1:02d} The Indian Navy signed a contract with Orvel Yard {i} Limited."
            for i in range(20)}


def _start(tmp_path: Path, name: str, mid_flow: bool = False) -> tuple[subprocess.Popen[str], Path]:
    """A real `parley run` in its own process group, once its server is up (and, `mid_flow`, once the flow
    is running its tasks); its output goes to a file."""
    src = write_articles(tmp_path / f"src_{name}", ARTICLES)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PARLEY_HOME=str(tmp_path / f"home_{name}"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    out = tmp_path / f"{name}.log"
    with open(out, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "parley.cli", "run", "--source", str(src)], env=env,
                                stdout=fh, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        server_up = any("uvicorn" in Path(f"/proc/{c}/cmdline").read_text(errors="ignore")
                        for c in children_of(proc.pid) if Path(f"/proc/{c}").exists())
        if server_up and (not mid_flow or "Beginning flow run" in out.read_text(errors="ignore")):
            return proc, out
        time.sleep(0.2)
    pytest.fail("the run did not get under way in time")


@pytest.mark.parametrize(("sig", "code", "mid_flow"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, True)])
def test_a_signal_stops_the_run_within_seconds_with_its_exit_status(tmp_path: Path, sig: int, code: int,
                                                                    mid_flow: bool):
    proc, out = _start(tmp_path, f"{sig.name}{mid_flow}", mid_flow)
    helpers = children_of(proc.pid)
    started = time.monotonic()
    if mid_flow:
        os.killpg(proc.pid, sig)  # Ctrl-C, or `timeout`, signals the whole process group
    else:
        proc.send_signal(sig)
    proc.wait(timeout=30)
    err = out.read_text(errors="ignore")
    assert proc.returncode == code
    assert time.monotonic() - started < 5
    # One clear line last. (On Ctrl-C the whole process group gets SIGINT: Prefect's server, started by
    # Prefect in the run's group, may print its own KeyboardInterrupt before it is ended.)
    assert err.strip().splitlines()[-1] == f"parley: stopped by {sig.name}; nothing half-published (the next run " \
                                           "starts cleanly)"
    if sig == signal.SIGTERM and not mid_flow:
        assert "Traceback" not in err
    assert not [p for p in helpers if alive(p)]


def test_a_killed_run_leaves_no_helper_process(tmp_path: Path):
    proc, _ = _start(tmp_path, "kill")
    time.sleep(1)  # the reaper looks every 0.2 s: a kill in the same instant as the server's start is a race
    helpers = children_of(proc.pid)
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline and [p for p in helpers if alive(p)]:
        time.sleep(0.2)
    assert helpers and not [p for p in helpers if alive(p)]
