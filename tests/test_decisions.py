"""The learned decisions: features of our own sentences, the model file's checks, what a model does to
the rules' events, labels from gold, and `parley train` on a small corpus written here."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from parley.cli import main as parley
from parley.train import BEFORE_DECISIONS, LEFT_TO_RULES, MARGIN, Selection
from transforms.decision_model import MODEL_FILE, fit_logistic
from transforms.document import Doc
from transforms.event_features import event_features
from transforms.events.engine import compile_spec
from transforms.knowledge import DEFAULT_DIR, Knowledge, KnowledgeError, knowledge, load_knowledge
from transforms.organisations import Org
from transforms.pipeline import COMPONENTS, run_pipeline
from transforms.record import EventRecord, RoleFiller
from transforms.role_features import candidates
from transforms.role_labels import gold_events, label, pair_events

PUB = dt.date(2025, 6, 12)
MEETING = ("The Orion Research Agency held talks with Vesta Space Company and the Ruritanian Ministry of "
           "Defence in Pune on Tuesday.")
SIGNING = "The Orion Research Agency signed an MoU with the Vesta Space Company in Pune on Tuesday."


def rules_doc(text: str, k: Knowledge | None = None) -> Doc:
    return run_pipeline(text, PUB, k or knowledge(), BEFORE_DECISIONS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_DIR, tmp_path / "k")
    return tmp_path / "k"


def with_model(folder: Path, decisions: dict) -> Knowledge:
    (folder / MODEL_FILE).write_text(json.dumps({"format": 1, "trained_on": "test", "decisions": decisions}),
                                     encoding="utf-8")
    return load_knowledge(folder)


def test_logistic_fit_is_deterministic_and_learns_what_separates_the_labels():
    rows = [{"bias": 1.0, "rule": 1.0}] * 6 + [{"bias": 1.0}] * 6 + [{"bias": 1.0, "rule": 1.0}]
    labels = [True] * 6 + [False] * 6 + [False]
    first = fit_logistic(rows, labels, ("bias", "rule", "government"), l2=1.0)
    assert first == fit_logistic(rows, labels, ("bias", "rule", "government"), l2=1.0)
    assert first["rule"] > 1.0 and first["bias"] < 0
    assert "government" not in first  # a feature never seen keeps no weight


def test_a_model_file_weighing_an_unknown_feature_is_refused_with_a_rebuild_hint(folder: Path):
    with pytest.raises(KnowledgeError, match="unknown feature.*parley train"):
        with_model(folder, {"meeting.participant": {"threshold": 0.5, "weights": {"shoe_size": 1.0}}})
    (folder / MODEL_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not JSON.*parley train"):
        load_knowledge(folder)
    k = with_model(folder, {"meeting.participant": {"threshold": 0.5, "weights": {"rule": 1.0}}})
    assert k.decisions is not None and k.decisions.decision("meeting", "participant") is not None


def test_without_a_model_file_the_rules_decide(folder: Path):
    (folder / MODEL_FILE).unlink(missing_ok=True)
    k = load_knowledge(folder)
    assert k.decisions is None
    assert run_pipeline(SIGNING, PUB, k).events == rules_doc(SIGNING, k).events


def test_role_candidates_are_described_by_position_and_the_words_around_them():
    doc = rules_doc(MEETING)
    (event,) = doc.events["meeting"]
    rx = compile_spec(knowledge().event("meeting"), knowledge())
    found = {c.name: c.features for c in candidates(doc, event, "participant", rx, [event])}
    host = found["Orion Research Agency"]
    guest = next(f for n, f in found.items() if n.startswith("Vesta"))
    assert host.get("before_verb") == 1.0 and "after_verb" not in host
    assert guest.get("after_verb") == 1.0 and guest.get("prev:with") == 1.0
    assert all(f["bias"] == 1.0 and f.get("in_evidence") == 1.0 for f in found.values())


def test_event_features_tell_a_deal_of_this_week_from_one_recalled_from_years_ago():
    k = knowledge()
    spec, rx = k.event("agreement"), compile_spec(k.event("agreement"), k)
    old = rules_doc("The Orion Research Agency signed an MoU with the Vesta Space Company in March 2019.")
    new = rules_doc(SIGNING)
    (recalled,), (fresh,) = old.events["agreement"], new.events["agreement"]
    recalled_f = event_features(old, spec, recalled, rx, [recalled])
    fresh_f = event_features(new, spec, fresh, rx, [fresh])
    assert recalled_f.get("age_older") == 1.0 and recalled_f.get("other_year") == 1.0
    assert fresh_f.get("age_week") == 1.0 and "other_year" not in fresh_f
    assert fresh_f.get("verb") == 1.0 and fresh_f.get("type:MoU") == 1.0


def test_a_model_that_rejects_events_drops_them_and_one_that_accepts_keeps_them(folder: Path):
    reject = with_model(folder, {"agreement.event": {"threshold": 0.5, "weights": {"bias": -10.0}}})
    assert run_pipeline(SIGNING, PUB, reject).events["agreement"] == []
    accept = with_model(folder, {"agreement.event": {"threshold": 0.5, "weights": {"bias": 10.0}}})
    (kept,) = run_pipeline(SIGNING, PUB, accept).events["agreement"]
    assert kept.filled("party") == rules_doc(SIGNING, accept).events["agreement"][0].filled("party")


def test_a_role_model_can_add_a_candidate_the_rules_left_out_and_drop_one_they_chose(folder: Path):
    rules = rules_doc(MEETING, load_knowledge(folder))
    (event,) = rules.events["meeting"]
    named_by_rules = set(event.filled("participant"))
    everyone = with_model(folder, {"meeting.participant": {"threshold": 0.5, "weights": {"in_evidence": 10.0,
                                                                                         "bias": -5.0}}})
    (m,) = run_pipeline(MEETING, PUB, everyone).events["meeting"]
    assert len(m.filled("participant")) == 3 and named_by_rules <= set(m.filled("participant"))
    only_after = with_model(folder, {"meeting.participant": {"threshold": 0.5, "weights": {"after_verb": 10.0,
                                                                                           "bias": -5.0}}})
    (m,) = run_pipeline(MEETING, PUB, only_after).events["meeting"]
    assert "Orion Research Agency" not in m.filled("participant") and m.filled("participant")
    assert [r.role for r in m.roles if r.role != "participant"] == [r.role for r in event.roles
                                                                    if r.role != "participant"]


def test_labels_pair_each_event_with_the_gold_event_it_reports():
    orgs = [Org(name="Orion Research Agency", acronym="ORA"), Org(name="Vesta Space Company")]
    gold = {"organisations": [{"name": "Orion Research Agency", "aliases": ["ORA"]}],
            "agreements": [{"type": "contract", "parties": ["Vesta Space Company"], "date": "2025-01-02"},
                           {"type": "MoU", "parties": ["ORA"], "optional_parties": ["Government of Ruritania"],
                            "date": "2025-06-10"}]}
    golds = gold_events(gold, "agreement", "party")
    mou = EventRecord(type="MoU", start="2025-06-10", roles=[RoleFiller("party", "Orion Research Agency")])
    stray = EventRecord(type="framework", start="2019-01-01")
    pairs = pair_events(golds, [stray, mou], "party", orgs)
    assert set(pairs) == {1} and pairs[1] is golds[1]
    assert label("Orion Research Agency", golds[1], orgs) is True
    assert label("Vesta Space Company", golds[1], orgs) is False
    assert label("Government of Ruritania", golds[1], orgs) is None  # optional: no lesson either way


def test_the_shipped_model_holds_only_decisions_that_beat_the_rules_cross_validated():
    model = knowledge().decisions
    assert model is not None and model.decisions
    for key in model.decisions:
        chosen = model.selection[key]
        assert chosen["ships"] and chosen["cv_f1_model"] >= chosen["cv_f1_rules"] + MARGIN
    assert any(not s["ships"] for s in model.selection.values())  # and the others were left to the rules


STORIES = {
    "s1.txt": ("The Orion Research Agency signed an MoU with the Vesta Space Company in Pune on Tuesday. "
               "The Ruritanian Ministry of Defence welcomed the agreement."),
    "s2.txt": ("The Orion Research Agency held talks with the Ruritanian Ministry of Defence in Pune on Monday. "
               "The Vesta Space Company was not part of the talks."),
    "s3.txt": ("Vesta Space Company signed a contract with the Ruritanian Ministry of Defence on Monday. "
               "Orion Research Agency had signed an MoU with Vesta in 2019."),
    "s4.txt": ("The Ruritanian Ministry of Defence met the Orion Research Agency in Pune on Wednesday to review "
               "projects. The Vesta Space Company attended."),
}
GOLD = [
    {"file": "s1.txt", "organisations": [], "agreements": [
        {"type": "MoU", "parties": ["Orion Research Agency", "Vesta Space Company"], "date": "2025-06-10"}],
     "meetings": []},
    {"file": "s2.txt", "organisations": [], "agreements": [], "meetings": [
        {"type": "bilateral meeting", "participants": ["Orion Research Agency", "Ruritanian Ministry of Defence"],
         "start_date": "2025-06-09"}]},
    {"file": "s3.txt", "organisations": [], "agreements": [
        {"type": "contract", "parties": ["Vesta Space Company", "Ruritanian Ministry of Defence"],
         "date": "2025-06-09"}], "meetings": []},
    {"file": "s4.txt", "organisations": [], "agreements": [], "meetings": [
        {"type": "review meeting", "participants": ["Orion Research Agency", "Ruritanian Ministry of Defence",
                                                    "Vesta Space Company"], "start_date": "2025-06-11"}]},
]


def test_parley_train_writes_a_model_file_that_loads_and_says_what_it_chose(tmp_path: Path, capsys):
    dev = tmp_path / "dev"
    dev.mkdir()
    for name, text in STORIES.items():
        (dev / name).write_text(f"Date: {PUB.isoformat()}\n\n{text}\n", encoding="utf-8")
    (dev / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    (dev / "folds.json").write_text(json.dumps({"folds": {"1": ["s1.txt", "s2.txt"], "2": ["s3.txt", "s4.txt"]}}),
                                    encoding="utf-8")
    out = tmp_path / "k" / MODEL_FILE
    assert parley(["train", "--dev", str(dev), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "agreement.party: cross-validated F1 rules" in said and f"wrote {out}" in said
    written = json.loads(out.read_text(encoding="utf-8"))
    assert set(written["selection"]) >= {"agreement.party", "agreement.event", "meeting.participant"}
    shutil.copytree(DEFAULT_DIR, tmp_path / "copy")
    shutil.copy(out, tmp_path / "copy" / MODEL_FILE)
    assert load_knowledge(tmp_path / "copy") is not None


def test_parley_train_without_gold_says_what_to_point_it_at(tmp_path: Path, capsys):
    assert parley(["train", "--dev", str(tmp_path)]) != 0
    err = capsys.readouterr().err
    assert "gold.jsonl" in err and "Traceback" not in err
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    (tmp_path / "folds.json").write_text(json.dumps({"folds": {"1": ["s1.txt"]}}), encoding="utf-8")
    assert parley(["train", "--dev", str(tmp_path)]) != 0
    assert "s1.txt, which is not in" in capsys.readouterr().err
    assert len(COMPONENTS) > len(BEFORE_DECISIONS)


def test_a_model_ships_only_if_its_gain_holds_across_the_folds_not_just_pooled():
    steady = Selection("meeting.participant", 100.0, 0.80, 0.88, (0.04, 0.03, 0.11, 0.2))
    one_fold_reverses = Selection("agreement.event", 1.0, 0.906, 0.928, (-0.05, 0.044, 0.068, 0.024))
    assert steady.ships and not one_fold_reverses.ships
    assert not Selection("agreement.event", 1.0, 0.90, 0.91, (0.01, 0.01, 0.01, 0.01)).ships  # under MARGIN


def test_bodies_an_event_only_serves_are_no_candidates_of_its_roles():
    text = ("The Defence Acquisition Council, chaired by Defence Minister Arjun Mehra, met on Tuesday and approved "
            "proposals worth Rs 5,000 crore for the Indian Army, Navy and the Air Force.")
    doc = rules_doc(text)
    (event,) = doc.events["meeting"]
    rx = compile_spec(knowledge().event("meeting"), knowledge())
    found = {c.name for c in candidates(doc, event, "participant", rx, [event])}
    assert found == {"Defence Acquisition Council"}


def test_bodies_whose_officials_took_part_stay_candidates():
    text = ("The Joint Working Group met in Pune on Monday. It was attended by officials of the Ministry of Defence "
            "and of the Chilean Navy, who reviewed projects for the Indian Army.")
    doc = rules_doc(text)
    rx = compile_spec(knowledge().event("meeting"), knowledge())
    found = {c.name for e in doc.events["meeting"] for c in candidates(doc, e, "participant", rx, [e])}
    assert {"Ministry of Defence", "Chilean Navy"} <= found and "Indian Army" not in found


def test_a_decision_whose_gain_did_not_hold_end_to_end_is_left_to_the_rules():
    key = next(iter(LEFT_TO_RULES))
    assert not Selection(key, 1.0, 0.80, 0.90, (0.1, 0.1, 0.1, 0.1)).ships
    assert Selection("some.other", 1.0, 0.80, 0.90, (0.1, 0.1, 0.1, 0.1)).ships  # positive control
