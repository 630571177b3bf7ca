"""Prefect's API for a command-line run: the server the user configured, else a temporary one launched early.

Without PREFECT_API_URL, Prefect starts a temporary API server when a flow begins: this process first imports
the server's code (3-4 s) only to launch it, then waits while it boots (4-5 s), about 8 s of every run's
wall time. Launched here instead, as the command starts, the same server (the command Prefect runs for its
own temporary server, with the same settings and database) boots on the other core while this process
checks for anything new and imports the flow, and this process never imports the server's code. It is
stopped at exit the way Prefect stops its own. A profile that names a server wins: the launched one is
stopped unused.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 120.0  # as parley sets PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS for Prefect's own
STOP_TIMEOUT_S = 5.0  # Prefect's own wait for its temporary server to stop


@dataclass
class TemporaryServer:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> str:
        """The API's address once it answers its health check; RuntimeError if the server ended or never
        answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Prefect's temporary server ended at start (exit {self.process.returncode})")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as answer:
                if answer.status == 200:
                    return self.api_url
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Prefect's temporary server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _configured_in_environment() -> bool:
    """A server named in the environment, or Prefect's temporary servers turned off there (Prefect's own
    settings, profiles included, are read once it is imported: see `api_for_run`)."""
    ephemeral = os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "true").strip().lower()
    return bool(os.environ.get("PREFECT_API_URL")) or ephemeral in ("0", "false", "no", "off")


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launch_temporary_server() -> TemporaryServer | None:
    """Prefect's temporary API server, launched now and not waited for; None where the environment names a
    server. Stopped at this process's exit."""
    if _configured_in_environment():
        return None
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    app_dir = Path(next(iter(spec.submodule_search_locations))).parent
    port = _free_port()
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
         "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "error", "--lifespan", "on"], env=env)
    server = TemporaryServer(process, port)
    atexit.register(server.stop)
    return server


def api_for_run(server: TemporaryServer | None) -> str | None:
    """The API address the run must be given: the launched server's once it is ready, unless Prefect's
    settings (a profile) name a server, which then serves the run and the launched one is stopped. None:
    Prefect's settings decide as usual."""
    if server is None:
        return None
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        server.stop()
        return None
    url = server.wait_ready()
    log.info("Prefect API: temporary server on %s", url)
    return url
