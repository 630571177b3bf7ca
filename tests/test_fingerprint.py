"""A run with nothing new is recognised from the zones' part files, the code and the gate's settings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flows.fingerprint import code_files, inputs_fingerprint
from parley.settings import load_settings
from transforms.extract import rule_files


def test_the_fingerprint_changes_with_any_new_part_and_with_the_gate_settings(tmp_path: Path):
    s = load_settings({"PARLEY_HOME": str(tmp_path / "home")})
    for zone in (s.raw_dir, s.extracted_dir, s.quarantine_dir):
        zone.mkdir(parents=True)
    base = inputs_fingerprint(s, "v1")
    assert inputs_fingerprint(s, "v1") == base  # the same inputs, the same fingerprint
    (s.raw_dir / ".part-x.parquet.tmp").write_bytes(b"")  # a write in progress is not an input
    assert inputs_fingerprint(s, "v1") == base
    assert inputs_fingerprint(s, "v2") != base  # another extractor
    assert inputs_fingerprint(replace(s, min_row_ratio=0.9), "v1") != base  # another gate
    seen = {base}
    for zone in (s.raw_dir, s.extracted_dir, s.quarantine_dir):
        (zone / "part-0001.parquet").write_bytes(b"")
        now = inputs_fingerprint(s, "v1")
        assert now not in seen, zone.name  # a new part in any zone
        seen.add(now)


def test_modelling_code_rebuilds_the_warehouse_but_not_the_extraction_records():
    rules = {p.name for p in rule_files()}
    code = {p.name for p in code_files()}
    assert "model.py" not in rules and "event_resolution.py" not in rules
    assert {"model.py", "event_resolution.py", "run.py", "publish.py"} <= code
    assert {"pipeline.py", "organisations.py"} <= rules  # positive control: the rules are versioned
