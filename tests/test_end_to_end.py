"""Whole runs through the real Prefect, DuckDB and Great Expectations on small data."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from flows.preflight import nothing_new
from flows.run import parley_run
from parley.cli import main
from parley.settings import load_settings
from parley.source_specs import resolve
from schemas import TABLES
from transforms.extract import extractor_version
from transforms.knowledge import knowledge
from transforms.reading import read_article
from transforms.record import ArticleRecord, EventRecord
from warehouse import zones

from .conftest import write_articles

pytestmark = pytest.mark.usefixtures("prefect_server")

WHO_SIGNED_WHAT = """
    select a.agreement_type, a.signed_date, string_agg(o.name, ' + ' order by o.name) as parties
    from fact_agreements a
    join bridge_agreement_parties p using (agreement_id)
    join dim_organisations o using (organisation_id)
    group by all order by a.signed_date
"""


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_run_on_the_samples_publishes_a_warehouse_plain_duckdb_can_query(home: Path, capsys):
    assert main(["run"]) == 0
    # Where the run's time and memory went, stage by stage, for monitoring and the benchmark.
    last = json.loads((home / "runs" / "last-run.json").read_text())
    assert set(last["seconds"]) == set(last["peak_rss_mib"]) >= {"ingest", "extract", "model", "validate", "publish"}
    assert all(mib > 50 for mib in last["peak_rss_mib"].values())
    db = home / "warehouse.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        for t in TABLES:
            cols = [r[0] for r in con.execute(f"describe {t.name}").fetchall()]
            assert cols == t.column_names
        rows = con.execute(WHO_SIGNED_WHAT).fetchall()
        assert len(rows) >= 8
        types = {r[0] for r in rows}
        assert {"MoU", "contract", "MoA", "framework", "technology transfer"} <= types
        mtypes = {r[0] for r in con.execute("select distinct meeting_type from fact_meetings").fetchall()}
        assert {"plenary", "dialogue", "conference", "review meeting"} <= mtypes
    capsys.readouterr()
    assert main(["sql", "select count(*) as n from dim_articles"]) == 0
    assert "27" in capsys.readouterr().out
    # Bodies learnt from the articles that the registry lacks, as registry lines to review.
    assert main(["registry", "--min-articles", "1", "--bare"]) == 0
    learnt = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    registry = {o.name for o in knowledge().organisations}
    assert learnt and all(e["name"] not in registry and not e["name"].startswith("Government of ") for e in learnt)
    # A passing run renders no Data Docs (they cost seconds a run); `parley quality-docs` renders them.
    docs = home / "quality" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    assert not docs.exists()
    assert main(["quality-docs"]) == 0 and docs.exists()


def test_unreadable_files_are_quarantined_and_the_rest_loads(home: Path, tmp_path: Path):
    src = write_articles(tmp_path / "src", {
        "good.txt": " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday.",
        "empty.txt": "",
    })
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    assert main(["run", "--source", str(src)]) == 0
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from dim_articles").fetchone()[0] == 1
        reasons = dict(con.execute("select source_uri, reason from quarantine").fetchall())
    assert sorted(Path(u).name for u in reasons) == ["binary.txt", "empty.txt"]
    assert all(reasons.values())


def test_running_twice_over_the_same_sources_changes_nothing(home: Path, tmp_path: Path, capsys):
    src = write_articles(tmp_path / "src", {
        "a.txt": " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday.",
        "b.txt": " date 2025-06-13 Defence Secretary Anil Rawat chaired a review meeting in Delhi on Friday.",
    })
    assert main(["run", "--source", str(src)]) == 0
    db = home / "warehouse.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        first = {t.name: con.execute(f"select * from {t.name} order by all").fetchall() for t in TABLES
                 if t.name != "dim_articles"}
    published = digest(db)
    capsys.readouterr()
    assert main(["run", "--source", str(src)]) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        second = {t.name: con.execute(f"select * from {t.name} order by all").fetchall() for t in TABLES
                  if t.name != "dim_articles"}
    assert first == second
    # Nothing new: no model, no gate, no new version; the published file is untouched.
    assert "nothing new since version" in capsys.readouterr().out
    assert digest(db) == published
    summaries = sorted((home / "versions").glob("*/summary.json"))
    assert len(summaries) == 1
    # `parley run` decided it before Prefect started; the flow itself (a deployment's run) decides alike,
    # also when a file was touched but its text is the same.
    assert json.loads((home / "runs" / "last-run.json").read_text())["without_flow"] is True
    (src / "a.txt").touch()
    assert nothing_new(resolve([str(src)], ()), load_settings({"PARLEY_HOME": str(home)}), "x") is None
    in_flow = parley_run(sources=[str(src)], home=str(home))
    assert in_flow["unchanged"] and "without_flow" not in in_flow and digest(db) == published
    # Positive control: one new article and the next run builds and publishes a new version.
    write_articles(src, {"c.txt": " date 2025-06-14 The Indian Army signed a contract with Bharat Forge."})
    assert main(["run", "--source", str(src)]) == 0
    assert len(sorted((home / "versions").glob("*/summary.json"))) == 2 and digest(db) != published


def test_gate_blocks_a_bad_batch_and_the_previous_warehouse_stays(home: Path, tmp_path: Path, capsys):
    good = write_articles(tmp_path / "good", {
        "a.txt": " date 2025-06-12 The Indian Navy signed a contract with Goa Shipyard Limited on Monday.",
    })
    assert main(["run", "--source", str(good)]) == 0
    db = home / "warehouse.duckdb"
    before = digest(db)
    # A faulty extractor wrote a record with an agreement type outside the allowed set.
    text = " date 2025-06-13 The Indian Army signed a contract with Bharat Forge on Tuesday."
    bad = write_articles(tmp_path / "bad", {"b.txt": text})
    art = read_article(text.encode(), max_bytes=10**6)
    record = ArticleRecord(events={"agreement": [
        EventRecord(type="handshake", evidence="The Indian Army signed a contract.")]})
    zones.append_extracted(home / "extracted", extractor_version(), {art.content_hash: record})
    capsys.readouterr()
    assert main(["run", "--source", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "fact_agreements" in out and "expect_column_values_to_be_in_set" in out
    assert digest(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from dim_articles").fetchone()[0] == 1
    blocked = [p.parent for p in (home / "versions").glob("*/summary.json")
               if not json.loads(p.read_text())["published"]]
    assert blocked and not any((v / "warehouse.duckdb").exists() for v in blocked)  # nor a file built beside the gate
    assert (home / "quality" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()


def test_bad_source_is_a_clear_error_not_a_traceback(home: Path, capsys):
    assert main(["run", "--source", "/no/such/folder"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_blocked_run_ends_failed_in_prefect_with_the_gates_verdict_and_its_run_id(home: Path, tmp_path: Path):
    from prefect import get_client

    from flows.run import parley_run

    text = " date 2025-06-13 The Indian Army signed a contract with Bharat Forge on Tuesday."
    src = write_articles(tmp_path / "bad", {"b.txt": text})
    art = read_article(text.encode(), max_bytes=10**6)
    zones.append_extracted(home / "extracted", extractor_version(), {art.content_hash: ArticleRecord(
        events={"agreement": [EventRecord(type="handshake", evidence="The Indian Army signed a contract.")]})})
    state = parley_run([str(src)], str(home), run_id="20260101T000000Z-test01", return_state=True)
    assert state.is_failed() and state.message.startswith("quality gate blocked publication")
    assert "expect_column_values_to_be_in_set" in state.message
    assert state.result(raise_on_failure=False)["published"] is False  # the summary travels with the state
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert run.name == "parley-20260101T000000Z-test01"
    good = parley_run([str(write_articles(tmp_path / "good", {"a.txt": text.replace("Army", "Navy")}))],
                      str(tmp_path / "home2"), return_state=True)
    assert good.is_completed()  # positive control: a published run completes
