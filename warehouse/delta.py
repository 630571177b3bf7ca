"""A run's changed rows applied to the live version's tables: the next version's tables.

Each table's rows belong to an owner (an article, an organisation, a person, an
event); a `Delta` names the owners whose rows it replaces and gives their new
rows. Every table is sorted by its key, so a version built this way is the same,
row for row, as one built from empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from schemas import Table
from transforms.model import Delta
from warehouse.arrow import to_arrow


@dataclass(frozen=True)
class TableChange:
    """One table's change: the owners (values of `column`) whose rows are replaced by `rows`; with no
    column, `rows` is the whole table."""

    column: str | None
    owners: pa.Array
    rows: pa.Table


def changes(delta: Delta, tables: Sequence[Table]) -> dict[str, TableChange]:
    """The delta as typed Arrow (its Python rows made and converted a chunk at a time)."""
    declared = {t.name: t for t in tables}
    pieces = delta.drain(lambda name, rows: to_arrow(declared[name], rows))
    out = {}
    for t in tables:
        made = pieces.pop(t.name, [])
        rows = pa.concat_tables(made) if made else to_arrow(t, [])
        column, owners = (None, set()) if t.name in delta.whole else delta.replace.get(t.name, (t.key[0], set()))
        out[t.name] = TableChange(column, pa.array(sorted(owners), pa.string()), rows)
    return out


def apply(previous: Mapping[str, pa.Table], changed: dict[str, TableChange], tables: Sequence[Table],
          keep: bool = True) -> dict[str, pa.Table]:
    """The tables after the change: `previous` without the replaced owners' rows, plus the new rows
    (`previous` empty: the change is every row there is). Without `keep`, each table's change is dropped
    from `changed` once used (a full build's change is as large as the tables)."""
    out = {}
    for t in tables:
        ch = changed[t.name] if keep else changed.pop(t.name)
        new, old = ch.rows, previous.get(t.name)
        if old is not None and ch.column is not None:
            if len(ch.owners):
                old = old.filter(pc.invert(pc.is_in(old[ch.column], value_set=ch.owners)))
            new = pa.concat_tables([old.select(t.column_names).cast(t.arrow_schema), new])
        del ch
        out[t.name] = new.sort_by([(c, "ascending") for c in t.key]).combine_chunks()
    return out
