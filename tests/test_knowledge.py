"""Knowledge files are validated when loaded, and word forms are generated from lemmas."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transforms.inflect import inflect, verb_forms
from transforms.knowledge import DEFAULT_DIR, KnowledgeError, load_knowledge
from transforms.patterns import PatternError
from transforms.specs import SpecError

IRREGULAR = {"win": "won", "hold": "held", "meet": "met"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_DIR, tmp_path / "k")
    return tmp_path / "k"


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def test_the_shipped_knowledge_loads(folder: Path):
    k = load_knowledge(folder)
    assert {s.name for s in k.events} == {"agreement", "meeting"}
    assert "signed" in k.event("agreement").verbs


def test_a_duplicate_entry_names_the_file_and_both_lines(folder: Path):
    lines = (folder / "titles.txt").read_text(encoding="utf-8").splitlines()
    first = next(i for i, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#"))
    append(folder / "titles.txt", lines[first - 1] + "\n")
    with pytest.raises(KnowledgeError, match=rf"titles\.txt:{len(lines) + 1}: duplicate .*first on line {first}"):
        load_knowledge(folder)


def test_a_registry_type_outside_the_declared_set_is_refused(folder: Path):
    append(folder / "organisations.jsonl", '{"name": "Orion Test Works", "org_type": "shipyard"}\n')
    with pytest.raises(KnowledgeError, match=r"organisations\.jsonl:\d+: org_type 'shipyard'"):
        load_knowledge(folder)


def test_a_head_word_without_its_type_column_is_refused(folder: Path):
    append(folder / "org_heads.tsv", "Consortium\n")
    with pytest.raises(KnowledgeError, match=r"org_heads\.tsv:\d+: expected 3 tab-separated columns"):
        load_knowledge(folder)


def test_a_head_word_added_to_the_file_gives_names_its_type(folder: Path):
    from transforms.organisations import find_organisations

    text = "The Orion Syndicate signed a contract with the Navy on Monday."
    assert "Orion Syndicate" not in {o.name for o in find_organisations(text, load_knowledge(folder))}
    append(folder / "org_heads.tsv", "Syndicate\tcompany\tstrong\n")
    orgs = {o.name: o for o in find_organisations(text, load_knowledge(folder))}
    assert orgs["Orion Syndicate"].org_type == "company"


def test_a_meeting_type_outside_the_schema_is_refused(folder: Path):
    append(folder / "meeting_types.tsv", "jamboree\tparty\n")
    with pytest.raises(SpecError, match=r"meeting\.toml: type 'party'"):
        load_knowledge(folder)


def test_a_pattern_that_does_not_compile_is_named(folder: Path):
    append(folder / "patterns.toml", "\n[broken]\npattern = '(unclosed'\n")
    with pytest.raises(PatternError, match=r"\[broken\] does not compile"):
        load_knowledge(folder)


def test_a_pattern_embedding_an_unknown_word_set_is_named(folder: Path):
    append(folder / "patterns.toml", "\n[typo]\npattern = '<<no_such_set>>'\n")
    with pytest.raises(PatternError, match=r"\[typo\] embeds unknown word set <<no_such_set>>"):
        load_knowledge(folder)


def test_a_missing_file_says_where_to_copy_it_from(folder: Path):
    (folder / "ranks.txt").unlink()
    with pytest.raises(KnowledgeError, match=r"ranks\.txt: missing; copy it"):
        load_knowledge(folder)


@pytest.mark.parametrize(("lemma", "forms"), [
    ("sign", ["sign", "signs", "signed", "signing"]),
    ("bag", ["bag", "bags", "bagged", "bagging"]),
    ("receive", ["receive", "receives", "received", "receiving"]),
    ("clinch", ["clinch", "clinches", "clinched", "clinching"]),
    ("win", ["win", "wins", "won", "winning"]),
    ("enter into", ["enter into", "enters into", "entered into", "entering into"]),
    ("co-chair", ["co-chair", "co-chairs", "co-chaired", "co-chairing"]),
    ("focus", ["focus", "focuses", "focused", "focusing"]),
])
def test_word_forms_are_generated_from_the_lemma(lemma: str, forms: list[str]):
    assert [inflect(lemma, f, IRREGULAR) for f in ("base", "s", "past", "ing")] == forms


def test_a_spec_lists_only_the_forms_it_asks_for():
    assert verb_forms({"hold": ["past", "base"], "meet": ["past"]}, IRREGULAR) == ["held", "hold", "met"]


def test_a_verb_added_to_a_spec_as_a_lemma_reports_agreements_in_every_form(folder: Path):
    from transforms.pipeline import extract

    text = "The Orion Research Agency ratifies an MoU with the Department of Space."
    assert extract(text, None, load_knowledge(folder)).events["agreement"] == []
    spec = folder / "events" / "agreement.toml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('sign = "all"', 'sign = "all"\nratify = "all"'),
                    encoding="utf-8")
    k = load_knowledge(folder)
    assert {"ratify", "ratifies", "ratified", "ratifying"} <= set(k.event("agreement").verbs)
    assert len(extract(text, None, k).events["agreement"]) == 1


def test_a_run_with_broken_knowledge_stops_before_starting_with_one_line(folder: Path, monkeypatch, capsys,
                                                                         tmp_path: Path):
    from parley.cli import main

    append(folder / "honorifics.txt", "Dr\nDr\n")
    monkeypatch.setenv("PARLEY_KNOWLEDGE_DIR", str(folder))
    monkeypatch.setenv("PARLEY_HOME", str(tmp_path / "home"))
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parley: knowledge files:") and "honorifics.txt" in err and "\n" not in err
    assert not (tmp_path / "home" / "warehouse.duckdb").exists()
