"""The extractor is a pipeline of named components over one document; its record is typed."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas import BY_NAME
from transforms.pipeline import COMPONENTS, run_pipeline
from transforms.record import ArticleRecord, EventRecord, RecordError, RoleFiller
from warehouse.arrow import UnknownColumnError, to_arrow

PUB = dt.date(2025, 6, 12)
TEXT = ("<p>The Orion Research Agency (ORA) signed an MoU with the Department of Space on Tuesday in Pune.</p>\n"
        "Also read| Another story about a contract signed elsewhere\n"
        "Defence Secretary Anil Rawat chaired a review meeting on quantum technology on Wednesday.")


def test_the_components_run_in_the_order_the_pipeline_lists():
    assert [c.__name__ for c in COMPONENTS] == [
        "clean", "sentences", "runs", "transfers", "organisations", "officials", "domains", "events", "decisions",
        "governments"]


def test_each_component_adds_its_layer_to_the_one_document():
    doc = run_pipeline(TEXT, PUB)
    assert "<p>" not in doc.text and "Another story" not in doc.text  # cleaned for extraction
    assert len(doc.sentences) == 2 and doc.runs
    assert {o.name for o in doc.orgs} >= {"Orion Research Agency", "Department of Space"}
    assert {s[2] for s in doc.spans["organisations"]} >= {"Orion Research Agency"}
    assert [p.name for p in doc.officials] == ["Anil Rawat"]
    assert doc.domains == {"Quantum Technologies": 1}
    assert [e.type for e in doc.events["agreement"]] == ["MoU"]
    assert [e.type for e in doc.events["meeting"]] == ["review meeting"]


def test_a_pipeline_can_stop_early_with_only_the_layers_so_far():
    doc = run_pipeline(TEXT, PUB, components=COMPONENTS[:4])
    assert doc.sentences and not doc.orgs and not doc.events


def test_the_record_round_trips_through_its_stored_form():
    rec = ArticleRecord(events={"agreement": [EventRecord(type="MoU", start="2025-06-10",
                                                         roles=[RoleFiller("party", "Orion Research Agency")])]})
    assert ArticleRecord.from_dict(rec.to_dict()) == rec


def test_a_stored_record_with_an_unknown_key_is_refused():
    data = ArticleRecord().to_dict() | {"agreements": []}  # the shape of an older extractor
    with pytest.raises(RecordError, match="unknown key.*agreements.*reprocess"):
        ArticleRecord.from_dict(data)
    event = {"type": "MoU", "parties": ["X"]}
    with pytest.raises(RecordError, match="unknown key.*parties"):
        ArticleRecord.from_dict({"events": {"agreement": [event]}})


def test_rows_with_an_undeclared_column_are_refused_not_written_as_null():
    table = BY_NAME["fact_agreements"]
    good = {"agreement_id": "a1", "agreement_type": "MoU"}
    assert to_arrow(table, [good]).num_rows == 1  # positive control
    with pytest.raises(UnknownColumnError, match="fact_agreements.*signing_date"):
        to_arrow(table, [good | {"signing_date": None}])


def test_a_government_whose_country_takes_the_is_also_known_without_it():
    from transforms.knowledge import knowledge
    from transforms.pipeline import government_aliases

    assert "Government of Philippines" in government_aliases("Philippines", knowledge())
