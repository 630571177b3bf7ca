"""`parley serve`: the published warehouse over the PostgreSQL wire protocol, kept current.

A private PostgreSQL server (`pg_cluster.py`) serves what `pg_publish.py` loads from the live version's
Parquet; every `poll_seconds` the endpoint looks at the live version and, when a run has published a new
one, loads and swaps it in (no restart, no broken query). Analysts log in as `parley`, which can read the
warehouse and nothing else: no writes, no DDL, no server files, no other database.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warehouse.pg_cluster import DATABASE, READER, Cluster, ServeOptions, cluster_root
from warehouse.pg_publish import drop_retired, load_version, served_run_id, swap_in
from warehouse.publish import current_run_id

log = logging.getLogger(__name__)

# Limits of the reading role: a runaway query or a forgotten open transaction ends by itself.
READER_SETTINGS = {
    "default_transaction_read_only": "on",
    "statement_timeout": "'5min'",
    "idle_in_transaction_session_timeout": "'10min'",
    "temp_file_limit": "'2GB'",
    "search_path": "public",
}


@dataclass
class Endpoint:
    home: Path
    options: ServeOptions
    password: str
    poll_seconds: float = 2.0

    def __post_init__(self) -> None:
        self.cluster = Cluster(cluster_root(self.home), self.options)
        self.stopping = threading.Event()
        self.served: str | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        """Starts the server and keeps it current until `stop()`; then shuts it down."""
        import psycopg

        self.cluster.start()
        try:
            with psycopg.connect(self.cluster.admin_dsn, autocommit=True) as admin:
                prepare_reader(admin, self.password)
                self.served = served_run_id(admin)
                while not self.stopping.is_set():
                    self.refresh(admin)
                    self.ready.set()
                    self.stopping.wait(self.poll_seconds)
        except psycopg.Error:
            if not self.stopping.is_set():  # the server went away under a load `stop()` cut short
                raise
        finally:
            self.cluster.stop()

    def stop(self) -> None:
        """Ends serving at once, even in the middle of loading a version (the server shuts down fast)."""
        self.stopping.set()
        self.cluster.stop(wait=False)

    def refresh(self, admin: Any) -> None:
        """Loads and swaps in the live version if it is not the one served; drops retired versions."""
        live = current_run_id(self.home)
        tables = self.home / "versions" / live / "tables" if live else None
        if live and live != self.served and tables is not None and tables.is_dir():
            schema = load_version(admin, self.cluster.admin_dsn, tables, live)
            swap_in(admin, schema, self.served)
            log.warning("serving run %s", live)
            self.served = live
        drop_retired(admin)


def prepare_reader(admin: Any, password: str) -> None:
    """The `parley` role: log in with the password, read the warehouse, nothing else."""
    from psycopg import sql

    exists = admin.execute("select 1 from pg_roles where rolname = %s", [READER]).fetchone()
    verb = "ALTER" if exists else "CREATE"
    admin.execute(sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION "
                          "CONNECTION LIMIT -1 PASSWORD {}").format(sql.Identifier(READER), sql.Literal(password)))
    for name, value in READER_SETTINGS.items():
        admin.execute(f"ALTER ROLE {READER} SET {name} = {value}")
    admin.execute(f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC")
    admin.execute(f"GRANT CONNECT ON DATABASE {DATABASE} TO {READER}")
    for other in ("postgres", "template1"):
        admin.execute(f"REVOKE CONNECT ON DATABASE {other} FROM PUBLIC")
