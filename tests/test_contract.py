"""The declared schemas cover every table and column of the public contract."""

import re
from pathlib import Path

import pytest

from schemas import BY_NAME, TABLES

from .conftest import SHARED

CONTRACT = SHARED / "contract" / "WAREHOUSE.md"


def contract_tables() -> dict[str, list[str]]:
    out = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`(\w+)`\s*\|(.*)\|\s*$", line)
        if m:
            cells = re.sub(r"\([^)]*\)", "", m.group(2))
            cols = [re.match(r"\s*`(\w+)`", part) for part in cells.split(",")]
            out[m.group(1)] = [c.group(1) for c in cols if c]
    return out


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/contract is not beside this checkout")
def test_every_contract_table_and_column_is_declared():
    tables = contract_tables()
    assert len(tables) == 15
    for name, cols in tables.items():
        assert name in BY_NAME, name
        assert set(cols) <= set(BY_NAME[name].column_names), (name, set(cols) - set(BY_NAME[name].column_names))


def test_declared_types_match_the_contract_where_it_names_them():
    assert BY_NAME["dim_organisations"].column("aliases").type == "VARCHAR[]"
    assert BY_NAME["dim_officials"].column("is_current").type == "BOOLEAN"
    for t, c in [("dim_articles", "published_date"), ("fact_agreements", "signed_date"),
                 ("fact_meetings", "start_date"), ("dim_officials", "valid_from"), ("dim_dates", "date")]:
        assert BY_NAME[t].column(c).type == "DATE"
    assert BY_NAME["bridge_meeting_participants"].column("organisation_id").nullable


def test_table_docs_are_generated_from_the_declarations():
    from parley.cli import schema_markdown

    docs = Path(__file__).resolve().parents[1] / "docs" / "tables.md"
    assert docs.read_text(encoding="utf-8") == schema_markdown(), "run: .venv/bin/parley schema > docs/tables.md"


def test_the_bi_guide_carries_the_current_entity_relationship_diagram():
    from schemas.erd import mermaid

    guide = Path(__file__).resolve().parents[1] / "docs" / "bi" / "README.md"
    diagram = mermaid()
    assert diagram in guide.read_text(encoding="utf-8"), "regenerate docs/bi/README.md's diagram (schemas/erd.py)"
    assert diagram.count("||--o{") == sum(len(t.foreign_keys) for t in TABLES)
