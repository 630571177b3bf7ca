"""`parley sql`: read-only queries against the published warehouse, printed as a table."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import duckdb

MAX_ROWS = 1000


def _print(cols: list[str], rows: list[tuple], fmt: str, truncated: bool) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
        return
    if fmt == "json":
        for r in rows:
            print(json.dumps(dict(zip(cols, r, strict=True)), default=str, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    # Values are shown as they are: a '[' in the data is text, never console markup.
    t = Table(*(escape(c) for c in cols), show_lines=False)
    for r in rows:
        t.add_row(*(Text("NULL" if v is None else str(v)) for v in r))
    # Piped output is not cut to 80 columns.
    con = Console() if sys.stdout.isatty() else Console(width=240)
    con.print(t)
    con.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}" + (f" (first {MAX_ROWS} shown)" if truncated else ""))


def _execute(con: duckdb.DuckDBPyConnection, sql: str, fmt: str) -> int:
    try:
        cur = con.execute(sql)
    except duckdb.Error as exc:
        print(f"parley sql: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    if cur.description is None:
        return 0
    cols = [d[0] for d in cur.description]
    rows = cur.fetchmany(MAX_ROWS + 1)
    _print(cols, rows[:MAX_ROWS], fmt, len(rows) > MAX_ROWS)
    return 0


class WarehouseBusy(RuntimeError):
    """The warehouse file cannot be opened read-only (another program holds it for writing)."""


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    """The published warehouse, read-only for real: no file system access (no COPY ... TO, ATTACH,
    read_csv or glob of the host's files), no extensions, and settings locked so none of it can be
    switched back on from SQL."""
    try:
        con = duckdb.connect(str(db), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as exc:
        raise WarehouseBusy(f"cannot open {db} read-only ({str(exc).splitlines()[0]}); close the program "
                            "that opened it for writing (tools should open it read-only)") from None
    con.execute("SET lock_configuration = true")
    return con


def run_query(db: Path, sql: str, fmt: str = "table") -> int:
    with connect(db) as con:
        return _execute(con, sql, fmt)


def interactive(db: Path) -> int:
    """A small prompt: statements end with ';', `.tables` lists tables, `.quit` or Ctrl-D leaves."""
    print(f"parley sql on {db} (read-only). End statements with ';'. .tables lists tables, .quit leaves.")
    buf: list[str] = []
    with connect(db) as con:
        while True:
            try:
                line = input("parley> " if not buf else "   ...> ")
            except EOFError:
                print()
                return 0
            except KeyboardInterrupt:
                print()
                buf = []
                continue
            stripped = line.strip()
            if not buf and stripped in (".quit", ".exit", "\\q"):
                return 0
            if not buf and stripped == ".tables":
                _execute(con, "select table_name from information_schema.tables where table_schema = 'main' order by 1",
                         "table")
                continue
            buf.append(line)
            if stripped.endswith(";"):
                _execute(con, "\n".join(buf), "table")
                buf = []
