"""Rows to Arrow tables through the declared schemas (the only place rows become typed data)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from schemas import Table


class UnknownColumnError(ValueError):
    """A row carries a key its table does not declare: a bug upstream, never silently dropped."""


def to_arrow(table: Table, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows to a typed Arrow table; a key the declaration lacks is refused, not written as NULL."""
    declared = set(table.column_names)
    for r in rows:
        unknown = set(r) - declared
        if unknown:
            raise UnknownColumnError(f"{table.name}: rows carry undeclared column(s) {', '.join(sorted(unknown))}")
    cols = {c.name: [r.get(c.name) for r in rows] for c in table.columns}
    return pa.Table.from_pydict(cols, schema=table.arrow_schema)
