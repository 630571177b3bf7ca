"""Extraction quality on the dev articles: the full set, each fold, and the regression-guard subset.

    .venv/bin/python bench/quality.py [--dev ../shared/corpus/dev]

One `parley run` over every dev article into a fresh home, then `score.py` on the whole set, on each
fold of `folds.json` (fold 5 is the sealed one: its figure is the honest one for hand-written rules),
and on the guard subset (`guard_articles.json`: 30 articles of folds 1-4, every sixth by name). Writes
`bench/dev_scores.json`; the test suite's regression guard runs the guard subset and fails if its
overall F1 falls more than 0.02 below the figure recorded here.

No learned part ships, so there is no cross-validated figure to report beside these: every figure
is of hand-written rules (see bench/RESULTS.md for the learned experiment that did not pay).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUARD = ROOT / "bench" / "guard_articles.json"


def guard_articles(dev: Path) -> list[str]:
    """Every sixth article of folds 1-4 by name: a fixed subset that leaves the sealed fold alone."""
    folds = json.loads((dev / "folds.json").read_text(encoding="utf-8"))["folds"]
    names = sorted(n for f in ("1", "2", "3", "4") for n in folds[f])
    return names[::6][:30]


def score(scorer: Path, warehouse: Path, gold: Path, *extra: str) -> dict:
    out = subprocess.run([sys.executable, str(scorer), "--warehouse", str(warehouse),
                          "--gold", str(gold), "--json", *extra], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def run(source: Path, home: Path) -> Path:
    env = {**os.environ, "PARLEY_HOME": str(home)}
    subprocess.run([str(ROOT / ".venv" / "bin" / "parley"), "run", "--source", str(source)], check=True,
                   env=env, capture_output=True)
    return home / "warehouse.duckdb"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = ap.parse_args()
    dev = args.dev.resolve()
    gold = dev / "gold.jsonl"
    scorer = dev.parents[1] / "score.py"
    guard = guard_articles(dev)
    GUARD.write_text(json.dumps({"articles": guard}, indent=1) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        wh = run(dev, Path(tmp) / "dev")
        report = {"command": "python bench/quality.py", "full": score(scorer, wh, gold),
                  "folds": {f: score(scorer, wh, gold, "--fold", f)["overall_f1"] for f in ("1", "2", "3", "4", "5")}}
        # The guard subset on its own, as the regression test runs it.
        sub = Path(tmp) / "guard"
        sub.mkdir()
        for name in guard:
            (sub / name).write_bytes((dev / name).read_bytes())
        rows = [ln for ln in gold.read_text(encoding="utf-8").splitlines() if json.loads(ln)["file"] in guard]
        (sub / "gold.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        guard_wh = run(sub, Path(tmp) / "guard_home")
        guard_score = score(scorer, guard_wh, sub / "gold.jsonl")["overall_f1"]
        report["guard"] = {"articles": len(guard), "overall_f1": guard_score}
    (ROOT / "bench" / "dev_scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"dev overall F1 {report['full']['overall_f1']:.3f} over {report['full']['articles']} articles; "
          f"folds {report['folds']}; guard subset {report['guard']['overall_f1']:.3f}")


if __name__ == "__main__":
    main()
