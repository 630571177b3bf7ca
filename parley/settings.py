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


class SettingsError(ValueError):
    """A setting has a value Parley cannot use; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path("parley_home").resolve())
    batch_size: int = 500
    max_file_bytes: int = 5 * 1024 * 1024
    keep_versions: int = 5
    # A run whose row count for a table falls below this share of the last published run is blocked.
    min_row_ratio: float = 0.5
    # Row counts below this are too small for the collapse check to mean anything.
    min_rows_for_collapse_check: int = 20
    http_timeout: float = 20.0
    # Hosts that links found inside feeds may reach even at private or loopback addresses (comma-separated).
    allow_hosts: str = ""

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
    def prefect_home(self) -> Path:
        return self.home / "prefect"

    @property
    def lock_path(self) -> Path:
        return self.home / "run.lock"


_INT_FIELDS = {f.name for f in fields(Settings) if f.type in ("int", int)}
_FLOAT_FIELDS = {f.name for f in fields(Settings) if f.type in ("float", float)}


def _coerce(name: str, value: object, origin: str) -> object:
    try:
        if name in _INT_FIELDS:
            return int(value)  # type: ignore[arg-type]
        if name in _FLOAT_FIELDS:
            return float(value)  # type: ignore[arg-type]
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
    for name in known:
        var = f"PARLEY_{name.upper()}"
        if var in env:
            values[name] = _coerce(name, env[var], var)
    settings = Settings(**values)  # type: ignore[arg-type]
    if settings.batch_size < 1:
        raise SettingsError("batch_size must be at least 1 (PARLEY_BATCH_SIZE)")
    if settings.keep_versions < 1:
        raise SettingsError("keep_versions must be at least 1 (PARLEY_KEEP_VERSIONS)")
    return settings
