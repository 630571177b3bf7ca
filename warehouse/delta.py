"""A run's changed rows applied to the live version's tables: the next version's tables.

Each table's rows belong to an owner (an article, an organisation, a person, an
event); a `Delta` names the owners whose rows it replaces and gives their new
rows. Every table is sorted by its key, so a version built this way is the same,
row for row, as one built from empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from schemas import Table
from transforms.model import Delta
from warehouse.arrow import to_arrow


def apply(previous: Mapping[str, pa.Table], delta: Delta, tables: Sequence[Table]) -> dict[str, pa.Table]:
    """The tables after the delta: `previous` without the replaced owners' rows, plus the new rows
    (`previous` empty: the delta is every row there is)."""
    out = {}
    for t in tables:
        new = to_arrow(t, delta.rows.pop(t.name, []))
        old = previous.get(t.name)
        if old is not None and t.name not in delta.whole:
            column, owners = delta.replace.get(t.name, ("", set()))
            if owners:
                old = old.filter(pc.invert(pc.is_in(old[column], value_set=pa.array(sorted(owners), pa.string()))))
            new = pa.concat_tables([old.select(t.column_names).cast(t.arrow_schema), new])
        out[t.name] = new.sort_by([(c, "ascending") for c in t.key]).combine_chunks()
    return out
