"""Modelling as a fold: a state that takes each run's new articles gives, row for row, the tables one
pass over all articles gives (issue 15). Records are written by hand, so the test does not depend on
what the extractor finds."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from schemas import TABLES
from transforms.knowledge import knowledge
from transforms.model import ArticleMeta, ModelState, OutOfOrder, fold_key
from transforms.names import stable_id
from warehouse import model_state
from warehouse.delta import TableChange, apply, write_changes
from warehouse.table_files import bounded_connection, parquet_path

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def org(name: str, acronym: str | None = None, parent: str | None = None, alias: str | None = None
        ) -> dict[str, Any]:
    return {"name": name, "acronym": acronym, "aliases": [alias] if alias else [], "org_type": "agency",
            "country": None, "parent": parent, "mentions": 1}


def person(name: str, title: str | None = None, organisation: str | None = None) -> dict[str, Any]:
    return {"name": name, "title": title, "rank": None, "organisation": organisation, "mentions": 1}


def deal(kind: str, parties: list[str], start: str | None, signer: str | None = None) -> dict[str, Any]:
    roles = [{"role": "party", "name": p} for p in parties]
    roles += [{"role": "signatory", "name": signer}] if signer else []
    return {"type": kind, "name": None, "start": start, "end": start, "precision": "day" if start else None,
            "location": None, "roles": roles, "evidence": f"{kind} of {' and '.join(parties)}"}


def article(run: str, day: str, n: int, orgs: list[dict], officials: list[dict] = (),  # type: ignore[assignment]
            agreements: list[dict] = (), meetings: list[dict] = ()) -> tuple[ArticleMeta, dict]:  # type: ignore[assignment]
    h = stable_id("article", run, day, n) * 4
    meta = ArticleMeta(h[:16], h, f"{run}/{n}.txt", None, None, dt.date.fromisoformat(day), 100, NOW,
                       ingest_run=run)
    rec = {"organisations": orgs, "officials": list(officials), "domains": [{"name": "drones", "mentions": 1}],
           "events": {"agreement": list(agreements), "meeting": list(meetings)}}
    return meta, rec


AGENCY, SHORT, WORKS, MARINE = "Zentara Defence Agency", "ZDA", "Korvin Dynamics Ltd", "Halvorsen Marine AS"
RUNS = [
    [  # the agency and its acronym seen apart: two organisations for now
        article("r1", "2025-03-02", 6, [org(AGENCY)]),
        article("r1", "2025-03-03", 1, [org(AGENCY), org(WORKS)],
                [person("Ravi Menon", "Joint Secretary"), person("Lina Okafor")],
                [deal("MoU", [AGENCY, WORKS], "2025-03-03", "Ravi Menon")]),
        article("r1", "2025-03-04", 2, [org(SHORT), org(WORKS, parent=AGENCY), org(MARINE)], [],
                [deal("contract", [SHORT, MARINE], "2025-03-04")],
                meetings=[deal("review meeting", [SHORT, WORKS], "2025-03-04")]),
    ],
    [  # "Zentara Defence Agency (ZDA)": one organisation after all; a promotion; a first title
        article("r2", "2025-03-05", 3, [org(AGENCY, SHORT, alias="Zentara Agency"), org("Velmora Aerospace Pvt Ltd")],
                [person("Ravi Menon", "Additional Secretary", AGENCY), person("Lina Okafor", "Director General")],
                [deal("contract", [SHORT, "Velmora Aerospace Pvt Ltd"], "2025-03-05")]),
        article("r2", "2025-03-04", 9, [org(SHORT)], meetings=[deal("review meeting", [SHORT], "2025-03-04")]),
    ],
    [  # later reports: of the first MoU by the acronym, of the acronym's contract by the full name
        article("r3", "2025-03-06", 4, [org(WORKS), org(SHORT)], [person("Ravi Menon")],
                [deal("MoU", [WORKS, SHORT], "2025-03-03")]),
        article("r3", "2025-03-07", 5, [org(AGENCY), org(MARINE)],
                agreements=[deal("contract", [AGENCY, MARINE], "2025-03-04")]),
    ],
]


def fold_run(state: ModelState, run: list[tuple[ArticleMeta, dict]], previous: Path | None, where: Path
             ) -> tuple[Path, dict[str, TableChange]]:
    """One run folded onto `state` as a run does: its changes written to `where`/changes and applied to
    the `previous` tables folder (None: the first run), giving the `where`/tables folder."""
    changed = write_changes(state.fold(sorted(run, key=lambda a: fold_key(a[0]))), TABLES, where / "changes")
    with bounded_connection() as con:
        apply(con, previous, changed, TABLES, where / "tables")
    return where / "tables", changed


def read_tables(folder: Path) -> dict[str, pa.Table]:
    return {t.name: pq.read_table(parquet_path(folder, t.name)) for t in TABLES}


def tables_of(runs: list[list[tuple[ArticleMeta, dict]]], persist: Path | None, state: ModelState | None = None
              ) -> tuple[dict[str, pa.Table], ModelState]:
    """Folds each run onto the state of the last (written and read as runs keep it, if `persist`)."""
    state = state or ModelState(key="test")
    with tempfile.TemporaryDirectory() as scratch:
        folder: Path | None = None
        for i, run in enumerate(runs):
            if persist:
                state = model_state.load(model_state.save(persist, state).parent, "test", knowledge(),
                                         persist / "work")
            folder, _ = fold_run(state, run, folder, Path(scratch) / f"v{i}")
        return (read_tables(folder) if folder else {}), state


def test_runs_folded_one_by_one_give_the_tables_of_one_pass(tmp_path: Path):
    one_pass, whole = tables_of([[a for run in RUNS for a in run]], persist=None)
    increments, state = tables_of(RUNS, persist=tmp_path)
    # Positive controls: the runs do join two organisations and version a person.
    assert len(state.orgs.redirect) and len(state.store.people.get("ravi menon").chain) == 2
    assert sorted(increments) == sorted(one_pass)
    for name in one_pass:
        assert increments[name].equals(one_pass[name]), name


def test_an_organisation_keeps_the_id_it_was_first_given_when_an_acronym_joins_it(tmp_path: Path):
    tables, _ = tables_of(RUNS, persist=tmp_path)
    orgs = {r["name"]: r for r in tables["dim_organisations"].to_pylist()}
    assert orgs[AGENCY]["organisation_id"] == stable_id("organisation", "zentara defence agency")
    assert orgs[AGENCY]["acronym"] == SHORT and SHORT not in orgs
    # Every row that named the acronym's own id now names the agency's.
    parties = set(tables["bridge_agreement_parties"].column("organisation_id").to_pylist())
    assert parties <= set(tables["dim_organisations"].column("organisation_id").to_pylist())


@pytest.mark.parametrize("partner", [WORKS, MARINE])
def test_a_later_report_joins_the_event_it_reports_even_by_another_spelling(partner: str, tmp_path: Path):
    tables, _ = tables_of(RUNS, persist=tmp_path)
    ids = {r["name"]: r["organisation_id"] for r in tables["dim_organisations"].to_pylist()}
    deals = {r["agreement_id"] for r in tables["bridge_agreement_parties"].to_pylist()
             if r["organisation_id"] == ids[partner]}
    assert len(deals) == 1
    reports = [r for r in tables["bridge_agreement_articles"].to_pylist() if r["agreement_id"] in deals]
    assert len(reports) == 2


def test_an_article_published_before_what_the_state_holds_is_refused():
    state = ModelState()
    state.fold([RUNS[0][0]])
    with pytest.raises(OutOfOrder):
        state.fold([article("r2", "2025-03-01", 7, [org(WORKS)])])
    # Positive control: a later one goes on top.
    assert state.fold([article("r2", "2025-03-09", 8, [org(WORKS)])]).take("dim_articles")


def test_a_fold_from_empty_replaces_every_table_whole_and_keeps_no_owners():
    state = ModelState(key="test")
    first = state.fold(sorted(RUNS[0], key=lambda a: fold_key(a[0])))
    assert first.everything and not first.replace
    # Positive control: a fold on top of it names the owners whose rows it replaces.
    second = state.fold(sorted(RUNS[1], key=lambda a: fold_key(a[0])))
    assert not second.everything and second.replace["dim_articles"][1]
