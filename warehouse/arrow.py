"""Rows to Arrow tables through the declared schemas (the only place rows become typed data)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from schemas import Table


def to_arrow(table: Table, rows: list[dict[str, Any]]) -> pa.Table:
    cols = {c.name: [r.get(c.name) for r in rows] for c in table.columns}
    return pa.Table.from_pydict(cols, schema=table.arrow_schema)
