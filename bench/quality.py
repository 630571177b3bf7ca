"""Extraction quality on the dev articles: the full set, each fold, and the regression-guard subset.

    .venv/bin/python bench/quality.py [--dev ../shared/corpus/dev]

One `parley run` over every dev article into a fresh home, then `score.py` on the whole set, on each
fold of `folds.json` (fold 5 is the sealed one: its figure is the honest one for hand-written rules),
and on the guard subset (`guard_articles.json`: 30 articles of folds 1-4, every sixth by name). Writes
`bench/dev_scores.json`; the test suite's regression guard runs the guard subset and fails if its
overall F1 falls more than 0.02 below the figure recorded here.

The learned decisions (`parley train`, transforms/knowledge/models/decisions.json) are also measured
honestly: for each fold, a model trained without that fold (`parley train --leave-out N`) extracts
the fold's articles alone, beside the rules alone on the same articles (the knowledge folder without
a model file). The mean over the five folds is the cross-validated figure; the full-dev figure above
it was made by the shipped model, which saw every fold in training.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def run(source: Path, home: Path, knowledge: Path | None = None) -> Path:
    env = {**os.environ, "PARLEY_HOME": str(home)}
    if knowledge is not None:
        env["PARLEY_KNOWLEDGE_DIR"] = str(knowledge)
    subprocess.run([str(ROOT / ".venv" / "bin" / "parley"), "run", "--source", str(source)], check=True,
                   env=env, capture_output=True)
    return home / "warehouse.duckdb"


def subset(dev: Path, names: list[str], into: Path) -> Path:
    """A folder of some dev articles with their gold rows."""
    into.mkdir(parents=True)
    for name in names:
        (into / name).write_bytes((dev / name).read_bytes())
    gold = dev / "gold.jsonl"
    rows = [ln for ln in gold.read_text(encoding="utf-8").splitlines()
            if ln.strip() and json.loads(ln)["file"] in names]
    (into / "gold.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return into


def cross_validated(dev: Path, scorer: Path, tmp: Path) -> dict:
    """Each fold extracted alone, by the rules alone and by decisions trained without it."""
    folds = json.loads((dev / "folds.json").read_text(encoding="utf-8"))["folds"]
    shipped = ROOT / "transforms" / "knowledge"
    rules_only = tmp / "knowledge-rules"
    shutil.copytree(shipped, rules_only)
    (rules_only / "models" / "decisions.json").unlink(missing_ok=True)
    out: dict = {"rules": {}, "learned": {}}
    for name in sorted(folds):
        fold = subset(dev, folds[name], tmp / f"fold{name}")
        learned = tmp / f"knowledge-{name}"
        shutil.copytree(rules_only, learned)
        subprocess.run([str(ROOT / ".venv" / "bin" / "parley"), "train", "--dev", str(dev), "--leave-out", name,
                        "--out", str(learned / "models" / "decisions.json")], check=True, capture_output=True)
        for who, k in (("rules", rules_only), ("learned", learned)):
            wh = run(fold, tmp / f"home-{who}-{name}", k)
            out[who][name] = score(scorer, wh, fold / "gold.jsonl")
    for who in ("rules", "learned"):
        out[who]["mean"] = round(sum(out[who][f]["overall_f1"] for f in folds) / len(folds), 3)
    return out


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
        cv = cross_validated(dev, scorer, Path(tmp))
        report["cross_validated"] = {
            "how": "each fold alone: rules alone vs decisions trained without it (parley train --leave-out N)",
            "rules": {f: v if f == "mean" else v["overall_f1"] for f, v in cv["rules"].items()},
            "learned": {f: v if f == "mean" else v["overall_f1"] for f, v in cv["learned"].items()},
            "measures": {who: _pooled(cv[who]) for who in ("rules", "learned")},
        }
    (ROOT / "bench" / "dev_scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    cv = report["cross_validated"]
    print(f"dev overall F1 {report['full']['overall_f1']:.3f} over {report['full']['articles']} articles; "
          f"folds {report['folds']}; guard subset {report['guard']['overall_f1']:.3f}; cross-validated: "
          f"rules {cv['rules']['mean']:.3f}, learned {cv['learned']['mean']:.3f}")


def _pooled(by_fold: dict) -> dict:
    """Each measure's F1 from the counts of all five folds together."""
    sums: dict = {}
    for f, v in by_fold.items():
        if f == "mean":
            continue
        for measure, fig in v["figures"].items():
            if "tp" in fig:
                t = sums.setdefault(measure, [0, 0, 0])
                t[0], t[1], t[2] = t[0] + fig["tp"], t[1] + fig["fp"], t[2] + fig["fn"]
    return {m: round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0 for m, (tp, fp, fn) in sums.items()}


if __name__ == "__main__":
    main()
