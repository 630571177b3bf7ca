"""A private PostgreSQL server for `parley serve`: real PostgreSQL, so every BI tool's PostgreSQL connector,
psql's `\\dt` and SQLAlchemy's inspector see a real catalog (keys, foreign keys, comments, views).

The cluster lives under `$PARLEY_HOME/serve/` and is a cache: it is rebuilt from the published Parquet at
any time. It runs as the invoking user (as the `postgres` system user when that is root, which PostgreSQL
refuses to run as). Parley administers it over a Unix socket only it can reach; analysts connect over TCP
as `parley`, a role that can read the warehouse and nothing else.
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ADMIN = "parley_admin"
READER = "parley"
DATABASE = "warehouse"
_BINARIES = ("initdb", "postgres", "pg_ctl")


class ClusterError(RuntimeError):
    """The PostgreSQL server cannot be set up or started; the message says what to install or change."""


@dataclass(frozen=True)
class ServeOptions:
    host: str
    port: int
    tls_cert: str = ""
    tls_key: str = ""
    max_connections: int = 100


def find_binaries() -> Path:
    """The folder holding initdb and postgres: PATH first, then Debian's /usr/lib/postgresql/<version>/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("postgres"):
        return Path(os.path.realpath(on_path)).parent
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if all((Path(d) / b).exists() for b in _BINARIES):
            return Path(d)
    raise ClusterError("parley serve needs the PostgreSQL server: install it (Debian/Ubuntu: "
                       "`apt-get install postgresql`) or put its bin folder (initdb, postgres) on PATH")


def _run_as() -> str | None:
    """PostgreSQL refuses to run as root: then it runs as the `postgres` system user."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ClusterError("parley serve runs PostgreSQL, which refuses to run as root, and there is no "
                           "`postgres` user: run parley serve as an ordinary user") from None
    return "postgres"


def cluster_root(home: Path) -> Path:
    """Where the server's files live: `$PARLEY_HOME/serve`, or, when PostgreSQL must run as `postgres`
    (Parley runs as root), a folder of the system's temporary area that user can reach (a home under
    /root is closed to it)."""
    if _run_as() is None:
        return home / "serve"
    digest = hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"parley-serve-{digest}"


class Cluster:
    """One PostgreSQL server: `start()` creates it on first use and starts it; `stop()` shuts it down."""

    def __init__(self, root: Path, options: ServeOptions):
        self.root = root
        self.data = root / "pgdata"
        self.socket_dir = root / "socket"
        self.options = options
        self.bin = find_binaries()
        self.user = _run_as()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def admin_dsn(self) -> str:
        return f"host={self.socket_dir} port={self.options.port} dbname={DATABASE} user={ADMIN}"

    def _own(self, *paths: Path) -> None:
        if self.user:
            entry = pwd.getpwnam(self.user)
            for p in paths:
                os.chown(p, entry.pw_uid, entry.pw_gid)

    def _initdb(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self._own(self.root)
        done = subprocess.run([str(self.bin / "initdb"), "-D", str(self.data), "-U", ADMIN, "-E", "UTF8",
                               "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=reject"],
                              user=self.user, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ClusterError(f"initdb failed: {done.stderr.strip().splitlines()[-1] if done.stderr else ''}")

    def _write_config(self) -> None:
        """Listen where asked; analysts log in as `parley` with a password (SCRAM), to `warehouse` only;
        the admin only over the socket. TLS when a certificate is configured."""
        o = self.options
        tls = bool(o.tls_cert and o.tls_key)
        conf = [
            f"listen_addresses = '{o.host}'", f"port = {o.port}", f"unix_socket_directories = '{self.socket_dir}'",
            "unix_socket_permissions = 0700", f"max_connections = {o.max_connections}",
            "password_encryption = 'scram-sha-256'", "logging_collector = off", "log_min_messages = warning",
            f"ssl = {'on' if tls else 'off'}", "shared_buffers = '128MB'", "fsync = off",
            "synchronous_commit = off", "full_page_writes = off",  # a cache, rebuilt from Parquet at will
        ]
        if tls:
            conf += ["ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'"]
            for src, name in ((o.tls_cert, "server.crt"), (o.tls_key, "server.key")):
                shutil.copyfile(src, self.data / name)  # the server's own copy, readable by it alone
                os.chmod(self.data / name, 0o600)
                self._own(self.data / name)
        (self.data / "postgresql.auto.conf").write_text("\n".join(conf) + "\n", encoding="utf-8")
        hba = [f"local all {ADMIN} trust",
               f"host {DATABASE} {READER} 0.0.0.0/0 scram-sha-256",
               f"host {DATABASE} {READER} ::/0 scram-sha-256"]
        (self.data / "pg_hba.conf").write_text("\n".join(hba) + "\n", encoding="utf-8")
        self._own(self.data / "postgresql.auto.conf", self.data / "pg_hba.conf")

    def start(self, timeout: float = 60) -> None:
        if not (self.data / "PG_VERSION").is_file():
            self._initdb()
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        self._own(self.socket_dir)
        self._write_config()
        log = open(self.root / "postgres.log", "ab")  # noqa: SIM115 (the server's whole life)
        self.process = subprocess.Popen([str(self.bin / "postgres"), "-D", str(self.data)], user=self.user,
                                        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        sock = self.socket_dir / f".s.PGSQL.{self.options.port}"
        while not sock.exists():
            if self.process.poll() is not None:
                tail = (self.root / "postgres.log").read_text(errors="replace").strip().splitlines()[-3:]
                raise ClusterError("PostgreSQL did not start: " + " / ".join(tail)
                                   + f" (log: {self.root}/postgres.log)")
            if time.monotonic() > deadline:
                raise ClusterError(f"PostgreSQL did not start within {timeout:g} s (log: {self.root}/postgres.log)")
            time.sleep(0.1)
        self._ensure_database()

    def _ensure_database(self) -> None:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.admin_dsn.replace(f"dbname={DATABASE}", "dbname=postgres"),
                                     autocommit=True) as con:
                    if not con.execute("select 1 from pg_database where datname = %s", [DATABASE]).fetchone():
                        con.execute(f"CREATE DATABASE {DATABASE}")
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self, wait: bool = True) -> None:
        """Fast shutdown: open sessions are ended, nothing is left running."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            if not wait:
                return
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
