"""The gate's date checks through the real Great Expectations: a meeting under way when reported may end
after the report; nothing may start after it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from schemas import TABLES
from transforms.extract import extract_article
from transforms.model import ArticleMeta, StarBuilder
from warehouse.arrow import to_arrow

from .test_gate_incremental import as_files

PUB = dt.date(2024, 5, 6)


def tables_for(text: str) -> dict:
    builder = StarBuilder()
    builder.add(ArticleMeta("a1", "h" * 64, "file:///a1.txt", None, None, PUB, len(text.split()),
                            dt.datetime(2024, 5, 6, tzinfo=dt.UTC)), extract_article(text, PUB))
    rows = builder.tables()
    return {t.name: to_arrow(t, rows.get(t.name, [])) for t in TABLES}


def gate(tables: dict, root: Path):
    from expectations.gate import run_gate
    from expectations.suites import build_batches

    return run_gate(build_batches(as_files(tables, root / "tables"), {}, 0.5, 1000), root, "t1", docs="never")


def test_a_meeting_under_way_may_end_after_the_report_but_none_may_start_after_it(tmp_path):
    tables = tables_for("The annual Coast Guard Commanders Conference got underway in Lisbon today. During the "
                        "five-day conference, commanders will review plans.")
    (meeting,) = tables["fact_meetings"].to_pylist()
    assert meeting["end_date"] == PUB + dt.timedelta(days=4)
    assert gate(tables, tmp_path / "gx1").passed

    later = tables["fact_meetings"].to_pylist()
    later[0]["start_date"] = PUB + dt.timedelta(days=2)
    tables["fact_meetings"] = to_arrow(next(t for t in TABLES if t.name == "fact_meetings"), later)
    result = gate(tables, tmp_path / "gx2")
    assert not result.passed
    assert any("start_date__plausible" in str(f) for f in result.failures)
