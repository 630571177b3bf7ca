"""Typed settings for one Parley installation, read in one place.

Precedence, highest first: environment variables (`PARLEY_*`), then the
config file `parley.toml` in `PARLEY_HOME`, then the defaults below. Every
other module receives a `Settings` instead of reading the environment, so a
test can build one by hand.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from parley.source_specs import SourceSpec, SourceSpecError, parse_sources

# When Data Docs are rendered (`quality_docs`).
QUALITY_DOCS = ("failure", "always", "never")


class SettingsError(ValueError):
    """A setting has a value Parley cannot use; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path("parley_home").resolve())
    batch_size: int = 500
    # Processes that extract articles at once; 0: one per core.
    extract_workers: int = 0
    # A Dask scheduler ("tcp://host:8786"): extraction then runs on that cluster's workers, which must have
    # this Parley (same extractor version) installed; empty: processes on this machine.
    dask_address: str = ""
    # A DuckLake catalog that every published version is also written to, as one snapshot: a DuckDB file
    # ("/shared/parley.ducklake": one writer at a time) or PostgreSQL ("postgres:dbname=lake host=db
    # user=parley": many machines read and write one warehouse); empty: none. Its data files go to
    # lake_data_path: a folder, or object storage ("s3://bucket/parley/"); empty: <home>/lake.
    lake_catalog: str = ""
    lake_data_path: str = ""
    max_file_bytes: int = 5 * 1024 * 1024
    keep_versions: int = 5
    # Rows (all tables together) up to which warehouse.duckdb declares its keys and foreign keys as
    # constraints, which BI tools read; DuckDB holds each key index in memory while writing it, so a larger
    # warehouse is published without them, in bounded memory (its keys are checked by the gate all the same).
    key_constraints_max_rows: int = 2_500_000
    # A run whose row count for a table falls below this share of the last published run is blocked.
    min_row_ratio: float = 0.5
    # Row counts below this are too small for the collapse check to mean anything.
    min_rows_for_collapse_check: int = 20
    http_timeout: float = 20.0
    # When the gate renders Great Expectations' Data Docs: failure (a blocked run), always, or never.
    quality_docs: str = "failure"
    # Hosts that links found inside feeds may reach even at private or loopback addresses (comma-separated).
    allow_hosts: str = ""
    # Polite fetching: who we say we are, how long to wait between two requests to one host, how many
    # requests one host gets at once, and how often a timeout or a 5xx is tried again (with backoff).
    user_agent: str = "parley/0.3 (news warehouse; +https://github.com/parley)"
    host_delay: float = 1.0
    host_concurrency: int = 2
    fetch_retries: int = 3
    retry_backoff: float = 1.0
    # Deployments: `parley deploy` / `parley serve-flow` schedule runs with this cron (default daily, 06:00).
    schedule: str = "0 6 * * *"
    timezone: str = "UTC"
    deployment_name: str = "scheduled"
    work_pool: str = "parley"
    # A URL that gets a JSON POST when a run is blocked by the gate or fails (Slack-compatible `text`).
    notify_webhook: str = ""
    # `parley serve`: the PostgreSQL endpoint (the password is PARLEY_SQL_PASSWORD, never a file's).
    serve_host: str = "127.0.0.1"
    serve_port: int = 5433
    serve_tls_cert: str = ""
    serve_tls_key: str = ""
    serve_max_connections: int = 100
    serve_poll_seconds: float = 2.0
    # What to read when `parley run` is given no --source: `[[sources]]` tables of parley.toml.
    sources: tuple[SourceSpec, ...] = ()

    # Where things live under home: declared here, once, so no module invents a path.
    @property
    def warehouse_path(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def raw_dir(self) -> Path:
        return self.home / "raw"

    @property
    def extracted_dir(self) -> Path:
        return self.home / "extracted"

    @property
    def versions_dir(self) -> Path:
        return self.home / "versions"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    @property
    def runs_dir(self) -> Path:
        return self.home / "runs"

    @property
    def gx_dir(self) -> Path:
        return self.home / "quality"

    @property
    def source_state_dir(self) -> Path:
        return self.home / "sources"

    @property
    def model_work_dir(self) -> Path:
        """Where a run's model state is folded before it is kept beside the version it publishes."""
        return self.home / "work"

    @property
    def lake_data(self) -> str:
        return self.lake_data_path or str(self.home / "lake")

    @property
    def lock_path(self) -> Path:
        return self.home / "run.lock"


_INT_FIELDS = {f.name for f in fields(Settings) if f.type in ("int", int)}
_FLOAT_FIELDS = {f.name for f in fields(Settings) if f.type in ("float", float)}
_KIND = {**dict.fromkeys(_INT_FIELDS, "a whole number"), **dict.fromkeys(_FLOAT_FIELDS, "a number")}


def _coerce(name: str, value: object, origin: str) -> object:
    if name == "sources":
        try:
            return parse_sources(value)
        except SourceSpecError as exc:
            raise SettingsError(f"{origin}: {exc}") from None
    if isinstance(value, list | dict) or (name not in _INT_FIELDS | _FLOAT_FIELDS and not isinstance(value, str)):
        raise SettingsError(f"{origin}: {name} must be {_KIND.get(name, 'text')}, got {value!r}")
    try:
        if name in _INT_FIELDS:
            return int(str(value))
        if name in _FLOAT_FIELDS:
            return float(str(value))
    except (TypeError, ValueError):
        raise SettingsError(f"{origin}: {name} must be a number, got {value!r}") from None
    return value


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Settings from the environment and `$PARLEY_HOME/parley.toml`."""
    env = dict(os.environ if env is None else env)
    home = Path(env.get("PARLEY_HOME") or "parley_home").expanduser().resolve()
    values: dict[str, object] = {"home": home}
    config = home / "parley.toml"
    known = {f.name for f in fields(Settings)} - {"home"}
    if config.is_file():
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{config} is not valid TOML: {exc}") from None
        for key, value in data.items():
            if key not in known:
                raise SettingsError(f"{config}: unknown setting {key!r}; known: {', '.join(sorted(known))}")
            values[key] = _coerce(key, value, str(config))
    for name in known - {"sources"}:
        var = f"PARLEY_{name.upper()}"
        if var in env:
            values[name] = _coerce(name, env[var], var)
    settings = Settings(**values)  # type: ignore[arg-type]
    _check(settings)
    return settings


def _check(s: Settings) -> None:
    """Values that parse but cannot work; each message names the setting to change."""
    problems = [
        (s.batch_size < 1, "batch_size must be at least 1 (PARLEY_BATCH_SIZE)"),
        (s.keep_versions < 1, "keep_versions must be at least 1 (PARLEY_KEEP_VERSIONS)"),
        (s.key_constraints_max_rows < 0, "key_constraints_max_rows cannot be negative; 0 publishes no key constraints "
         "(PARLEY_KEY_CONSTRAINTS_MAX_ROWS)"),
        (s.extract_workers < 0, "extract_workers cannot be negative; 0 means one per core (PARLEY_EXTRACT_WORKERS)"),
        (bool(s.dask_address) and "://" not in s.dask_address,
         f"dask_address must be a scheduler address such as tcp://host:8786, got {s.dask_address!r} "
         "(PARLEY_DASK_ADDRESS)"),
        (bool(s.lake_data_path) and not s.lake_catalog,
         "lake_data_path is set but lake_catalog is not: set PARLEY_LAKE_CATALOG to a DuckLake catalog"),
        (s.lake_catalog.startswith("ducklake:"),
         "lake_catalog is the catalog without 'ducklake:' (a .ducklake file or postgres:dbname=...)"),
        (s.quality_docs not in QUALITY_DOCS,
         f"quality_docs must be failure, always or never, got {s.quality_docs!r} (PARLEY_QUALITY_DOCS)"),
        (s.host_concurrency < 1, "host_concurrency must be at least 1 (PARLEY_HOST_CONCURRENCY)"),
        (s.fetch_retries < 0, "fetch_retries cannot be negative (PARLEY_FETCH_RETRIES)"),
        (s.host_delay < 0 or s.retry_backoff < 0, "host_delay and retry_backoff cannot be negative"),
        (s.http_timeout <= 0, "http_timeout must be more than 0 seconds (PARLEY_HTTP_TIMEOUT)"),
        (len(s.schedule.split()) not in (5, 6), f"schedule {s.schedule!r} is not a cron expression such as "
                                                "'0 6 * * *' (minute hour day month weekday)"),
        (bool(s.notify_webhook) and not s.notify_webhook.startswith(("http://", "https://")),
         "notify_webhook must be an http or https URL"),
        (not 0 < s.serve_port < 65536, "serve_port must be a port number, 1 to 65535 (PARLEY_SERVE_PORT)"),
        (bool(s.serve_tls_cert) != bool(s.serve_tls_key), "serve_tls_cert and serve_tls_key go together: set both "
                                                          "for TLS, or neither"),
    ]
    for bad, message in problems:
        if bad:
            raise SettingsError(message)
