"""Learned decisions: logistic regression over features of the document's layers, one per decision.

Two kinds of decision are learnt, each per event spec: whether an event the rules read is one the
article reports (`<spec>.event`: a concluded agreement, a meeting held), and whether a candidate
organisation fills one of its roles (`<spec>.<role>`: party, participant). The weights are stored as
JSON in the knowledge folder (`models/decisions.json`), so they are versioned with the code, part
of the extractor version (the knowledge digest covers the file), and load with no network and no
library beyond the standard one. `parley train` rebuilds the file from the dev gold
(`parley/train.py`); fitting is deterministic (Newton's method from zero weights: no seed, no
sampling), so the same gold gives the same file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transforms.errors import KnowledgeError

MODEL_FILE = Path("models") / "decisions.json"
FORMAT = 1
EVENT = "event"  # the decision key's second part for "is this event reported?"


def role_feature_names(context_words: tuple[str, ...]) -> tuple[str, ...]:
    """Every feature `transforms/role_features.py` can give a candidate, in a fixed order."""
    return (
        "bias", "rule", "rule_first", "rule_count", "government", "in_evidence", "before_verb",
        "after_verb", "verb_distance", "mentions", "most_mentioned", "in_lede", "registry",
        "parent_is_candidate", "child_is_candidate", "ministry_of_its_government",
        "government_of_a_candidate", "in_other_event", "candidates", "no_verb", "served",
        *(f"prev:{w}" for w in context_words), *(f"next:{w}" for w in context_words),
    )


def event_feature_names(context_words: tuple[str, ...], event_types: tuple[str, ...]) -> tuple[str, ...]:
    """Every feature `transforms/event_features.py` can give an event, in a fixed order."""
    return (
        "bias", "no_filler", "one_filler", "fillers", "people", "dated", "precision:day",
        "precision:month", "precision:year", "age_week", "age_quarter", "age_older", "other_year",
        "located", "named", "verb", "clauses", "position", "in_lede", "events", "same_type_events",
        *(f"type:{t}" for t in event_types), *(f"word:{w}" for w in context_words),
    )


@dataclass(frozen=True)
class LinearDecision:
    """One decision's weights by feature, and the probability at or above which the answer is yes."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(f, 0.0) * v for f, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def says_yes(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


@dataclass(frozen=True)
class DecisionModel:
    decisions: dict[str, LinearDecision]  # "<event spec>.<role or 'event'>" -> weights
    trained_on: str
    selection: dict[str, dict[str, Any]] = field(default_factory=dict)  # what cross-validation said of each

    def decision(self, spec: str, what: str) -> LinearDecision | None:
        return self.decisions.get(f"{spec}.{what}")

    def to_json(self) -> str:
        body = {"format": FORMAT, "trained_on": self.trained_on, "selection": self.selection,
                "decisions": {k: {"threshold": round(w.threshold, 4),
                                  "weights": {f: round(v, 6) for f, v in sorted(w.weights.items())}}
                              for k, w in sorted(self.decisions.items())}}
        return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


def load_decisions(path: Path, role_features: tuple[str, ...], event_features: tuple[str, ...]
                   ) -> DecisionModel | None:
    """The model file, checked against the features this extractor computes; None where there is none
    (the rules then decide alone)."""
    if not path.is_file():
        return None
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{path}: not JSON ({exc.msg}); rebuild it with `parley train`") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("decisions"), dict):
        raise KnowledgeError(f"{path}: not a decision model of format {FORMAT}; rebuild it with `parley train`")
    decisions = {}
    for key, body in data["decisions"].items():
        weights = body.get("weights") if isinstance(body, dict) else None
        if not isinstance(weights, dict) or not isinstance(body.get("threshold"), (int, float)):
            raise KnowledgeError(f"{path}: {key!r} needs weights and a threshold; rebuild it with `parley train`")
        known = set(event_features if key.endswith(f".{EVENT}") else role_features)
        unknown = sorted(set(weights) - known)
        if unknown:
            raise KnowledgeError(f"{path}: {key!r} weighs unknown feature(s) {', '.join(unknown[:3])}; "
                                 "rebuild it with `parley train`")
        decisions[key] = LinearDecision({str(f): float(v) for f, v in weights.items()}, float(body["threshold"]))
    return DecisionModel(decisions, str(data.get("trained_on", "")), dict(data.get("selection") or {}))


def fit_logistic(rows: list[dict[str, float]], labels: list[bool], features: tuple[str, ...],
                 l2: float = 1.0, iterations: int = 25) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised): small data,
    a few dozen features, an exact and deterministic fit."""
    import numpy as np

    index = {f: i for i, f in enumerate(features)}
    x = np.zeros((len(rows), len(features)))
    for r, row in enumerate(rows):
        for f, v in row.items():
            x[r, index[f]] = v
    y = np.asarray(labels, dtype=float)
    penalty = np.full(len(features), l2)
    penalty[index["bias"]] = 1e-6
    w = np.zeros(len(features))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {f: float(w[i]) for f, i in index.items() if abs(w[i]) > 1e-9}
