"""The entity-relationship diagram of the published tables, as Mermaid, from the declarations."""

from __future__ import annotations

from schemas.tables import TABLES

_MERMAID_TYPES = {"VARCHAR[]": "VARCHAR_LIST"}


def mermaid() -> str:
    """Every table with its columns (PK, FK marked) and one line per foreign key."""
    lines = ["erDiagram"]
    for t in TABLES:
        lines.append(f"    {t.name} {{")
        fks = {col for col, _, _ in t.foreign_keys}
        for c in t.columns:
            marks = ",".join(m for m, on in (("PK", c.name in t.key), ("FK", c.name in fks)) if on)
            lines.append(f"        {_MERMAID_TYPES.get(c.type, c.type)} {c.name}{' ' + marks if marks else ''}")
        lines.append("    }")
    for t in TABLES:
        for col, table, _ in t.foreign_keys:
            lines.append(f'    {table} ||--o{{ {t.name} : "{col}"')
    return "\n".join(lines) + "\n"
