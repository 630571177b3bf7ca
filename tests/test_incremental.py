"""Run after run: idempotent, incremental, order-independent (issue 5), through the real flow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from parley.cli import main
from schemas import MARTS, TABLES
from transforms.knowledge import DEFAULT_DIR

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

BATCH_A = {
    "a1.txt": " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday in Goa.",
    "a2.txt": " date 2025-06-13 Defence Secretary Anil Rawat chaired a review meeting in New Delhi on Friday.",
    "a3.txt": " date 2025-06-14 Bharat Electronics Limited and the Indian Army signed an MoU on Saturday.",
}
BATCH_B = {
    "b1.txt": " date 2025-06-20 The Indian Air Force signed a contract with Hindustan Aeronautics Limited on "
              "Wednesday in Bengaluru.",
    "b2.txt": " date 2025-06-21 Joint Secretary Meera Iyer chaired a review meeting in Pune on Friday.",
}


def snapshot(db: Path, skip_cols: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        out = {}
        for t in TABLES:
            cols = [c for c in t.column_names if c not in skip_cols]
            out[t.name] = con.execute(f"select {', '.join(cols)} from {t.name} order by all").fetchall()
        return out


def marts(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {v.name: con.execute(f"select * from {v.name} order by all").fetchall() for v in MARTS}


def last_summary(home: Path) -> dict:
    return json.loads(sorted((home / "versions").glob("*/summary.json"))[-1].read_text())


def test_only_new_articles_are_extracted(home: Path, tmp_path: Path):
    a = write_articles(tmp_path / "a", BATCH_A)
    assert main(["run", "--source", str(a)]) == 0
    assert last_summary(home)["articles"]["extracted"] == 3
    b = write_articles(tmp_path / "b", BATCH_B)
    assert main(["run", "--source", str(a), "--source", str(b)]) == 0
    s = last_summary(home)["articles"]
    # The files of `a` are unchanged since the last run: not even read again.
    assert (s["read"], s["new"], s["unchanged"], s["extracted"], s["in_warehouse"]) == (2, 2, 3, 2, 5)
    (a / "a1.txt").write_text(BATCH_A["a1.txt"] + " It was the first of two.", encoding="utf-8")
    (b / "b1.txt").touch()  # a new modification time, the same text: read again, known by its hash
    assert main(["run", "--source", str(a), "--source", str(b)]) == 0
    s = last_summary(home)["articles"]
    assert (s["read"], s["new"], s["already_known"], s["unchanged"], s["in_warehouse"]) == (2, 1, 1, 3, 6)


def test_the_same_text_under_another_name_is_one_article(home: Path, tmp_path: Path):
    text = " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday."
    src = write_articles(tmp_path / "s", {"outlet1.txt": text, "outlet2-copy.txt": text + "\n\n"})
    assert main(["run", "--source", str(src)]) == 0
    snap = snapshot(home / "warehouse.duckdb")
    assert len(snap["dim_articles"]) == 1
    assert len(snap["fact_agreements"]) == 1


def test_input_order_does_not_change_the_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    a = write_articles(tmp_path / "a", BATCH_A)
    b = write_articles(tmp_path / "b", BATCH_B)
    snaps = []
    for name, order in (("h1", [a, b]), ("h2", [b, a])):
        monkeypatch.setenv("PARLEY_HOME", str(tmp_path / name))
        for src in order:
            assert main(["run", "--source", str(src)]) == 0
        snaps.append(snapshot(tmp_path / name / "warehouse.duckdb", skip_cols=("read_at",)))
    assert snaps[0] == snaps[1]


def test_reprocess_rederives_from_the_raw_zone_and_keeps_ids(home: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    src = write_articles(tmp_path / "src", BATCH_A)
    assert main(["run", "--source", str(src)]) == 0
    before = snapshot(home / "warehouse.duckdb")
    shutil.rmtree(src)  # the sources are gone; the raw zone is enough
    # A new extractor version: the knowledge files change (a registry entry is added).
    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, kdir)
    with open(kdir / "organisations.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"name": "Orion Test Works", "acronym": "OTW", "aliases": [], "org_type": "company",
                             "country": "India"}) + "\n")
    monkeypatch.setenv("PARLEY_KNOWLEDGE_DIR", str(kdir))
    assert main(["reprocess"]) == 0
    s = last_summary(home)["articles"]
    assert s["extracted"] == 3 and s["read"] == 0
    after = snapshot(home / "warehouse.duckdb")
    assert after == before  # nothing in these articles changed, so neither did any id or row


BATCH_C = {
    "c1.txt": " date 2025-06-21 The Indian Air Force and Hindustan Aeronautics Limited signed the contract for "
              "trainer aircraft on June 18 in Bengaluru, officials said.",
    "c2.txt": " date 2025-06-23 Defence Secretary Meera Iyer chaired a review meeting in Pune on Monday.",
}
LATE = {"l1.txt": " date 2025-06-15 Goa Shipyard Limited signed an MoU with the Indian Coast Guard on Sunday."}


def test_runs_model_only_what_is_new_and_equal_a_full_reprocess(home: Path, tmp_path: Path):
    for name, batch in (("a", BATCH_A), ("b", BATCH_B), ("c", BATCH_C)):
        assert main(["run", "--source", str(write_articles(tmp_path / name, batch))]) == 0
    summary = last_summary(home)
    assert (summary["model"]["mode"], summary["model"]["articles"]) == ("incremental", 2)
    assert summary["publish"] == "built"
    incremental = snapshot(home / "warehouse.duckdb"), marts(home / "warehouse.duckdb")
    assert main(["reprocess", "--force"]) == 0
    summary = last_summary(home)
    assert (summary["model"]["mode"], summary["publish"]) == ("full", "built")
    assert (snapshot(home / "warehouse.duckdb"), marts(home / "warehouse.duckdb")) == incremental
    # News older than the newest held cannot go on top of the state: modelled from empty, still right.
    assert main(["run", "--source", str(write_articles(tmp_path / "late", LATE))]) == 0
    model = last_summary(home)["model"]
    assert (model["mode"], model["articles"]) == ("full", 8) and "published before" in model["why"]


def test_a_run_after_a_rollback_goes_on_from_the_version_rolled_back_to(home: Path, tmp_path: Path):
    assert main(["run", "--source", str(write_articles(tmp_path / "a", BATCH_A))]) == 0
    first = (home / "CURRENT").read_text().strip()
    assert main(["run", "--source", str(write_articles(tmp_path / "b", BATCH_B))]) == 0
    assert main(["rollback", first]) == 0
    assert main(["run", "--source", str(write_articles(tmp_path / "c", BATCH_C))]) == 0
    summary = last_summary(home)
    # The articles of b, published after the rollback target's newest, go on top of its state with c's.
    assert (summary["model"]["mode"], summary["model"]["articles"]) == ("incremental", 4)
    assert summary["articles"]["in_warehouse"] == 7
    after = snapshot(home / "warehouse.duckdb")
    assert main(["reprocess", "--force"]) == 0
    assert snapshot(home / "warehouse.duckdb") == after


def test_a_run_with_new_articles_reads_the_raw_zone_s_hashes_once(home: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    from warehouse import zones

    a = write_articles(tmp_path / "a", BATCH_A)
    assert main(["run", "--source", str(a)]) == 0
    reads = []
    real = zones.raw_parts
    monkeypatch.setattr(zones, "raw_parts", lambda raw_dir: reads.append(raw_dir) or real(raw_dir))
    b = write_articles(tmp_path / "b", BATCH_B)
    assert main(["run", "--source", str(a), "--source", str(b)]) == 0
    assert last_summary(home)["model"]["mode"] == "incremental"
    assert len(reads) == 1  # by ingest, once for every batch
