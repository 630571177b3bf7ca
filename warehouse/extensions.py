"""DuckDB extensions from their PyPI packages: loaded from the installed file, never downloaded at run time."""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from pathlib import Path

import duckdb


class ExtensionMissing(RuntimeError):
    """The extension's package is not installed for this DuckDB; the message says how to install it."""


def extension_path(package: str, entry_name: str) -> str:
    """The extension file of `package` (e.g. `duckdb_extension_postgres`) for this DuckDB, copied once under
    the name DuckDB derives its entry point from (`postgres_scanner` for postgres)."""
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise ExtensionMissing(f"{package.replace('_', '-')} is not installed; run ./scripts/setup") from None
    folder = Path(module.__path__[0]) / "extensions" / f"v{duckdb.__version__}"
    found = sorted(folder.glob("*.duckdb_extension"))
    if not found:
        raise ExtensionMissing(f"{package.replace('_', '-')} has no extension for DuckDB {duckdb.__version__}; "
                               "reinstall with ./scripts/setup")
    named = Path(tempfile.gettempdir()) / f"parley-duckdb-{duckdb.__version__}" / f"{entry_name}.duckdb_extension"
    if not named.is_file() or named.stat().st_size != found[0].stat().st_size:
        named.parent.mkdir(parents=True, exist_ok=True)
        tmp = named.with_suffix(f".{os.getpid()}.tmp")
        shutil.copyfile(found[0], tmp)
        os.replace(tmp, named)
    return str(named)


def load(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Loads `postgres` and/or `ducklake` into a connection from their packages."""
    entries = {"postgres": ("duckdb_extension_postgres", "postgres_scanner"),
               "ducklake": ("duckdb_extension_ducklake", "ducklake")}
    for name in names:
        package, entry = entries[name]
        con.execute(f"LOAD '{extension_path(package, entry)}'")
