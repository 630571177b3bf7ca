"""Regression guard: a fixed subset of the dev articles through the real pipeline must score within 0.02
of the overall F1 recorded in bench/dev_scores.json (`bench/quality.py` records it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parley.cli import main

from .conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
DEV = SHARED / "corpus" / "dev"

pytestmark = pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason="needs ../shared/corpus/dev")


def test_the_guard_subset_scores_within_002_of_the_recorded_figure(prefect_server, home: Path, tmp_path: Path):
    recorded = json.loads((ROOT / "bench" / "dev_scores.json").read_text(encoding="utf-8"))["guard"]
    names = json.loads((ROOT / "bench" / "guard_articles.json").read_text(encoding="utf-8"))["articles"]
    assert len(names) == recorded["articles"] == 30
    src = tmp_path / "guard"
    src.mkdir()
    for name in names:
        (src / name).write_bytes((DEV / name).read_bytes())
    rows = (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [ln for ln in rows if json.loads(ln)["file"] in names]
    (tmp_path / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    assert main(["run", "--source", str(src)]) == 0
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), "--warehouse", str(home / "warehouse.duckdb"),
                          "--gold", str(tmp_path / "gold.jsonl"), "--json"], check=True, capture_output=True, text=True)
    overall = json.loads(out.stdout)["overall_f1"]
    assert overall >= recorded["overall_f1"] - 0.02, f"overall F1 {overall} fell below {recorded['overall_f1']} - 0.02"
